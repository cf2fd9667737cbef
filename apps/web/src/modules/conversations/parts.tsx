import { useEffect, useRef, type ReactNode } from 'react';
import { Badge, Card, Stack, Text, Title } from '@mantine/core';
import {
  IconCalendarEvent,
  IconCircleCheck,
  IconCircleX,
  IconFileDescription,
  IconLock,
  IconMessageCircle,
  IconPencil,
} from '@tabler/icons-react';
import type { ConversationState } from '@groeipad/contracts';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../app/i18n.ts';

const STATE_LOOK: Record<ConversationState, { color: string; icon: ReactNode }> = {
  planned: { color: 'blue', icon: <IconCalendarEvent size={14} aria-hidden /> },
  preparing: { color: 'cyan', icon: <IconPencil size={14} aria-hidden /> },
  held: { color: 'grape', icon: <IconMessageCircle size={14} aria-hidden /> },
  report_draft: { color: 'orange', icon: <IconFileDescription size={14} aria-hidden /> },
  agreed: { color: 'teal', icon: <IconLock size={14} aria-hidden /> },
  closed: { color: 'gray', icon: <IconCircleCheck size={14} aria-hidden /> },
  cancelled: { color: 'red', icon: <IconCircleX size={14} aria-hidden /> },
};

/** A state with its icon and text, never colour alone. */
export function StateBadge({ state }: { state: ConversationState }) {
  const { t } = useTranslation('conversations');
  const look = STATE_LOOK[state];
  return (
    <Badge
      color={look.color}
      variant="light"
      tt="none"
      leftSection={look.icon}
      // Even shade 9 of some colours is below 4.5:1 on the light background: the text stays dark, the tint and icon carry the state.
      styles={{ root: { flexShrink: 0, color: 'var(--mantine-color-text)' } }}
    >
      {t(`states.${state}`)}
    </Badge>
  );
}

/** "do 12 mrt 2026, 14:30" in the reader's language. */
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

export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

export function Section({
  id,
  title,
  intro,
  children,
  action,
}: {
  id: string;
  title: string;
  intro?: string | undefined;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <div>
          <Title order={2} fz="lg" id={id}>
            {title}
          </Title>
          {intro ? (
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          ) : null}
        </div>
        {children}
        {action}
      </Stack>
    </Card>
  );
}

/**
 * "Opgeslagen" beside a save button. A save gives the form a new version and so a fresh form, which drops
 * the focus: the note takes it (when nothing else has it), so keyboard and screen reader users hear that
 * the save worked and go on from where they were.
 */
export function SavedNote({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Text ref={ref} tabIndex={-1} size="sm" c="groei.8" role="status" style={{ outlineOffset: 2 }}>
      {children}
    </Text>
  );
}
