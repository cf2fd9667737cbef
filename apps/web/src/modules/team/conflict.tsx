import type { ReactNode } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';

/** The card as someone else just saved it, when a save was refused because it was changed meanwhile. */
export function conflictCurrent<T>(error: unknown): T | null {
  if (!isApiError(error, 'conflict')) return null;
  const details = error.details as { reason?: string; current?: T } | null | undefined;
  return details?.reason === 'stale' && details.current ? details.current : null;
}

/**
 * Says that someone else changed the card, shows their version, and keeps the user's own text in the form: saving
 * again puts theirs over it on purpose, or they take the other version.
 */
export function ConflictAlert({ theirs, onTakeTheirs }: { theirs: ReactNode; onTakeTheirs: () => void }) {
  const { t } = useTranslation('team');
  return (
    <Alert color="orange" variant="light" role="alert" icon={<IconUsers aria-hidden />} title={t('conflict.title')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('conflict.text')}</Text>
        <Text size="sm" fw={700}>
          {t('conflict.theirs')}
        </Text>
        <div>{theirs}</div>
        <Button size="xs" variant="default" onClick={onTakeTheirs}>
          {t('conflict.takeTheirs')}
        </Button>
      </Stack>
    </Alert>
  );
}
