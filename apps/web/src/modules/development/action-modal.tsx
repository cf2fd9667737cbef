import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { DevelopmentAction } from '@groeipad/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import type { ModalProps } from './modals.tsx';
import { applyFieldErrors, saved, TopError } from './parts.tsx';
import { useCreateAction, useUpdateAction } from './queries.ts';

/**
 * A new action (on a goal, or without one as a quick action of the personal action plan), or the title and
 * due date of an existing one.
 */
export function ActionModal({
  opened,
  onClose,
  goalId,
  action,
}: ModalProps & { goalId: string | null; action?: DevelopmentAction }) {
  const { t } = useTranslation('development');
  const { t: tc } = useTranslation();
  const create = useCreateAction();
  const update = useUpdateAction();
  const mutation = action ? update : create;
  const initial = { title: action?.title ?? '', dueOn: action?.dueOn ?? '' };
  const form = useForm({
    mode: 'controlled',
    initialValues: initial,
    validate: { title: (v) => (v.trim() ? null : t('goalForm.required')) },
  });
  const close = () => {
    mutation.reset();
    form.setValues(initial);
    form.clearErrors();
    onClose();
  };
  const submit = form.onSubmit((v) => {
    const onError = (error: unknown) => applyFieldErrors(form, error);
    if (action) {
      update.mutate(
        { id: action.id, version: action.version, title: v.title, dueOn: v.dueOn || null },
        {
          onSuccess: () => {
            saved(t('action.saved'));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(
      { goalId, title: v.title, dueOn: v.dueOn || null },
      {
        onSuccess: () => {
          form.reset();
          onClose();
        },
        onError,
      },
    );
  });
  return (
    <AppModal opened={opened} onClose={close} title={action ? t('action.editTitle') : t('action.newTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TopError error={mutation.error} conflict={t('action.conflict')} />
          <TextInput
            label={t('action.label')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <TextInput type="date" label={t('action.dueOn')} maw={220} {...form.getInputProps('dueOn')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {action ? t('action.saveEdit') : t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
