import type { ReactNode } from 'react';
import { Group, Paper, Stack, Title } from '@mantine/core';

/** A bordered card in the preview with an icon and a heading; a colour marks one that needs attention. */
export function PreviewSection({
  icon,
  title,
  children,
  color,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  color?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" style={color ? { borderColor: `var(--mantine-color-${color}-4)` } : undefined}>
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          {icon}
          <Title order={3} fz="md">
            {title}
          </Title>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
