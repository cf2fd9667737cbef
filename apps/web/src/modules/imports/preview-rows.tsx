import { Badge, List, Paper, ScrollArea, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportAction, ImportRowResult } from '@groeipad/contracts';
import { Paging } from '../../ui/paging.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';

const ROWS_PAGE = 50;
export type RowFilter = 'all' | 'error' | 'create' | 'update';
const ACTION_COLOR: Record<ImportAction, string> = { create: 'groei', update: 'blue', unchanged: 'gray', error: 'red' };

function RowsTable({ rows }: { rows: ImportRowResult[] }) {
  const { t } = useTranslation('import');
  return (
    <ScrollRegion label={t('preview.rowsTitle')}>
      <Table verticalSpacing="xs" fz="sm" miw={680} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={70}>
              {t('preview.columns.line')}
            </Table.Th>
            <Table.Th scope="col" w={120}>
              {t('preview.columns.employeeNumber')}
            </Table.Th>
            <Table.Th scope="col">{t('preview.columns.name')}</Table.Th>
            <Table.Th scope="col" w={150} style={{ whiteSpace: 'nowrap' }}>
              {t('preview.columns.action')}
            </Table.Th>
            <Table.Th scope="col">{t('preview.columns.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>{row.employeeNumber || '—'}</Table.Td>
              <Table.Td fw={600}>{row.name || t('preview.noName')}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={ACTION_COLOR[row.action]} tt="none" miw="max-content">
                  {t(`preview.action.${row.action}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {row.errors.length > 0 ? (
                  <List size="sm" spacing={2} c="red.9" icon={<IconAlertTriangle size={14} aria-hidden />} center>
                    {row.errors.map((e) => (
                      <List.Item key={e}>{e}</List.Item>
                    ))}
                  </List>
                ) : row.changes.length === 1 ? (
                  <Text size="sm">{row.changes[0]}</Text>
                ) : row.changes.length > 1 ? (
                  <List size="sm" spacing={2}>
                    {row.changes.map((c) => (
                      <List.Item key={c}>{c}</List.Item>
                    ))}
                  </List>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** Every row of the file with what the import would do to it, filtered by action and paged. */
export function PreviewRows({
  rows,
  truncated,
  filter,
  page,
  onFilterChange,
  onPageChange,
}: {
  rows: ImportRowResult[];
  truncated: boolean;
  filter: RowFilter;
  page: number;
  onFilterChange: (filter: RowFilter) => void;
  onPageChange: (page: number) => void;
}) {
  const { t } = useTranslation('import');
  const counts = {
    all: rows.length,
    error: rows.filter((r) => r.action === 'error').length,
    create: rows.filter((r) => r.action === 'create').length,
    update: rows.filter((r) => r.action === 'update').length,
  };
  const shown = filter === 'all' ? rows : rows.filter((r) => r.action === filter);
  const pageRows = shown.slice((page - 1) * ROWS_PAGE, page * ROWS_PAGE);

  return (
    <Stack gap="sm">
      <div>
        <Title order={3} fz="md">
          {t('preview.rowsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('preview.rowsIntro')}
        </Text>
      </div>
      {rows.length > 0 ? (
        <>
          <ScrollArea type="auto" scrollbars="x" offsetScrollbars="x">
            <SegmentedControl
              aria-label={t('preview.filter')}
              value={filter}
              onChange={(v) => {
                onFilterChange(v as RowFilter);
                onPageChange(1);
              }}
              data={[
                { value: 'all', label: t('preview.filterAll', { count: counts.all }) },
                ...(counts.error > 0
                  ? [{ value: 'error', label: t('preview.filterErrors', { count: counts.error }) }]
                  : []),
                ...(counts.create > 0
                  ? [{ value: 'create', label: t('preview.filterCreate', { count: counts.create }) }]
                  : []),
                ...(counts.update > 0
                  ? [{ value: 'update', label: t('preview.filterUpdate', { count: counts.update }) }]
                  : []),
              ]}
            />
          </ScrollArea>
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <RowsTable rows={pageRows} />
          </Paper>
          <Paging page={page} pageSize={ROWS_PAGE} total={shown.length} onChange={onPageChange} />
          {truncated ? (
            <Text size="sm" c="dimmed">
              {t('preview.rowsTruncated')}
            </Text>
          ) : null}
        </>
      ) : (
        <Text c="dimmed">{t('preview.rowsEmpty')}</Text>
      )}
    </Stack>
  );
}
