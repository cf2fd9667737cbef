import { Fragment, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { StoppedProgramme, TeamProgramme, TeamProgrammeView } from '@groeipad/contracts';
import { ApiError, isApiError } from '../../app/api.ts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { Page } from '../../ui/page.tsx';
import { FormError, PageLoader, QueryError } from '../../ui/query-state.tsx';
import {
  formatDate,
  formatDay,
  formatMoment,
  isoToLocalInput,
  localInputToIso,
  nextMonday,
  todayLocal,
} from './format.ts';
import { usePlanLinking, useStartProgramme, useStopProgramme, useTeamProgramme } from './queries.ts';
import { WeekCard } from './week-card.tsx';

const done = (message: string) =>
  notifications.show({ color: 'groei', icon: <IconCheck size={18} aria-hidden />, message });

function putFieldErrors(form: { setFieldError: (f: string, m: string) => void }, error: unknown) {
  if (error instanceof ApiError)
    for (const [field, message] of Object.entries(error.fieldErrors())) form.setFieldError(field, message);
}

function StartForm({ teamId }: { teamId: string }) {
  const { t } = useTranslation('programme');
  const start = useStartProgramme(teamId);
  const form = useForm({ mode: 'controlled', initialValues: { startsOn: nextMonday(todayLocal()) } });
  const submit = form.onSubmit((v) =>
    start.mutate(v, { onSuccess: () => done(t('programme.started')), onError: (e) => putFieldErrors(form, e) }),
  );
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="programma-starten">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Title order={2} fz="lg" id="programma-starten">
            {t('programme.startTitle')}
          </Title>
          <Text size="sm">{t('programme.startText')}</Text>
          {start.error && !isApiError(start.error, 'validation') ? <FormError error={start.error} /> : null}
          <Group align="flex-end" gap="sm">
            <TextInput
              type="date"
              label={t('programme.startsOn')}
              required
              maw={200}
              {...form.getInputProps('startsOn')}
            />
            <Button type="submit" loading={start.isPending}>
              {t('programme.start')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function LinkingSection({ view, programme }: { view: TeamProgrammeView; programme: TeamProgramme }) {
  const { t } = useTranslation('programme');
  const plan = usePlanLinking(view.team.id);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      nextTeamId: programme.linking?.otherTeam.id ?? '',
      // The planned moment when there is one; otherwise a proposal in week 8.
      startsAt: programme.linking
        ? isoToLocalInput(programme.linking.startsAt)
        : `${programme.weeks[7]!.startsOn}T15:30`,
      location: programme.linking?.location ?? '',
    },
    validate: {
      nextTeamId: (v) => (v ? null : t('programme.required')),
      startsAt: (v) => (v ? null : t('programme.required')),
    },
  });
  const submit = form.onSubmit((v) =>
    plan.mutate(
      {
        nextTeamId: v.nextTeamId,
        startsAt: localInputToIso(v.startsAt),
        location: v.location,
        version: programme.version,
      },
      { onSuccess: () => done(t('programme.linkingSaved')), onError: (e) => putFieldErrors(form, e) },
    ),
  );
  const linking = programme.linking;
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="verbindingssessie">
      <Stack gap="xs">
        <Title order={2} fz="lg" id="verbindingssessie">
          {t('programme.linkingTitle')}
        </Title>
        <Text size="sm">{t('programme.linkingText')}</Text>
        <Text size="sm" fw={600}>
          {linking
            ? t('programme.linkingPlanned', {
                team: linking.otherTeam.name,
                date: formatMoment(linking.startsAt),
                location: linking.location ? ` (${linking.location})` : '',
              })
            : t('programme.linkingNone')}
        </Text>
        {view.abilities.lead ? (
          view.otherTeams.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('programme.noOtherTeams')}
            </Text>
          ) : (
            <form onSubmit={submit} noValidate aria-label={t('programme.planLinking')}>
              <Stack gap="xs">
                {plan.error && !isApiError(plan.error, 'validation') ? <FormError error={plan.error} /> : null}
                <Group align="flex-end" gap="sm">
                  <NativeSelect
                    label={t('programme.nextTeam')}
                    required
                    data={[
                      { value: '', label: t('programme.pickTeam') },
                      ...view.otherTeams.map((o) => ({ value: o.id, label: o.name })),
                    ]}
                    {...form.getInputProps('nextTeamId')}
                  />
                  <TextInput
                    type="datetime-local"
                    label={t('programme.startsAt')}
                    required
                    {...form.getInputProps('startsAt')}
                  />
                  <TextInput label={t('programme.location')} maxLength={200} {...form.getInputProps('location')} />
                </Group>
                <Button type="submit" loading={plan.isPending} style={{ alignSelf: 'flex-start' }}>
                  {t('programme.planLinking')}
                </Button>
              </Stack>
            </form>
          )
        ) : null}
      </Stack>
    </Card>
  );
}

