import { useState } from 'react';
import { Button, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { AppModal } from '../../ui/app-modal.tsx';
import { EvidenceFileField, evidenceFileProblem } from '../development/evidence-file-field.tsx';
import { applyFieldErrors, saved, TopError } from '../development/parts.tsx';
import { useAddEvidence, useUploadEvidence } from './queries.ts';

type Values = { kind: 'link' | 'file'; title: string; description: string; url: string; file: File | null };

const FIELDS = ['title', 'description', 'url', 'file'];
const INITIAL: Values = { kind: 'link', title: '', description: '', url: '', file: null };

/** The file name without its extension, as a first title. */
const titleFrom = (name: string) =>
  name
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();

/**
 * Evidence for the conversation: a web link or a file (the same choice and file field as on the development
 * plan). A refused upload keeps everything that was filled in, the file included.
 */
export function ConversationEvidenceModal({
  conversationId,
  opened,
  onClose,
}: {
  conversationId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('conversations');
  const { t: td } = useTranslation('development');
  const { t: tc } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const add = useAddEvidence(conversationId);
  const upload = useUploadEvidence(conversationId, setProgress);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: INITIAL,
    validate: {
      title: (v) => (v.trim() ? null : t('prep.evidenceTitleRequired')),
      url: (v, values) =>
        values.kind !== 'link' || !v.trim() || /^https?:\/\/\S+$/i.test(v.trim()) ? null : t('prep.evidenceUrlInvalid'),
      file: (file, values) =>
        values.kind !== 'file' ? null : file ? evidenceFileProblem(file, td) : td('evidenceFile.required'),
    },
  });
  const mutation = form.values.kind === 'file' ? upload : add;
  const busy = add.isPending || upload.isPending;

  const close = () => {
    if (busy) return;
    add.reset();
    upload.reset();
    form.setValues(INITIAL);
    form.clearErrors();
    onClose();
  };
  const done = () => {
    saved(t('prep.evidenceSaved'));
    form.setValues(INITIAL);
    onClose();
  };
  const onError = (error: unknown) => {
    if (isApiError(error, 'payload_too_large')) form.setFieldError('file', error.message);
    else applyFieldErrors(form, error);
  };

  const chooseFile = (file: File | null) => {
    form.setFieldValue('file', file);
    upload.reset();
    form.setFieldError('file', file ? evidenceFileProblem(file, td) : null);
    if (file && !form.values.title.trim()) form.setFieldValue('title', titleFrom(file.name).slice(0, 200));
  };

  const submit = form.onSubmit((v) => {
    if (v.kind === 'link') {
      add.mutate(
        { title: v.title, description: v.description, url: v.url.trim() || null },
        { onSuccess: done, onError },
      );
      return;
    }
    setProgress(0);
    upload.mutate(
      { file: v.file!, title: v.title, description: v.description },
      { onSuccess: done, onError, onSettled: () => setProgress(null) },
    );
  });

  const topError = isApiError(mutation.error, 'payload_too_large') ? null : mutation.error;
  return (
    <AppModal opened={opened} onClose={close} title={t('prep.evidenceAdd')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TopError error={topError} fields={FIELDS} />
          <Radio.Group label={t('prep.evidenceKind')} {...form.getInputProps('kind')}>
            <Group gap="lg" mt={6}>
              <Radio value="link" label={t('prep.evidenceKindLink')} disabled={busy} />
              <Radio value="file" label={t('prep.evidenceKindFile')} disabled={busy} />
            </Group>
          </Radio.Group>
          {form.values.kind === 'file' ? (
            <EvidenceFileField
              value={form.values.file}
              onChange={chooseFile}
              error={form.errors.file}
              progress={progress}
              disabled={busy}
              required
            />
          ) : null}
          <TextInput
            label={t('prep.evidenceTitleField')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('prep.evidenceDescription')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('description')}
          />
          {form.values.kind === 'link' ? (
            <TextInput type="url" label={t('prep.evidenceUrl')} placeholder="https://" {...form.getInputProps('url')} />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={busy}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {form.values.kind === 'file' ? t('prep.evidenceSaveFile') : t('prep.evidenceSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
