// The moment of a preparation in the browser's own time (the school's): a date and a time field, and back.

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of an instant in local time, for a date field. */
export function localDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** 'HH:MM' of an instant in local time, for a time field. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A date and a time field as one instant with its offset, for the API. */
export function toInstant(date: string, time: string): string {
  return new Date(`${date}T${time}`).toISOString();
}
