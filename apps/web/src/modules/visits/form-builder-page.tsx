import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { TeamForm, TeamFormField, TeamFormFieldKind, TeamFormPurpose } from '@groeipad/contracts';
import { TEAM_FORM_FIELD_KINDS, TEAM_FORM_MAX_FIELDS } from '@groeipad/contracts';
import { ApiError } from '../../app/api.ts';
import { BackLink } from '../../ui/back-link.tsx';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { Page } from '../../ui/page.tsx';
import { FormError, PageLoader, QueryError } from '../../ui/query-state.tsx';
import { useWarnBeforeLeaving } from '../../ui/unsaved.ts';
import { ConflictAlert, conflictCurrent } from '../team/conflict.tsx';
import { saved } from '../team/form-parts.tsx';
import { FieldCard, type DraftField } from './form-builder-field.tsx';
import { FormFill } from './form-fill.tsx';
import { useCreateForm, useFormExamples, useTeamForm, useUpdateForm } from './queries.ts';

type Draft = { title: string; description: string; fields: DraftField[] };

let counter = 0;
/** A new field id: short, lowercase, unique within the form (answers are kept by it). */
const newId = () => `v${Date.now().toString(36)}${(counter++).toString(36)}`;

const toDraft = (src: { title: string; description: string; fields: TeamFormField[] }): Draft => ({
  title: src.title,
  description: src.description,
  fields: src.fields.map((f) => ({
    key: newId(),
    id: f.id,
    kind: f.kind,
    label: f.label,
    help: f.help ?? '',
    options: (f.options ?? []).join('\n'),
  })),
});

const toFields = (fields: DraftField[]): TeamFormField[] =>
  fields.map((f) => ({
    id: f.id,
    kind: f.kind,
    label: f.label,
    ...(f.help.trim() ? { help: f.help } : {}),
    ...(f.kind === 'choice'
      ? {
          options: f.options
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean),
        }
      : {}),
  }));

/** /team/:teamId/formulieren/nieuw and /team/:teamId/formulieren/:formId: the form builder. */
export default function FormBuilderPage() {
  const { teamId = '', formId } = useParams();
  const [search] = useSearchParams();
  const editing = formId !== undefined && formId !== 'nieuw';
  const form = useTeamForm(teamId, editing ? formId : null);
  const examples = useFormExamples(teamId);
  const { t } = useTranslation('visits');

  if (editing && form.isPending) return <PageLoader />;
  if (editing && form.isError)
    return (
      <Page title={t('builder.editTitle')}>
        <QueryError error={form.error} onRetry={() => void form.refetch()} />
      </Page>
    );
  const exampleKey = search.get('voorbeeld');
  if (!editing && exampleKey && examples.isPending) return <PageLoader />;
  const example = exampleKey ? examples.data?.items.find((e) => e.key === exampleKey) : undefined;
  const purpose: TeamFormPurpose =
    (editing ? form.data?.purpose : (example?.purpose ?? (search.get('doel') as TeamFormPurpose | null))) ?? 'visit';
  const start: Draft = editing
    ? toDraft(form.data!)
    : example
      ? toDraft(example)
      : {
          title: '',
          description: '',
          fields: [{ key: newId(), id: newId(), kind: 'scale', label: '', help: '', options: '' }],
        };
  return (
    <Builder
      key={form.data?.id ?? exampleKey ?? 'new'}
      teamId={teamId}
      purpose={purpose === 'preparation' ? 'preparation' : 'visit'}
      existing={editing ? form.data! : null}
      start={start}
    />
  );
}

