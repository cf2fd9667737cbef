import { Button, Checkbox, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  PREPARATION_MAX_MINUTES,
  PREPARATION_MAX_PEOPLE,
  PREPARATION_MIN_MINUTES,
  type Preparation,
  type PreparationGoalRef,
  type PreparationFormOption,
  type PreparationKind,
  type PreparationPerson,
} from '@groeipad/contracts';
import { useAuth } from '../../app/auth.tsx';
import { AppModal } from '../../ui/app-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { applyFieldErrors, saved } from '../team/form-parts.tsx';
import { useCreatePreparation, useUpdatePreparation } from './queries.ts';
import { localDate, localTime, toInstant } from './time.ts';

type Values = {
  title: string;
  kind: PreparationKind;
  date: string;
  time: string;
  durationMinutes: number | string;
  participantIds: string[];
  teamGoalId: string;
  formId: string;
};

type Props = {
  opened: boolean;
  onClose: () => void;
  teamId: string;
  members: PreparationPerson[];
  goals: PreparationGoalRef[];
  /** Only when planning a new one: the team's forms to choose from. */
  forms?: PreparationFormOption[];
  /** Rescheduling this one. */
  preparation?: Preparation;
  /** The version the user saw (after a conflict: the newer one). */
  onConflict?: (error: unknown) => boolean;
};

function initial(p: Preparation | undefined, meId: string): Values {
  if (p)
    return {
      title: p.title,
      kind: p.kind,
      date: localDate(p.plannedAt),
      time: localTime(p.plannedAt),
      durationMinutes: p.durationMinutes,
      participantIds: p.participants.map((x) => x.id),
      teamGoalId: p.goal?.id ?? '',
      formId: p.formId ?? '',
    };
  return {
    title: '',
    kind: 'lesson',
    date: '',
    time: '15:00',
    durationMinutes: 45,
    participantIds: [meId],
    teamGoalId: '',
    formId: '',
  };
}

/** Plans a joint preparation with colleagues, or reschedules one (moment, duration, who takes part). */
export function PlanModal({ opened, onClose, teamId, members, goals, forms, preparation, onConflict }: Props) {
  const { t } = useTranslation('preparations');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  const meId = me?.id ?? '';
  const navigate = useNavigate();
  const create = useCreatePreparation(teamId);
  const update = useUpdatePreparation(teamId, preparation?.id ?? '');
  const mutation = preparation ? update : create;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial(preparation, meId),
    validate: {
      title: (v) => (v.trim() ? null : t('plan.titleRequired')),
      date: (v) => (v ? null : t('plan.dateRequired')),
      time: (v) => (v ? null : t('plan.timeRequired')),
      durationMinutes: (v) =>
        typeof v === 'number' && v >= PREPARATION_MIN_MINUTES && v <= PREPARATION_MAX_MINUTES
          ? null
          : t('plan.durationRange', { min: PREPARATION_MIN_MINUTES, max: PREPARATION_MAX_MINUTES }),
      participantIds: (v) =>
        v.length < 2
          ? t('plan.colleagueRequired')
          : v.length > PREPARATION_MAX_PEOPLE
            ? t('plan.tooMany', { max: PREPARATION_MAX_PEOPLE })
            : null,
    },
  });

  const close = () => {
    mutation.reset();
    form.setValues(initial(preparation, meId));
    form.clearErrors();
    onClose();
  };

  const submit = form.onSubmit((v) => {
    const common = {
      title: v.title,
      kind: v.kind,
      plannedAt: toInstant(v.date, v.time),
      durationMinutes: Number(v.durationMinutes),
      participantIds: v.participantIds,
      teamGoalId: v.teamGoalId || null,
    };
    const onError = (error: unknown) => {
      if (onConflict?.(error)) return close();
      applyFieldErrors(form, error);
    };
    if (preparation) {
      update.mutate(
        { version: preparation.version, ...common },
        {
          onSuccess: () => {
            saved(t('plan.rescheduled'));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { ...common, formId: v.formId || null },
        {
          onSuccess: (created) => {
            saved(t('plan.planned'));
            form.reset();
            onClose();
            void navigate(`/team/${teamId}/voorbereidingen/${created.id}`);
          },
          onError,
        },
      );
    }
  });

  // Planning: the planner always takes part (their box is fixed); rescheduling: anyone may be changed.
  const fixed = preparation ? null : meId;

  return (
    <AppModal
      opened={opened}
      onClose={close}
      title={preparation ? t('plan.editTitle') : t('plan.createTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {mutation.error && !Object.keys(form.errors).length ? <FormError error={mutation.error} /> : null}
          <TextInput
            label={t('plan.title')}
            description={t('plan.titleHint')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <NativeSelect
            label={t('plan.kind')}
            data={[
              { value: 'lesson', label: t('kind.lesson') },
              { value: 'work', label: t('kind.work') },
            ]}
            maw={320}
            {...form.getInputProps('kind')}
          />
          <Group gap="md" align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput type="date" label={t('plan.date')} required miw={150} {...form.getInputProps('date')} />
            <TextInput type="time" label={t('plan.time')} required miw={110} {...form.getInputProps('time')} />
            <NumberInput
              label={t('plan.duration')}
              description={t('plan.durationHint')}
              min={PREPARATION_MIN_MINUTES}
              max={PREPARATION_MAX_MINUTES}
              step={5}
              allowDecimal={false}
              miw={150}
              {...form.getInputProps('durationMinutes')}
            />
          </Group>
          <Checkbox.Group
            label={t('plan.participants')}
            description={t('plan.participantsHint', { max: PREPARATION_MAX_PEOPLE })}
            {...form.getInputProps('participantIds')}
          >
            <Stack gap={6} mt="xs">
              {members.map((m) => (
                <Checkbox
                  key={m.id}
                  value={m.id}
                  disabled={m.id === fixed}
                  label={m.id === meId ? t('plan.me', { name: m.displayName }) : m.displayName}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {goals.length > 0 ? (
            <NativeSelect
              label={t('plan.goal')}
              data={[{ value: '', label: t('plan.noGoal') }, ...goals.map((g) => ({ value: g.id, label: g.title }))]}
              {...form.getInputProps('teamGoalId')}
            />
          ) : null}
          {forms ? (
            forms.length > 0 ? (
              <NativeSelect
                label={t('plan.form')}
                description={t('plan.formHint')}
                data={[
                  { value: '', label: t('plan.noForm') },
                  ...forms.map((f) => ({
                    value: f.id,
                    label: t('plan.formOption', { title: f.title, count: f.fieldCount }),
                  })),
                ]}
                {...form.getInputProps('formId')}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('plan.noForms')}
              </Text>
            )
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {preparation ? t('plan.saveEdit') : t('plan.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
