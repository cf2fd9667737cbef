import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconClipboardList, IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { VisitSummary } from '@groeipad/contracts';
import { BackLink } from '../../ui/back-link.tsx';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { formatTime, formatWeekday } from '../team/format.ts';
import { PlanVisitModal } from './plan-modal.tsx';
import { useVisits } from './queries.ts';

const STATUS_COLOR = { planned: 'groei', observed: 'groei', discussed: 'groei', cancelled: 'gray' } as const;

/** /team/:teamId/bezoeken: the team's visits, this week, the weeks after, and those done. */
export default function VisitsPage() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation('visits');
  const navigate = useNavigate();
  const query = useVisits(teamId);
  const [planning, setPlanning] = useState(false);

  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return (
      <Page title={t('list.title')}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  const { items, members, thisWeek, abilities, team } = query.data;
  const planned = items.filter((v) => v.status === 'planned');
  const groups: { key: 'thisWeek' | 'later' | 'done' | 'cancelled'; items: VisitSummary[] }[] = [
    { key: 'thisWeek', items: planned.filter((v) => v.weekStart <= thisWeek) },
    { key: 'later', items: planned.filter((v) => v.weekStart > thisWeek) },
    {
      key: 'done',
      items: items.filter((v) => v.status === 'observed' || v.status === 'discussed').reverse(),
    },
    { key: 'cancelled', items: items.filter((v) => v.status === 'cancelled').reverse() },
  ];

  return (
    <Page
      title={t('list.title')}
      description={t('list.intro', { team: team.name })}
      actions={
        abilities.plan ? (
          <Button leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={() => setPlanning(true)}>
            {t('list.plan')}
          </Button>
        ) : null
      }
    >
      <Group gap="md">
        <BackLink to={`/team/${teamId}`}>{t('backToBoard')}</BackLink>
        <Anchor component={Link} to={`/team/${teamId}/formulieren`} size="sm">
          <Group gap={4} component="span">
            <IconClipboardList size={16} aria-hidden />
            {t('list.forms')}
          </Group>
        </Anchor>
      </Group>
      {items.length === 0 ? (
        <Empty
          icon={<IconEye size={28} aria-hidden />}
          title={t('list.emptyTitle')}
          description={t('list.emptyText')}
        />
      ) : (
        groups.map((group) =>
          group.key === 'cancelled' && group.items.length === 0 ? null : (
            <Stack key={group.key} gap="sm" component="section" aria-labelledby={`visits-${group.key}`}>
              <Title order={2} fz="lg" id={`visits-${group.key}`}>
                {t(`list.${group.key}`)}
              </Title>
              {group.items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('list.none')}
                </Text>
              ) : (
                <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                  {group.items.map((v) => (
                    <VisitRow key={v.id} visit={v} teamId={teamId} />
                  ))}
                </Stack>
              )}
            </Stack>
          ),
        )
      )}
      {planning ? (
        <PlanVisitModal
          opened
          onClose={() => setPlanning(false)}
          teamId={teamId}
          members={members}
          onPlanned={(visit) => void navigate(`/team/${teamId}/bezoeken/${visit.id}`)}
        />
      ) : null}
    </Page>
  );
}

function VisitRow({ visit, teamId }: { visit: VisitSummary; teamId: string }) {
  const { t } = useTranslation('visits');
  const who = t('list.who', { observer: visit.observer.displayName, observed: visit.observed.displayName });
  return (
    <Card component="li" withBorder radius="md" p="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Text fw={600}>
            {visit.mine ? (
              <Anchor component={Link} to={`/team/${teamId}/bezoeken/${visit.id}`} inherit>
                {who}
              </Anchor>
            ) : (
              who
            )}
          </Text>
          <Text size="sm" c="dimmed">
            {t('list.when', {
              kind: t(`visitKinds.${visit.kind}`),
              day: formatWeekday(visit.day),
              time: formatTime(visit.scheduledAt),
              minutes: visit.durationMinutes,
            })}
          </Text>
        </Stack>
        <Group gap="xs">
          {visit.rescheduled ? (
            <Badge variant="light" color="gray" tt="none">
              {t('list.rescheduled')}
            </Badge>
          ) : null}
          <Badge variant="light" color={STATUS_COLOR[visit.status]} tt="none">
            {t(`status.${visit.status}`)}
          </Badge>
        </Group>
      </Group>
    </Card>
  );
}
