import { useState, type ReactNode } from 'react';
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconBooks, IconEye, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PreparationSummary } from '@groeipad/contracts';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { PageLoader } from '../../ui/query-state.tsx';
import { PageError, PreparationCard } from './parts.tsx';
import { PlanModal } from './plan-modal.tsx';
import { usePreparations } from './queries.ts';

const addDays = (day: string, days: number) => {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d! + days));
  return date.toISOString().slice(0, 10);
};

/** Splits the list as the server sees the week: this week, later, planned but past, done, cancelled. */
export function groupPreparations(items: PreparationSummary[], weekStart: string) {
  const nextWeek = addDays(weekStart, 7);
  const planned = items.filter((p) => p.status === 'planned');
  return {
    thisWeek: planned.filter((p) => p.day >= weekStart && p.day < nextWeek),
    coming: planned.filter((p) => p.day >= nextWeek),
    overdue: planned.filter((p) => p.day < weekStart),
    done: items.filter((p) => p.status === 'done').reverse(),
    cancelled: items.filter((p) => p.status === 'cancelled').reverse(),
  };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

function List({ teamId, items }: { teamId: string; items: PreparationSummary[] }) {
  return (
    <Stack gap="sm" component="ul" p={0} m={0}>
      {items.map((p) => (
        <PreparationCard key={p.id} teamId={teamId} p={p} />
      ))}
    </Stack>
  );
}

/** The team's joint preparations: this week's, the coming ones, and what the team did. */
export default function PreparationsPage() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation('preparations');
  const query = usePreparations(teamId);
  const [planning, setPlanning] = useState(false);

  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return <PageError title={t('list.titleUnknown')} error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const groups = groupPreparations(data.items, data.weekStart);
  const canPlan = data.abilities.create;
  const planButton = canPlan ? (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setPlanning(true)}>
      {t('list.plan')}
    </Button>
  ) : null;

  return (
    <Page
      title={t('list.title', { team: data.team.name })}
      description={
        <Stack gap={6}>
          <span>{t('list.intro')}</span>
          {!canPlan ? (
            <Group>
              <Badge variant="light" color="gray" tt="none" leftSection={<IconEye size={14} aria-hidden />}>
                {t('viewOnly')}
              </Badge>
            </Group>
          ) : null}
        </Stack>
      }
      actions={
        <>
          <Button
            variant="default"
            component={Link}
            to={`/team/${teamId}/bibliotheek`}
            leftSection={<IconBooks size={18} aria-hidden />}
          >
            {t('library.link')}
          </Button>
          {planButton}
        </>
      }
    >
      {data.items.length === 0 ? (
        <Empty
          icon={<IconUsersGroup size={28} aria-hidden />}
          title={t('list.emptyTitle')}
          description={t('list.emptyText')}
          action={planButton}
        />
      ) : (
        <Stack gap="xl">
          <Section id="prep-this-week" title={t('list.thisWeek')}>
            {groups.thisWeek.length ? (
              <List teamId={teamId} items={groups.thisWeek} />
            ) : (
              <Text c="dimmed">{t('list.noneThisWeek')}</Text>
            )}
          </Section>
          {groups.overdue.length ? (
            <Section id="prep-overdue" title={t('list.overdue')}>
              <List teamId={teamId} items={groups.overdue} />
            </Section>
          ) : null}
          <Section id="prep-coming" title={t('list.coming')}>
            {groups.coming.length ? (
              <List teamId={teamId} items={groups.coming} />
            ) : (
              <Text c="dimmed">{t('list.noneComing')}</Text>
            )}
          </Section>
          <Section id="prep-done" title={t('list.done')}>
            {groups.done.length ? (
              <List teamId={teamId} items={groups.done} />
            ) : (
              <Text c="dimmed">{t('list.noneDone')}</Text>
            )}
          </Section>
          {groups.cancelled.length ? (
            <Section id="prep-cancelled" title={t('list.cancelled')}>
              <List teamId={teamId} items={groups.cancelled} />
            </Section>
          ) : null}
        </Stack>
      )}
      {canPlan ? (
        <PlanModal
          opened={planning}
          onClose={() => setPlanning(false)}
          teamId={teamId}
          members={data.members}
          goals={data.goals}
          forms={data.forms}
        />
      ) : null}
    </Page>
  );
}
