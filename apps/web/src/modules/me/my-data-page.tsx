import { useState } from 'react';
import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileDownload, IconFileTypePdf, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth.tsx';
import { AuditTable } from '../../ui/audit-table.tsx';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { Paging } from '../../ui/paging.tsx';
import { MembershipList, PeopleRefs } from '../../ui/person-facts.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { AUDIT_PAGE_SIZE, useMyAudit } from './queries.ts';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text fw={600} component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </div>
  );
}

export function MyDataPage() {
  const { t } = useTranslation('me');
  const me = useMe();
  const [page, setPage] = useState(1);
  const audit = useMyAudit(page);

  return (
    <Page title={t('title')} description={t('intro')}>
      <section aria-labelledby="alles-downloaden">
        <Card withBorder radius="md" p="lg">
          <Stack gap="xs">
            <Title order={2} fz="lg" id="alles-downloaden">
              {t('export.title')}
            </Title>
            <Text size="sm">{t('export.text')}</Text>
            <Text size="sm">{t('export.teamPractice')}</Text>
            <Group gap="sm">
              <Button
                component="a"
                href="/api/me/export.pdf"
                download
                leftSection={<IconFileTypePdf size={18} aria-hidden />}
              >
                {t('export.pdf')}
              </Button>
              <Button
                component="a"
                href="/api/me/export.json"
                download
                variant="light"
                leftSection={<IconFileDownload size={18} aria-hidden />}
              >
                {t('export.json')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </section>

      <section aria-labelledby="wat-we-bewaren">
        <Stack gap="sm">
          <Title order={2} fz="xl" id="wat-we-bewaren">
            {t('held.title')}
          </Title>
          <Card withBorder radius="md" p="lg">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
              <Fact label={t('held.name')} value={me.displayName} />
              <Fact label={t('held.email')} value={me.email} />
              <Fact label={t('held.jobTitle')} value={me.jobTitle ?? t('held.none')} />
              <Fact label={t('held.board')} value={me.board.name} />
            </SimpleGrid>
          </Card>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <Card withBorder radius="md" p="lg">
              <Title order={3} fz="md" mb="xs">
                {t('held.roles')}
              </Title>
              <MembershipList memberships={me.memberships} />
            </Card>
            <Card withBorder radius="md" p="lg">
              <Title order={3} fz="md" mb="xs">
                {t('held.managers')}
              </Title>
              <PeopleRefs people={me.managers} empty={t('held.noManagers')} />
            </Card>
            <Card withBorder radius="md" p="lg">
              <Title order={3} fz="md" mb="xs">
                {t('held.reports')}
              </Title>
              <PeopleRefs people={me.reports} empty={t('held.noReports')} />
            </Card>
          </SimpleGrid>
        </Stack>
      </section>

      <section aria-labelledby="logboek">
        <Stack gap="sm">
          <Title order={2} fz="xl" id="logboek">
            {t('audit.title')}
          </Title>
          <Text c="dimmed">{t('audit.intro')}</Text>
          {audit.isPending ? <PageLoader /> : null}
          {audit.isError ? <QueryError error={audit.error} onRetry={() => void audit.refetch()} /> : null}
          {audit.data && audit.data.total === 0 ? (
            <Empty
              order={3}
              icon={<IconHistory size={28} aria-hidden />}
              title={t('audit.emptyTitle')}
              description={t('audit.empty')}
            />
          ) : null}
          {audit.data && audit.data.total > 0 ? (
            <>
              <AuditTable entries={audit.data.items} showSubject={false} />
              <Paging
                page={page}
                pageSize={AUDIT_PAGE_SIZE}
                total={audit.data.total}
                onChange={setPage}
                countLabel={t('audit.count', { count: audit.data.total })}
              />
            </>
          ) : null}
        </Stack>
      </section>
    </Page>
  );
}
