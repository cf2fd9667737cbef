import { useState } from 'react';
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  LIBRARY_KINDS,
  type LibraryItem,
  type LibraryKind,
  type Preparation,
  type PreparationGoalRef,
} from '@groeipad/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { EvidenceFileField, evidenceFileProblem } from '../development/evidence-file-field.tsx';
import { ConflictAlert, conflictCurrent } from '../team/conflict.tsx';
import { applyFieldErrors, saved } from '../team/form-parts.tsx';
import { useAddLibraryVersion, useCreateLibraryItem, useUploadLibraryVersion } from './queries.ts';

type ItemValues = { title: string; kind: LibraryKind; teamGoalId: string; body: string; note: string };

function fromPreparation(p: Preparation | undefined): ItemValues {
  return {
    title: p?.title ?? '',
    kind: p ? (p.kind === 'lesson' ? 'lesson_design' : 'procedure') : 'procedure',
    teamGoalId: p?.goal?.id ?? '',
    body: p?.result ?? '',
    note: '',
  };
}

/** A new product in the library; from a done preparation its title, goal and result are filled in already. */
export function NewItemModal({
  opened,
  onClose,
  teamId,
  goals,
  from,
}: {
  opened: boolean;
  onClose: () => void;
  teamId: string;
  goals: PreparationGoalRef[];
  from?: Preparation;
}) {
  const { t } = useTranslation('preparations');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateLibraryItem(teamId);
  const form = useForm<ItemValues>({
    mode: 'controlled',
    initialValues: fromPreparation(from),
    validate: { title: (v) => (v.trim() ? null : t('libraryForm.titleRequired')) },
  });
  const close = () => {
    create.reset();
    form.setValues(fromPreparation(from));
    form.clearErrors();
    onClose();
  };
  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        title: v.title,
        kind: v.kind,
        teamGoalId: v.teamGoalId || null,
        preparationId: from?.id ?? null,
        body: v.body,
        ...(v.note.trim() ? { note: v.note } : {}),
      },
      {
        onSuccess: (item) => {
          saved(t('libraryForm.created'));
          onClose();
          void navigate(`/team/${teamId}/bibliotheek/${item.id}`);
        },
        onError: (error) => applyFieldErrors(form, error),
      },
    ),
  );
  return (
    <AppModal opened={opened} onClose={close} title={t('libraryForm.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {create.error && !Object.keys(form.errors).length ? <FormError error={create.error} /> : null}
          {from ? (
            <Text size="sm" c="dimmed">
              {t('libraryForm.fromPreparation', { title: from.title })}
            </Text>
          ) : null}
          <TextInput
            label={t('libraryForm.title')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <NativeSelect
            label={t('libraryForm.kind')}
            data={LIBRARY_KINDS.map((k) => ({ value: k, label: t(`libraryKind.${k}`) }))}
            maw={320}
            {...form.getInputProps('kind')}
          />
          {goals.length > 0 ? (
            <NativeSelect
              label={t('libraryForm.goal')}
              data={[{ value: '', label: t('plan.noGoal') }, ...goals.map((g) => ({ value: g.id, label: g.title }))]}
              {...form.getInputProps('teamGoalId')}
            />
          ) : null}
          <Textarea
            label={t('libraryForm.body')}
            description={t('libraryForm.bodyHint')}
            autosize
            minRows={6}
            maxLength={50_000}
            {...form.getInputProps('body')}
          />
          <TextInput
            label={t('libraryForm.firstNote')}
            description={t('libraryForm.firstNoteHint')}
            maxLength={300}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('libraryForm.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

type VersionValues = { mode: 'text' | 'file'; body: string; note: string; keepFile: boolean; file: File | null };

const versionValues = (item: LibraryItem): VersionValues => ({
  mode: 'text',
  body: item.body,
  note: '',
  keepFile: true,
  file: null,
});

/**
 * A new version: a new text (the file stays unless removed) or a new file (the text stays). Earlier versions stay
 * as they were. If someone added a version meanwhile, the user sees theirs and can add their own on top.
 */
export function NewVersionModal({
  opened,
  onClose,
  teamId,
  item,
}: {
  opened: boolean;
  onClose: () => void;
  teamId: string;
  item: LibraryItem;
}) {
  const { t } = useTranslation('preparations');
  const { t: tc } = useTranslation();
  const { t: td } = useTranslation('development');
  const { t: tt } = useTranslation('team');
  const addText = useAddLibraryVersion(teamId, item.id);
  const addFile = useUploadLibraryVersion(teamId, item.id);
  const [baseVersion, setBaseVersion] = useState(item.version);
  const [theirs, setTheirs] = useState<LibraryItem | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const form = useForm<VersionValues>({
    mode: 'controlled',
    initialValues: versionValues(item),
    validate: {
      note: (v) => (v.trim() ? null : t('versionForm.noteRequired')),
      file: (v, values) =>
        values.mode !== 'file' ? null : v ? evidenceFileProblem(v, td) : td('evidenceFile.required'),
    },
  });
  const pending = addText.isPending || addFile.isPending;
  const error = addText.error ?? addFile.error;
  const close = () => {
    addText.reset();
    addFile.reset();
    setTheirs(null);
    setProgress(null);
    form.setValues(versionValues(item));
    setBaseVersion(item.version);
    form.clearErrors();
    onClose();
  };
  const onError = (e: unknown) => {
    setProgress(null);
    const current = conflictCurrent<LibraryItem>(e);
    if (current) {
      setTheirs(current);
      setBaseVersion(current.version);
      return;
    }
    applyFieldErrors(form, e);
  };
  const onSuccess = (after: LibraryItem) => {
    saved(t('versionForm.saved', { number: after.currentVersion }));
    setTheirs(null);
    setProgress(null);
    form.setValues(versionValues(after));
    setBaseVersion(after.version);
    onClose();
  };
  const submit = form.onSubmit((v) => {
    if (v.mode === 'file' && v.file) {
      setProgress(0);
      addFile.mutate(
        { file: v.file, note: v.note, version: baseVersion, onProgress: setProgress },
        { onSuccess, onError },
      );
    } else {
      addText.mutate(
        { version: baseVersion, body: v.body, note: v.note, keepFile: v.keepFile },
        { onSuccess, onError },
      );
    }
  });
  const hasFile = item.current.file !== null;
  return (
    <AppModal
      opened={opened}
      onClose={close}
      title={t('versionForm.title', { number: item.currentVersion + 1 })}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {theirs ? (
            <ConflictAlert
              theirs={
                <Text size="sm">
                  {t('versionForm.theirs', { number: theirs.currentVersion, note: theirs.current.note })}
                </Text>
              }
              onTakeTheirs={close}
            />
          ) : error && !Object.keys(form.errors).length ? (
            <FormError error={error} />
          ) : null}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="version-mode-label">
              {t('versionForm.what')}
            </Text>
            <SegmentedControl
              aria-labelledby="version-mode-label"
              data={[
                { value: 'text', label: t('versionForm.modeText') },
                { value: 'file', label: hasFile ? t('versionForm.modeNewFile') : t('versionForm.modeFile') },
              ]}
              {...form.getInputProps('mode')}
            />
          </Stack>
          {form.values.mode === 'text' ? (
            <>
              <Textarea
                label={t('libraryForm.body')}
                autosize
                minRows={6}
                maxLength={50_000}
                data-autofocus
                {...form.getInputProps('body')}
              />
              {hasFile ? (
                <Checkbox
                  label={t('versionForm.keepFile', { name: item.current.file?.name ?? '' })}
                  {...form.getInputProps('keepFile', { type: 'checkbox' })}
                />
              ) : null}
            </>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('versionForm.textStays')}
              </Text>
              <EvidenceFileField
                value={form.values.file}
                onChange={(file) => form.setFieldValue('file', file)}
                error={form.errors.file}
                progress={progress}
                disabled={pending}
                required
              />
            </>
          )}
          <TextInput
            label={t('versionForm.note')}
            description={t('versionForm.noteHint')}
            required
            maxLength={300}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {theirs ? tt('conflict.saveMine') : t('versionForm.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
