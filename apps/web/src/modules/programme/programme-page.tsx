import { Alert, Anchor, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TeamProgramme, TeamProgrammeView } from '@groeipad/contracts';
import { ApiError, isApiError } from '../../app/api.ts';
import { Page } from '../../ui/page.tsx';
import { FormError, PageLoader, QueryError } from '../../ui/query-state.tsx';
import { formatDay, formatMoment, localInputToIso, nextMonday, todayLocal } from './format.ts';
import { usePlanLinking, useStartProgramme, useTeamProgramme } from './queries.ts';
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
      startsAt: `${programme.weeks[7]!.startsOn}T15:30`,
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
      {canStart ? <StartForm teamId={teamId} /> : null}
      {!programme && !view.abilities.lead ? (
        <Alert color="gray" variant="light">
          {t('programme.notStartedView')}
        </Alert>
      ) : null}
      {programme ? (
        <>
          <Stack gap="sm">
            {programme.weeks.map((w) => (
              <WeekCard key={w.week} week={w} teamId={teamId} canRecord={view.abilities.record} />
            ))}
          </Stack>
          <LinkingSection view={view} programme={programme} />
        </>
      ) : null}
    </Page>
  );
}
