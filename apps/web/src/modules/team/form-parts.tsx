import { NativeSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '@groeipad/contracts';
import { ApiError } from '../../app/api.ts';
import i18n from '../../app/i18n.ts';

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
