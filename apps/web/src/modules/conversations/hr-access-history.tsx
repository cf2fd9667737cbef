import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import type { ConversationDetail } from '@groeipad/contracts';
import { useTranslation } from 'react-i18next';
import { formatMoment } from './parts.tsx';

/** For the employee: every time HR had access to their conversations, with who, from when to when, and why. */
export function HrAccessHistory({ c }: { c: ConversationDetail }) {
  const { t } = useTranslation('conversations');
  if (c.hrAccess.length === 0) return null;
  return (
    <Stack gap="xs">
      <div>
        <Title order={3} fz="md">
          {t('who.hrTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('who.hrIntro')}
        </Text>
      </div>
      <List spacing="xs" listStyleType="none" p={0}>
        {c.hrAccess.map((g) => (
          <List.Item key={g.id} icon={<IconShieldLock size={16} aria-hidden />}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={600}>
                {g.hr.displayName}
              </Text>
              {g.active ? (
                <Badge size="sm" variant="light" color="teal" tt="none" c="var(--mantine-color-text)">
                  {t('who.hrActive')}
                </Badge>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed">
              {t(g.active ? 'who.hrPeriodActive' : 'who.hrPeriod', {
                from: formatMoment(g.grantedAt),
                until: formatMoment(g.until),
              })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {t('who.hrReason', { reason: g.reason })}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
