import { useState, type ReactNode } from 'react';
import { ActionIcon, Card, Collapse, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * One part of the board as a card with its heading. On a phone the parts stack and each folds open and shut, so
 * the board stays one short column.
 */
export function PartFrame({
  id,
  title,
  intro,
  children,
  wide,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation('team');
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [open, setOpen] = useState(true);
  const headingId = `deel-${id}`;
  const bodyId = `deel-${id}-inhoud`;
  const shown = !phone || open;
  return (
    <Card
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby={headingId}
      style={wide ? { gridColumn: '1 / -1' } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={2} fz="lg" id={headingId}>
            {title}
          </Title>
          {phone ? (
            <ActionIcon
              variant="subtle"
              size="lg"
              aria-expanded={open}
              aria-controls={bodyId}
              aria-label={open ? t('board.collapse', { part: title }) : t('board.expand', { part: title })}
              onClick={() => setOpen((o) => !o)}
            >
              <IconChevronDown size={20} aria-hidden style={{ transform: open ? 'rotate(180deg)' : undefined }} />
            </ActionIcon>
          ) : null}
        </Group>
        <Collapse expanded={shown} id={bodyId}>
          <Stack gap="sm">
            {intro ? (
              <Text size="sm" c="dimmed">
                {intro}
              </Text>
            ) : null}
            {children}
          </Stack>
        </Collapse>
      </Stack>
    </Card>
  );
}

/** What a part is for, in one sentence, and the first step. */
export function PartEmpty({ icon, text, action }: { icon: ReactNode; text: string; action?: ReactNode }) {
  return (
    <Group
      gap="sm"
      align="flex-start"
      wrap="nowrap"
      p="sm"
      bg="gray.0"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    >
      <ThemeIcon variant="light" size="lg" radius="xl">
        {icon}
      </ThemeIcon>
      <Stack gap="xs" align="flex-start" style={{ flex: 1 }}>
        <Text size="sm">{text}</Text>
        {action}
      </Stack>
    </Group>
  );
}
