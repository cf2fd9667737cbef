import { useState, type DragEvent, type Ref } from 'react';
import { Alert, Button, FileInput, Group, List, Paper, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowRight,
  IconFileSpreadsheet,
  IconInfoCircle,
  IconUpload,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { IMPORT_MAX_BYTES, type ImportUpload } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { formatNumber } from '../../ui/format.ts';
import { errorMessage } from '../../ui/query-state.tsx';
import { StepCard } from './import-ui.tsx';
import { useUploadImport } from './queries.ts';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function looksLikeStaffFile(file: File): boolean {
  return /\.(csv|xlsx|txt)$/i.test(file.name);
}

export function FileStep({
  headingRef,
  current,
  onUploaded,
  onContinue,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  current: ImportUpload | null;
  onUploaded: (upload: ImportUpload) => void;
  onContinue: () => void;
}) {
  const { t } = useTranslation('import');
  const { t: tc } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const upload = useUploadImport(setProgress);

  const send = (chosen: File | null) => {
    setFile(chosen);
    setProblem(null);
    upload.reset();
    if (!chosen) return;
    if (!looksLikeStaffFile(chosen)) return setProblem(t('file.wrongType'));
    if (chosen.size > IMPORT_MAX_BYTES) return setProblem(t('file.tooLarge'));
    setProgress(0);
    upload.mutate(chosen, { onSuccess: onUploaded });
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (upload.isPending) return;
    send(event.dataTransfer.files[0] ?? null);
  };

  const failure = problem
    ? problem
    : upload.error
      ? isApiError(upload.error, 'payload_too_large') && !/regels/.test(upload.error.message)
        ? t('file.tooLargeServer')
        : errorMessage(upload.error, tc('errors.generic'))
      : null;
  const percent = Math.round(progress * 100);

  return (
    <StepCard headingRef={headingRef} title={t('file.title')}>
      <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} title={t('file.goodFileTitle')}>
        <List size="sm" spacing={6}>
          <List.Item>{t('file.perRow')}</List.Item>
          <List.Item>{t('file.columns')}</List.Item>
          <List.Item>{t('file.formats')}</List.Item>
        </List>
      </Alert>

      <Paper
        withBorder
        radius="md"
        p={{ base: 'md', sm: 'lg' }}
        bg={dragging ? 'groei.0' : 'gray.0'}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: dragging ? 'var(--mantine-color-groei-6)' : undefined,
        }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Stack gap="sm">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" size={44} radius="md" visibleFrom="xs">
              <IconFileSpreadsheet size={26} aria-hidden />
            </ThemeIcon>
            <FileInput
              style={{ flex: 1, minWidth: 0 }}
              label={t('file.label')}
              placeholder={t('file.placeholder')}
              description={t('file.dropHint')}
              accept={ACCEPT}
              value={file}
              onChange={send}
              disabled={upload.isPending}
              leftSection={<IconUpload size={16} aria-hidden />}
              size="md"
              clearable={false}
            />
          </Group>
          {upload.isPending ? (
            <Stack gap={4} role="status" aria-live="polite">
              <Progress
                value={percent < 100 ? percent : 100}
                animated={percent >= 100}
                aria-label={t('file.progress')}
              />
              <Text size="sm" c="dimmed">
                {percent < 100 ? t('file.uploading', { percent }) : t('file.reading')}
              </Text>
            </Stack>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('file.safe')}
          </Text>
        </Stack>
      </Paper>

      {failure ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          role="alert"
          title={t('file.failedTitle')}
        >
          {failure}
        </Alert>
      ) : null}

      {current && !upload.isPending ? (
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" gap="sm">
            <div style={{ minWidth: 0 }}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {t('file.current', { filename: current.filename })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('file.rows', { count: current.rowCount, formatted: formatNumber(current.rowCount) })}
              </Text>
            </div>
            <Button rightSection={<IconArrowRight size={18} aria-hidden />} onClick={onContinue}>
              {t('file.continue')}
            </Button>
          </Group>
        </Paper>
      ) : null}
    </StepCard>
  );
}
