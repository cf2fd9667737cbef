import type { ReactNode } from 'react';
import { FileInput, Progress, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_FILE_EXTENSIONS, EVIDENCE_FILE_MAX_BYTES } from '@groeipad/contracts';
import { formatSize } from './parts.tsx';

/** What the file picker offers: the allowed extensions (the server checks the content again). */
export const EVIDENCE_FILE_ACCEPT = EVIDENCE_FILE_EXTENSIONS.map((ext) => `.${ext}`).join(',');

/**
 * Why a chosen file cannot be sent, before it is sent: too large or not an allowed kind; null when it may
 * go. The server makes the final decision on the content.
 */
export function evidenceFileProblem(file: File, t: TFunction<'development'>): string | null {
  if (file.size > EVIDENCE_FILE_MAX_BYTES) return t('evidenceFile.tooLarge', { size: formatSize(file.size) });
  if (file.size === 0) return t('evidenceFile.empty');
  const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  if (!(EVIDENCE_FILE_EXTENSIONS as readonly string[]).includes(ext)) return t('evidenceFile.wrongType');
  return null;
}

/**
 * A file picker for evidence (PDF, pictures, Office documents, text; at most 10 MB) with the upload's
 * progress under it. Controlled: the form owns the File, so a failed upload keeps it and the rest of the form.
 * Reusable wherever evidence is added (the POP, a conversation's preparation).
 */
export function EvidenceFileField({
  value,
  onChange,
  error,
  progress = null,
  disabled,
  required,
}: {
  value: File | null;
  onChange: (file: File | null) => void;
  error?: ReactNode;
  /** 0–1 while uploading, null otherwise. */
  progress?: number | null;
  disabled?: boolean;
  required?: boolean;
}) {
  const { t } = useTranslation('development');
  const percent = progress === null ? null : Math.round(progress * 100);
  return (
    <Stack gap={6}>
      <FileInput
        label={t('evidenceFile.label')}
        description={t('evidenceFile.hint')}
        placeholder={t('evidenceFile.placeholder')}
        accept={EVIDENCE_FILE_ACCEPT}
        value={value}
        onChange={onChange}
        error={error}
        disabled={disabled}
        required={required}
        clearable
        clearButtonProps={{ 'aria-label': t('evidenceFile.clear') }}
        leftSection={<IconUpload size={16} aria-hidden />}
      />
      {percent !== null ? (
        <Stack gap={4} role="status" aria-live="polite">
          <Progress value={percent} animated={percent >= 100} aria-label={t('evidenceFile.progress')} />
          <Text size="sm" c="dimmed">
            {percent < 100 ? t('evidenceFile.uploading', { percent }) : t('evidenceFile.checking')}
          </Text>
        </Stack>
      ) : null}
    </Stack>
  );
}
