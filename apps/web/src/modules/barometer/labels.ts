import { useTranslation } from 'react-i18next';
import type { BarometerQuestion } from '@groeipad/contracts';
import { currentLocale } from '../../app/i18n.ts';

/** The values of the scale, 1 to 5. */
export const SCALE = [1, 2, 3, 4, 5] as const;

/** A question in the reader's language: standard questions by their id, the team's own as written. */
export function useQuestionText() {
  const { t } = useTranslation('barometer');
  return (q: Pick<BarometerQuestion, 'id' | 'text' | 'standard'>) =>
    q.standard ? t(`questions.${q.id}` as 'questions.samenwerken', { defaultValue: q.text }) : q.text;
}

/** "12 mei 2026" from 'YYYY-MM-DD' or an ISO timestamp. */
export function formatDay(value: string): string {
  const date = value.length === 10 ? new Date(`${value}T12:00:00`) : new Date(value);
  return new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** "12 mei" from 'YYYY-MM-DD': for the trend's axis and columns. */
export function formatShortDay(value: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: 'short' }).format(
    new Date(`${value}T12:00:00`),
  );
}

/** A mean with one decimal in the reader's locale. */
export function formatMean(value: number): string {
  return new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
