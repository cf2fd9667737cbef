import '@mantine/charts/styles.css';
import { Sparkline } from '@mantine/charts';
import { Anchor, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconGauge, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TeamBarometer } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { QueryError } from '../../ui/query-state.tsx';
import { formatDay, formatMean, useQuestionText } from './labels.ts';
import { useTeamBarometer } from './queries.ts';
import { Participation } from './round-cards.tsx';

/** The mean over all scale questions of each round in the trend: for the sparkline, from guarded means only. */
function overall(trend: TeamBarometer['trend']): number[] {
  return trend.points
    .map((p) => Object.values(p.means).filter((v): v is number => v !== null))
    .filter((means) => means.length > 0)
    .map((means) => Math.round((means.reduce((a, b) => a + b, 0) / means.length) * 10) / 10);
}

function Latest({ data }: { data: TeamBarometer }) {
  const { t } = useTranslation('barometer');
  const questionText = useQuestionText();
  const last = data.closedRounds[0];
  if (!last) return <Text size="sm">{t('board.none')}</Text>;
  if (!last.shown) return <Text size="sm">{t('board.withheld')}</Text>;
  const point = data.trend.points.find((p) => p.roundId === last.id);
  const averages = overall(data.trend);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t('board.latest', { date: formatDay(last.closesOn) })} · {t('board.respondents', { count: last.answered })}
      </Text>
      {point ? (
        <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {data.trend.questions
            .filter((q) => point.means[q.id] != null)
            .map((q) => (
              <Group key={q.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" lineClamp={1} title={questionText(q)}>
                  {questionText(q)}
                </Text>
                <Text size="sm" fw={700}>
                  {formatMean(point.means[q.id]!)}
                </Text>
              </Group>
            ))}
        </Stack>
      ) : null}
      {averages.length > 1 ? (
        <>
          {/* A picture of the text below it: hidden from screen readers and, being inert, out of the tab order
              (the chart library makes its drawing focusable). */}
          <div aria-hidden="true" inert>
            <Sparkline h={48} data={averages} curveType="linear" color="groei.7" fillOpacity={0.2} strokeWidth={2} />
          </div>
          <Text size="xs" c="dimmed">
            {t('board.average', { values: averages.map(formatMean).join(' → ') })}
          </Text>
        </>
      ) : null}
    </Stack>
  );
}

/**
 * The barometer's part of the team board: the running round's participation, the latest guarded outcome with a
 * sparkline, and a link to the page. Someone who looks along (a school leader) sees only that it is the team's own.
 */
export function BarometerBoardPart({ teamId }: { teamId: string }) {
  const { t } = useTranslation('barometer');
  const headingId = `barometer-${teamId}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={3} fz="md" id={headingId}>
        {t('board.title')}
      </Title>
      <BarometerSummary teamId={teamId} />
    </Stack>
  );
}

function BarometerSummary({ teamId }: { teamId: string }) {
  const { t } = useTranslation('barometer');
  const query = useTeamBarometer(teamId);
  if (query.isPending) return <Skeleton height={80} radius="md" />;
  if (query.isError) {
    if (isApiError(query.error, 'not_found')) {
      return (
        <Text size="sm" c="dimmed">
          <IconGauge size={14} aria-hidden /> {t('board.notMine')}
        </Text>
      );
    }
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const data = query.data;
  const open = data.openRound;
  return (
    <Stack gap="sm">
      {open ? (
        <Stack gap={6}>
          <Participation round={open} />
          {open.invitedMe && !open.answeredByMe ? (
            <Button
              component={Link}
              to={`/barometer/invullen/${open.id}`}
              size="xs"
              leftSection={<IconPencil size={14} aria-hidden />}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('board.fill')}
            </Button>
          ) : null}
        </Stack>
      ) : null}
      <Latest data={data} />
      <Anchor component={Link} to={`/team/${teamId}/barometer`} size="sm">
        {t('board.link')}
      </Anchor>
    </Stack>
  );
}
