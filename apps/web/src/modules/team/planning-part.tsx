import { Anchor, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TeamBoard } from '@groeipad/contracts';
import { formatShortDay, formatTime, formatWeekday } from './format.ts';
import { PartEmpty } from './part-frame.tsx';

/** Planning and progress: this week's and next week's board sessions, and eight weeks of rhythm and attendance. */
export function PlanningPart({ board }: { board: TeamBoard }) {
  const { t } = useTranslation('team');
  const { stats, planning } = board;
  const teamId = board.team.id;
  const size = board.members.length;
  return (
    <Stack gap="md">
      {planning.weeks.map((week, i) => {
        const headingId = `week-${teamId}-${i}`;
        return (
          <Stack key={week.weekStart} gap={4} component="section" aria-labelledby={headingId}>
            <Title order={3} fz="md" id={headingId}>
              {i === 0 ? t('planning.thisWeek') : t('planning.nextWeek')}
            </Title>
            {week.sessions.length === 0 ? (
              <Text size="sm" c="dimmed">
                {i === 0
                  ? t('planning.noSessionYet', { count: board.board.sessionsPerWeek })
                  : t('planning.nothingPlanned')}
              </Text>
            ) : (
              <List spacing={2} size="sm" icon={<IconCalendarEvent size={16} aria-hidden />}>
                {week.sessions.map((s) => (
                  <List.Item key={s.id}>
                    {t('planning.session', {
                      day: formatWeekday(s.heldOn),
                      time: formatTime(s.startedAt),
                      present: s.present,
                      size,
                    })}
                    {s.endedAt ? null : (
                      <>
                        {' · '}
                        <Anchor component={Link} to={`/team/${teamId}/sessie`} size="sm">
                          {t('planning.running')}
                        </Anchor>
                      </>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        );
      })}
      <Stack gap={6} component="section" aria-labelledby={`ritme-${teamId}`}>
        <Title order={3} fz="md" id={`ritme-${teamId}`}>
          {t('planning.rhythmTitle')}
        </Title>
        {stats.sessionsHeld === 0 ? (
          <PartEmpty icon={<IconCalendarEvent aria-hidden />} text={t('planning.rhythmEmpty')} />
        ) : (
          <>
            <Group gap="lg">
              <Text size="sm">
                <Text span fw={700} fz="lg">
                  {t('planning.held', { held: stats.sessionsHeld, expected: stats.sessionsExpected })}
                </Text>{' '}
                {t('planning.heldHint', { count: board.board.sessionsPerWeek })}
              </Text>
              {stats.attendancePercent !== null ? (
                <Text size="sm">
                  <Text span fw={700} fz="lg">
                    {t('planning.present', { percent: stats.attendancePercent })}
                  </Text>{' '}
                  {t('planning.presentHint')}
                </Text>
              ) : null}
            </Group>
            <Table.ScrollContainer minWidth={320}>
              <Table fz="sm" withTableBorder striped>
                <Table.Caption>{t('planning.tableCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('planning.week')}</Table.Th>
                    <Table.Th scope="col">{t('planning.sessions')}</Table.Th>
                    <Table.Th scope="col">{t('planning.attendance')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {stats.weeks.map((w) => (
                    <Table.Tr key={w.weekStart}>
                      <Table.Td>{t('planning.weekOf', { date: formatShortDay(w.weekStart) })}</Table.Td>
                      <Table.Td>
                        {w.expected > 0
                          ? t('planning.ofRhythm', { held: w.sessions, expected: w.expected })
                          : w.sessions}
                      </Table.Td>
                      <Table.Td>{w.attendancePercent === null ? '—' : `${w.attendancePercent}%`}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Stack>
  );
}
