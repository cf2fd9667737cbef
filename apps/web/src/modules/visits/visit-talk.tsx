import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { IconFolderPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VisitDetail, VisitFeedbackInput } from '@groeipad/contracts';
import { ApiError } from '../../app/api.ts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { useWarnBeforeLeaving } from '../../ui/unsaved.ts';
import { conflictCurrent } from '../team/conflict.tsx';
import { saved } from '../team/form-parts.tsx';
import { useAddToPortfolio, useSaveFeedback, useShareVisit } from './queries.ts';

// The visit page after the visit: the talk along the feedback model, and the observed person's own choices.

const TALK_PARTS = ['observation', 'effect', 'reaction', 'suggestions'] as const;
type TalkPart = (typeof TALK_PARTS)[number];

/** The follow-up talk along the feedback model: four parts, each with a short hint; either of the two records it. */
export function Talk({ teamId, visit }: { teamId: string; visit: VisitDetail }) {
  const { t } = useTranslation('visits');
  const save = useSaveFeedback(teamId, visit.id);
  const [talk, setTalk] = useState<Record<TalkPart, string>>({
    observation: visit.feedback.observation,
    effect: visit.feedback.effect,
    reaction: visit.feedback.reaction,
    suggestions: visit.feedback.suggestions,
  });
  const [dirty, setDirty] = useState(false);
  useWarnBeforeLeaving(dirty);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const stale = conflictCurrent<VisitDetail>(save.error);
  const submit = (version: number) => {
    const input: VisitFeedbackInput = { version, ...talk };
    save.mutate(input, {
      onSuccess: () => {
        setDirty(false);
        saved(t('talk.saved'));
      },
    });
  };
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="visit-talk">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="visit-talk">
          {t('talk.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('talk.intro')}
        </Text>
        {visit.feedback.recordedAt && visit.feedback.recordedBy ? (
          <Text size="sm" c="dimmed">
            {t('talk.recordedBy', { name: visit.feedback.recordedBy.displayName })}
          </Text>
        ) : null}
        {TALK_PARTS.map((part) => (
          <Textarea
            key={part}
            label={t(`talk.${part}`)}
            description={t(`talk.${part}Hint`)}
            value={talk[part]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setTalk((x) => ({ ...x, [part]: value }));
              setDirty(true);
            }}
            readOnly={!visit.abilities.feedback}
            autosize
            minRows={2}
            maxLength={4000}
            error={errors[part]}
          />
        ))}
        {stale ? (
          <Alert color="orange" variant="light" role="alert">
            {t('talk.stale')}
            <Group mt="xs">
              <Button size="xs" variant="default" onClick={() => submit(stale.version)}>
                {t('visit.saveMine')}
              </Button>
            </Group>
          </Alert>
        ) : (
          <FormError error={Object.keys(errors).length ? null : save.error} />
        )}
        {visit.abilities.feedback ? (
          <Group>
            <Button loading={save.isPending} onClick={() => submit(visit.version)}>
              {t('talk.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The observed person's own choices: share with the leidinggevende, add to the portfolio. */
export function Portfolio({ teamId, visit }: { teamId: string; visit: VisitDetail }) {
  const { t } = useTranslation('visits');
  const share = useShareVisit(teamId, visit.id);
  const add = useAddToPortfolio(teamId, visit.id);
  const [confirmShare, setConfirmShare] = useState<boolean | null>(null);
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="visit-mine">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="visit-mine">
          {t('mine.title')}
        </Title>
        {visit.abilities.share ? (
          <Switch
            label={t('mine.share')}
            description={t('mine.shareHint')}
            checked={visit.sharedAt !== null}
            onChange={(e) => setConfirmShare(e.currentTarget.checked)}
          />
        ) : null}
        <FormError error={share.error} />
        {visit.evidenceId ? (
          <Text size="sm">
            {t('mine.inPortfolio')}{' '}
            <Anchor component={Link} to="/ontwikkeling">
              {t('mine.toPlan')}
            </Anchor>
          </Text>
        ) : visit.abilities.addEvidence ? (
          <Group>
            <Button
              variant="default"
              leftSection={<IconFolderPlus size={18} aria-hidden />}
              loading={add.isPending}
              onClick={() => add.mutate(visit.version, { onSuccess: () => saved(t('mine.added')) })}
            >
              {t('mine.add')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('mine.addLater')}
          </Text>
        )}
        <FormError error={add.error} />
      </Stack>
      <ConfirmModal
        opened={confirmShare !== null}
        title={confirmShare ? t('mine.shareTitle') : t('mine.unshareTitle')}
        confirmLabel={confirmShare ? t('mine.shareConfirm') : t('mine.unshareConfirm')}
        loading={share.isPending}
        error={share.error}
        onClose={() => {
          share.reset();
          setConfirmShare(null);
        }}
        onConfirm={() =>
          share.mutate(
            { version: visit.version, shared: Boolean(confirmShare) },
            { onSuccess: () => setConfirmShare(null) },
          )
        }
      >
        {confirmShare ? t('mine.shareText') : t('mine.unshareText')}
      </ConfirmModal>
    </Card>
  );
}
