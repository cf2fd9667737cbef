import { Anchor, Badge, Breadcrumbs, Group, Stack, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import { Page } from '../../ui/page.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { Section } from './sections.tsx';
import { GoalStatusBadge } from './parts.tsx';
import { useStaleGoals } from './queries.ts';

/** For a leidinggevende: their staff's plans, and goals nobody reported on for 8 weeks. */
export default function TeamDevelopmentPage() {
  const { t } = useTranslation('development');
  const me = useMe();
  const stale = useStaleGoals();

  return (
    <Stack gap="sm">
      <Breadcrumbs aria-label={t('team.title')} separatorMargin={6}>
        <Anchor component={Link} to="/ontwikkeling" size="sm">
          {t('page.title')}
        </Anchor>
        <Text size="sm" aria-current="page">
          {t('team.title')}
        </Text>
      </Breadcrumbs>
      <Page title={t('team.title')} description={t('team.intro')}>
        <Section id="stil-titel" title={t('team.staleTitle')} intro={t('team.staleIntro')}>
          {stale.isPending ? (
            <PageLoader />
          ) : stale.isError ? (
            <QueryError error={stale.error} onRetry={() => void stale.refetch()} />
          ) : stale.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('team.staleEmpty')}
            </Text>
          ) : (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {stale.data.items.map((item) => (
                <Stack
                  key={item.goalId}
                  component="li"
                  gap={4}
                  pb="sm"
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
                >
                  <Anchor
                    component={Link}
                    to={item.href}
                    fw={600}
                    aria-label={t('team.openGoal', { goal: item.goalTitle, name: item.person.displayName })}
                  >
                    {item.goalTitle}
                  </Anchor>
                  <Group gap="xs">
                    <Text size="sm">{item.person.displayName}</Text>
                    <GoalStatusBadge status={item.status} />
                    <Badge
                      variant="light"
                      color="orange"
                      tt="none"
                      size="lg"
                      leftSection={<IconClockExclamation size={14} aria-hidden />}
                    >
                      {t('team.weeks', { count: item.weeksSinceProgress })}
                    </Badge>
                  </Group>
                </Stack>
              ))}
            </Stack>
          )}
        </Section>
        <Section id="medewerkers-titel" title={t('team.peopleTitle')}>
          {me.reports.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('team.peopleEmpty')}
            </Text>
          ) : (
            <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {me.reports.map((p) => (
                <li key={p.id}>
                  <Anchor
                    component={Link}
                    to={`/ontwikkeling/${p.id}`}
                    aria-label={t('team.person', { name: p.displayName })}
                  >
                    {p.displayName}
                  </Anchor>
                </li>
              ))}
            </Stack>
          )}
        </Section>
      </Page>
    </Stack>
  );
}
