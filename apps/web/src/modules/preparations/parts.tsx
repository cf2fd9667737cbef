import { Alert, Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconTarget, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PreparationStatus, PreparationSummary } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { Page } from '../../ui/page.tsx';
import { QueryError } from '../../ui/query-state.tsx';
import { formatTime, formatWeekday } from '../team/format.ts';

// Small pieces the preparation and library pages share.

const STATUS_COLOR: Record<PreparationStatus, string> = { planned: 'blue', done: 'groei', cancelled: 'gray' };

export function StatusBadge({ status }: { status: PreparationStatus }) {
  const { t } = useTranslation('preparations');
  return (
    <Badge variant="light" color={STATUS_COLOR[status]} tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** "donderdag 26 november, 15:00 · 45 min." */
export function When({ p }: { p: Pick<PreparationSummary, 'day' | 'plannedAt' | 'durationMinutes'> }) {
  const { t } = useTranslation('preparations');
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <IconCalendarEvent size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
      <Text size="sm">
        {t('when', { day: formatWeekday(p.day), time: formatTime(p.plannedAt), minutes: p.durationMinutes })}
      </Text>
    </Group>
  );
}

/** One preparation in a list: a card whose title links to it. */
export function PreparationCard({ teamId, p }: { teamId: string; p: PreparationSummary }) {
  const { t } = useTranslation('preparations');
  return (
    <Paper withBorder p="md" radius="md" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/team/${teamId}/voorbereidingen/${p.id}`} fw={700}>
            {p.title}
          </Anchor>
          <Group gap={6}>
            <Badge variant="outline" color="gray" tt="none">
              {t(`kind.${p.kind}`)}
            </Badge>
            <StatusBadge status={p.status} />
          </Group>
        </Group>
        <When p={p} />
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconUsers size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
          <Text size="sm">{p.participants.map((x) => x.displayName).join(', ')}</Text>
        </Group>
        {p.goal ? (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconTarget size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
            <Text size="sm">{t('goalLine', { goal: p.goal.title })}</Text>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** A page that could not load: 'not found' for no access, else the error with a retry. */
export function PageError({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('preparations');
  return (
    <Page title={title}>
      {isApiError(error, 'not_found') ? (
        <Alert color="gray" variant="light">
          {t('notFound')}
        </Alert>
      ) : (
        <QueryError error={error} onRetry={onRetry} />
      )}
    </Page>
  );
}
