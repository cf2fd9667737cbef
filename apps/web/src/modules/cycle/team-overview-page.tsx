import {
  Alert,
  Anchor,
  Badge,
  Button,
  Chip,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconCalendarPlus, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CycleItem, CycleOverview, CycleStatus } from '@groeipad/contracts';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { useOverview } from './queries.ts';
import { formatDay, StatusBadge, STATUSES } from './status.tsx';

type Person = CycleOverview['people'][number];

function ItemRow({ person, item }: { person: Person; item: CycleItem }) {
  const { t } = useTranslation('cycle');
  const when =
    item.status === 'not_due'
      ? t('overview.nextDue', { date: formatDay(item.dueOn) })
      : item.scheduledAt
        ? t('overview.scheduled', { date: formatDay(item.scheduledAt.slice(0, 10)) })
        : t('overview.dueBy', { date: formatDay(item.dueOn) });
  const action =
    item.status === 'due' || item.status === 'overdue' ? (
      <Button
        component={Link}
        to={`/gesprekken/plannen?medewerker=${person.id}&soort=${item.kindId}`}
        size="xs"
        variant={item.status === 'overdue' ? 'filled' : 'light'}
        leftSection={<IconCalendarPlus size={16} aria-hidden />}
        aria-label={t('overview.planLabel', { kind: item.kindName, name: person.displayName })}
      >
        {t('overview.plan')}
      </Button>
    ) : item.conversationId ? (
      <Anchor
        component={Link}
        to={`/gesprekken/${item.conversationId}`}
        size="sm"
        aria-label={t('overview.openLabel', { kind: item.kindName, name: person.displayName })}
      >
        <Group gap={4} wrap="nowrap">
          {t('overview.open')}
          <IconArrowRight size={14} aria-hidden />
        </Group>
      </Anchor>
    ) : null;
  return (
    <Group
      justify="space-between"
      gap="xs"
      wrap="wrap"
      py={6}
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Stack gap={2} style={{ flex: '1 1 10rem', minWidth: 0 }}>
        <Text fw={600} size="sm">
          {item.kindName}
        </Text>
        <Text size="xs" c="dimmed">
          {when}
        </Text>
      </Stack>
      <Group gap="xs" wrap="nowrap">
        <StatusBadge status={item.status} />
        {action}
      </Group>
    </Group>
  );
}

export default function TeamOverviewPage() {
  const { t } = useTranslation('cycle');
  const [params, setParams] = useSearchParams();
  const yearId = params.get('jaar');
  const filter = (params.get('status') ?? 'all') as CycleStatus | 'all';
  const overview = useOverview(yearId);
  const data = overview.data;
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value && value !== 'all') next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const people = (data?.people ?? [])
    .map((p) => ({ ...p, items: filter === 'all' ? p.items : p.items.filter((i) => i.status === filter) }))
    .filter((p) => filter === 'all' || p.items.length > 0);
  const hasAnyone = data && (data.people.length > 0 || data.unconfigured.length > 0);

  return (
    <Page title={t('overview.title')} description={t('overview.intro')}>
      {overview.isPending ? <PageLoader /> : null}
      {overview.isError ? <QueryError error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {data && !hasAnyone ? (
        <Empty
          icon={<IconUsersGroup size={28} aria-hidden />}
          title={t('overview.emptyTitle')}
          description={t('overview.empty')}
          action={
            <Button component={Link} to="/" variant="default">
              {t('overview.toHome')}
            </Button>
          }
        />
      ) : null}
      {data && data.unconfigured.length > 0 ? (
        <Alert
          color="blue"
          variant="light"
          title={t('overview.unconfiguredTitle', { count: data.unconfigured.length })}
        >
          <Text size="sm">
            {t('overview.unconfigured', {
              names: data.unconfigured.map((p) => `${p.displayName} (${p.schoolName})`).join(', '),
            })}
          </Text>
        </Alert>
      ) : null}
      {data && data.people.length > 0 ? (
        <Stack gap="md">
          <Group gap="md" align="flex-end" wrap="wrap">
            {data.years.length > 1 ? (
              <Select
                label={t('school.year')}
                data={data.years.map((y) => ({ value: y.id, label: y.name }))}
                value={yearId ?? data.schoolYear?.id ?? null}
                onChange={(v) => setParam('jaar', v)}
                allowDeselect={false}
                w={{ base: '100%', sm: 200 }}
              />
            ) : null}
            <Stack gap={4}>
              <Text size="sm" fw={500} id="status-filter-label">
                {t('overview.filter')}
              </Text>
              <Chip.Group multiple={false} value={filter} onChange={(v) => setParam('status', v)}>
                <Group gap="xs" role="radiogroup" aria-labelledby="status-filter-label">
                  <Chip value="all" size="sm">
                    {t('overview.all', { count: data.people.length })}
                  </Chip>
                  {STATUSES.map((s) => (
                    <Chip key={s} value={s} size="sm">
                      {t(`status.${s}`)} ({data.counts[s]})
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Stack>
          </Group>
          {people.length === 0 ? (
            <Text c="dimmed">{t('overview.noneWithStatus')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
              {people.map((person) => (
                <Paper key={`${person.id}-${person.schoolName}`} withBorder radius="md" p="md">
                  <Stack gap={6}>
                    <Group justify="space-between" gap="xs" wrap="wrap">
                      <Title order={2} fz="md">
                        {person.displayName}
                      </Title>
                      {person.items.some((i) => i.status === 'overdue') ? (
                        <Badge color="red.8" variant="outline" tt="none">
                          {t('overview.needsAction')}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {[person.jobTitle, ...person.teamNames, person.schoolName].filter(Boolean).join(' · ')}
                    </Text>
                    {person.items.map((item) => (
                      <ItemRow key={item.kindId} person={person} item={item} />
                    ))}
                  </Stack>
                </Paper>
              ))}
            </SimpleGrid>
          )}
        </Stack>
      ) : null}
    </Page>
  );
}
