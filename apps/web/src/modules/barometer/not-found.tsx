import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { QueryError } from '../../ui/query-state.tsx';

/** What someone outside the team sees at a barometer address: that it is the team's own, nothing more. */
export function BarometerNotFound() {
  const { t } = useTranslation('barometer');
  const { t: tc } = useTranslation();
  return (
    <Page title={t('title')}>
      <Empty
        icon={<IconLock size={28} aria-hidden />}
        title={t('notFound.title')}
        description={t('notFound.text')}
        order={2}
        action={
          <Button component={Link} to="/">
            {tc('notFound.home')}
          </Button>
        }
      />
    </Page>
  );
}

/** A failed load: 'not found' gets the barometer's own explanation, anything else the usual error. */
export function BarometerLoadError({ error, onRetry, title }: { error: unknown; onRetry: () => void; title: string }) {
  if (isApiError(error, 'not_found')) return <BarometerNotFound />;
  return (
    <Page title={title}>
      <QueryError error={error} onRetry={onRetry} />
    </Page>
  );
}
