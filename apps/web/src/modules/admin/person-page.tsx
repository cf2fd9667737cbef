import type { ReactNode } from 'react';
import { Anchor, Breadcrumbs, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { Page } from '../../ui/page.tsx';
import { PeopleRefs } from '../../ui/person-facts.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { NotFoundPage } from '../placeholder/not-found-page.tsx';
import { StatusBadge } from './people-table.tsx';
import { PersonEditForm } from './person-edit-form.tsx';
import { PersonManagers } from './person-managers.tsx';
import { PersonRoles } from './person-roles.tsx';
import { AccountBadge, PersonStatus } from './person-status.tsx';
import { usePerson } from './queries.ts';

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg" id={id}>
            {title}
          </Title>
          {intro ? (
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          ) : null}
        </div>
        {children}
      </Stack>
    </Card>
  );
}

export default function PersonPage() {
  const { t } = useTranslation('admin');
  const { id = '' } = useParams();
  const query = usePerson(id);

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error, 'not_found') || isApiError(query.error, 'validation')) return <NotFoundPage />;
    return (
      <Page title={t('person.title')}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  const person = query.data;

  return (
    <Stack gap="sm">
      <Breadcrumbs aria-label={t('person.breadcrumbs')} separatorMargin={6}>
        <Anchor component={Link} to="/beheer/medewerkers" size="sm">
          {t('people.title')}
        </Anchor>
        <Text size="sm" aria-current="page">
          {person.displayName}
        </Text>
      </Breadcrumbs>
      <Page
        title={person.displayName}
        description={
          <Group gap="xs">
            <Text c="dimmed">{person.jobTitle ?? t('person.noJobTitle')}</Text>
            <StatusBadge active={person.active} />
            <AccountBadge hasPassword={person.hasPassword} />
          </Group>
        }
      >
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="md">
              <Section id="gegevens-titel" title={t('person.detailsTitle')}>
                <PersonEditForm person={person} />
              </Section>
              <Section id="rollen-titel" title={t('roles.title')} intro={t('roles.intro')}>
                <PersonRoles person={person} />
              </Section>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md">
              <Section id="account-titel" title={t('account.title')}>
                <PersonStatus person={person} />
              </Section>
              <Section id="leiding-titel" title={t('managers.title')} intro={t('managers.intro')}>
                <PersonManagers person={person} />
              </Section>
              {person.reports.length > 0 ? (
                <Section id="medewerkers-titel" title={t('person.reports', { count: person.reports.length })}>
                  <PeopleRefs people={person.reports} empty="" linkToAdmin />
                </Section>
              ) : null}
            </Stack>
          </Grid.Col>
        </Grid>
      </Page>
    </Stack>
  );
}
