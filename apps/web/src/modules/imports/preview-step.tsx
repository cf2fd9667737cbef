import { useState, type Ref } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconBuildingPlus,
  IconCheck,
  IconFileImport,
  IconInfoCircle,
  IconRefresh,
  IconUserMinus,
  IconWand,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportAction, ImportPreview, ImportResult, ImportRowResult, ImportUpload } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { formatNumber } from '../../ui/format.ts';
import { Paging } from '../../ui/paging.tsx';
import { errorMessage } from '../../ui/query-state.tsx';
import { roleLabel } from '../../ui/roles.ts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { ImportStats, StepCard } from './import-ui.tsx';
import { useCommitImport, usePreviewImport, type ImportChoice } from './queries.ts';

const ROWS_PAGE = 50;
type RowFilter = 'all' | 'error' | 'create' | 'update';
const ACTION_COLOR: Record<ImportAction, string> = { create: 'groei', update: 'blue', unchanged: 'gray', error: 'red' };

function Section({
  icon,
  title,
  children,
  color,
}: {
  icon: React.ReactNode;
  title: string;
  children: React.ReactNode;
  color?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" style={color ? { borderColor: `var(--mantine-color-${color}-4)` } : undefined}>
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          {icon}
          <Title order={3} fz="md">
            {title}
          </Title>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

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

export function PreviewStep({
  headingRef,
  upload,
  choice,
  preview,
  onRefreshed,
  onBack,
  onChooseOther,
  onCommitted,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  upload: ImportUpload;
  choice: ImportChoice;
  preview: ImportPreview;
  onRefreshed: (preview: ImportPreview) => void;
  onBack: () => void;
  onChooseOther: () => void;
  onCommitted: (result: ImportResult) => void;
}) {
  const { t } = useTranslation('import');
  const { t: tc } = useTranslation();
  const commit = useCommitImport();
  const refresh = usePreviewImport();
  const [checkedLeavers, setCheckedLeavers] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [filter, setFilter] = useState<RowFilter>('all');
  const [page, setPage] = useState(1);
  const { summary } = preview;

  const hasErrors = summary.errors > 0;
  const nothingToDo = !hasErrors && summary.create + summary.update + summary.deactivate === 0;
  const needsLeaverCheck = summary.deactivate > 0;
  const canCommit = preview.canCommit && !nothingToDo && (!needsLeaverCheck || checkedLeavers);
  const derived = Object.entries(preview.derivedRoles).sort(([a], [b]) => a.localeCompare(b));
  const newPlaces = summary.newSchools.length + summary.newTeams.length;

  const counts = {
    all: preview.rows.length,
    error: preview.rows.filter((r) => r.action === 'error').length,
    create: preview.rows.filter((r) => r.action === 'create').length,
    update: preview.rows.filter((r) => r.action === 'update').length,
  };
  const shown = filter === 'all' ? preview.rows : preview.rows.filter((r) => r.action === filter);
  const pageRows = shown.slice((page - 1) * ROWS_PAGE, page * ROWS_PAGE);

  const what = [
    t('preview.confirmCreate', { count: summary.create }),
    t('preview.confirmUpdate', { count: summary.update }),
    ...(summary.deactivate > 0 ? [t('preview.confirmDeactivate', { count: summary.deactivate })] : []),
  ].join(', ');

  const doRefresh = () => {
    commit.reset();
    refresh.mutate(
      { id: upload.id, choice },
      {
        onSuccess: (fresh) => {
          setCheckedLeavers(false);
          setPage(1);
          onRefreshed(fresh);
          notifications.show({
            color: 'groei',
            icon: <IconCheck size={18} aria-hidden />,
            message: t('preview.refreshed'),
          });
        },
      },
    );
  };

  const doCommit = () => {
    commit.mutate(
      {
        id: upload.id,
        choice,
        expected: { create: summary.create, update: summary.update, deactivate: summary.deactivate },
      },
      {
        onSuccess: (result) => {
          setConfirming(false);
          onCommitted(result);
        },
        onError: (error) => {
          // A stale preview or new errors: close the dialog and offer a fresh preview on the page.
          if (isApiError(error, 'conflict') || isApiError(error, 'validation') || isApiError(error, 'not_found'))
            setConfirming(false);
        },
      },
    );
  };
  const commitProblem = !confirming && commit.error ? commit.error : null;
  const stale = isApiError(commitProblem, 'conflict') || isApiError(commitProblem, 'validation');

  return (
    <StepCard headingRef={headingRef} title={t('preview.title')} intro={t('preview.intro')}>
      <ImportStats summary={summary} deactivateChosen={choice.deactivateMissing} />
      <Text fw={600} role="status">
        {t('preview.summary', {
          create: formatNumber(summary.create),
          update: formatNumber(summary.update),
          unchanged: formatNumber(summary.unchanged),
        })}
      </Text>

      {hasErrors ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('preview.errorsTitle', { count: summary.errors })}
        >
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('preview.errorsText')}</Text>
            <Button
              size="sm"
              variant="white"
              color="red.9"
              leftSection={<IconFileImport size={16} aria-hidden />}
              onClick={onChooseOther}
            >
              {t('preview.chooseOther')}
            </Button>
          </Stack>
        </Alert>
      ) : null}
      {nothingToDo ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('preview.nothingTitle')}>
          {t('preview.nothing')}
        </Alert>
      ) : null}

      {newPlaces > 0 || derived.length > 0 ? (
        <SimpleGrid cols={{ base: 1, md: newPlaces > 0 && derived.length > 0 ? 2 : 1 }} spacing="md">
          {newPlaces > 0 ? (
            <Section icon={<IconBuildingPlus size={20} aria-hidden />} title={t('preview.newPlacesTitle')}>
              <Text size="sm" c="dimmed">
                {t('preview.newPlacesIntro')}
              </Text>
              {summary.newSchools.length > 0 ? (
                <div>
                  <Text size="sm" fw={600}>
                    {t('preview.newSchools')}
                  </Text>
                  <List size="sm">
                    {summary.newSchools.map((s) => (
                      <List.Item key={s}>{s}</List.Item>
                    ))}
                  </List>
                </div>
              ) : null}
              {summary.newTeams.length > 0 ? (
                <div>
                  <Text size="sm" fw={600}>
                    {t('preview.newTeams')}
                  </Text>
                  <List size="sm">
                    {summary.newTeams.map((s) => (
                      <List.Item key={s}>{s}</List.Item>
                    ))}
                  </List>
                </div>
              ) : null}
            </Section>
          ) : null}
          {derived.length > 0 ? (
            <Section icon={<IconWand size={20} aria-hidden />} title={t('preview.derivedTitle')}>
              <Text size="sm" c="dimmed">
                {t('preview.derivedIntro')}
              </Text>
              <ScrollRegion label={t('preview.derivedTitle')} maxHeight={260}>
                <Table fz="sm" verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('preview.derivedJob')}</Table.Th>
                      <Table.Th scope="col">{t('preview.derivedRole')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {derived.map(([job, role]) => (
                      <Table.Tr key={job}>
                        <Table.Td>{job}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color="groei" tt="none" miw="max-content">
                            {roleLabel(role)}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollRegion>
            </Section>
          ) : null}
        </SimpleGrid>
      ) : null}

      {needsLeaverCheck ? (
        <Section
          icon={<IconUserMinus size={20} aria-hidden color="var(--mantine-color-orange-8)" />}
          title={t('preview.deactivateTitle', { count: summary.deactivate })}
          color="orange"
        >
          <Text size="sm">{t('preview.deactivateIntro')}</Text>
          {summary.deactivate > summary.people ? (
            <Text size="sm" fw={600} c="var(--mantine-color-orange-light-color)">
              {t('preview.deactivateMany', { people: summary.people })}
            </Text>
          ) : null}
          <ScrollRegion label={t('preview.deactivateTitle', { count: summary.deactivate })} maxHeight={220}>
            <List size="sm" spacing={2} style={{ columns: '15rem', columnGap: 'var(--mantine-spacing-xl)' }}>
              {preview.deactivated.map((p) => (
                <List.Item key={p.id}>
                  {p.name}{' '}
                  <Text span size="sm" c="dimmed">
                    ({p.employeeNumber ?? t('preview.noEmployeeNumber')})
                  </Text>
                </List.Item>
              ))}
              {summary.deactivate > preview.deactivated.length ? (
                <List.Item>
                  {t('preview.deactivateMore', { count: summary.deactivate - preview.deactivated.length })}
                </List.Item>
              ) : null}
            </List>
          </ScrollRegion>
          <Checkbox
            label={t('preview.deactivateConfirm')}
            checked={checkedLeavers}
            onChange={(e) => setCheckedLeavers(e.currentTarget.checked)}
            disabled={hasErrors}
          />
        </Section>
      ) : null}

      <Stack gap="sm">
        <div>
          <Title order={3} fz="md">
            {t('preview.rowsTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('preview.rowsIntro')}
          </Text>
        </div>
        {preview.rows.length > 0 ? (
          <>
            <ScrollArea type="auto" scrollbars="x" offsetScrollbars="x">
              <SegmentedControl
                aria-label={t('preview.filter')}
                value={filter}
                onChange={(v) => {
                  setFilter(v as RowFilter);
                  setPage(1);
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
            <Paging page={page} pageSize={ROWS_PAGE} total={shown.length} onChange={setPage} />
            {preview.truncated ? (
              <Text size="sm" c="dimmed">
                {t('preview.rowsTruncated')}
              </Text>
            ) : null}
          </>
        ) : (
          <Text c="dimmed">{t('preview.rowsEmpty')}</Text>
        )}
      </Stack>

      {commitProblem ? (
        <Alert
          color={stale ? 'orange' : 'red'}
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          role="alert"
          title={stale ? t('preview.conflictTitle') : undefined}
        >
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{errorMessage(commitProblem, tc('errors.generic'))}</Text>
            {stale ? (
              <Button
                size="sm"
                variant="white"
                leftSection={<IconRefresh size={16} aria-hidden />}
                onClick={doRefresh}
                loading={refresh.isPending}
              >
                {t('preview.refresh')}
              </Button>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      {refresh.error ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{errorMessage(refresh.error, tc('errors.generic'))}</Text>
            <Button size="sm" variant="white" onClick={onChooseOther}>
              {t('preview.chooseOther')}
            </Button>
          </Stack>
        </Alert>
      ) : null}

      <Group justify="space-between" gap="sm">
        <Button variant="default" leftSection={<IconArrowLeft size={18} aria-hidden />} onClick={onBack}>
          {t('preview.back')}
        </Button>
        <Button
          leftSection={<IconFileImport size={18} aria-hidden />}
          disabled={!canCommit}
          onClick={() => setConfirming(true)}
        >
          {t('preview.commit')}
        </Button>
      </Group>

      <ConfirmModal
        opened={confirming}
        title={t('preview.confirmTitle')}
        confirmLabel={t('preview.confirm')}
        loading={commit.isPending}
        error={confirming ? commit.error : null}
        onConfirm={doCommit}
        onClose={() => {
          setConfirming(false);
          commit.reset();
        }}
      >
        <Stack gap="xs">
          <Text fw={600}>{t('preview.confirmWhat', { what })}</Text>
          {newPlaces > 0 ? (
            <Text size="sm">
              {t('preview.confirmPlaces', { places: [...summary.newSchools, ...summary.newTeams].join(', ') })}
            </Text>
          ) : null}
          <Text size="sm">{t('preview.confirmUnchanged')}</Text>
          {summary.create > 0 ? <Text size="sm">{t('preview.confirmInvite')}</Text> : null}
        </Stack>
      </ConfirmModal>
    </StepCard>
  );
}
