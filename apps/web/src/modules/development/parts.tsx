import type { ComponentType } from 'react';
import { Alert, Badge } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCheck,
  IconCircleCheck,
  IconCircleDashed,
  IconCircleX,
  IconTrendingUp,
  type IconProps,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DevelopmentGoalStatus } from '@groeipad/contracts';
import type { UseFormReturnType } from '@mantine/form';
import { ApiError, isApiError } from '../../app/api.ts';
import { currentLocale } from '../../app/i18n.ts';
import { FormError } from '../../ui/query-state.tsx';

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

/** A file size in the user's language: "850 kB", "2,4 MB". */
export function formatSize(bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(currentLocale(), {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: mb ? 1 : 0,
  }).format(mb ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024)));
}

/** The API's field errors by field name; query-string fields ('querystring.title') count as 'title'. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fieldErrors())) {
    out[field.replace(/^querystring\./, '')] ??= message;
  }
  return out;
}

/** Puts the API's field errors on the form's fields; true when at least one matched. */
export function applyFieldErrors<T extends Record<string, unknown>>(
  form: UseFormReturnType<T>,
  error: unknown,
): boolean {
  let matched = false;
  for (const [field, message] of Object.entries(fieldErrorsOf(error))) {
    if (field in form.values) {
      form.setFieldError(field, message);
      matched = true;
    }
  }
  return matched;
}

export function saved(message: string) {
  notifications.show({ color: 'groei', icon: <IconCheck size={18} aria-hidden />, message });
}

/** The error above a form: field errors sit on their fields, everything else shows here. */
export function TopError({ error, conflict, fields }: { error: unknown; conflict?: string; fields?: string[] }) {
  if (!error) return null;
  const onFields = Object.keys(fieldErrorsOf(error)).filter((f) => !fields || fields.includes(f));
  if (isApiError(error, 'validation') && onFields.length > 0) return null;
  if (conflict && isApiError(error, 'conflict')) {
    return (
      <Alert color="red" variant="light" role="alert">
        {conflict}
      </Alert>
    );
  }
  return <FormError error={error} />;
}
