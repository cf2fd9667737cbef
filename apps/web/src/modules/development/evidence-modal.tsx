import { useState } from 'react';
import { Button, Group, NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { DevelopmentGoal } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { AppModal } from '../../ui/app-modal.tsx';
import { useMyRounds } from '../feedback/queries.ts';
import { EvidenceFileField, evidenceFileProblem } from './evidence-file-field.tsx';
import type { ModalProps } from './modals.tsx';
import { applyFieldErrors, formatMoment, saved, TopError } from './parts.tsx';
import { useAddEvidence, useUploadEvidence } from './queries.ts';

type Values = {
  kind: 'link' | 'file';
  title: string;
  description: string;
  url: string;
  file: File | null;
  goalId: string;
  feedbackRoundId: string;
};

const FIELDS = ['title', 'description', 'url', 'file', 'goalId', 'feedbackRoundId'];

/** The file name without its extension, as a first title. */
const titleFrom = (name: string) =>
  name
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();

/**
 * Evidence on the owner's plan: a web link or a file, optionally tied to one of their goals and to one of
 * their closed feedback rounds. A failed upload keeps everything that was filled in.
 */
export function EvidenceModal({
  opened,
  onClose,
  goals,
  goalId,
}: ModalProps & { goals: DevelopmentGoal[]; goalId: string | null }) {
  const { t } = useTranslation('development');
  const { t: tc } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const add = useAddEvidence();
  const upload = useUploadEvidence(setProgress);
  const rounds = useMyRounds();
  const closedRounds = (rounds.data?.items ?? []).filter((r) => r.status === 'closed');
  const initial: Values = {
    kind: 'link',
    title: '',
    description: '',
    url: '',
    file: null,
    goalId: goalId ?? '',
    feedbackRoundId: '',
  };
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      title: (v) => (v.trim() ? null : t('goalForm.required')),
      file: (file, values) =>
        values.kind !== 'file' ? null : file ? evidenceFileProblem(file, t) : t('evidenceFile.required'),
    },
  });
  const mutation = form.values.kind === 'file' ? upload : add;
  const busy = add.isPending || upload.isPending;

  const close = () => {
    if (busy) return;
    add.reset();
    upload.reset();
    form.setValues(initial);
    form.clearErrors();
    onClose();
  };
  const done = () => {
    saved(t('evidence.saved'));
    form.setValues(initial);
    onClose();
  };
  const onError = (error: unknown) => {
    if (isApiError(error, 'payload_too_large')) form.setFieldError('file', error.message);
    else applyFieldErrors(form, error);
  };

  const chooseFile = (file: File | null) => {
    form.setFieldValue('file', file);
    upload.reset();
    form.setFieldError('file', file ? evidenceFileProblem(file, t) : null);
    if (file && !form.values.title.trim()) form.setFieldValue('title', titleFrom(file.name).slice(0, 200));
  };

  const submit = form.onSubmit((v) => {
    const links = { goalId: v.goalId || null, feedbackRoundId: v.feedbackRoundId || null };
    if (v.kind === 'link') {
      add.mutate(
        { title: v.title, description: v.description, url: v.url.trim() || null, ...links },
        { onSuccess: done, onError },
      );
      return;
    }
    setProgress(0);
    upload.mutate(
      {
        file: v.file!,
        title: v.title,
        description: v.description || undefined,
        goalId: links.goalId ?? undefined,
        feedbackRoundId: links.feedbackRoundId ?? undefined,
      },
      { onSuccess: done, onError, onSettled: () => setProgress(null) },
    );
  });

  const topError = isApiError(mutation.error, 'payload_too_large') ? null : mutation.error;
  return (
    <AppModal opened={opened} onClose={close} title={t('evidence.modalTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TopError error={topError} fields={FIELDS} />
          <Radio.Group label={t('evidence.kind')} {...form.getInputProps('kind')}>
            <Group gap="lg" mt={6}>
              <Radio value="link" label={t('evidence.kindLink')} disabled={busy} />
              <Radio value="file" label={t('evidence.kindFile')} disabled={busy} />
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
            label={t('evidence.titleLabel')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea label={t('evidence.description')} autosize minRows={2} {...form.getInputProps('description')} />
          {form.values.kind === 'link' ? (
            <TextInput
              type="url"
              label={t('evidence.url')}
              description={t('evidence.urlHint')}
              placeholder="https://"
              {...form.getInputProps('url')}
            />
          ) : null}
          {goals.length > 0 ? (
            <NativeSelect
              label={t('evidence.goal')}
              data={[
                { value: '', label: t('evidence.noGoal') },
                ...goals.map((g) => ({ value: g.id, label: g.title })),
              ]}
              {...form.getInputProps('goalId')}
            />
          ) : null}
          {closedRounds.length > 0 ? (
            <NativeSelect
              label={t('evidence.round')}
              description={t('evidence.roundHint')}
              data={[
                { value: '', label: t('evidence.noRound') },
                ...closedRounds.map((r) => ({
                  value: r.id,
                  label: r.closedAt
                    ? t('evidence.roundOption', { title: r.title, date: formatMoment(r.closedAt) })
                    : r.title,
                })),
              ]}
              {...form.getInputProps('feedbackRoundId')}
            />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={busy}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {form.values.kind === 'file' ? t('evidence.saveFile') : t('evidence.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
