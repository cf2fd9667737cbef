import type { TeamPlannedPreparation, TeamPlannedVisit, TeamPracticeWeek } from '@groeipad/contracts';
import { addDays, schoolDay, weekStartOf } from '../../platform/time.ts';
import { displayName } from '../organisation/index.ts';
import type { PlanningPreparationRow, PlanningVisitRow } from './board.repository.ts';
import { STATS_WEEKS } from './team.stats.ts';

// The planning part's visits and joint preparations, as pure functions of the rows the board read brings.

const person = (id: string, p: { firstName: string; infix: string | null; lastName: string }) => ({
  id,
  displayName: displayName(p),
});

export function presentPlannedVisit(v: PlanningVisitRow): TeamPlannedVisit {
  return {
    id: v.id,
    kind: v.kind as TeamPlannedVisit['kind'],
    scheduledAt: v.scheduledAt.toISOString(),
    day: schoolDay(v.scheduledAt),
    durationMinutes: v.durationMinutes,
    status: v.status as TeamPlannedVisit['status'],
    observer: person(v.observerId, {
      firstName: v.observerFirstName,
      infix: v.observerInfix,
      lastName: v.observerLastName,
    }),
    observed: person(v.observedId, {
      firstName: v.observedFirstName,
      infix: v.observedInfix,
      lastName: v.observedLastName,
    }),
  };
}

export function presentPlannedPreparation(p: PlanningPreparationRow): TeamPlannedPreparation {
  return {
    id: p.id,
    title: p.title,
    kind: p.kind,
    plannedAt: new Date(p.plannedAt).toISOString(),
    day: schoolDay(new Date(p.plannedAt)),
    durationMinutes: p.durationMinutes,
    status: p.status as TeamPlannedPreparation['status'],
    people: p.people.map((x) => person(x.id, x)),
  };
}

/** The visits and preparations of a week (Monday `weekStart`), by their school day. */
export function inWeek<T extends { day: string }>(items: readonly T[], weekStart: string): T[] {
  const end = addDays(weekStart, 6);
  return items.filter((i) => i.day >= weekStart && i.day <= end);
}

/**
 * The eight weeks of the statistics (this one last): visits held (observed or discussed) and joint preparations
 * done, each in the week of the day it was planned on.
 */
export function practiceWeeks(
  visits: readonly Pick<TeamPlannedVisit, 'day' | 'status'>[],
  preparations: readonly Pick<TeamPlannedPreparation, 'day' | 'status'>[],
  today: string,
): TeamPracticeWeek[] {
  const thisWeek = weekStartOf(today);
  const weeks: TeamPracticeWeek[] = [];
  for (let i = STATS_WEEKS - 1; i >= 0; i--) {
    const weekStart = addDays(thisWeek, -7 * i);
    weeks.push({
      weekStart,
      visits: inWeek(visits, weekStart).filter((v) => v.status !== 'planned').length,
      preparations: inWeek(preparations, weekStart).filter((p) => p.status === 'done').length,
    });
  }
  return weeks;
}
