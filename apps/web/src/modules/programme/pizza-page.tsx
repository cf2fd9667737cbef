import { Alert, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/page.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { EventCard } from './event-card.tsx';
import { EventForm } from './event-form.tsx';
import { usePizzas } from './queries.ts';

/** The board's upcoming pizzasessies: every staff member registers; organisers add one and see who comes. */
export default function PizzaPage() {
  const { t } = useTranslation('programme');
  const query = usePizzas();
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Page title={t('pizza.title')}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  const { items, abilities } = query.data;
  return (
    <Page title={t('pizza.title')}>
      <Text size="sm" maw={760}>
        {t('pizza.intro')}
      </Text>
      {items.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('pizza.empty')}
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {items.map((e) => (
            <EventCard key={e.id} event={e} />
          ))}
        </SimpleGrid>
      )}
      {abilities.create ? <EventForm schoolId={null} kinds={['pizza']} title={t('pizza.addTitle')} /> : null}
    </Page>
  );
}
