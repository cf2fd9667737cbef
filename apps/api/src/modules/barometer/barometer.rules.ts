import { randomInt, randomUUID } from 'node:crypto';
import {
  BAROMETER_SCALE_MAX,
  type BarometerAnswer,
  type BarometerOwnQuestionInput,
  type BarometerQuestion as QuestionDto,
} from '@groeipad/contracts';
import { ABSOLUTE_MIN_GROUP_SIZE } from '../../platform/anonymity/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { addDays, SCHOOL_TIME_ZONE, schoolDay } from '../../platform/time.ts';
import type { BarometerQuestion } from './barometer.schema.ts';
import { STANDARD_IDS, STANDARD_QUESTIONS } from './barometer.questions.ts';

// Pure rules of the barometer: minimums, the questions of a round, what a valid answer is, and dates.

export type Minimums = { minGroupSize: number; minTextGroupSize: number };

/**
 * The minimums a new round gets: the team's own, but never below 3 and never below the school's (cycle
 * settings); free text never below the minimum for scores.
 */
export function roundMinimums(team: Minimums, school: Minimums): Minimums {
  const min = Math.max(ABSOLUTE_MIN_GROUP_SIZE, team.minGroupSize, school.minGroupSize);
  return { minGroupSize: min, minTextGroupSize: Math.max(min, team.minTextGroupSize, school.minTextGroupSize) };
}

/** What is wrong with the minimums a team wants, measured against its school's floors. */
export function minimumErrors(wanted: Minimums, school: Minimums): FieldError[] {
  const errors: FieldError[] = [];
  const floor = Math.max(ABSOLUTE_MIN_GROUP_SIZE, school.minGroupSize);
  if (wanted.minGroupSize < floor) {
    errors.push({
      path: 'body.minGroupSize',
      message: `Minimaal ${floor}: lager staat de school niet toe.`,
    });
  }
  const textFloor = Math.max(wanted.minGroupSize, school.minTextGroupSize);
  if (wanted.minTextGroupSize < textFloor) {
    errors.push({
      path: 'body.minTextGroupSize',
      message:
        wanted.minTextGroupSize < wanted.minGroupSize
          ? 'Open antwoorden vragen minstens evenveel mensen als de cijfers.'
          : `Minimaal ${textFloor}: lager staat de school niet toe.`,
    });
  }
  return errors;
}

/** The team's own questions as stored: existing ones keep their id, new ones get one. */
export function ownQuestions(input: BarometerOwnQuestionInput[], existing: BarometerQuestion[]): BarometerQuestion[] {
  const known = new Set(existing.map((q) => q.id));
  const seen = new Set<string>();
  return input.map((q) => {
    const id = q.id && known.has(q.id) && !seen.has(q.id) ? q.id : `own-${randomUUID()}`;
    seen.add(id);
    return { id, text: q.text, kind: q.kind };
  });
}

/** The questions a round opens with: the standard set, then the team's own. */
export function roundQuestions(extra: BarometerQuestion[]): BarometerQuestion[] {
  return [...STANDARD_QUESTIONS, ...extra];
}

export function questionDto(q: BarometerQuestion): QuestionDto {
  return { id: q.id, text: q.text, kind: q.kind, standard: STANDARD_IDS.has(q.id) };
}

export type CheckedAnswer = { scores: Record<string, number | 'dk'>; texts: Record<string, string> };

/**
 * Checks an answer against the round's questions: every scale question answered with 1–5 or "weet niet", open
 * questions optional, nothing that is not a question of this round. Empty texts are dropped.
 */
