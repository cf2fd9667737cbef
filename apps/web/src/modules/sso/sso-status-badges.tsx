import { Badge, Group } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SsoConfig } from '@groeipad/contracts';

export function StatusBadges({ config }: { config: SsoConfig }) {
  const { t } = useTranslation('sso');
  return (
    <Group gap="xs">
      <Badge
        variant="light"
        color={config.enabled ? 'groei' : 'gray'}
        tt="none"
        leftSection={config.enabled ? <IconCheck size={12} aria-hidden /> : undefined}
      >
        {config.displayName}: {config.enabled ? t('status.on') : t('status.off')}
      </Badge>
      {config.required ? (
        <Badge variant="light" color="orange" tt="none">
          {t('status.required')}
        </Badge>
      ) : null}
    </Group>
  );
}
