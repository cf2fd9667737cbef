import { describe, expect, it } from 'vitest';
import { boardStats, isBehindSchedule, planningWeeks, type SessionFacts } from './team.stats.ts';

const session = (heldOn: string, attendees: string[]): SessionFacts => ({
  id: `s-${heldOn}`,
  heldOn,
  startedAt: new Date(`${heldOn}T08:00:00Z`),
  endedAt: null,
  attendees,
});

describe('behind schedule', () => {
  const today = '2026-03-11';
  it.each([
    { status: 'todo', dueOn: '2026-03-10', behind: true },
    { status: 'doing', dueOn: '2026-03-10', behind: true },
    { status: 'done', dueOn: '2026-03-10', behind: false },
    { status: 'todo', dueOn: '2026-03-11', behind: false },
    { status: 'todo', dueOn: '2026-03-12', behind: false },
    { status: 'todo', dueOn: null, behind: false },
  ])('$status due $dueOn: $behind', ({ status, dueOn, behind }) => {
    expect(isBehindSchedule({ status, dueOn }, today)).toBe(behind);
  });
});

describe('board statistics', () => {
  const members = ['a', 'b', 'c', 'd'];
  const today = '2026-03-11'; // Wednesday; this week starts 2026-03-09, the first of eight 2026-01-19

  it('counts sessions per week against the rhythm, and the share of the team present', () => {
    const stats = boardStats({
      sessions: [
        session('2026-01-18', ['a', 'b', 'c', 'd']), // before the window
        session('2026-01-27', ['a', 'b']),
        session('2026-02-03', ['a', 'b', 'c', 'd']),
        session('2026-02-05', ['a', 'x']), // x left the team: not counted
        session('2026-03-09', ['a', 'b', 'c']),
      ],
      memberIds: members,
      sessionsPerWeek: 1,
      boardStartedOn: '2025-09-01',
      today,
    });
    expect(stats.weeks.map((w) => w.weekStart)).toEqual([
      '2026-01-19',
      '2026-01-26',
      '2026-02-02',
      '2026-02-09',
      '2026-02-16',
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
    ]);
    expect(stats.weeks.map((w) => w.sessions)).toEqual([0, 1, 2, 0, 0, 0, 0, 1]);
    expect(stats.weeks.map((w) => w.expected)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(stats.weeks.map((w) => w.attendancePercent)).toEqual([null, 50, 63, null, null, null, null, 75]);
    expect(stats.sessionsHeld).toBe(4);
    // Seven whole weeks expect one each; this week so far only what was held.
    expect(stats.sessionsExpected).toBe(8);
    // (2 + 4 + 1 + 3) present of 4 sessions × 4 members.
    expect(stats.attendancePercent).toBe(63);
  });

  it('expects nothing of weeks before the board existed, and nothing yet of this week', () => {
    const stats = boardStats({
      sessions: [],
      memberIds: members,
      sessionsPerWeek: 5,
      boardStartedOn: '2026-03-01', // a Sunday: the week of 2026-02-23 already had the board
      today,
    });
    expect(stats.weeks.map((w) => w.expected)).toEqual([0, 0, 0, 0, 0, 5, 5, 5]);
    expect(stats.sessionsExpected).toBe(10);
    expect(stats.sessionsHeld).toBe(0);
    expect(stats.attendancePercent).toBeNull();
  });

  it('has no percentage for a team without members', () => {
    const stats = boardStats({
      sessions: [session('2026-03-10', ['a'])],
      memberIds: [],
      sessionsPerWeek: 1,
      boardStartedOn: '2026-01-01',
      today,
    });
    expect(stats.attendancePercent).toBeNull();
    expect(stats.sessionsHeld).toBe(1);
  });

  it('plans this week and next week with the sessions that exist', () => {
    const weeks = planningWeeks([session('2026-03-02', ['a']), session('2026-03-10', ['a', 'b', 'x'])], members, today);
    expect(weeks).toEqual([
      {
        weekStart: '2026-03-09',
        sessions: [
          {
            id: 's-2026-03-10',
            heldOn: '2026-03-10',
            startedAt: '2026-03-10T08:00:00.000Z',
            endedAt: null,
            present: 2,
          },
        ],
      },
      { weekStart: '2026-03-16', sessions: [] },
    ]);
  });
});
