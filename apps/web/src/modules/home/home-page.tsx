import { useState } from 'react';
import { Button, Card, Grid, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth.tsx';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { QueryError } from '../../ui/query-state.tsx';
import { useMyTasks } from './queries.ts';
import { TaskList } from './task-list.tsx';
import { MembershipList, PeopleRefs } from '../../ui/person-facts.tsx';

type Daypart = 'morning' | 'afternoon' | 'evening';

function daypart(date: Date): Daypart {
  const hour = date.getHours();
  if (hour < 12) return 'morning';
  if (hour < 18) return 'afternoon';
  return 'evening';
}

const VISIBLE_TASKS = 6;

function Tasks() {
  const { t } = useTranslation('home');
  const tasks = useMyTasks();
  const [all, setAll] = useState(false);
  if (tasks.isPending) return <Skeleton height={72} radius="md" />;
  if (tasks.isError) return <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  const items = tasks.data.items;
  if (items.length === 0)
    return (
      <Empty
        order={3}
        icon={<IconChecklist size={28} aria-hidden />}
        title={t('tasks.emptyTitle')}
        description={t('tasks.emptyText')}
      />
    );
  return (
    <Stack gap="xs">
      <TaskList tasks={all ? items : items.slice(0, VISIBLE_TASKS)} />
      {items.length > VISIBLE_TASKS ? (
        <Button
          variant="subtle"
          onClick={() => setAll((v) => !v)}
          aria-expanded={all}
          style={{ alignSelf: 'flex-start' }}
        >
          {all ? t('tasks.less') : t('tasks.more', { count: items.length })}
        </Button>
      ) : null}
    </Stack>
  );
}

export function HomePage() {
  const { t } = useTranslation('home');
  const me = useMe();
  const greeting = t(`greeting.${daypart(new Date())}`, { name: me.firstName });
  const isManager = me.reports.length > 0;

  return (
    <Page title={greeting} description={t('intro')}>
      <section aria-labelledby="nu-te-doen">
        <Stack gap="sm">
          <Title order={2} id="nu-te-doen" fz="xl">
            {t('tasks.title')}
          </Title>
          <Tasks />
        </Stack>
      </section>

      <section aria-labelledby="wie-ben-ik">
        <Stack gap="sm">
          <Title order={2} id="wie-ben-ik" fz="xl">
            {t('about.title')}
          </Title>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Card withBorder radius="md" p="lg">
                <Stack gap="md">
                  <div>
                    <Text fw={700} fz="lg">
                      {me.displayName}
                    </Text>
                    <Text c="dimmed">{me.jobTitle ?? t('about.noJobTitle')}</Text>
                    <Text size="sm" c="dimmed">
                      {me.board.name}
                    </Text>
                  </div>
                  <div>
                    <Title order={3} fz="md" mb={6}>
                      {t('about.schoolsAndTeams')}
                    </Title>
                    <MembershipList memberships={me.memberships} />
                  </div>
                </Stack>
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <SimpleGrid cols={1} spacing="md">
                <Card withBorder radius="md" p="lg">
                  <Title order={3} fz="md" mb="xs">
                    {t('about.managers', { count: me.managers.length })}
                  </Title>
                  <PeopleRefs people={me.managers} empty={t('about.noManagers')} />
                </Card>
                {isManager ? (
                  <Card withBorder radius="md" p="lg">
                    <Title order={3} fz="md" mb="xs">
                      {t('about.reports', { count: me.reports.length })}
                    </Title>
                    <PeopleRefs people={me.reports} empty="" />
                  </Card>
                ) : null}
              </SimpleGrid>
            </Grid.Col>
          </Grid>
        </Stack>
      </section>
    </Page>
  );
}
