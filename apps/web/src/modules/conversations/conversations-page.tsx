import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconChartBar, IconLock, IconMessages, IconPencil } from '@tabler/icons-react';
import type { ConversationSummary } from '@groeipad/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { Paging } from '../../ui/paging.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { formatDay, formatMoment, Section, StateBadge } from './parts.tsx';
import { useConversations } from './queries.ts';
import { SharedRounds } from '../feedback/shared-rounds.tsx';

const PAGE_SIZE = 10;

function ConversationRow({ item, side }: { item: ConversationSummary; side: 'employee' | 'manager' }) {
  const { t } = useTranslation('conversations');
  const other = side === 'employee' ? item.manager.displayName : item.employee.displayName;
  const waitsForSignature = item.state === 'report_draft' && item.employeeSigned !== item.managerSigned;
  return (
    <Card withBorder radius="sm" p="sm" component="li">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Anchor component={Link} to={`/gesprekken/${item.id}`} fw={600}>
            {item.kindName} {t(side === 'employee' ? 'list.withManager' : 'list.withEmployee', { name: other })}
          </Anchor>
          <Text size="sm" c="dimmed">
            {formatMoment(item.scheduledAt)}
            {item.location ? ` · ${item.location}` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          {waitsForSignature ? (
            <Text size="xs" c="orange.9">
              {t('list.signWaiting')}
            </Text>
          ) : null}
          <StateBadge state={item.state} />
        </Group>
      </Group>
    </Card>
  );
}

function NextConversation({ item }: { item: ConversationSummary }) {
  const { t } = useTranslation('conversations');
  const preparing = item.state === 'planned' || item.state === 'preparing';
  return (
    <Card
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      bg="var(--mantine-color-teal-light)"
      component="section"
      aria-labelledby="next-conversation"
    >
      <Stack gap="xs">
        <Text size="sm" fw={700} id="next-conversation">
          {t('list.next')}
        </Text>
        <Title order={2} fz="xl">
          {item.kindName} {t('list.withManager', { name: item.manager.displayName })}
        </Title>
        <Group gap="xs">
          <Text>{formatMoment(item.scheduledAt)}</Text>
          {item.location ? <Text>· {item.location}</Text> : null}
          <StateBadge state={item.state} />
        </Group>
        {preparing ? (
          <Text size="sm">
            {item.preparationShared
              ? t('list.prepareShared')
              : item.preparationDueOn
                ? t('list.prepareBy', { date: formatDay(item.preparationDueOn) })
                : null}
          </Text>
        ) : null}
        <Group>
          <Button
            component={Link}
            to={`/gesprekken/${item.id}`}
            leftSection={preparing ? <IconPencil size={18} aria-hidden /> : undefined}
          >
            {preparing && !item.preparationShared ? t('list.prepareNow') : t('list.open')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function MyConversations() {
  const { t } = useTranslation('conversations');
  const [page, setPage] = useState(1);
  const upcoming = useConversations({ role: 'employee', when: 'upcoming', pageSize: 5 });
  const past = useConversations({ role: 'employee', when: 'past', page, pageSize: PAGE_SIZE });
  if (upcoming.isPending || past.isPending) return <PageLoader />;
  if (upcoming.isError) return <QueryError error={upcoming.error} onRetry={() => void upcoming.refetch()} />;
  if (past.isError) return <QueryError error={past.error} onRetry={() => void past.refetch()} />;
  const coming = upcoming.data.items.filter((c) => c.state !== 'cancelled');
  const [next, ...later] = coming;
  if (!next && past.data.total === 0) {
    return (
      <Empty
        icon={<IconMessages size={28} aria-hidden />}
        title={t('list.emptyTitle')}
        description={t('list.emptyText')}
        action={
          <Button component={Link} to="/ontwikkeling" variant="default">
            {t('list.emptyAction')}
          </Button>
        }
      />
    );
  }
  return (
    <Stack gap="md">
      {next ? <NextConversation item={next} /> : null}
      {later.length > 0 ? (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {later.map((c) => (
            <ConversationRow key={c.id} item={c} side="employee" />
          ))}
        </Stack>
      ) : null}
      {past.data.total > 0 ? (
        <Section id="past-conversations" title={t('list.past')}>
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {past.data.items.map((c) => (
              <ConversationRow key={c.id} item={c} side="employee" />
            ))}
          </Stack>
          <Paging
            page={page}
            pageSize={PAGE_SIZE}
            total={past.data.total}
            onChange={setPage}
            countLabel={t('list.count', { count: past.data.total })}
          />
        </Section>
      ) : null}
    </Stack>
  );
}

function TeamConversations() {
  const { t } = useTranslation('conversations');
  const [page, setPage] = useState(1);
  const query = useConversations({ role: 'manager', when: 'open', page, pageSize: PAGE_SIZE });
  const actions = (
    <Group gap="sm">
      <Button component={Link} to="/gesprekken/plannen" leftSection={<IconCalendarPlus size={18} aria-hidden />}>
        {t('list.plan')}
      </Button>
      <Button
        component={Link}
        to="/gesprekken/team"
        variant="default"
        leftSection={<IconChartBar size={18} aria-hidden />}
      >
        {t('list.teamLink')}
      </Button>
    </Group>
  );
  return (
    <Section id="team-conversations" title={t('list.team')} intro={t('list.teamIntro')} action={actions}>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.total === 0 ? (
        <Alert variant="light" color="blue" title={t('list.teamEmptyTitle')}>
          {t('list.teamEmptyText')}
        </Alert>
      ) : (
        <>
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {query.data.items.map((c) => (
              <ConversationRow key={c.id} item={c} side="manager" />
            ))}
          </Stack>
          <Paging
            page={page}
            pageSize={PAGE_SIZE}
            total={query.data.total}
            onChange={setPage}
            countLabel={t('list.count', { count: query.data.total })}
          />
        </>
      )}
    </Section>
  );
}

/** /gesprekken: my conversations, the next one first; for a leidinggevende also the team's. */
export default function ConversationsPage() {
  const { t } = useTranslation('conversations');
  const me = useMe();
  const isManager = me.reports.length > 0;
  return (
    <Page title={t('list.title')} description={isManager ? t('list.descriptionManager') : t('list.description')}>
      <Stack gap="xl">
        {me.roles.includes('hr') ? (
          <Alert variant="light" color="gray" icon={<IconLock aria-hidden />} title={t('hr.link')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('hr.linkText')}</Text>
              <Button component={Link} to="/gesprekken/inzage" size="xs" variant="default">
                {t('hr.title')}
              </Button>
            </Stack>
          </Alert>
        ) : null}
        {isManager ? <TeamConversations /> : null}
        {isManager ? <SharedRounds /> : null}
        <Stack gap="sm">
          {isManager ? (
            <Title order={2} fz="lg">
              {t('list.mine')}
            </Title>
          ) : null}
          <MyConversations />
        </Stack>
      </Stack>
    </Page>
  );
}
