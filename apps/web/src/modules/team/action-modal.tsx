import { useState } from 'react';
import { Group, NativeSelect, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { TeamAction, TeamGoal, TeamMember } from '@groeipad/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { ConflictAlert, conflictCurrent } from './conflict.tsx';
import { applyFieldErrors, CardFormFooter, MemberSelect, saved, type ModalProps } from './form-parts.tsx';
import { formatDay } from './format.ts';
import { useCreateAction, useDeleteAction, useUpdateAction } from './queries.ts';

type Values = { title: string; ownerId: string; dueOn: string; nextStep: string; helpWanted: boolean; goalId: string };

const valuesOf = (a?: TeamAction | null): Values => ({
  title: a?.title ?? '',
  ownerId: a?.owner?.id ?? '',
  dueOn: a?.dueOn ?? '',
  nextStep: a?.nextStep ?? '',
  helpWanted: a?.helpWanted ?? false,
  goalId: a?.goalId ?? '',
});

/** What their version says, in one line per field, so the user sees what changed. */
function TheirAction({ action }: { action: TeamAction }) {
  const { t } = useTranslation('team');
  return (
    <Stack gap={2}>
      <Text size="sm">{action.title}</Text>
      <Text size="sm">
        {t('actions.owner')}: {action.owner?.displayName ?? t('form.nobody')}
        {action.dueOn ? ` · ${t('actions.due', { date: formatDay(action.dueOn) })}` : ''}
      </Text>
      {action.nextStep ? (
        <Text size="sm">
          {t('actionForm.nextStep')}: {action.nextStep}
        </Text>
      ) : null}
    </Stack>
  );
}

/** A new improvement action, or changes to one. */
export function ActionModal({
  opened,
  onClose,
  teamId,
  members,
  goals,
  action,
}: ModalProps & { teamId: string; members: TeamMember[]; goals: TeamGoal[]; action?: TeamAction }) {
  const { t } = useTranslation('team');
  const create = useCreateAction(teamId);
  const update = useUpdateAction(teamId);
  const remove = useDeleteAction(teamId);
  const mutation = action ? update : create;
  const [baseVersion, setBaseVersion] = useState(action?.version ?? 0);
  const [theirs, setTheirs] = useState<TeamAction | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(action),
    validate: { title: (v) => (v.trim() ? null : t('actionForm.titleRequired')) },
  });

  const close = () => {
    mutation.reset();
    setTheirs(null);
    form.setValues(valuesOf(action));
    form.clearErrors();
    onClose();
  };

  const submit = form.onSubmit((v) => {
    const input = {
      title: v.title,
      ownerId: v.ownerId || null,
      dueOn: v.dueOn || null,
      nextStep: v.nextStep,
      helpWanted: v.helpWanted,
      goalId: v.goalId || null,
    };
    const onError = (error: unknown) => {
      const current = conflictCurrent<TeamAction>(error);
      if (current) {
        setTheirs(current);
        setBaseVersion(current.version);
        return;
      }
      applyFieldErrors(form, error);
    };
    const onSuccess = () => {
      saved(t('actionForm.saved'));
      setTheirs(null);
      if (!action) form.reset();
      onClose();
    };
    if (action) update.mutate({ id: action.id, version: baseVersion, ...input }, { onSuccess, onError });
    else create.mutate(input, { onSuccess, onError });
  });

  return (
    <AppModal
      opened={opened}
      onClose={close}
      title={action ? t('actionForm.editTitle') : t('actionForm.createTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {theirs ? (
            <ConflictAlert
              theirs={<TheirAction action={theirs} />}
              onTakeTheirs={() => {
                form.setValues(valuesOf(theirs));
                setTheirs(null);
              }}
            />
          ) : mutation.error && !Object.keys(form.errors).length ? (
            <FormError error={mutation.error} />
          ) : null}
          <TextInput
            label={t('actionForm.title')}
            description={t('actionForm.titleHint')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Group gap="md" align="flex-start">
            <MemberSelect members={members} label={t('actions.owner')} {...form.getInputProps('ownerId')} />
            <TextInput type="date" label={t('actionForm.dueOn')} maw={200} {...form.getInputProps('dueOn')} />
          </Group>
          <Textarea
            label={t('actionForm.nextStep')}
            description={t('actionForm.nextStepHint')}
            autosize
            minRows={2}
            maxLength={500}
            {...form.getInputProps('nextStep')}
          />
          {goals.length > 0 ? (
            <NativeSelect
              label={t('actionForm.goal')}
              data={[
                { value: '', label: t('actionForm.noGoal') },
                ...goals.map((g) => ({ value: g.id, label: g.title })),
              ]}
              {...form.getInputProps('goalId')}
            />
          ) : null}
          <Switch
            label={t('actionForm.helpWanted')}
            description={t('actionForm.helpWantedHint')}
            {...form.getInputProps('helpWanted', { type: 'checkbox' })}
          />
          <CardFormFooter
            deletion={
              action
                ? {
                    label: t('actionForm.delete'),
                    title: t('actionForm.deleteTitle'),
                    text: t('actionForm.deleteText', { title: action.title }),
                    pending: remove.isPending,
                    error: remove.error,
                    run: (done) =>
                      remove.mutate(action.id, {
                        onSuccess: () => {
                          done();
                          saved(t('actionForm.deleted'));
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
