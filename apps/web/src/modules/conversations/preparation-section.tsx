import { useState } from 'react';
import { Anchor, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import type { ConversationDetail } from '@groeipad/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { EvidenceSection } from './evidence-section.tsx';
import { formatMoment, SavedNote, Section } from './parts.tsx';
import { useSavePreparation, useSharePreparation } from './queries.ts';

type Props = { c: ConversationDetail };

/** `justSaved`: this form is the fresh one after its own save (see SavedNote). */
function ReflectionForm({ c, justSaved, onSaved }: Props & { justSaved: boolean; onSaved: (version: number) => void }) {
  const { t } = useTranslation('conversations');
  const save = useSavePreparation(c.id);
  const share = useSharePreparation(c.id);
  const [answers, setAnswers] = useState<Record<string, string>>(c.preparation.answers ?? {});
  const [sharing, setSharing] = useState(false);
  const form = c.preparation.form;
  const editable = c.abilities.editPreparation;
  const dirty = JSON.stringify(answers) !== JSON.stringify(c.preparation.answers ?? {});
  const fieldErrors = isApiError(save.error) ? save.error.fieldErrors() : {};

  if (!form) return <Text size="sm">{t('prep.noForm')}</Text>;
  if (c.preparation.answers === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('prep.notShared')}
      </Text>
    );
  }
  if (!editable) {
    return (
      <Stack gap="sm">
        {form.items.map((item) => (
          <div key={item.id}>
            <Text fw={600} size="sm">
              {item.text}
            </Text>
            <Text size="sm" c={answers[item.id] ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
              {c.preparation.answers?.[item.id] || t('prep.empty')}
            </Text>
          </div>
        ))}
        {c.preparation.sharedAt ? (
          <Text size="xs" c="dimmed">
            {t('prep.sharedAt', { date: formatMoment(c.preparation.sharedAt) })}
          </Text>
        ) : null}
      </Stack>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ answers, version: c.version }, { onSuccess: (data) => onSaved(data.version) });
      }}
    >
      <Stack gap="sm">
        {form.items.map((item) => (
          <Textarea
            key={item.id}
            label={item.text}
            description={item.help}
            value={answers[item.id] ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setAnswers((a) => ({ ...a, [item.id]: value }));
            }}
            autosize
            minRows={3}
            maxLength={5000}
            error={fieldErrors[`answers.${item.id}`]}
          />
        ))}
        <FormError error={Object.keys(fieldErrors).length ? null : save.error} />
        {dirty ? (
          <Text size="sm" c="orange.9" role="status">
            {t('prep.unsaved')}
          </Text>
        ) : justSaved ? (
          <SavedNote>{t('prep.saved')}</SavedNote>
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            {t('prep.save')}
          </Button>
          {c.abilities.sharePreparation ? (
            <Button
              variant="default"
              leftSection={<IconShare size={18} aria-hidden />}
              onClick={() => setSharing(true)}
              disabled={dirty}
            >
              {t('prep.share')}
            </Button>
          ) : c.preparation.sharedAt ? (
            <Text size="sm" c="dimmed">
              {t('prep.sharedAt', { date: formatMoment(c.preparation.sharedAt) })}
            </Text>
          ) : null}
        </Group>
      </Stack>
      <ConfirmModal
        opened={sharing}
        title={t('prep.shareTitle')}
        confirmLabel={t('prep.share')}
        loading={share.isPending}
        error={share.error}
        onClose={() => setSharing(false)}
        onConfirm={() => share.mutate(c.version, { onSuccess: () => setSharing(false) })}
      >
        {t('prep.shareText')}
      </ConfirmModal>
    </form>
  );
}

export function PreparationSection({ c }: Props) {
  const { t } = useTranslation('conversations');
  const isEmployee = c.side === 'employee';
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  return (
    <Stack gap="lg">
      <Section
        id="prep"
        title={t('prep.title')}
        intro={isEmployee && c.abilities.editPreparation ? t('prep.intro') : undefined}
      >
        <ReflectionForm key={c.version} c={c} justSaved={savedVersion === c.version} onSaved={setSavedVersion} />
      </Section>
      <Section
        id="questions"
        title={c.side === 'manager' ? t('prep.questionsTitleManager') : t('prep.questionsTitle')}
        intro={isEmployee ? t('prep.questionsIntro') : t('prep.questionsManagerIntro')}
      >
        {c.questions && c.questions.items.length > 0 ? (
          <List spacing="xs" type="ordered">
            {c.questions.items.map((q) => (
              <List.Item key={q.id}>
                <Text size="sm">{q.text}</Text>
                {q.help ? (
                  <Text size="xs" c="dimmed">
                    {q.help}
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t('prep.noQuestions')}
          </Text>
        )}
      </Section>
      <Section id="evidence" title={t('prep.evidenceTitle')} intro={t('prep.evidenceIntro')}>
        <EvidenceSection c={c} />
      </Section>
      <Section
        id="feedback"
        title={t('prep.feedbackTitle')}
        intro={isEmployee ? t('prep.feedbackIntroOwn') : t('prep.feedbackIntro')}
      >
        {c.feedbackRounds.length === 0 ? (
          <Stack gap="xs" align="flex-start">
            <Text size="sm" c="dimmed">
              {isEmployee ? t('prep.feedbackEmptyOwn') : t('prep.feedbackEmpty')}
            </Text>
            {isEmployee ? (
              <Button component={Link} to="/feedback" size="xs" variant="default">
                {t('prep.feedbackAsk')}
              </Button>
            ) : null}
          </Stack>
        ) : (
          <List spacing="xs" listStyleType="none" p={0}>
            {c.feedbackRounds.map((r) => (
              <List.Item key={r.id}>
                <Group gap="xs">
                  <Anchor component={Link} to={r.href} aria-label={t('prep.feedbackView', { title: r.title })}>
                    {r.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {r.closedAt ? t('prep.feedbackClosed', { date: formatMoment(r.closedAt) }) : t('prep.feedbackOpen')}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </Stack>
  );
}
