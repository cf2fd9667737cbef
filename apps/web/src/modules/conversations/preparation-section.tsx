import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Group, List, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconExternalLink, IconPlus, IconShare, IconTrash } from '@tabler/icons-react';
import type { ConversationDetail } from '@groeipad/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { AppModal } from '../../ui/app-modal.tsx';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { formatMoment, Section } from './parts.tsx';
import { useAddEvidence, useRemoveEvidence, useSavePreparation, useSharePreparation } from './queries.ts';

type Props = { c: ConversationDetail };

function ReflectionForm({ c }: Props) {
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
      <Stack gap="xs">
        <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
          {t('prep.notShared')}
        </Badge>
      </Stack>
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
        save.mutate({ answers, version: c.version });
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

function EvidenceList({ c }: Props) {
  const { t } = useTranslation('conversations');
  const add = useAddEvidence(c.id);
  const remove = useRemoveEvidence(c.id);
  const [open, setOpen] = useState(false);
  const [removing, setRemoving] = useState<{ id: string; title: string } | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [url, setUrl] = useState('');
  const fieldErrors = isApiError(add.error) ? add.error.fieldErrors() : {};
  return (
    <Stack gap="xs">
      {c.evidence.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('prep.evidenceEmpty')}
        </Text>
      ) : (
        <List spacing="xs" listStyleType="none" p={0}>
          {c.evidence.map((e) => (
            <List.Item key={e.id}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  {e.url ? (
                    <Anchor href={e.url} target="_blank" rel="noreferrer noopener" fw={600} size="sm">
                      {e.title} <IconExternalLink size={12} aria-hidden />
                    </Anchor>
                  ) : (
                    <Text fw={600} size="sm">
                      {e.title}
                    </Text>
                  )}
                  {e.description ? (
                    <Text size="sm" c="dimmed">
                      {e.description}
                    </Text>
                  ) : null}
                </Stack>
                {c.abilities.manageEvidence ? (
                  <ActionIcon
                    variant="subtle"
                    color="red.8"
                    aria-label={t('prep.evidenceRemove', { title: e.title })}
                    onClick={() => setRemoving(e)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {c.abilities.manageEvidence ? (
        <Group>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setOpen(true)}
          >
            {t('prep.evidenceAdd')}
          </Button>
        </Group>
      ) : null}
      <AppModal opened={open} onClose={() => setOpen(false)} title={t('prep.evidenceAdd')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(
              { title, description, url: url.trim() || null },
              {
                onSuccess: () => {
                  setOpen(false);
                  setTitle('');
                  setDescription('');
                  setUrl('');
                },
              },
            );
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={t('prep.evidenceTitleField')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
              maxLength={200}
              error={fieldErrors.title}
              data-autofocus
            />
            <Textarea
              label={t('prep.evidenceDescription')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
              error={fieldErrors.description}
            />
            <TextInput
              label={t('prep.evidenceUrl')}
              type="url"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              placeholder="https://"
              error={fieldErrors.url}
            />
            <FormError error={Object.keys(fieldErrors).length ? null : add.error} />
            <Group justify="flex-end">
              <Button type="submit" loading={add.isPending} disabled={!title.trim()}>
                {t('prep.evidenceAdd')}
              </Button>
            </Group>
          </Stack>
        </form>
      </AppModal>
      <ConfirmModal
        opened={removing !== null}
        title={t('prep.evidenceRemoveTitle')}
        confirmLabel={t('prep.evidenceRemoveTitle')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
      >
        {t('prep.evidenceRemoveText', { title: removing?.title ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}

export function PreparationSection({ c }: Props) {
  const { t } = useTranslation('conversations');
  const isEmployee = c.side === 'employee';
  return (
    <Stack gap="lg">
      <Section
        id="prep"
        title={t('prep.title')}
        intro={isEmployee && c.abilities.editPreparation ? t('prep.intro') : undefined}
      >
        <ReflectionForm key={c.version} c={c} />
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
        <EvidenceList c={c} />
      </Section>
      <Section id="feedback" title={t('prep.feedbackTitle')} intro={t('prep.feedbackIntro')}>
        {c.feedbackRounds.length === 0 ? (
          <Stack gap="xs" align="flex-start">
            <Text size="sm" c="dimmed">
              {t('prep.feedbackEmpty')}
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
