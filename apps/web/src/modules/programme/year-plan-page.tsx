import { useState } from 'react';
import { Alert, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { Page } from '../../ui/page.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { EventCard } from './event-card.tsx';
import { EventForm } from './event-form.tsx';
import { formatDay } from './format.ts';
import { useYearPlan } from './queries.ts';

/**
 * The school's year plan: the teams' programmes, the school's dates (kick-off, linking sessions, others) and the
 * board's pizzasessies. The school's leadership adds, changes and deletes dates; its staff read along.
 */
export default function YearPlanPage() {
  const { t } = useTranslation('programme');
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const query = useYearPlan(schoolId);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Page title={t('yearPlan.titleUnknown')}>
        {isApiError(query.error, 'not_found') ? (
          <Alert color="gray" variant="light">
            {t('yearPlan.notFound')}
          </Alert>
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Page>
    );
  }
  const plan = query.data;
  const statusOf = (week: number) =>
    week === 0 ? t('yearPlan.notYet') : week > 8 ? t('yearPlan.done') : t('yearPlan.weekOf', { week });
  return (
    <Page
      title={t('yearPlan.title', { school: plan.school.name })}
      description={t('yearPlan.period', { from: formatDay(plan.from), to: formatDay(plan.to) })}
    >
      <Text size="sm" maw={760}>
        {t('yearPlan.intro')}
      </Text>
      {plan.schools.length > 1 ? (
        <NativeSelect
          label={t('yearPlan.school')}
          value={plan.school.id}
          onChange={(e) => setSchoolId(e.currentTarget.value)}
          data={plan.schools.map((s) => ({ value: s.id, label: s.name }))}
          maw={320}
        />
      ) : null}
      <Stack gap="xs" component="section" aria-labelledby="programmas">
        <Title order={2} fz="lg" id="programmas">
          {t('yearPlan.programmesTitle')}
        </Title>
        {plan.programmes.length === 0 ? (
          <Text size="sm">{t('yearPlan.programmesEmpty')}</Text>
        ) : (
          <Table striped withTableBorder fz="sm">
            <Table.Caption>{t('yearPlan.programmesTitle')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('yearPlan.colTeam')}</Table.Th>
                <Table.Th scope="col">{t('yearPlan.colPeriod')}</Table.Th>
                <Table.Th scope="col">{t('yearPlan.colStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.programmes.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Link to={`/team/${p.team.id}/programma`}>{p.team.name}</Link>
                  </Table.Td>
                  <Table.Td>
                    {t('yearPlan.programmeLine', { from: formatDay(p.startsOn), to: formatDay(p.endsOn) })}
                  </Table.Td>
                  <Table.Td>
                    {statusOf(p.currentWeek)}
                    {p.nextTeam ? ` · ${t('yearPlan.next', { team: p.nextTeam.name })}` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="data">
        <Title order={2} fz="lg" id="data">
          {t('yearPlan.eventsTitle')}
        </Title>
        {plan.events.length === 0 ? (
          <Text size="sm">{t('yearPlan.eventsEmpty')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {plan.events.map((e) => (
              <EventCard key={e.id} event={e} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
      {plan.abilities.manage ? (
        <EventForm schoolId={plan.school.id} kinds={['kickoff', 'other', 'pizza']} title={t('yearPlan.addTitle')} />
      ) : null}
    </Page>
  );
}
