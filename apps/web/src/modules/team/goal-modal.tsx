import { useState } from 'react';
import { Group, NativeSelect, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { TeamGoal, TeamGoalStatus, TeamMember } from '@groeipad/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { ConflictAlert, conflictCurrent } from './conflict.tsx';
import {
  applyFieldErrors,
  CardFormFooter,
  decimalSeparator,
  MemberSelect,
  saved,
  type ModalProps,
} from './form-parts.tsx';
import { formatDay, formatMeasure } from './format.ts';
import { useCreateGoal, useDeleteGoal, useUpdateGoal } from './queries.ts';

const STATUSES: readonly TeamGoalStatus[] = ['active', 'achieved', 'stopped'];

type Values = {
  title: string;
  unit: string;
  startValue: number | string;
  targetValue: number | string;
  targetDate: string;
  ownerId: string;
  description: string;
  status: TeamGoalStatus;
};

const valuesOf = (goal?: TeamGoal): Values => ({
  title: goal?.title ?? '',
  unit: goal?.unit ?? '',
  startValue: goal?.startValue ?? '',
  targetValue: goal?.targetValue ?? '',
  targetDate: goal?.targetDate ?? '',
  ownerId: goal?.owner?.id ?? '',
  description: goal?.description ?? '',
  status: goal?.status ?? 'active',
});

const numberOrNull = (v: number | string) => (v === '' || v === null ? null : Number(v));

/** A new team goal, or changes to one (with a 409 that keeps the user's text next to the other version). */
export function GoalModal({
  opened,
  onClose,
  teamId,
  members,
  goal,
}: ModalProps & { teamId: string; members: TeamMember[]; goal?: TeamGoal }) {
  const { t } = useTranslation('team');
  const create = useCreateGoal(teamId);
  const update = useUpdateGoal(teamId);
  const remove = useDeleteGoal(teamId);
  const mutation = goal ? update : create;
  const [baseVersion, setBaseVersion] = useState(goal?.version ?? 0);
  const [theirs, setTheirs] = useState<TeamGoal | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(goal),
    validate: {
      title: (v) => (v.trim() ? null : t('goalForm.titleRequired')),
      targetValue: (v) => (v === '' ? t('goalForm.targetRequired') : null),
    },
  });

  const close = () => {
    mutation.reset();
    setTheirs(null);
    form.setValues(valuesOf(goal));
    form.clearErrors();
    setBaseVersion(goal?.version ?? 0);
    onClose();
  };

  const submit = form.onSubmit((v) => {
    const input = {
      title: v.title,
      unit: v.unit,
      description: v.description,
      startValue: numberOrNull(v.startValue),
      targetValue: Number(v.targetValue),
      targetDate: v.targetDate || null,
      ownerId: v.ownerId || null,
    };
    const onError = (error: unknown) => {
      const current = conflictCurrent<TeamGoal>(error);
      if (current) {
        setTheirs(current);
        setBaseVersion(current.version);
        return;
      }
      applyFieldErrors(form, error);
    };
    const onSuccess = () => {
      saved(t('goalForm.saved'));
      setTheirs(null);
      if (!goal) form.reset();
      onClose();
    };
    if (goal) update.mutate({ id: goal.id, version: baseVersion, status: v.status, ...input }, { onSuccess, onError });
    else create.mutate(input, { onSuccess, onError });
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
          {theirs ? (
            <ConflictAlert
              theirs={
                <Text size="sm">
                  {theirs.title} — {formatMeasure(theirs.targetValue, theirs.unit)}
                  {theirs.targetDate ? `, ${formatDay(theirs.targetDate)}` : ''}
                  {theirs.owner ? ` (${theirs.owner.displayName})` : ''}
                </Text>
              }
              onTakeTheirs={() => {
                form.setValues(valuesOf(theirs));
                setTheirs(null);
              }}
            />
          ) : mutation.error && !Object.keys(form.errors).length ? (
            <FormError error={mutation.error} />
          ) : null}
          <TextInput
            label={t('goalForm.title')}
            description={t('goalForm.titleHint')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Group gap="md" align="flex-start" grow>
            <NumberInput
              label={t('goalForm.startValue')}
              decimalSeparator={decimalSeparator()}
              {...form.getInputProps('startValue')}
            />
            <NumberInput
              label={t('goalForm.targetValue')}
              required
              decimalSeparator={decimalSeparator()}
              {...form.getInputProps('targetValue')}
            />
            <TextInput
              label={t('goalForm.unit')}
              description={t('goalForm.unitHint')}
              maxLength={20}
              {...form.getInputProps('unit')}
            />
          </Group>
          <Group gap="md" align="flex-start">
            <TextInput type="date" label={t('goalForm.targetDate')} maw={220} {...form.getInputProps('targetDate')} />
            <MemberSelect members={members} label={t('goalForm.owner')} {...form.getInputProps('ownerId')} />
          </Group>
          <Textarea label={t('goalForm.description')} autosize minRows={2} {...form.getInputProps('description')} />
          {goal ? (
            <NativeSelect
              label={t('goalForm.status')}
              data={STATUSES.map((s) => ({ value: s, label: t(`goalStatus.${s}`) }))}
              maw={260}
              {...form.getInputProps('status')}
            />
          ) : null}
          <CardFormFooter
            deletion={
              goal
                ? {
                    label: t('goalForm.delete'),
                    title: t('goalForm.deleteTitle'),
                    text: t('goalForm.deleteText', { title: goal.title }),
                    pending: remove.isPending,
                    error: remove.error,
                    run: (done) =>
                      remove.mutate(goal.id, {
                        onSuccess: () => {
                          done();
                          saved(t('goalForm.deleted'));
                          onClose();
                        },
                      }),
                  }
                : undefined
            }
            onCancel={close}
            saving={mutation.isPending}
            conflict={Boolean(theirs)}
          />
        </Stack>
      </form>
    </AppModal>
  );
}