export function checkAnswer(
  questions: readonly BarometerQuestion[],
  answer: BarometerAnswer,
): { ok: true; value: CheckedAnswer } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const scores: Record<string, number | 'dk'> = {};
  const texts: Record<string, string> = {};
  for (const [id, value] of Object.entries(answer.scores)) {
    if (byId.get(id)?.kind !== 'scale') {
      errors.push({ path: `body.scores.${id}`, message: 'Deze vraag hoort niet bij deze ronde.' });
    } else if (value !== 'dk' && (value < 1 || value > BAROMETER_SCALE_MAX)) {
      errors.push({ path: `body.scores.${id}`, message: `Kies een antwoord van 1 tot ${BAROMETER_SCALE_MAX}.` });
    } else scores[id] = value;
  }
  for (const [id, value] of Object.entries(answer.texts ?? {})) {
    if (byId.get(id)?.kind !== 'text') {
      errors.push({ path: `body.texts.${id}`, message: 'Deze vraag hoort niet bij deze ronde.' });
    } else if (value.includes('\u0000')) {
      errors.push({ path: `body.texts.${id}`, message: 'Deze tekst bevat een teken dat niet kan worden opgeslagen.' });
    } else if (value.trim()) texts[id] = value.trim();
  }
  for (const q of questions) {
    if (q.kind === 'scale' && !(q.id in answer.scores)) {
      errors.push({ path: `body.scores.${q.id}`, message: 'Kies een antwoord, of "weet niet".' });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { scores, texts } };
}

/** A uniform random permutation (Fisher–Yates with a cryptographic source; tests pass their own). */
export function shuffled<T>(items: readonly T[], random: (n: number) => number = randomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---- the rhythm: every 2 or 4 weeks

/** When the daily job opens the rounds the rhythm asks for (Dutch time): before the 07:00 reminders and mails. */
export const AUTO_OPEN_AT = { hour: 6, minute: 45 } as const;
/** The daily job's schedule (pg-boss cron, in the schools' time zone). */
export const BAROMETER_AUTO_OPEN_CRON = `${AUTO_OPEN_AT.minute} ${AUTO_OPEN_AT.hour} * * *`;

/** Saturday or Sunday: no school, so no invitations. */
export function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The day itself on a school day; the Monday after on a Saturday or Sunday. */
export function onSchoolDay(day: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday === 6 ? addDays(day, 2) : weekday === 0 ? addDays(day, 1) : day;
}

/**
 * The day a team's next round is due: `intervalWeeks` after the last one opened, moved to the Monday when that is
 * in a weekend; null before its first round.
 */
export function dueDay(lastOpenedOn: string | null, intervalWeeks: number): string | null {
  return lastOpenedOn === null ? null : onSchoolDay(addDays(lastOpenedOn, intervalWeeks * 7));
}

/**
 * Whether the rhythm opens a round on `today` (no round being open is for the caller to know): a school day, and
 * the interval has passed since the last one opened or the team never had one.
 */
export function isRoundDue(lastOpenedOn: string | null, intervalWeeks: number, today: string): boolean {
  if (isWeekend(today)) return false;
  const due = dueDay(lastOpenedOn, intervalWeeks);
  return due === null || due <= today;
}

/**
 * The longest a round may run in a rhythm: one day less than the interval, so it has closed (in the night after
 * its last day) before the job opens the next one on the due day. Otherwise the open round holds the next one
 * back a day, and the rhythm slips a day every time.
 */
export function longestRound(intervalWeeks: number, max: number): number {
  return Math.min(max, intervalWeeks * 7 - 1);
}

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: SCHOOL_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Minutes since midnight, Dutch time. */
function minuteOfDay(now: Date): number {
  const parts = clock.formatToParts(now);
  const part = (type: 'hour' | 'minute') => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

/**
 * The day the daily job will open a round that is due on `dueOn` (with automatic opening on): that day if it is
 * still to come; today while the job has not run yet today; otherwise tomorrow.
 */
export function autoOpenDay(dueOn: string, now: Date): string {
  const today = schoolDay(now);
  if (dueOn > today) return onSchoolDay(dueOn);
  return onSchoolDay(minuteOfDay(now) < AUTO_OPEN_AT.hour * 60 + AUTO_OPEN_AT.minute ? today : addDays(today, 1));
}
