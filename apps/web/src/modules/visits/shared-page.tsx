import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconEye, IconLock, IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SharedVisit } from '@groeipad/contracts';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { formatTime, formatWeekday } from '../team/format.ts';
import { useSharedWithMe } from './queries.ts';

/** /bezoeken/gedeeld: for a leidinggevende, the visits their people shared with them; not read yet first. */
export default function SharedVisitsPage() {
  const { t } = useTranslation('visits');
  const query = useSharedWithMe();
  return (
    <Page title={t('shared.title')} description={t('shared.intro')}>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Empty
          icon={<IconEye size={28} aria-hidden />}
          title={t('shared.emptyTitle')}
          description={t('shared.emptyText')}
          action={
            <Button
              component={Link}
              to="/gesprekken"
              variant="default"
              leftSection={<IconMessages size={18} aria-hidden />}
            >
              {t('shared.emptyAction')}
            </Button>
          }
        />
      ) : (
        <Stack gap="sm">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconLock size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="sm" c="dimmed">
              {t('shared.privacy')}
            </Text>
          </Group>
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {query.data.items.map((v) => (
              <SharedRow key={v.id} visit={v} />
            ))}
          </Stack>
        </Stack>
      )}
    </Page>
  );
}

function SharedRow({ visit }: { visit: SharedVisit }) {
  const { t } = useTranslation('visits');
  return (
    <Card component="li" withBorder radius="md" p="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Anchor component={Link} to={`/team/${visit.team.id}/bezoeken/${visit.id}`} fw={600}>
            {t('visit.title', { kind: t(`visitKinds.${visit.kind}`), observed: visit.observed.displayName })}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('shared.when', {
              observer: visit.observer.displayName,
              day: formatWeekday(visit.day),
              time: formatTime(visit.scheduledAt),
              team: visit.team.name,
            })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge variant="light" color={visit.status === 'cancelled' ? 'gray' : 'groei'} tt="none">
            {t(`status.${visit.status}`)}
          </Badge>
          {visit.readAt ? (
            <Badge variant="light" color="gray" tt="none">
              {t('shared.read')}
            </Badge>
          ) : (
            <Badge variant="light" color="orange" tt="none">
              {t('shared.unread')}
            </Badge>
          )}
        </Group>
      </Group>
    </Card>
  );
}
