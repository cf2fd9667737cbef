import type { ReactNode } from 'react';
import { EmptyState, Paper } from '@mantine/core';

type EmptyProps = {
  icon: ReactNode;
  title: string;
  /** What this is for and one sentence from the practice. */
  description: string;
  /** Extra content under the description, e.g. a quote from the practice. */
  children?: ReactNode;
  action?: ReactNode;
  /** Heading level of the title, so pages keep a logical outline. */
  order?: 2 | 3;
};

/** An empty screen that teaches: what goes here, why, and the first step. */
export function Empty({ icon, title, description, children, action, order = 2 }: EmptyProps) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
      <EmptyState variant="light" icon={icon} size="md">
        <EmptyState.Title order={order}>{title}</EmptyState.Title>
        <EmptyState.Description maw={560}>{description}</EmptyState.Description>
        {children}
        {action ? <EmptyState.Actions>{action}</EmptyState.Actions> : null}
      </EmptyState>
    </Paper>
  );
}
