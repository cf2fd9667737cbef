import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { YearPlanEvent } from '@groeipad/contracts';
import { ApiError, isApiError } from '../../app/api.ts';
import { AppModal } from '../../ui/app-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { conflictCurrent } from '../team/conflict.tsx';
import { formatMoment, isoToLocalInput, localInputToIso } from './format.ts';
import { useCreateEvent, useUpdateEvent } from './queries.ts';

type Kind = 'kickoff' | 'pizza' | 'other';
type Values = {
  kind: Kind;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  location: string;
  capacity: number | string;
};
type EventFormApi = UseFormReturnType<Values>;

const emptyValues = (kind: Kind): Values => ({
  kind,
  title: '',
  description: '',
  startsAt: '',
  endsAt: '',
  location: '',
  capacity: '',
});

const valuesOf = (event: YearPlanEvent): Values => ({
  kind: event.kind === 'linking' ? 'other' : event.kind,
  title: event.title,
  description: event.description,
  startsAt: isoToLocalInput(event.startsAt),
  endsAt: event.endsAt ? isoToLocalInput(event.endsAt) : '',
  location: event.location,
  capacity: event.capacity ?? '',
});

/** The fields both a new date and a change send. */
const fieldsOf = (v: Values) => ({
  kind: v.kind,
  title: v.title,
  description: v.description,
  startsAt: localInputToIso(v.startsAt),
  endsAt: v.endsAt ? localInputToIso(v.endsAt) : null,
  location: v.location,
  capacity: v.kind === 'pizza' && v.capacity !== '' ? Number(v.capacity) : null,
});

function useEventForm(initialValues: Values): EventFormApi {
  const { t } = useTranslation('programme');
  return useForm<Values>({
    mode: 'controlled',
    initialValues,
    validate: {
      title: (v) => (v.trim() ? null : t('yearPlan.required')),
      startsAt: (v) => (v ? null : t('yearPlan.required')),
    },
  });
}

const saved = (message: string) =>
  notifications.show({ color: 'groei', icon: <IconCheck size={18} aria-hidden />, message });

/** Puts the server's field messages on the fields; true when there were any. */
function putFieldErrors(form: EventFormApi, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const fields = Object.entries(error.fieldErrors()).filter(([field]) => field in form.values);
  for (const [field, message] of fields) form.setFieldError(field, message);
  return fields.length > 0;
}

/** The fields of a date: kind (when there is a choice), title, begin and end, place, places, description. */
function EventFields({ form, kinds, autoFocus }: { form: EventFormApi; kinds: Kind[]; autoFocus?: boolean }) {
  const { t } = useTranslation('programme');
  return (
    <>
      {kinds.length > 1 ? (
        <NativeSelect
          label={t('yearPlan.kind')}
          data={kinds.map((k) => ({ value: k, label: t(`yearPlan.kinds.${k}`) }))}
          maw={260}
          {...form.getInputProps('kind')}
        />
      ) : null}
      <TextInput
        label={t('yearPlan.titleField')}
        required
        maxLength={200}
        data-autofocus={autoFocus || undefined}
        {...form.getInputProps('title')}
      />
      <Group gap="sm" align="flex-start">
        <TextInput type="datetime-local" label={t('yearPlan.startsAt')} required {...form.getInputProps('startsAt')} />
        <TextInput type="datetime-local" label={t('yearPlan.endsAt')} {...form.getInputProps('endsAt')} />
      </Group>
      <TextInput label={t('yearPlan.location')} maxLength={200} {...form.getInputProps('location')} />
      {form.values.kind === 'pizza' ? (
        <NumberInput label={t('yearPlan.capacity')} min={1} max={500} maw={260} {...form.getInputProps('capacity')} />
      ) : null}
      <Textarea
        label={t('yearPlan.description')}
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps('description')}
      />
    </>
  );
}