function Builder({
  teamId,
  purpose,
  existing,
  start,
}: {
  teamId: string;
  purpose: TeamFormPurpose;
  existing: TeamForm | null;
  start: Draft;
}) {
  const { t } = useTranslation('visits');
  const navigate = useNavigate();
  const create = useCreateForm(teamId);
  const update = useUpdateForm(teamId);
  const mutation = existing ? update : create;
  const [draft, setDraft] = useState<Draft>(start);
  const [dirty, setDirty] = useState(false);
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [theirs, setTheirs] = useState<TeamForm | null>(null);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const [removing, setRemoving] = useState<DraftField | null>(null);
  const [newKind, setNewKind] = useState<TeamFormFieldKind>('scale');
  const [previewAnswers, setPreviewAnswers] = useState<Record<string, string | number | boolean | null>>({});
  useWarnBeforeLeaving(dirty);

  const change = (next: Draft) => {
    setDraft(next);
    setDirty(true);
  };
  const setField = (key: string, patch: Partial<DraftField>) =>
    change({ ...draft, fields: draft.fields.map((f) => (f.key === key ? { ...f, ...patch } : f)) });
  const move = (index: number, by: -1 | 1) => {
    const fields = [...draft.fields];
    const [f] = fields.splice(index, 1);
    fields.splice(index + by, 0, f!);
    change({ ...draft, fields });
    // Keep focus on the same button of the moved field, so several moves in a row work from the keyboard.
    const key = f!.key;
    requestAnimationFrame(() =>
      document.getElementById(`${by < 0 ? 'up' : 'down'}-${key}`)?.focus({ preventScroll: false }),
    );
  };
  const add = () => {
    const key = newId();
    change({
      ...draft,
      fields: [
        ...draft.fields,
        { key, id: newId(), kind: newKind, label: '', help: '', options: newKind === 'choice' ? '' : '' },
      ],
    });
    requestAnimationFrame(() => document.getElementById(`label-${key}`)?.focus());
  };

  const errors = mutation.error instanceof ApiError ? mutation.error.fieldErrors() : {};
  const fieldError = (i: number, name: string) => errors[`fields.${i}.${name}`];
  const fieldsError = errors.fields;

  const save = () => {
    const body = { title: draft.title, description: draft.description, fields: toFields(draft.fields) };
    const onError = (error: unknown) => {
      const current = conflictCurrent<TeamForm>(error);
      if (current) setTheirs(current);
    };
    if (existing) {
      update.mutate(
        { id: existing.id, version, ...body },
        {
          onSuccess: (form) => {
            setVersion(form.version);
            setTheirs(null);
            setDirty(false);
            saved(t('builder.saved'));
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { purpose, ...body },
        {
          onSuccess: (form) => {
            setDirty(false);
            saved(t('builder.saved'));
            void navigate(`/team/${teamId}/formulieren/${form.id}`, { replace: true });
          },
        },
      );
    }
  };

  const title = existing ? t('builder.editTitle') : t('builder.newTitle');
  return (
    <Page title={title} description={t(`purpose.${purpose}Hint`)}>
      <BackLink to={`/team/${teamId}/formulieren`}>{t('forms.back')}</BackLink>
      {theirs ? (
        <ConflictAlert
          theirs={<Text size="sm">{theirs.title}</Text>}
          onTakeTheirs={() => {
            setDraft(toDraft(theirs));
            setVersion(theirs.version);
            setTheirs(null);
            update.reset();
          }}
        />
      ) : null}
      <SegmentedControl
        value={mode}
        onChange={(v) => setMode(v)}
        data={[
          { value: 'edit', label: t('builder.edit') },
          { value: 'preview', label: t('builder.preview') },
        ]}
        aria-label={t('builder.modeLabel')}
        maw={320}
      />
      {mode === 'preview' ? (
        <Card withBorder radius="md" p="md" component="section" aria-labelledby="preview-title">
          <Stack gap="sm">
            <Title order={2} fz="lg" id="preview-title">
              {draft.title || t('builder.untitled')}
            </Title>
            {draft.description ? <Text size="sm">{draft.description}</Text> : null}
            <FormFill
              idPrefix="preview"
              fields={toFields(draft.fields.filter((f) => f.label.trim()))}
              answers={previewAnswers}
              onChange={(id, v) => setPreviewAnswers((a) => ({ ...a, [id]: v }))}
            />
          </Stack>
        </Card>
      ) : (
        <Stack gap="md">
          <TextInput
            label={t('builder.title')}
            required
            value={draft.title}
            onChange={(e) => change({ ...draft, title: e.currentTarget.value })}
            maxLength={120}
            error={errors.title}
            maw={560}
          />
          <Textarea
            label={t('builder.description')}
            description={t('builder.descriptionHint')}
            value={draft.description}
            onChange={(e) => change({ ...draft, description: e.currentTarget.value })}
            maxLength={1000}
            autosize
            minRows={2}
            error={errors.description}
            maw={720}
          />
          <Title order={2} fz="lg">
            {t('builder.fields')}
          </Title>
          {fieldsError ? (
            <Alert color="red" variant="light" role="alert">
              {fieldsError}
            </Alert>
          ) : null}
          <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
            {draft.fields.map((f, i) => (
              <FieldCard
                key={f.key}
                field={f}
                index={i}
                last={i === draft.fields.length - 1}
                onChange={(patch) => setField(f.key, patch)}
                onMove={(by) => move(i, by)}
                onRemove={() => setRemoving(f)}
                error={(name) => fieldError(i, name)}
              />
            ))}
          </Stack>
          <Group gap="xs" align="flex-end">
            <NativeSelect
              label={t('builder.newKind')}
              value={newKind}
              onChange={(e) => setNewKind(e.currentTarget.value as TeamFormFieldKind)}
              data={TEAM_FORM_FIELD_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              w={200}
            />
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={add}
              disabled={draft.fields.length >= TEAM_FORM_MAX_FIELDS}
            >
              {t('builder.add')}
            </Button>
          </Group>
        </Stack>
      )}
      <FormError error={mutation.error && !theirs && Object.keys(errors).length === 0 ? mutation.error : null} />
      {Object.keys(errors).length > 0 ? (
        <Alert color="red" variant="light" role="alert">
          {t('builder.fixErrors')}
        </Alert>
      ) : null}
      <Group>
        <Button onClick={save} loading={mutation.isPending}>
          {t('builder.save')}
        </Button>
      </Group>
      <ConfirmModal
        opened={removing !== null}
        title={t('builder.removeTitle')}
        confirmLabel={t('builder.removeConfirm')}
        danger
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) change({ ...draft, fields: draft.fields.filter((f) => f.key !== removing.key) });
          setRemoving(null);
        }}
      >
        {t('builder.removeText', { label: removing?.label || t('builder.untitledField') })}
      </ConfirmModal>
    </Page>
  );
}
