import { Alert, Button, Group, NativeSelect, Radio, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DevelopmentGoal, DevelopmentGoalStatus } from '@groeipad/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { applyFieldErrors, GOAL_STATUSES, saved, TopError } from './parts.tsx';
import { useAddCheckin, useCreateGoal, useUpdateGoal } from './queries.ts';

export type ModalProps = { opened: boolean; onClose: () => void };

type GoalValues = {
  title: string;
  description: string;
  measure: string;
  targetDate: string;
  progressEvidence: string;
  visibleToManager: boolean;
  status: DevelopmentGoalStatus;
};

const goalValues = (goal?: DevelopmentGoal): GoalValues => ({
  title: goal?.title ?? '',
  description: goal?.description ?? '',
  measure: goal?.measure ?? '',
  targetDate: goal?.targetDate ?? '',
  progressEvidence: goal?.progressEvidence ?? '',
  visibleToManager: goal?.visibleToManager ?? true,
  status: goal?.status ?? 'open',
});

/** A new own goal, or changes to an existing one; goals from a conversation keep their agreed text. */
export function GoalModal({ opened, onClose, goal }: ModalProps & { goal?: DevelopmentGoal }) {
  const { t } = useTranslation('development');
  const { t: tc } = useTranslation();
  const create = useCreateGoal();
  const update = useUpdateGoal();
  const mutation = goal ? update : create;
  const form = useForm<GoalValues>({
    mode: 'controlled',
    initialValues: goalValues(goal),
    validate: { title: (v) => (v.trim() ? null : t('goalForm.required')) },
  });
  const editText = goal ? goal.abilities.editText : true;

  const close = () => {
    mutation.reset();
    form.setValues(goalValues(goal));
    form.clearErrors();
    onClose();
  };

  const submit = form.onSubmit((v) => {
    const text = {
      title: v.title,
      description: v.description,
      measure: v.measure,
      targetDate: v.targetDate || null,
    };
    const onError = (error: unknown) => applyFieldErrors(form, error);
    if (!goal) {
      create.mutate(
        { ...text, progressEvidence: v.progressEvidence, visibleToManager: v.visibleToManager },
        {
          onSuccess: () => {
            saved(t('goalForm.saved'));
            form.reset();
            onClose();
          },
          onError,
        },
      );
      return;
    }
    update.mutate(
      {
        id: goal.id,
        version: goal.version,
        status: v.status,
        progressEvidence: v.progressEvidence,
        ...(editText ? { ...text, visibleToManager: v.visibleToManager } : {}),
      },
      {
        onSuccess: () => {
          saved(t('goalForm.saved'));
          onClose();
        },
        onError,
      },
    );
  });

  return (
    <AppModal
      opened={opened}
      onClose={close}
      title={goal ? t('goalForm.editTitle') : t('goalForm.createTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TopError error={mutation.error} conflict={t('goalForm.conflict')} />
          {!editText ? (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
              {t('goalForm.agreedNote')}
            </Alert>
          ) : null}
          <TextInput
            label={t('goalForm.title')}
            description={editText ? t('goalForm.titleHint') : undefined}
            required
            readOnly={!editText}
            variant={editText ? 'default' : 'filled'}
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('goalForm.measure')}
            description={editText ? t('goalForm.measureHint') : undefined}
            autosize
            minRows={2}
            readOnly={!editText}
            variant={editText ? 'default' : 'filled'}
            {...form.getInputProps('measure')}
          />
          <Textarea
            label={t('goalForm.description')}
            autosize
            minRows={2}
            readOnly={!editText}
            variant={editText ? 'default' : 'filled'}
            {...form.getInputProps('description')}
          />
          <TextInput
            type="date"
            label={t('goalForm.targetDate')}
            readOnly={!editText}
            variant={editText ? 'default' : 'filled'}
            maw={220}
            {...form.getInputProps('targetDate')}
          />
          <Textarea
            label={t('goalForm.progressEvidence')}
            autosize
            minRows={2}
            {...form.getInputProps('progressEvidence')}
          />
          {goal ? (
            <NativeSelect
              label={t('goalForm.status')}
              data={GOAL_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              maw={260}
              {...form.getInputProps('status')}
            />
          ) : null}
          {editText ? (
            <Switch
              label={t('goalForm.visible')}
              description={t('goalForm.visibleHint')}
              {...form.getInputProps('visibleToManager', { type: 'checkbox' })}
            />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {goal ? t('goalForm.save') : t('goalForm.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** A short progress report on a goal: a status and a note. */
export function CheckinModal({ opened, onClose, goal }: ModalProps & { goal: DevelopmentGoal }) {
  const { t } = useTranslation('development');
  const { t: tc } = useTranslation();
  const add = useAddCheckin();
  const form = useForm({ mode: 'controlled', initialValues: { status: goal.status, note: '' } });
  const close = () => {
    add.reset();
    form.reset();
    onClose();
  };
  const submit = form.onSubmit((v) =>
    add.mutate(
      { goalId: goal.id, status: v.status, note: v.note },
      {
        onSuccess: () => {
          saved(t('checkin.saved'));
          form.reset();
          onClose();
        },
        onError: (error) => applyFieldErrors(form, error),
      },
    ),
  );
  return (
    <AppModal opened={opened} onClose={close} title={t('checkin.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t('checkin.intro', { title: goal.title })}</Text>
          <TopError error={add.error} />
          <Radio.Group label={t('checkin.status')} required {...form.getInputProps('status')}>
            <Stack gap={8} mt={6}>
              {GOAL_STATUSES.map((s) => (
                <Radio key={s} value={s} label={t(`status.${s}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('checkin.note')}
            placeholder={t('checkin.notePlaceholder')}
            autosize
            minRows={3}
            maxLength={2000}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('checkin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
