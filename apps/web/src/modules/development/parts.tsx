import type { ComponentType } from 'react';
import { Badge } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleDashed,
  IconCircleX,
  IconTrendingUp,
  type IconProps,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DevelopmentGoalStatus } from '@groeipad/contracts';
import type { UseFormReturnType } from '@mantine/form';
import { ApiError } from '../../app/api.ts';
import { currentLocale } from '../../app/i18n.ts';

export const GOAL_STATUSES: readonly DevelopmentGoalStatus[] = ['open', 'on_track', 'behind', 'achieved', 'stopped'];

// Colours chosen for at least 4.5:1 text contrast; 'achieved' is the one filled badge, so it stands out.
const STATUS_LOOK: Record<
  DevelopmentGoalStatus,
  { color: string; variant: 'light' | 'filled'; icon: ComponentType<IconProps> }
> = {
  open: { color: 'gray', variant: 'light', icon: IconCircleDashed },
  on_track: { color: 'groei', variant: 'light', icon: IconTrendingUp },
  behind: { color: 'orange', variant: 'light', icon: IconAlertTriangle },
  achieved: { color: 'groei', variant: 'filled', icon: IconCircleCheck },
  stopped: { color: 'gray', variant: 'light', icon: IconCircleX },
};

/** A goal's status as text with an icon, never colour alone. */
export function GoalStatusBadge({ status }: { status: DevelopmentGoalStatus }) {
  const { t } = useTranslation('development');
  const look = STATUS_LOOK[status];
  return (
    <Badge
      variant={look.variant}
      color={look.color}
      tt="none"
      size="lg"
      leftSection={<look.icon size={14} aria-hidden />}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}

/** 'YYYY-MM-DD' as a readable date in the user's language, without time zone shifts. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(new Date(y!, m! - 1, d));
}

export function formatMoment(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(new Date(iso));
}

/** Today as 'YYYY-MM-DD' in the browser's time zone. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Puts the API's field errors on the form's fields; true when at least one matched. */
export function applyFieldErrors<T extends Record<string, unknown>>(
  form: UseFormReturnType<T>,
  error: unknown,
): boolean {
  if (!(error instanceof ApiError)) return false;
  let matched = false;
  for (const [field, message] of Object.entries(error.fieldErrors())) {
    if (field in form.values) {
      form.setFieldError(field, message);
      matched = true;
    }
  }
  return matched;
}
