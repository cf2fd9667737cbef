import { useState } from 'react';
import { Accordion, Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconClock, IconInfoCircle, IconMail } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OutboxMessage } from '@groeipad/contracts';
import { useAbilities } from '../../app/nav.tsx';
import { Empty } from '../../ui/empty.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { Paging } from '../../ui/paging.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { NotFoundPage } from '../placeholder/not-found-page.tsx';
import { LOG_PAGE_SIZE, useOutbox } from './queries.ts';

function MailStatus({ status }: { status: OutboxMessage['status'] }) {
  const { t } = useTranslation('admin');
  const icon = status === 'sent' ? IconCircleCheck : status === 'failed' ? IconAlertCircle : IconClock;
  const Icon = icon;
  return (
    <Badge
      variant="light"
      color={status === 'sent' ? 'groei' : status === 'failed' ? 'red' : 'gray'}
      tt="none"
      leftSection={<Icon size={14} aria-hidden />}
    >
      {t(`outbox.status.${status}`)}
    </Badge>
  );
}

function OutboxList({ page, setPage }: { page: number; setPage: (page: number) => void }) {
  const { t } = useTranslation('admin');
  const outbox = useOutbox(page);
  if (outbox.isPending) return <PageLoader />;
  if (outbox.isError) return <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} />;
  const data = outbox.data;
  if (data.total === 0) {
    return (
      <Empty icon={<IconMail size={28} aria-hidden />} title={t('outbox.emptyTitle')} description={t('outbox.empty')} />
    );
  }
  return (
    <Stack gap="sm">
      <Accordion variant="separated" radius="md" multiple>
        {data.items.map((m) => (
          <Accordion.Item key={m.id} value={m.id}>
            <Accordion.Control>
              <Stack gap={2}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>{m.subject}</Text>
                  <MailStatus status={m.status} />
                </Group>
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('outbox.toLine', { to: m.to })} · <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
                </Text>
              </Stack>
            </Accordion.Control>
            <Accordion.Panel>
              <Text
                component="div"
                size="sm"
                className="pre-wrap"
                ff="monospace"
                bg="gray.0"
                p="sm"
                style={{ borderRadius: 8 }}
              >
                {m.text}
              </Text>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <Paging
        page={page}
        pageSize={LOG_PAGE_SIZE}
        total={data.total}
        onChange={setPage}
        countLabel={t('outbox.count', { count: data.total })}
      />
    </Stack>
  );
}

export default function OutboxPage() {
  const { t } = useTranslation('admin');
  const { readOutbox } = useAbilities();
  const [page, setPage] = useState(1);
  if (!readOutbox) return <NotFoundPage />;
  return (
    <Page title={t('outbox.title')} description={t('outbox.intro')}>
      <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
        {t('outbox.noSmtp')}
      </Alert>
      <OutboxList page={page} setPage={setPage} />
    </Page>
  );
}
