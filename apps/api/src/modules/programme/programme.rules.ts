import {
  PROGRAMME_LENGTH_WEEKS,
  PROGRAMME_TEMPLATE,
  type ProgrammeTodo,
  type ProgrammeTopic,
  type ProgrammeWeekStatus,
  type ProgressPhase,
} from '@groeipad/contracts';
import { addDays, weekStartOf } from '../../platform/time.ts';

// The pure rules of the programme: how the eight weeks are laid out from the start day, which week it is, what a
// week's status is, which phase of the progress meter applies, and the school year a day falls in.

export type LaidOutWeek = {
  week: number;
  startsOn: string;
  endsOn: string;
  topic: ProgrammeTopic;
  todo: ProgrammeTodo;
};

export function isMonday(day: string): boolean {
  return weekStartOf(day) === day;
}

/** The eight weeks from the start (a Monday), each Monday to Sunday, with the template's topic and to-dos. */
export function layoutWeeks(startsOn: string): LaidOutWeek[] {
  return PROGRAMME_TEMPLATE.map((w, i) => ({
    week: i + 1,
    startsOn: addDays(startsOn, 7 * i),
    endsOn: addDays(startsOn, 7 * i + 6),
    topic: w.topic,
    todo: w.todo,
  }));
}

/** The last day of the programme: the Sunday of week 8. */
export function programmeEnd(startsOn: string): string {
  return addDays(startsOn, 7 * PROGRAMME_LENGTH_WEEKS - 1);
}

/** 0 before the start, 1–8 during the programme, 9 after its last day (the lasting rhythm). */
export function currentWeek(startsOn: string, today: string): number {
  if (today < startsOn) return 0;
  if (today > programmeEnd(startsOn)) return PROGRAMME_LENGTH_WEEKS + 1;
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000;
  return Math.floor(days / 7) + 1;
}

/**
 * A week not begun is upcoming; the week of today is current (done once its team session is noted); a past week is
 * done when its team session was held, else missed.
 */
export function weekStatus(
  week: { startsOn: string; endsOn: string },
  sessionHeldOn: string | null,
  today: string,
): ProgrammeWeekStatus {
  if (today < week.startsOn) return 'upcoming';
  if (sessionHeldOn) return 'done';
  if (today <= week.endsOn) return 'current';
  return 'missed';
}

/** The week (1–8) a day falls in, or null outside the programme. */
export function weekOfDay(startsOn: string, day: string): number | null {
  if (day < startsOn || day > programmeEnd(startsOn)) return null;
  return currentWeek(startsOn, day);
}

/** The progress meter's phase: the first eight weeks of the programme (or before it), then the deepening phase. */
export function phaseOf(programme: { startsOn: string } | null, today: string): ProgressPhase {
  if (!programme) return 'start';
  return currentWeek(programme.startsOn, today) > PROGRAMME_LENGTH_WEEKS ? 'deepening' : 'start';
}

/** The school year around a day: 1 August to 31 July. */
export function schoolYearOf(day: string): { from: string; to: string } {
  const year = Number(day.slice(0, 4));
  const first = day.slice(5) >= '08-01' ? year : year - 1;
  return { from: `${first}-08-01`, to: `${first + 1}-07-31` };
}

/** The mean of the scores, to one decimal. */
export function averageOf(scores: Record<string, number>): number {
  const values = Object.values(scores);
  if (values.length === 0) return 0;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

/** Whether a start day is acceptable: a Monday, at most eight weeks back and at most a year ahead. */
export function startDayProblem(startsOn: string, today: string): string | null {
  if (!isMonday(startsOn)) return 'Het programma begint op een maandag.';
  if (startsOn < addDays(weekStartOf(today), -7 * PROGRAMME_LENGTH_WEEKS))
    return 'Kies een maandag van hoogstens acht weken geleden.';
  if (startsOn > addDays(today, 366)) return 'Kies een maandag binnen een jaar.';
  return null;
}
