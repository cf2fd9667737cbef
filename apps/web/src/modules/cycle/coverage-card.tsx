import { Alert, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CoverageCell, CycleCoverage } from '@groeipad/contracts';
import { currentLocale } from '../../app/i18n.ts';

/** A kind whose conversations belong to a period that has not started yet (the server says which). */
export type Upcoming = { kindId: string; kindName: string; periodName: string; startsOn: string };

/** Per kind of the coverage: the period still to come, if any. */
export function upcomingKinds(coverage: CycleCoverage): Map<string, Upcoming> {
  const out = new Map<string, Upcoming>();
  for (const kind of coverage.kinds) {
    if (kind.upcoming) out.set(kind.id, { kindId: kind.id, kindName: kind.name, ...kind.upcoming });
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
