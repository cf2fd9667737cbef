import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { TeamFormAnswers, VisitDetail } from '@groeipad/contracts';
import { ApiError } from '../../app/api.ts';
import { BackLink } from '../../ui/back-link.tsx';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { Page } from '../../ui/page.tsx';
import { FormError, PageLoader, QueryError } from '../../ui/query-state.tsx';
import { useWarnBeforeLeaving } from '../../ui/unsaved.ts';
import { conflictCurrent } from '../team/conflict.tsx';
import { saved } from '../team/form-parts.tsx';
import { formatDay, formatTime, formatWeekday } from '../team/format.ts';
import { FormAnswersView, FormFill } from './form-fill.tsx';
import { RescheduleModal } from './plan-modal.tsx';
import { useCancelVisit, useMarkDone, useSaveAnswers, useVisit } from './queries.ts';
import { Portfolio, Talk } from './visit-talk.tsx';

/** /team/:teamId/bezoeken/:visitId: the visit for the two of them, usable on a phone during the visit. */
export default function VisitPage() {
  const { teamId = '', visitId = '' } = useParams();
  const { t } = useTranslation('visits');
  const query = useVisit(teamId, visitId);
  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return (
      <Page title={t('visit.titleFallback')}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  return <VisitView key={query.data.id} teamId={teamId} visit={query.data} />;
}

function VisitView({ teamId, visit }: { teamId: string; visit: VisitDetail }) {
  const { t } = useTranslation('visits');
  const title = t('visit.title', {
    kind: t(`visitKinds.${visit.kind}`),
    observed: visit.observed.displayName,
  });
  return (
    <Page
      title={title}
      description={t('visit.when', {
        observer: visit.observer.displayName,
        day: formatWeekday(visit.day),
        time: formatTime(visit.scheduledAt),
        minutes: visit.durationMinutes,
      })}
    >
      {visit.role === 'manager' ? (
        <>
          <BackLink to="/bezoeken/gedeeld">{t('shared.back')}</BackLink>
          <Alert color="gray" variant="light">
            {t('visit.managerNote', { observed: visit.observed.displayName })}
          </Alert>
        </>
      ) : (
        <BackLink to={`/team/${teamId}/bezoeken`}>{t('visit.back')}</BackLink>
      )}
      <Facts visit={visit} />
      <PlanActions teamId={teamId} visit={visit} />
      <Card withBorder radius="md" p="md" component="section" aria-labelledby="visit-form">
        <Stack gap="sm">
          <Title order={2} fz="lg" id="visit-form">
            {visit.form.title || t('visit.form')}
          </Title>
          {visit.abilities.answer ? (
            <AnswerForm teamId={teamId} visit={visit} />
          ) : visit.status === 'planned' ? (
            <Text size="sm" c="dimmed">
              {t('visit.observerFills', { observer: visit.observer.displayName })}
            </Text>
          ) : (
            <FormAnswersView fields={visit.form.fields} answers={visit.answers} />
          )}
        </Stack>
      </Card>
      {visit.status === 'observed' || visit.status === 'discussed' ? <Talk teamId={teamId} visit={visit} /> : null}
      {visit.role === 'observed' ? <Portfolio teamId={teamId} visit={visit} /> : null}
    </Page>
  );
}

/** An instant as the reader's day, "12 mrt. 2026". */
const localDay = (iso: string) => {
  const d = new Date(iso);
  return formatDay(
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`,
  );
};

function Facts({ visit }: { visit: VisitDetail }) {
  const { t } = useTranslation('visits');
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap={6}>
        <Group gap="xs">
          <Badge variant="light" color={visit.status === 'cancelled' ? 'gray' : 'groei'} tt="none">
            {t(`status.${visit.status}`)}
          </Badge>
          {visit.sharedAt ? (
            <Badge variant="light" color="gray" tt="none">
              {t('visit.sharedBadge')}
            </Badge>
          ) : null}
        </Group>
        {visit.location ? <Text size="sm">{t('visit.location', { location: visit.location })}</Text> : null}
        <Text size="sm" fw={600}>
          {t('visit.question')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {visit.learningQuestion || t('visit.noQuestion')}
        </Text>
        {visit.teamGoal ? <Text size="sm">{t('visit.teamGoal', { title: visit.teamGoal.title })}</Text> : null}
        {visit.developmentGoal ? (
          <Text size="sm">{t('visit.developmentGoal', { title: visit.developmentGoal.title })}</Text>
        ) : null}
        {visit.cancelledReason ? (
          <Text size="sm">{t('visit.cancelledReason', { reason: visit.cancelledReason })}</Text>
        ) : null}
        {visit.rescheduledAt ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {visit.rescheduledReason
              ? t('visit.rescheduledReason', { date: localDay(visit.rescheduledAt), reason: visit.rescheduledReason })
              : t('visit.rescheduled', { date: localDay(visit.rescheduledAt) })}
          </Text>
        ) : null}
        {visit.role === 'observed' && visit.sharedAt ? (
          <Text size="sm" c="dimmed">
            {visit.sharedReadAt
              ? t('visit.sharedRead', { date: localDay(visit.sharedReadAt) })
              : t('visit.sharedUnread')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/** Reschedule and cancel (with a reason), while planned. */
function PlanActions({ teamId, visit }: { teamId: string; visit: VisitDetail }) {
  const { t } = useTranslation('visits');
  const [moving, setMoving] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useCancelVisit(teamId, visit.id);
  const done = useMarkDone(teamId, visit.id);
  const reasonError = cancel.error instanceof ApiError ? cancel.error.fieldErrors().reason : undefined;
  if (!visit.abilities.edit && !visit.abilities.markDone) return null;
  return (
    <Group gap="sm">
      {visit.abilities.markDone ? (
        <Button
          leftSection={<IconCheck size={18} aria-hidden />}
          loading={done.isPending}
          onClick={() => done.mutate(visit.version, { onSuccess: () => saved(t('visit.doneSaved')) })}
        >
          {t('visit.markDone')}
        </Button>
      ) : null}
      {visit.abilities.edit ? (
        <>
          <Button variant="default" onClick={() => setMoving(true)}>
            {t('visit.reschedule')}
          </Button>
          <Button variant="default" onClick={() => setCancelling(true)}>
            {t('visit.cancel')}
          </Button>
        </>
      ) : null}
      <FormError error={done.error} />
      {moving ? <RescheduleModal opened onClose={() => setMoving(false)} teamId={teamId} visit={visit} /> : null}
      <ConfirmModal
        opened={cancelling}
        title={t('cancel.title')}
        confirmLabel={t('cancel.confirm')}
        danger
        loading={cancel.isPending}
        error={reasonError ? null : cancel.error}
        onClose={() => {
          cancel.reset();
          setCancelling(false);
        }}
        onConfirm={() =>
          cancel.mutate(
            { version: visit.version, reason },
            {
              onSuccess: () => {
                setCancelling(false);
                saved(t('cancel.saved'));
              },
            },
          )
        }
      >
        <Stack gap="sm">
          <Text size="sm">{t('cancel.text')}</Text>
          <Textarea
            label={t('cancel.reason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
            error={reasonError}
          />
        </Stack>
      </ConfirmModal>
    </Group>
  );
}

/** The observer's answers: saved with the button (and kept when someone else saved meanwhile). */
function AnswerForm({ teamId, visit }: { teamId: string; visit: VisitDetail }) {
  const { t } = useTranslation('visits');
  const save = useSaveAnswers(teamId, visit.id);
  const [answers, setAnswers] = useState<TeamFormAnswers>(visit.answers);
  const [dirty, setDirty] = useState(false);
  useWarnBeforeLeaving(dirty);
  const fieldErrors: Record<string, string> = {};
  if (save.error instanceof ApiError)
    for (const [path, message] of Object.entries(save.error.fieldErrors()))
      if (path.startsWith('answers.')) fieldErrors[path.slice('answers.'.length)] = message;
  const stale = conflictCurrent<VisitDetail>(save.error);
  const submit = (version: number) =>
    save.mutate(
      { version, answers },
      {
        onSuccess: () => {
          setDirty(false);
          saved(t('visit.answersSaved'));
        },
      },
    );
  return (
    <Stack gap="md">
      <FormFill
        idPrefix="answer"
        fields={visit.form.fields}
        answers={answers}
        errors={fieldErrors}
        onChange={(id, value) => {
          setAnswers((a) => ({ ...a, [id]: value }));
          setDirty(true);
        }}
      />
      {stale ? (
        <Alert color="orange" variant="light" role="alert">
          {t('visit.staleAnswers')}
          <Group mt="xs">
            <Button size="xs" variant="default" onClick={() => submit(stale.version)}>
              {t('visit.saveMine')}
            </Button>
          </Group>
        </Alert>
      ) : (
        <FormError error={Object.keys(fieldErrors).length ? null : save.error} />
      )}
      <Group>
        <Button
          leftSection={<IconDeviceFloppy size={18} aria-hidden />}
          loading={save.isPending}
          onClick={() => submit(visit.version)}
        >
          {t('visit.saveAnswers')}
        </Button>
        {dirty ? (
          <Text size="sm" c="dimmed" role="status">
            {t('visit.unsaved')}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
