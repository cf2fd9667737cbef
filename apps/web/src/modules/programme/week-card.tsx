import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, List, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeWeek, ProgrammeWeekStatus } from '@groeipad/contracts';
import { ApiError, isApiError } from '../../app/api.ts';
import { FormError } from '../../ui/query-state.tsx';
import { formatDay } from './format.ts';
import { useRecordWeek } from './queries.ts';

const STATUS_COLOR: Record<ProgrammeWeekStatus, string> = {
  upcoming: 'gray',
  current: 'blue',
  done: 'groei',
  missed: 'orange',
};

type Values = { sessionHeldOn: string; note: string };

function WeekForm({ week, teamId, onDone }: { week: ProgrammeWeek; teamId: string; onDone: () => void }) {
  const { t } = useTranslation('programme');
  const { t: tc } = useTranslation();
  const record = useRecordWeek(teamId);
  const [version, setVersion] = useState(week.version);
  const [stale, setStale] = useState(false);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { sessionHeldOn: week.sessionHeldOn ?? '', note: week.note },
  });
  const submit = form.onSubmit((v) =>
    record.mutate(
      { week: week.week, sessionHeldOn: v.sessionHeldOn || null, note: v.note, version },
      {
        onSuccess: () => {
          notifications.show({
            color: 'groei',
            icon: <IconCheck size={18} aria-hidden />,
            message: t('programme.weekSaved'),
          });
          onDone();
        },
        onError: (error) => {
          if (isApiError(error, 'conflict')) {
            const current = (error.details as { current?: ProgrammeWeek } | null)?.current;
            if (current) {
              setVersion(current.version);
              form.setValues({ sessionHeldOn: current.sessionHeldOn ?? '', note: current.note });
            }
            setStale(true);
          } else if (error instanceof ApiError) {
            for (const [field, message] of Object.entries(error.fieldErrors())) form.setFieldError(field, message);
          }
        },
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('programme.editWeek', { week: week.week })}>
      <Stack gap="xs">
        {stale ? (
          <Alert color="orange" variant="light" role="alert">
            {t('programme.stale')}
          </Alert>
        ) : null}
        {record.error && !isApiError(record.error, 'conflict') && !isApiError(record.error, 'validation') ? (
          <FormError error={record.error} />
        ) : null}
        <TextInput
          type="date"
          label={t('programme.sessionHeldOn')}
          min={week.startsOn}
          max={week.endsOn}
          maw={200}
          data-autofocus
          {...form.getInputProps('sessionHeldOn')}
        />
        <Textarea label={t('programme.note')} autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
        <Group gap="sm">
          <Button type="submit" size="sm" loading={record.isPending}>
            {t('programme.saveWeek')}
          </Button>
          <Button size="sm" variant="default" onClick={onDone}>
            {tc('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One week of the programme: its topic and dates, what to do, what happened, and the team's note. */
export function WeekCard({ week, teamId, canRecord }: { week: ProgrammeWeek; teamId: string; canRecord: boolean }) {
  const { t } = useTranslation('programme');
  const [editing, setEditing] = useState(false);
  const headingId = `week-${week.week}`;
  const todo = [
    t('todo.boardSessions', { count: week.todo.boardSessions }),
    ...(week.todo.visits > 0 ? [t('todo.visits', { count: week.todo.visits })] : []),
    ...(week.todo.preparations > 0 ? [t('todo.preparations', { count: week.todo.preparations })] : []),
    ...(week.todo.barometer ? [t('todo.barometer')] : []),
  ];
  return (
    <Card
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-labelledby={headingId}
      style={week.status === 'current' ? { borderColor: 'var(--mantine-color-blue-7)', borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Title order={3} fz="md" id={headingId}>
              {t('programme.weekTitle', { week: week.week, topic: t(`topics.${week.topic}`) })}
            </Title>
            <Text size="sm" c="dimmed">
              {t('programme.weekDates', { from: formatDay(week.startsOn), to: formatDay(week.endsOn) })}
            </Text>
          </Stack>
          <Badge color={STATUS_COLOR[week.status]} variant="light" tt="none">
            {t(`status.${week.status}`)}
          </Badge>
        </Group>
        <Group gap="xl" align="flex-start">
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('programme.toDo')}
            </Text>
            <List size="sm" spacing={0}>
              {todo.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Stack>
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('programme.happened')}
            </Text>
            <List size="sm" spacing={0}>
              <List.Item>{t('todo.boardSessions', { count: week.counts.boardSessions })}</List.Item>
              <List.Item>{t('todo.visits', { count: week.counts.visits })}</List.Item>
              <List.Item>{t('todo.preparations', { count: week.counts.preparations })}</List.Item>
            </List>
          </Stack>
        </Group>
        {week.sessionHeldOn ? (
          <Text size="sm">
            {t('programme.sessionHeldOn')}: {formatDay(week.sessionHeldOn)}
          </Text>
        ) : null}
        {week.note ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {week.note}
          </Text>
        ) : null}
        {canRecord && week.status !== 'upcoming' ? (
          editing ? (
            <WeekForm week={week} teamId={teamId} onDone={() => setEditing(false)} />
          ) : (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => setEditing(true)}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('programme.editWeek', { week: week.week })}
            </Button>
          )
        ) : null}
      </Stack>
    </Card>
  );
}
