import { useEffect } from 'react';
import { Alert, Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { IconPlant2, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { NotFoundPage } from '../placeholder/not-found-page.tsx';
import { GoalCard } from './goal-card.tsx';
import { FinishedGoals } from './sections.tsx';
import { usePersonPlan } from './queries.ts';

/** A report's plan as their leidinggevende sees it: shared goals, with check-ins and actions. */
export default function PersonDevelopmentPage() {
  const { t } = useTranslation('development');
  const { personId = '' } = useParams();
  const { hash } = useLocation();
  const query = usePersonPlan(personId);

  useEffect(() => {
    // A link from the stale-goal list points at one goal.
    if (query.data && hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [query.data, hash]);

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error, 'not_found') || isApiError(query.error, 'validation')) return <NotFoundPage />;
    return (
      <Page title={t('team.title')}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  const plan = query.data;
  const name = plan.person.displayName;

  return (
    <Stack gap="sm">
      <Breadcrumbs aria-label={t('manager.breadcrumb')} separatorMargin={6}>
        <Anchor component={Link} to="/ontwikkeling/team" size="sm">
          {t('manager.breadcrumb')}
        </Anchor>
        <Text size="sm" aria-current="page">
          {name}
        </Text>
      </Breadcrumbs>
      <Page title={t('manager.title', { name })} description={t('manager.intro', { name })}>
        <Alert color="gray" variant="light" icon={<IconShieldLock aria-hidden />} p="xs">
          {t('manager.privacy')}
        </Alert>
        {plan.goals.length === 0 ? (
          <Empty
            icon={<IconPlant2 aria-hidden />}
            title={t('manager.emptyTitle')}
            description={t('manager.emptyText', { name })}
          />
        ) : (
          <Stack gap="md" maw={860} component="section" aria-labelledby="gedeelde-doelen-titel">
            <Title order={2} fz="lg" id="gedeelde-doelen-titel">
              {t('manager.goalsTitle')}
            </Title>
            {plan.goals
              .filter((g) => g.status !== 'achieved' && g.status !== 'stopped')
              .map((g) => (
                <GoalCard key={g.id} goal={g} personId={plan.person.id} viewer={plan.viewer} allGoals={plan.goals} />
              ))}
            <FinishedGoals
              goals={plan.goals.filter((g) => g.status === 'achieved' || g.status === 'stopped')}
              personId={plan.person.id}
              allGoals={plan.goals}
              viewer={plan.viewer}
            />
          </Stack>
        )}
      </Page>
    </Stack>
  );
}
