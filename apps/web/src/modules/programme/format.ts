import { currentLocale } from '../../app/i18n.ts';

const local = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d);
};

/** 'YYYY-MM-DD' as "12 mrt. 2030", without time zone shifts. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(local(day));
}

/** The day of an instant as "12 mrt. 2030", in the browser's time zone. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(new Date(iso));
}

/** 'YYYY-MM-DD' as "12 mrt." for chart axes. */
export function formatShortDay(day: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: 'short' }).format(local(day));
}

/** An instant as "wo 10 apr. 2030 17:00". */
export function formatMoment(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatScore(value: number): string {
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
}

/** A 'datetime-local' value ("2030-04-10T17:00") as an ISO instant with the browser's offset. */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}

/** An ISO instant as a 'datetime-local' value ("2030-04-10T17:00") in the browser's time zone. */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today as 'YYYY-MM-DD' in the browser's time zone. */
export function todayLocal(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The Monday on or after a day. */
export function nextMonday(day: string): string {
  const d = local(day);
  const add = (8 - d.getDay()) % 7;
  d.setDate(d.getDate() + add);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
