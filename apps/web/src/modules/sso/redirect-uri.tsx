import { ActionIcon, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function RedirectUri({ uri }: { uri: string }) {
  const { t } = useTranslation('sso');
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm" id="redirect-uri-label">
        {t('redirect.label')}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code
          block
          aria-labelledby="redirect-uri-label"
          style={{
            flex: 1,
            minWidth: 0,
            overflowWrap: 'anywhere',
            whiteSpace: 'pre-wrap',
            fontSize: 'var(--mantine-font-size-sm)',
          }}
        >
          {uri}
        </Code>
        <CopyButton value={uri} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('redirect.copied') : t('redirect.copy')} withArrow>
              <ActionIcon
                variant={copied ? 'filled' : 'default'}
                size="lg"
                onClick={copy}
                aria-label={copied ? t('redirect.copied') : t('redirect.copy')}
              >
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" c="dimmed">
        {t('redirect.hint')}
      </Text>
    </Stack>
  );
}
