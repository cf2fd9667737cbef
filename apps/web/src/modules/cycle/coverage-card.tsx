import { Alert, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CoverageCell, CycleConfig, CycleCoverage } from '@groeipad/contracts';
import { currentLocale } from '../../app/i18n.ts';

/** A kind whose conversations belong to a period that has not started yet on the day the page is viewed. */
export type Upcoming = { kindId: string; kindName: string; periodName: string; startsOn: string };

const dutchToday = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

/**
 * Per kind in the shown year: the earliest period its active rules ask for, when that period is still to come.
 * The coverage answer names no periods, so they come from the school's configuration (readable by everyone who
 * sees the coverage). A rule for some roles or teams only may make the period later for them; never earlier.
 */
export function upcomingKinds(coverage: CycleCoverage, config: CycleConfig | undefined, today = dutchToday()) {
  const year = config?.years.find((y) => y.id === coverage.schoolYear?.id);
  if (!config || !year) return new Map<string, Upcoming>();
  const out = new Map<string, Upcoming>();
  for (const kind of coverage.kinds) {
    const positions = config.rules.filter((r) => r.kindId === kind.id && r.active).map((r) => r.periodPosition);
    if (positions.length === 0) continue;
    const period = year.periods.find((p) => p.position === Math.min(...positions));
    if (period && today < period.startsOn) {
      out.set(kind.id, { kindId: kind.id, kindName: kind.name, periodName: period.name, startsOn: period.startsOn });
    }
  }
  return out;
}

/** 'YYYY-MM-DD' as "1 december 2025". */
function longDay(day: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${day}T12:00:00`),
  );
}

/** Says which kinds are not due yet in this period, so their low percentages do not read as falling behind. */
export function UpcomingNote({ upcoming }: { upcoming: Upcoming[] }) {
  const { t } = useTranslation('cycle');
  if (upcoming.length === 0) return null;
  return (
    <Alert
      // Information that is there on arrival, not a warning to interrupt with.
      role="note"
      color="blue"
      variant="light"
      icon={<IconCalendarEvent aria-hidden />}
      title={t('coverage.upcomingTitle')}
    >
      <Stack gap={4}>
        <List size="sm" spacing={2}>
          {upcoming.map((u) => (
            <List.Item key={u.kindId}>
              {t('coverage.upcoming', { kind: u.kindName, period: u.periodName, date: longDay(u.startsOn) })}
            </List.Item>
          ))}
        </List>
        <Text size="sm">{t('coverage.upcomingHint', { count: upcoming.length })}</Text>
      </Stack>
    </Alert>
  );
}

/** The numbers of one group (a team, or the whole school) per kind: percentage as text and as a bar. */
export function CoverageCard({
  title,
  cells,
  kinds,
  upcoming,
}: {
  title: string;
  cells: CoverageCell[];
  kinds: CycleCoverage['kinds'];
  upcoming: Map<string, Upcoming>;
}) {
  const { t } = useTranslation('cycle');
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} fz="lg">
          {title}
        </Title>
        {cells.map((cell) => {
          const kind = kinds.find((k) => k.id === cell.kindId);
          const percent = cell.percentDone;
          const later = upcoming.get(cell.kindId);
          return (
            <Stack key={cell.kindId} gap={4}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text fw={600} size="sm">
                  {kind?.name}
                </Text>
                <Text fw={700} size="sm">
                  {percent === null ? t('coverage.noneDue') : t('coverage.percent', { percent })}
                </Text>
              </Group>
              <Progress
                value={percent ?? 0}
                color={later ? 'gray.7' : percent !== null && percent >= 80 ? 'groei' : 'blue'}
                size="md"
                radius="xl"
                aria-label={t('coverage.barLabel', { kind: kind?.name, percent: percent ?? 0 })}
              />
              <Text size="xs" c="dimmed">
                {t('coverage.detail', {
                  done: cell.done,
                  applicable: cell.applicable,
                  planned: cell.planned,
                  overdue: cell.overdue,
                })}
                {cell.notDue > 0 ? ` · ${t('coverage.notDue', { count: cell.notDue })}` : ''}
                {later ? ` · ${t('coverage.upcomingShort', { period: later.periodName })}` : ''}
              </Text>
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