/** The programme stopped last, when no programme started after it: since when, who stopped it and why. */
function StoppedNote({ stopped }: { stopped: StoppedProgramme }) {
  const { t } = useTranslation('programme');
  const values = { from: formatDay(stopped.startsOn), name: stopped.stoppedBy ?? '' };
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconPlayerStop aria-hidden />}
      title={t('programme.stoppedTitle', { date: formatDate(stopped.stoppedAt) })}
    >
      <Stack gap={4}>
        <Text size="sm">
          {stopped.stoppedBy ? t('programme.stoppedBy', values) : t('programme.stoppedText', values)}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t('programme.stoppedReason', { reason: stopped.reason })}
        </Text>
      </Stack>
    </Alert>
  );
}

/**
 * Stops a running programme after a confirmation that says what happens: it no longer runs, a linking session
 * still ahead leaves the year plan (a past one stays), notes and scores stay, and a new programme can start.
 */
function StopSection({ view, programme }: { view: TeamProgrammeView; programme: TeamProgramme }) {
  const { t } = useTranslation('programme');
  const stop = useStopProgramme(view.team.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const linking = programme.linking;
  const linkingAhead = linking !== null && Date.parse(linking.startsAt) > Date.now();
  const close = () => {
    stop.reset();
    setReasonError(null);
    setOpen(false);
  };
  const confirm = () => {
    if (!reason.trim()) {
      setReasonError(t('programme.stopReasonRequired'));
      return;
    }
    stop.mutate(
      { programmeId: programme.id, reason, version: programme.version },
      {
        onSuccess: () => {
          setOpen(false);
          setReason('');
          done(t('programme.stopDone'));
        },
        onError: (error) => {
          if (error instanceof ApiError) setReasonError(error.fieldErrors().reason ?? null);
        },
      },
    );
  };
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="programma-stoppen">
      <Stack gap="xs" align="flex-start">
        <Title order={2} fz="lg" id="programma-stoppen">
          {t('programme.stopTitle')}
        </Title>
        <Text size="sm">{t('programme.stopText')}</Text>
        <Button variant="outline" color="red.8" onClick={() => setOpen(true)}>
          {t('programme.stop')}
        </Button>
      </Stack>
      <ConfirmModal
        opened={open}
        title={t('programme.stopConfirmTitle', { team: view.team.name })}
        confirmLabel={t('programme.stop')}
        danger
        loading={stop.isPending}
        error={isApiError(stop.error, 'validation') ? null : stop.error}
        onClose={close}
        onConfirm={confirm}
      >
        <Stack gap="sm">
          <Text size="sm">{t('programme.stopConfirmText')}</Text>
          {linking ? (
            <Text size="sm" fw={600}>
              {t(linkingAhead ? 'programme.stopLinkingRemoved' : 'programme.stopLinkingKept', {
                team: linking.otherTeam.name,
                date: formatMoment(linking.startsAt),
              })}
            </Text>
          ) : null}
          <Textarea
            label={t('programme.stopReason')}
            description={t('programme.stopReasonHint')}
            required
            autosize
            minRows={2}
            maxLength={200}
            value={reason}
            error={reasonError}
            data-autofocus
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setReasonError(null);
            }}
          />
        </Stack>
      </ConfirmModal>
    </Card>
  );
}

/** The team's 8-week programme: start it, follow the weeks, note the team sessions, plan the linking session. */
export default function ProgrammePage() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation('programme');
  const query = useTeamProgramme(teamId);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Page title={t('programme.titleUnknown')}>
        {isApiError(query.error, 'not_found') ? (
          <Alert color="gray" variant="light">
            {t('programme.notFound')}
          </Alert>
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Page>
    );
  }
  const view = query.data;
  const programme = view.programme;
  const canStart = view.abilities.lead && (!programme || programme.currentWeek > 8);
  return (
    <Page
      title={t('programme.title', { team: view.team.name })}
      description={
        programme
          ? t('programme.period', { from: formatDay(programme.startsOn), to: formatDay(programme.endsOn) })
          : view.team.schoolName
      }
    >
      <Anchor component={Link} to={`/team/${teamId}`} size="sm">
        {t('programme.toBoard')}
      </Anchor>
      <Text size="sm" maw={760}>
        {t('programme.intro')}
      </Text>
      {view.stopped ? <StoppedNote stopped={view.stopped} /> : null}
      {canStart ? <StartForm teamId={teamId} /> : null}
      {!programme && !view.abilities.lead ? (
        <Alert color="gray" variant="light">
          {t(view.stopped ? 'programme.restartView' : 'programme.notStartedView')}
        </Alert>
      ) : null}
      {programme ? (
        // Keyed by the programme: its forms start from the new programme's weeks once another one is started.
        <Fragment key={programme.id}>
          <Stack gap="sm">
            {programme.weeks.map((w) => (
              <WeekCard key={w.week} week={w} teamId={teamId} canRecord={view.abilities.record} />
            ))}
          </Stack>
          <LinkingSection view={view} programme={programme} />
          {view.abilities.stop ? <StopSection view={view} programme={programme} /> : null}
        </Fragment>
      ) : null}
    </Page>
  );
}
