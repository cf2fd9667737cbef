import { currentLocale } from '../../app/i18n.ts';

/** "12 mei 2026" from 'YYYY-MM-DD' or an ISO timestamp. */
export function formatDay(value: string): string {
  const date = value.length === 10 ? new Date(`${value}T12:00:00`) : new Date(value);
  return new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** A mean with one decimal in the reader's locale. */
export function formatMean(value: number): string {
  return new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
