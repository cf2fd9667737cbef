import { useState } from 'react';
import { Stack } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAbilities } from '../../app/nav.tsx';
import { AuditTable } from '../../ui/audit-table.tsx';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { Paging } from '../../ui/paging.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { NotFoundPage } from '../placeholder/not-found-page.tsx';
import { LOG_PAGE_SIZE, useAdminAudit } from './queries.ts';

function AuditList() {
  const { t } = useTranslation('admin');
  const [page, setPage] = useState(1);
  const audit = useAdminAudit(page);
  if (audit.isPending) return <PageLoader />;
  if (audit.isError) return <QueryError error={audit.error} onRetry={() => void audit.refetch()} />;
  if (audit.data.total === 0) {
    return (
      <Empty
        icon={<IconHistory size={28} aria-hidden />}
        title={t('audit.emptyTitle')}
        description={t('audit.empty')}
      />
    );
  }
  return (
    <Stack gap="sm" style={{ opacity: audit.isPlaceholderData ? 0.7 : 1 }}>
      <AuditTable entries={audit.data.items} showSubject />
      <Paging
        page={page}
        pageSize={LOG_PAGE_SIZE}
        total={audit.data.total}
        onChange={setPage}
        countLabel={t('audit.count', { count: audit.data.total })}
      />
    </Stack>
  );
}

export default function AdminAuditPage() {
  const { t } = useTranslation('admin');
  const { readAuditLog } = useAbilities();
  if (!readAuditLog) return <NotFoundPage />;
  return (
    <Page title={t('audit.title')} description={t('audit.intro')}>
      <AuditList />
    </Page>
  );
}
