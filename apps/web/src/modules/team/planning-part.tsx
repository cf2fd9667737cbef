import { Anchor, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconClipboardList, IconEye, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TeamBoard } from '@groeipad/contracts';
import { formatShortDay, formatTime, formatWeekday } from './format.ts';
import { PartEmpty } from './part-frame.tsx';

/**
 * Planning and progress: this week's and next week's board sessions, visits and joint preparations, and eight weeks
 * of rhythm, attendance, visits and preparations against the team's norm.
 */
export function PlanningPart({ board }: { board: TeamBoard }) {
  const { t } = useTranslation('team');
  const { stats, planning, practice } = board;
  const teamId = board.team.id;
  const size = board.members.length;
  const practiceOf = new Map(practice.weeks.map((w) => [w.weekStart, w]));
  const anyPractice = practice.weeks.some((w) => w.visits > 0 || w.preparations > 0);
  const { visitsPerWeek, preparationsPerWeek } = board.board;
  return (
    <Stack gap="md">
      {board.abilities.edit ? (
        <Group gap="md">
          <Anchor component={Link} to={`/team/${teamId}/bezoeken`} size="sm">
            <Group gap={4} component="span">
              <IconEye size={16} aria-hidden />
              {t('planning.allVisits')}
            </Group>
          </Anchor>
          <Anchor component={Link} to={`/team/${teamId}/formulieren`} size="sm">
            <Group gap={4} component="span">
              <IconClipboardList size={16} aria-hidden />
              {t('planning.forms')}
            </Group>
          </Anchor>
        </Group>
      ) : null}
      {planning.weeks.map((week, i) => {
        const headingId = `week-${teamId}-${i}`;
        return (
          <Stack key={week.weekStart} gap={4} component="section" aria-labelledby={headingId}>
            <Title order={3} fz="md" id={headingId}>
              {i === 0 ? t('planning.thisWeek') : t('planning.nextWeek')}
            </Title>
            {week.sessions.length === 0 ? (
              i === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('planning.noSessionYet', { count: board.board.sessionsPerWeek })}
                </Text>
              ) : week.visits.length + week.preparations.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('planning.nothingPlanned')}
                </Text>
              ) : null
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
            {week.visits.length > 0 ? (
              <List
                spacing={2}
                size="sm"
                icon={<IconEye size={16} aria-hidden />}
                aria-label={t('planning.visitsTitle')}
              >
                {week.visits.map((v) => (
                  <List.Item key={v.id}>
                    {t('planning.visit', {
                      day: formatWeekday(v.day),
                      time: formatTime(v.scheduledAt),
                      observer: v.observer.displayName,
                      observed: v.observed.displayName,
                      kind: t(`planning.visitKind.${v.kind}`),
                    })}
                    {v.status === 'planned' ? null : ` · ${t('planning.visitDone')}`}
                  </List.Item>
                ))}
              </List>
            ) : null}
            {week.preparations.length > 0 ? (
              <List
                spacing={2}
                size="sm"
                icon={<IconUsers size={16} aria-hidden />}
                aria-label={t('planning.preparationsTitle')}
              >
                {week.preparations.map((p) => {
                  const args = { day: formatWeekday(p.day), time: formatTime(p.plannedAt), title: p.title };
                  return (
                    <List.Item key={p.id}>
                      {p.people.length > 0
                        ? t('planning.preparationWith', {
                            ...args,
                            people: p.people.map((x) => x.displayName).join(', '),
                          })
                        : t('planning.preparation', args)}
                      {p.status === 'done' ? ` · ${t('planning.visitDone')}` : null}
                    </List.Item>
                  );
                })}
              </List>
            ) : null}
          </Stack>
        );
      })}
      <Stack gap={6} component="section" aria-labelledby={`ritme-${teamId}`}>
        <Title order={3} fz="md" id={`ritme-${teamId}`}>
          {t('planning.rhythmTitle')}
        </Title>
        {stats.sessionsHeld === 0 && !anyPractice ? (
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
            {/* Scrolls sideways only on the narrowest phones; then the keyboard can scroll it too. */}
            <Table.ScrollContainer minWidth={300} type="native" tabIndex={0} aria-label={t('planning.normCaption')}>
              <Table fz="sm" withTableBorder striped>
                <Table.Caption>{t('planning.normCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('planning.weekOfColumn')}</Table.Th>
                    <Table.Th scope="col">{t('planning.sessions')}</Table.Th>
                    <Table.Th scope="col">{t('planning.attendance')}</Table.Th>
                    <Table.Th scope="col">{t('planning.visitsCol')}</Table.Th>
                    <Table.Th scope="col">{t('planning.preparationsCol')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {stats.weeks.map((w) => (
                    <Table.Tr key={w.weekStart}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatShortDay(w.weekStart)}</Table.Td>
                      <Table.Td>
                        {w.expected > 0
                          ? t('planning.ofRhythm', { held: w.sessions, expected: w.expected })
                          : w.sessions}
                      </Table.Td>
                      <Table.Td>{w.attendancePercent === null ? '—' : `${w.attendancePercent}%`}</Table.Td>
                      <Table.Td>
                        {normCell(practiceOf.get(w.weekStart)?.visits ?? 0, visitsPerWeek, (held, expected) =>
                          t('planning.ofRhythm', { held, expected }),
                        )}
                      </Table.Td>
                      <Table.Td>
                        {normCell(
                          practiceOf.get(w.weekStart)?.preparations ?? 0,
                          preparationsPerWeek,
                          (held, expected) => t('planning.ofRhythm', { held, expected }),
                        )}
                      </Table.Td>
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

/** "2 van 3" against a norm, or the bare number when the team set none. */
function normCell(held: number, norm: number, format: (held: number, expected: number) => string): string {
  return norm > 0 ? format(held, norm) : String(held);
}
