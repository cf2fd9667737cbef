import { useState } from 'react';
import { Button, Group, NativeSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconTrash } from '@tabler/icons-react';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '@groeipad/contracts';
import { ApiError } from '../../app/api.ts';
import i18n from '../../app/i18n.ts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';

export type ModalProps = { opened: boolean; onClose: () => void };

/** Puts the API's field errors on the form's fields; true when at least one matched. */
export function applyFieldErrors<T extends Record<string, unknown>>(form: UseFormReturnType<T>, error: unknown) {
  if (!(error instanceof ApiError)) return false;
  let matched = false;
  for (const [field, message] of Object.entries(error.fieldErrors())) {
    if (field in form.values) {
      form.setFieldError(field, message);
      matched = true;
    }
  }
  return matched;
}

export function saved(message: string) {
  notifications.show({ color: 'groei', icon: <IconCheck size={18} aria-hidden />, message });
}

/** The decimal separator people type in the current language. */
export function decimalSeparator(): string {
  return i18n.language === 'en' ? '.' : ',';
}

/** Who in the team: an owner of a goal or an action. */
export function MemberSelect({
  members,
  label,
  ...props
}: { members: TeamMember[]; label: string } & ReturnType<UseFormReturnType<{ ownerId: string }>['getInputProps']>) {
  const { t } = useTranslation('team');
  return (
    <NativeSelect
      label={label}
      data={[{ value: '', label: t('form.nobody') }, ...members.map((m) => ({ value: m.id, label: m.displayName }))]}
      maw={320}
      {...props}
    />
  );
}

type Deletion = {
  /** The button's and the confirmation's label, e.g. "Actie verwijderen". */
  label: string;
  title: string;
  text: string;
  pending: boolean;
  error: unknown;
  /** Deletes; calls `done` when it worked. */
  run: (done: () => void) => void;
};

/**
 * The footer of a card's form: delete (after a confirmation) on the left, cancel and save on the right. After a
 * conflict the save button says that it saves the user's own version over the other one.
 */
export function CardFormFooter({
  deletion,
  onCancel,
  saving,
  conflict,
}: {
  deletion?: Deletion;
  onCancel: () => void;
  saving: boolean;
  conflict: boolean;
}) {
  const { t } = useTranslation('team');
  const { t: tc } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <Group justify="space-between" gap="sm">
      {deletion ? (
        <Button
          variant="subtle"
          color="red.8"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => setConfirming(true)}
        >
          {deletion.label}
        </Button>
      ) : (
        <span />
      )}
      <Group gap="sm">
        <Button variant="default" onClick={onCancel}>
          {tc('actions.cancel')}
        </Button>
        <Button type="submit" loading={saving}>
          {conflict ? t('conflict.saveMine') : tc('actions.save')}
        </Button>
      </Group>
      {deletion ? (
        <ConfirmModal
          opened={confirming}
          title={deletion.title}
          confirmLabel={deletion.label}
          danger
          loading={deletion.pending}
          error={deletion.error}
          onClose={() => setConfirming(false)}
          onConfirm={() => deletion.run(() => setConfirming(false))}
        >
          {deletion.text}
        </ConfirmModal>
      ) : null}
    </Group>
  );
}
