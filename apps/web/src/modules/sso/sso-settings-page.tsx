import { useEffect, useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAbilities } from '../../app/nav.tsx';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { NotFoundPage } from '../placeholder/not-found-page.tsx';
import { useSsoConfig, useSsoServerInfo } from './queries.ts';
import { RedirectUri } from './redirect-uri.tsx';
import { SsoForm } from './sso-form.tsx';
import { StatusBadges } from './sso-status-badges.tsx';

export default function SsoSettingsPage() {
  const { t } = useTranslation('sso');
  const { configureSso } = useAbilities();
  const config = useSsoConfig();
  const isEmpty = config.data === null;
  const info = useSsoServerInfo(configureSso && isEmpty);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (config.data) setStarting(false);
  }, [config.data]);

  if (!configureSso) return <NotFoundPage />;

  const redirectUri =
    config.data?.redirectUri ?? info.data?.redirectUri ?? `${window.location.origin}/api/auth/sso/callback`;
  const secretKeyConfigured = info.data?.secretKeyConfigured ?? null;
  const reload = async () => (await config.refetch()).data ?? null;

  return (
    <Page title={t('title')} description={t('intro')}>
      {config.isPending ? <PageLoader /> : null}
      {config.isError ? <QueryError error={config.error} onRetry={() => void config.refetch()} /> : null}
      {isEmpty && !starting ? (
        <Empty
          icon={<IconKey size={28} aria-hidden />}
          title={t('emptyTitle')}
          description={t('empty')}
          action={
            <Button leftSection={<IconKey size={18} aria-hidden />} onClick={() => setStarting(true)}>
              {t('start')}
            </Button>
          }
        >
          <Stack gap="xs" maw={560} w="100%" ta="left" mt="sm">
            <RedirectUri uri={redirectUri} />
            <Text size="sm" c="dimmed">
              {t('docsHint')}
            </Text>
          </Stack>
        </Empty>
      ) : null}
      {isEmpty && starting ? (
        <SsoForm
          config={null}
          redirectUri={redirectUri}
          secretKeyConfigured={secretKeyConfigured}
          onCancel={() => setStarting(false)}
          onReload={reload}
        />
      ) : null}
      {config.data ? (
        <>
          <StatusBadges config={config.data} />
          <SsoForm
            key={config.data.version}
            config={config.data}
            redirectUri={redirectUri}
            secretKeyConfigured={secretKeyConfigured}
            onReload={reload}
          />
        </>
      ) : null}
    </Page>
  );
}
