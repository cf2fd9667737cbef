import { useState } from 'react';
import { ActionIcon, Alert, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconPencil, IconSquare, IconSquareCheck, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DevelopmentAction } from '@groeipad/contracts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { ActionModal } from './action-modal.tsx';
import { formatDay, today } from './parts.tsx';
import { useDeleteAction, useUpdateAction } from './queries.ts';

/** Actions as checkboxes; who does it is named when it is not the plan's owner. */
export function ActionList({ actions, personId }: { actions: DevelopmentAction[]; personId: string }) {
  const { t } = useTranslation('development');
  const update = useUpdateAction();
  const remove = useDeleteAction();
  const [deleting, setDeleting] = useState<DevelopmentAction | null>(null);
  const [editing, setEditing] = useState<DevelopmentAction | null>(null);
  const now = today();
  return (
    <>
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {actions.map((a) => {
          const overdue = !a.doneAt && a.dueOn !== null && a.dueOn < now;
          const label = (
            <Stack gap={0}>
              <Text size="sm" td={a.doneAt ? 'line-through' : undefined} c={a.doneAt ? 'dimmed' : undefined}>
                {a.title}
              </Text>
              <Group gap={6}>
                {a.dueOn ? (
                  <Text size="xs" c={overdue ? 'red.8' : 'dimmed'} fw={overdue ? 600 : undefined}>
                    {t('action.due', { date: formatDay(a.dueOn) })}
                    {overdue ? ` · ${t('action.overdue')}` : ''}
                  </Text>
                ) : null}
                {a.owner.id !== personId ? (
                  <Text size="xs" c="dimmed">
                    {t('action.by', { name: a.owner.displayName })}
                  </Text>
                ) : null}
                {a.conversationId ? (
                  <Text size="xs" c="dimmed">
                    {t('action.agreed')}
                  </Text>
                ) : null}
              </Group>
            </Stack>
          );
          return (
            <Group key={a.id} component="li" gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
              {a.abilities.toggle ? (
                <Checkbox
                  checked={a.doneAt !== null}
                  onChange={(e) => update.mutate({ id: a.id, version: a.version, done: e.currentTarget.checked })}
                  label={label}
                />
              ) : (
                // Someone else's action: its state as an icon with text, not a greyed-out checkbox.
                <Group gap={10} wrap="nowrap" align="flex-start">
                  {a.doneAt ? (
                    <IconSquareCheck size={20} aria-label={t('action.doneLabel')} style={{ flexShrink: 0 }} />
                  ) : (
                    <IconSquare size={20} aria-hidden style={{ flexShrink: 0 }} />
                  )}
                  {label}
                </Group>
              )}
              <Group gap={2} wrap="nowrap">
                {a.abilities.edit ? (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('action.edit', { title: a.title })}
                    onClick={() => setEditing(a)}
                  >
                    <IconPencil size={16} aria-hidden />
                  </ActionIcon>
                ) : null}
                {a.abilities.delete ? (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('action.delete', { title: a.title })}
                    onClick={() => setDeleting(a)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                ) : null}
              </Group>
            </Group>
          );
        })}
      </Stack>
      <FormAlert error={update.error} />
      {editing ? (
        <ActionModal opened onClose={() => setEditing(null)} goalId={editing.goalId} action={editing} />
      ) : null}
      <ConfirmModal
        opened={deleting !== null}
        title={t('action.deleteTitle')}
        confirmLabel={t('action.deleteConfirm')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        {t('action.deleteText', { title: deleting?.title ?? '' })}
      </ConfirmModal>
    </>
  );
}

function FormAlert({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" p="xs">
      {error.message}
    </Alert>
  );
}
