import { Anchor, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconChartLine } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROGRAMME_LENGTH_WEEKS, PROGRESS_INTERVENTIONS } from '@groeipad/contracts';
import { QueryError } from '../../ui/query-state.tsx';
import { formatDate, formatDay, formatMoment, formatScore } from './format.ts';
import { useTeamProgramme } from './queries.ts';

/**
 * The programme's part of the team board: "week N van 8" with the week's topic (or the lasting rhythm after it), a
 * programme stopped since, the linking session, and the latest progress-meter score per intervention, each with a
 * link to its page.
 */
export function ProgrammeBoardPart({ teamId }: { teamId: string }) {
  const { t } = useTranslation('programme');
  const query = useTeamProgramme(teamId);
  if (query.isPending) return <Skeleton height={60} radius="md" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const { programme, stopped, latestProgress } = query.data;
  const headingId = `programma-${teamId}`;
  const progressId = `voortgang-${teamId}`;
  const week = programme?.currentWeek ?? 0;
  const current = programme && week >= 1 && week <= PROGRAMME_LENGTH_WEEKS ? programme.weeks[week - 1] : null;
  return (
    <Stack gap="md">
      <Stack gap={4} component="section" aria-labelledby={headingId}>
        <Title order={3} fz="md" id={headingId}>
          {t('board.programmeTitle')}
        </Title>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconCalendarEvent size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" fw={current ? 600 : undefined}>
            {!programme
              ? t(stopped ? 'board.notRunning' : 'board.notStarted')
              : week === 0
                ? t('board.before', { date: formatDay(programme.startsOn) })
                : current
                  ? t('board.week', { week, topic: t(`topics.${current.topic}`) })
                  : t('board.rhythm')}
          </Text>
        </Group>
        {stopped ? (
          <Text size="sm">
            {t('board.stopped', { from: formatDay(stopped.startsOn), date: formatDate(stopped.stoppedAt) })}
          </Text>
        ) : null}
        {programme?.linking ? (
          <Text size="sm">
            {t('board.linking', {
              team: programme.linking.otherTeam.name,
              date: formatMoment(programme.linking.startsAt),
            })}
          </Text>
        ) : null}
        <Anchor component={Link} to={`/team/${teamId}/programma`} size="sm">
          {t('board.toProgramme')}
        </Anchor>
      </Stack>
      <Stack gap={4} component="section" aria-labelledby={progressId}>
        <Title order={3} fz="md" id={progressId}>
          {t('board.progressTitle')}
        </Title>
        {latestProgress.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('board.progressEmpty')}
          </Text>
        ) : (
          <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {PROGRESS_INTERVENTIONS.map((i) => latestProgress.find((p) => p.intervention === i))
              .filter((p) => p !== undefined)
              .map((p) => (
                <Group key={p.intervention} component="li" gap={6} wrap="nowrap">
                  <IconChartLine size={16} aria-hidden style={{ flexShrink: 0 }} />
                  <Text size="sm">
                    {t('board.progressLine', {
                      intervention: t(`interventions.${p.intervention}`),
                      average: formatScore(p.average),
                      date: formatDay(p.scoredOn),
                    })}
                  </Text>
                </Group>
              ))}
          </Stack>
        )}
        <Anchor component={Link} to={`/team/${teamId}/voortgang`} size="sm">
          {t('board.toProgress')}
        </Anchor>
      </Stack>
    </Stack>
  );
}
