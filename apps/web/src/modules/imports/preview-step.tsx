import { useState, type Ref } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCheck,
  IconFileImport,
  IconInfoCircle,
  IconRefresh,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult, ImportUpload } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { errorMessage } from '../../ui/query-state.tsx';
import { StepCard } from './import-ui.tsx';
import { PreviewLeavers } from './preview-leavers.tsx';
import { PreviewRows, type RowFilter } from './preview-rows.tsx';
import { countNewPlaces, PreviewPlaces, PreviewStats } from './preview-stats.tsx';
import { useCommitImport, usePreviewImport, type ImportChoice } from './queries.ts';

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
  const newPlaces = countNewPlaces(summary);

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
      <PreviewStats summary={summary} deactivateChosen={choice.deactivateMissing} />

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

      <PreviewPlaces summary={summary} derivedRoles={preview.derivedRoles} />

      {needsLeaverCheck ? (
        <PreviewLeavers
          preview={preview}
          checked={checkedLeavers}
          disabled={hasErrors}
          onCheckedChange={setCheckedLeavers}
        />
      ) : null}

      <PreviewRows
        rows={preview.rows}
        truncated={preview.truncated}
        filter={filter}
        page={page}
        onFilterChange={setFilter}
        onPageChange={setPage}
      />

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
