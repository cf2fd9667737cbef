import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { useMyTeams } from './queries.ts';

/** The boards I can open: my own team's first; with just one, straight to it. */
export default function TeamsPage() {
  const { t } = useTranslation('team');
  const query = useMyTeams();
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Page title={t('list.title')}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  const teams = query.data.items;
  if (teams.length === 1) return <Navigate to={`/team/${teams[0]!.id}`} replace />;
  return (
    <Page title={t('list.title')} description={t('list.intro')}>
      {teams.length === 0 ? (
        <Empty
          icon={<IconUsersGroup size={28} aria-hidden />}
          title={t('list.emptyTitle')}
          description={t('list.emptyText')}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {teams.map((team) => (
            <Card key={team.id} withBorder radius="md" p="md" component="article" aria-labelledby={`team-${team.id}`}>
              <Stack gap={6}>
                <Title order={2} fz="lg" id={`team-${team.id}`}>
                  <Anchor component={Link} to={`/team/${team.id}`} inherit>
                    {t('list.board', { team: team.name })}
                  </Anchor>
                </Title>
                <Group gap={6}>
                  <Text size="sm" c="dimmed">
                    {team.schoolName}
                  </Text>
                  <Badge variant="light" color={team.member ? 'groei' : 'gray'} tt="none">
                    {team.member ? t('list.member') : t('list.looking')}
                  </Badge>
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Page>
  );
}
