import type { TeamBoardStats, TeamPlanningWeek, TeamWeekStats } from '@groeipad/contracts';
import { addDays, weekStartOf } from '../../platform/time.ts';

// Dates and the board's numbers, as pure functions of plain facts. Days are 'YYYY-MM-DD' at the schools
// (Europe/Amsterdam); weeks run Monday to Sunday.

export const STATS_WEEKS = 8;

/** An action is behind schedule while it is not done and its due date has passed. */
export function isBehindSchedule(action: { status: string; dueOn: string | null }, today: string): boolean {
  return action.status !== 'done' && action.dueOn !== null && action.dueOn < today;
}

export type SessionFacts = { id: string; heldOn: string; startedAt: Date; endedAt: Date | null; attendees: string[] };

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : null);

/**
 * The last eight weeks (this one last): sessions held against the rhythm and the share of the team present.
 * Only current members count as present, against today's team size. A week before the board existed expects
 * nothing. This week is not over: in the totals it expects only the sessions already held, so a Monday does not
 * look like a missed week.
 */
export function boardStats(facts: {
  sessions: readonly SessionFacts[];
  memberIds: readonly string[];
  sessionsPerWeek: number;
  boardStartedOn: string;
  today: string;
}): TeamBoardStats {
  const members = new Set(facts.memberIds);
  const thisWeek = weekStartOf(facts.today);
  const weeks: TeamWeekStats[] = [];
  let held = 0;
  let expected = 0;
  let present = 0;
  let possible = 0;
  for (let i = STATS_WEEKS - 1; i >= 0; i--) {
    const weekStart = addDays(thisWeek, -7 * i);
    const weekEnd = addDays(weekStart, 6);
    const inWeek = facts.sessions.filter((s) => s.heldOn >= weekStart && s.heldOn <= weekEnd);
    const presentInWeek = inWeek.reduce((n, s) => n + s.attendees.filter((id) => members.has(id)).length, 0);
    const possibleInWeek = inWeek.length * members.size;
    const weekExpected = weekEnd >= facts.boardStartedOn ? facts.sessionsPerWeek : 0;
    weeks.push({
      weekStart,
      sessions: inWeek.length,
      expected: weekExpected,
      attendancePercent: percent(presentInWeek, possibleInWeek),
    });
    held += inWeek.length;
    expected += i === 0 ? Math.min(weekExpected, inWeek.length) : weekExpected;
    present += presentInWeek;
    possible += possibleInWeek;
  }
  return { weeks, sessionsHeld: held, sessionsExpected: expected, attendancePercent: percent(present, possible) };
}

/** This week's and next week's sessions, for the planning part (visits and preparations: team.planning.ts). */
export function planningWeeks(sessions: readonly SessionFacts[], memberIds: readonly string[], today: string) {
  const members = new Set(memberIds);
  const thisWeek = weekStartOf(today);
  return [thisWeek, addDays(thisWeek, 7)].map((weekStart): Pick<TeamPlanningWeek, 'weekStart' | 'sessions'> => ({
    weekStart,
    sessions: sessions
      .filter((s) => s.heldOn >= weekStart && s.heldOn <= addDays(weekStart, 6))
      .map((s) => ({
        id: s.id,
        heldOn: s.heldOn,
        startedAt: s.startedAt.toISOString(),
        endedAt: s.endedAt?.toISOString() ?? null,
        present: s.attendees.filter((id) => members.has(id)).length,
      })),
  }));
}
