import type { TeamBoardPart, TeamGoal } from '@groeipad/contracts';
import { isOwnPartKey } from '@groeipad/contracts';
import i18n, { currentLocale } from '../../app/i18n.ts';

/** A part's name: the team's own, or the usual name of a standard part in the reader's language. */
export function partTitle(part: TeamBoardPart): string {
  if (part.title) return part.title;
  if (isOwnPartKey(part.key)) return i18n.t('team:customize.ownPart');
  return i18n.t(`team:parts.${part.key as 'programme'}`);
}

const local = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d);
};

/** 'YYYY-MM-DD' as "12 mrt. 2026", without time zone shifts. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(local(day));
}

/** 'YYYY-MM-DD' as "12 mrt." for chart axes and week labels. */
export function formatShortDay(day: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: 'short' }).format(local(day));
}

export function formatWeekday(day: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { weekday: 'long', day: 'numeric', month: 'long' }).format(
    local(day),
  );
}

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { timeStyle: 'short' }).format(new Date(iso));
}

/** A goal's measure with its unit: "62%", "4 klachten". */
export function formatMeasure(value: number, unit: string): string {
  const n = new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 2 }).format(value);
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/** "now 62%, target 80%": the words that stand in for the chart. */
export function goalSummary(goal: TeamGoal): string {
  const target = formatMeasure(goal.targetValue, goal.unit);
  if (goal.current === null) return i18n.t('team:goals.summaryEmpty', { target });
  return i18n.t('team:goals.summary', { current: formatMeasure(goal.current, goal.unit), target });
}

/** Today as 'YYYY-MM-DD' in the browser's time zone. */
export function todayLocal(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
