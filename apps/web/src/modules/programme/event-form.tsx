import { Button, Card, Group, NativeSelect, NumberInput, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../app/api.ts';
import { FormError } from '../../ui/query-state.tsx';
import { localInputToIso } from './format.ts';
import { useCreateEvent } from './queries.ts';

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

/**
 * A new date: for a school (kick-off or other, schoolId given) or a pizzasessie for the whole board (schoolId null,
 * kinds limited to pizza).
 */
export function EventForm({ schoolId, kinds, title }: { schoolId: string | null; kinds: Kind[]; title: string }) {
  const { t } = useTranslation('programme');
  const create = useCreateEvent();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      kind: kinds[0]!,
      title: '',
      description: '',
      startsAt: '',
      endsAt: '',
      location: '',
      capacity: '',
    },
    validate: {
      title: (v) => (v.trim() ? null : t('yearPlan.required')),
      startsAt: (v) => (v ? null : t('yearPlan.required')),
    },
  });
  const isPizza = form.values.kind === 'pizza';
  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        schoolId: v.kind === 'pizza' ? null : schoolId,
        kind: v.kind,
        title: v.title,
        description: v.description,
        startsAt: localInputToIso(v.startsAt),
        endsAt: v.endsAt ? localInputToIso(v.endsAt) : null,
        location: v.location,
        capacity: v.kind === 'pizza' && v.capacity !== '' ? Number(v.capacity) : null,
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'groei',
            icon: <IconCheck size={18} aria-hidden />,
            message: t('yearPlan.added'),
          });
          form.reset();
        },
        onError: (error) => {
          if (error instanceof ApiError)
            for (const [field, message] of Object.entries(error.fieldErrors())) form.setFieldError(field, message);
        },
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
          {create.error && !isApiError(create.error, 'validation') ? <FormError error={create.error} /> : null}
          {kinds.length > 1 ? (
            <NativeSelect
              label={t('yearPlan.kind')}
              data={kinds.map((k) => ({ value: k, label: t(`yearPlan.kinds.${k}`) }))}
              maw={260}
              {...form.getInputProps('kind')}
            />
          ) : null}
          <TextInput label={t('yearPlan.titleField')} required maxLength={200} {...form.getInputProps('title')} />
          <Group gap="sm" align="flex-start">
            <TextInput
              type="datetime-local"
              label={t('yearPlan.startsAt')}
              required
              {...form.getInputProps('startsAt')}
            />
            <TextInput type="datetime-local" label={t('yearPlan.endsAt')} {...form.getInputProps('endsAt')} />
          </Group>
          <TextInput label={t('yearPlan.location')} maxLength={200} {...form.getInputProps('location')} />
          {isPizza ? (
            <NumberInput
              label={t('yearPlan.capacity')}
              min={1}
              max={500}
              maw={260}
              {...form.getInputProps('capacity')}
            />
          ) : null}
          <Textarea
            label={t('yearPlan.description')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('description')}
          />
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('yearPlan.add')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
