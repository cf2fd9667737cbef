import { Badge } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCalendarEvent,
  IconCircleCheck,
  IconCircleDashed,
  IconClock,
  type IconProps,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleStatus } from '@groeipad/contracts';
import { currentLocale } from '../../app/i18n.ts';

export const STATUSES: readonly CycleStatus[] = ['overdue', 'due', 'planned', 'done', 'not_due'];

const LOOK: Record<CycleStatus, { color: string; icon: ComponentType<IconProps> }> = {
  done: { color: 'green', icon: IconCircleCheck },
  planned: { color: 'blue', icon: IconCalendarEvent },
  overdue: { color: 'red', icon: IconAlertTriangle },
  due: { color: 'orange', icon: IconClock },
  not_due: { color: 'gray', icon: IconCircleDashed },
};

/** A status with its icon and its word, never colour alone. */
export function StatusBadge({ status }: { status: CycleStatus }) {
  const { t } = useTranslation('cycle');
  const { color, icon: Icon } = LOOK[status];
  return (
    <Badge
      variant="light"
      color={color}
      tt="none"
      size="lg"
      radius="sm"
      leftSection={<Icon size={16} aria-hidden />}
      // Light text colours are darkened in the theme (cssVariablesResolver) to reach 4.5:1.
      styles={{ root: { flexShrink: 0 } }}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}

/** 'YYYY-MM-DD' as "31 mrt 2027". */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(`${day}T12:00:00`),
  );
}
