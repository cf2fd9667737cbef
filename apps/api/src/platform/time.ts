// Days at the schools. Every school is in the Netherlands: days, periods, deadlines and weeks are Dutch days,
// 'YYYY-MM-DD', whatever the server's own time zone; weeks run Monday to Sunday.

/** The time zone of every school: days, periods and deadlines are Dutch days. */
export const SCHOOL_TIME_ZONE = 'Europe/Amsterdam';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: SCHOOL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const HOUR = 3_600_000;
/** Hours whose local day changes within the hour: an offset of not whole hours (local mean time, before 1892). */
const MIXED = '';
/** The local day per UTC hour (ms since the epoch / HOUR), or MIXED. Emptied when it grows large. */
const dayOfHour = new Map<number, string>();
const CACHED_HOURS = 100_000;

/**
 * The day of an instant in Dutch local time, 'YYYY-MM-DD'. Formatting a date in a time zone costs microseconds,
 * and a school's coverage reads thousands of conversations, so the day is kept per UTC hour: Dutch time moves
 * by whole hours, on the hour (summer time starts and ends at 01:00 UTC), so every instant of a UTC hour falls
 * on one local day. Each hour is checked at its first and last millisecond, so an hour where that does not hold
 * is formatted per instant instead.
 */
export function schoolDay(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  const hour = Math.floor(ms / HOUR);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    const first = dayFormat.format(hour * HOUR);
    // The last millisecond of the hour, or of time itself (8.64e15, the largest valid Date).
    day = first === dayFormat.format(Math.min(hour * HOUR + HOUR - 1, 8.64e15)) ? first : MIXED;
    if (dayOfHour.size >= CACHED_HOURS) dayOfHour.clear();
    dayOfHour.set(hour, day);
  }
  return day === MIXED ? dayFormat.format(at) : day;
}

const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const DAY_MS = 86_400_000;

/** The day `days` later (earlier when negative); 'YYYY-MM-DD' in, 'YYYY-MM-DD' out. */
export function addDays(day: string, days: number): string {
  return new Date(toUtc(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the day's week. */
export function weekStartOf(day: string): string {
  const weekday = (new Date(toUtc(day)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

const momentDay = new Intl.DateTimeFormat('nl-NL', {
  timeZone: SCHOOL_TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const momentDayNoYear = new Intl.DateTimeFormat('nl-NL', {
  timeZone: SCHOOL_TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const momentTime = new Intl.DateTimeFormat('nl-NL', { timeZone: SCHOOL_TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/**
 * A moment as mails and documents say it, in Dutch school time: "donderdag 12 maart 2026 om 14:30", or without
 * the year ("donderdag 12 maart om 14:30") where the moment is near.
 */
export function formatSchoolMoment(at: Date, { year = true }: { year?: boolean } = {}): string {
  return `${(year ? momentDay : momentDayNoYear).format(at)} om ${momentTime.format(at)}`;
}
