import { useState } from 'react';
import { ActionIcon, Button, Group, List, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArchive, IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TeamBoardItem, TeamItemKind } from '@groeipad/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { ConflictAlert, conflictCurrent } from './conflict.tsx';
import { applyFieldErrors, saved } from './form-parts.tsx';
import { PartEmpty } from './part-frame.tsx';
import { useArchiveItem, useCreateItem, useUpdateItem } from './queries.ts';

function ItemModal({ teamId, item, onClose }: { teamId: string; item: TeamBoardItem; onClose: () => void }) {
  const { t } = useTranslation('team');
  const { t: tc } = useTranslation();
  const update = useUpdateItem(teamId);
  const [baseVersion, setBaseVersion] = useState(item.version);
  const [theirs, setTheirs] = useState<TeamBoardItem | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { body: item.body },
    validate: { body: (v: string) => (v.trim() ? null : t('items.required')) },
  });
  const submit = form.onSubmit((v) =>
    update.mutate(
      { id: item.id, version: baseVersion, body: v.body },
      {
        onSuccess: () => {
          saved(t('items.saved'));
          onClose();
        },
        onError: (error) => {
          const current = conflictCurrent<TeamBoardItem>(error);
          if (current) {
            setTheirs(current);
            setBaseVersion(current.version);
          } else applyFieldErrors(form, error);
        },
      },
    ),
  );
  return (
    <AppModal opened onClose={onClose} title={t('items.editTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {theirs ? (
            <ConflictAlert
              theirs={<Text size="sm">{theirs.body}</Text>}
              onTakeTheirs={() => {
                form.setValues({ body: theirs.body });
                setTheirs(null);
              }}
            />
          ) : update.error && !form.errors.body ? (
            <FormError error={update.error} />
          ) : null}
          <Textarea
            label={t('items.text')}
            autosize
            minRows={2}
            maxLength={1000}
            data-autofocus
            {...form.getInputProps('body')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {theirs ? t('conflict.saveMine') : tc('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/**
 * A short list of texts of one kind (successes, parked discussions, norms, or the notes of an own part): add in one
 * line, change, take off the board after a confirmation.
 */
export function ItemList({
  teamId,
  kind,
  partKey,
  items,
  canEdit,
  label,
  addLabel,
  emptyText,
  emptyIcon,
}: {
  teamId: string;
  kind: TeamItemKind;
  partKey?: string;
  items: TeamBoardItem[];
  canEdit: boolean;
  /** Names the list and its add field, e.g. "Successen". */
  label: string;
  addLabel: string;
  emptyText: string;
  emptyIcon: React.ReactNode;
}) {
  const { t } = useTranslation('team');
  const create = useCreateItem(teamId);
  const archive = useArchiveItem(teamId);
  const [editing, setEditing] = useState<TeamBoardItem | null>(null);
  const [archiving, setArchiving] = useState<TeamBoardItem | null>(null);
  const [adding, setAdding] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { body: '' } });
  const submit = form.onSubmit((v) => {
    if (!v.body.trim()) {
      form.setFieldError('body', t('items.required'));
      return;
    }
    create.mutate(
      { kind, body: v.body, partKey: partKey ?? null },
      {
        onSuccess: () => {
          form.reset();
          setAdding(false);
        },
        onError: (error) => applyFieldErrors(form, error),
      },
    );
  });

  const addForm = (
    <form onSubmit={submit} noValidate>
      <Stack gap={6}>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            label={addLabel}
            maxLength={1000}
            style={{ flex: 1 }}
            data-autofocus
            autoFocus={adding}
            {...form.getInputProps('body')}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            {t('items.add')}
          </Button>
        </Group>
        {create.error && !form.errors.body ? <FormError error={create.error} /> : null}
      </Stack>
    </form>
  );

  return (
    <Stack gap="xs">
      {items.length === 0 && !adding ? (
        <PartEmpty
          icon={emptyIcon}
          text={emptyText}
          action={
            canEdit ? (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => setAdding(true)}
              >
                {addLabel}
              </Button>
            ) : null
          }
        />
      ) : (
        <List spacing={6} listStyleType="none" p={0} aria-label={label}>
          {items.map((item) => (
            <List.Item key={item.id}>
              <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {item.body}
                </Text>
                {canEdit ? (
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      aria-label={t('items.edit', { text: item.body })}
                      onClick={() => setEditing(item)}
                    >
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      color="dark"
                      aria-label={t('items.archive', { text: item.body })}
                      onClick={() => setArchiving(item)}
                    >
                      <IconArchive size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {canEdit && (items.length > 0 || adding) ? addForm : null}
      {editing ? <ItemModal teamId={teamId} item={editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmModal
        opened={archiving !== null}
        title={t('items.archiveTitle')}
        confirmLabel={t('items.archiveConfirm')}
        loading={archive.isPending}
        error={archive.error}
        onClose={() => {
          archive.reset();
          setArchiving(null);
        }}
        onConfirm={() =>
          archiving &&
          archive.mutate({ id: archiving.id, version: archiving.version }, { onSuccess: () => setArchiving(null) })
        }
      >
        {t('items.archiveText', { text: archiving?.body ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}