/**
 * A new date: for a school (kick-off or other, schoolId given) or a pizzasessie for the whole board (schoolId null,
 * kinds limited to pizza).
 */
export function EventForm({ schoolId, kinds, title }: { schoolId: string | null; kinds: Kind[]; title: string }) {
  const { t } = useTranslation('programme');
  const create = useCreateEvent();
  const form = useEventForm(emptyValues(kinds[0]!));
  const [unplaced, setUnplaced] = useState(false);
  const submit = form.onSubmit((v) =>
    create.mutate(
      { schoolId: v.kind === 'pizza' ? null : schoolId, ...fieldsOf(v) },
      {
        onSuccess: () => {
          saved(t('yearPlan.added'));
          form.reset();
        },
        onError: (error) => setUnplaced(!putFieldErrors(form, error)),
      },
    ),
  );
  const headingId = `nieuwe-datum-${schoolId ?? 'bestuur'}`;
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Title order={2} fz="lg" id={headingId}>
            {title}
          </Title>
          {create.error && (unplaced || !isApiError(create.error, 'validation')) ? (
            <FormError error={create.error} />
          ) : null}
          <EventFields form={form} kinds={kinds} />
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('yearPlan.add')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

/** The date as someone else just saved it: when, where, how many places. */
function TheirVersion({ event }: { event: YearPlanEvent }) {
  const { t } = useTranslation('programme');
  return (
    <Text size="sm">
      {event.title} — {formatMoment(event.startsAt)}
      {event.location ? `, ${event.location}` : ''}
      {event.kind === 'pizza' && event.capacity !== null
        ? ` · ${t('yearPlan.theirPlaces', { count: event.capacity })}`
        : ''}
    </Text>
  );
}

/**
 * Changes to a date, in a dialog with the event form filled in. A school's date stays a school's date (kick-off or
 * other), a pizzasessie stays one. On an error the typed input stays; when someone else saved first, their version
 * shows beside it: saving again puts the typed one over it on purpose, or the user takes theirs.
 */
export function EventEditModal({ event, onClose }: { event: YearPlanEvent; onClose: () => void }) {
  const { t } = useTranslation('programme');
  const { t: tc } = useTranslation();
  const update = useUpdateEvent();
  const [baseVersion, setBaseVersion] = useState(event.version);
  const [theirs, setTheirs] = useState<YearPlanEvent | null>(null);
  const [unplaced, setUnplaced] = useState(false);
  const form = useEventForm(valuesOf(event));
  const kinds: Kind[] = event.kind === 'pizza' ? ['pizza'] : ['kickoff', 'other'];
  const submit = form.onSubmit((v) =>
    update.mutate(
      { id: event.id, version: baseVersion, ...fieldsOf(v) },
      {
        onSuccess: () => {
          saved(t('yearPlan.saved'));
          onClose();
        },
        onError: (error) => {
          const current = conflictCurrent<YearPlanEvent>(error);
          if (current) {
            setTheirs(current);
            setBaseVersion(current.version);
            setUnplaced(false);
            return;
          }
          setUnplaced(!putFieldErrors(form, error));
        },
      },
    ),
  );
  return (
    <AppModal opened onClose={onClose} title={t('yearPlan.editTitle', { title: event.title })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          {theirs ? (
            <Alert
              color="orange"
              variant="light"
              role="alert"
              icon={<IconUsers aria-hidden />}
              title={t('yearPlan.conflictTitle')}
            >
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('yearPlan.conflictText')}</Text>
                <TheirVersion event={theirs} />
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    form.setValues(valuesOf(theirs));
                    form.clearErrors();
                    setTheirs(null);
                  }}
                >
                  {t('yearPlan.takeTheirs')}
                </Button>
              </Stack>
            </Alert>
          ) : update.error && (unplaced || !isApiError(update.error, 'validation')) ? (
            <FormError error={update.error} />
          ) : null}
          <EventFields form={form} kinds={kinds} autoFocus />
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {tc('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
