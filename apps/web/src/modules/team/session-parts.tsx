import type { CSSProperties, ReactNode } from 'react';
import { Box, Button, Group, NativeSelect, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCircle, IconClockExclamation, IconHandStop, IconMinus, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TeamBoard, TeamSession } from '@groeipad/contracts';
import { FormError } from '../../ui/query-state.tsx';
import { applyFieldErrors } from './form-parts.tsx';
import { formatDay, formatTime, formatWeekday, goalSummary } from './format.ts';
import { useAttendance, useCreateAction, useMood, useMoveAction } from './queries.ts';
import { MOOD_ICONS, MOODS } from './team-part.tsx';

// The session screen's colours: light text on near-black, every pair well above 7:1, readable from across the room.
export const TV = {
  page: '#0d1512',
  panel: '#18231f',
  text: '#ffffff',
  soft: '#d7e3dd',
  accent: '#6ec8a4',
  line: '#3b4a44',
} as const;

const panelStyle = (current: boolean): CSSProperties => ({
  background: TV.panel,
  border: `3px solid ${current ? TV.accent : TV.line}`,
  borderRadius: 16,
  padding: '0.9em',
  minWidth: 0,
});

/** One step of the fixed agenda, numbered, as a panel; the step the team is at has a bright border. */
export function AgendaPanel({
  step,
  title,
  current,
  children,
}: {
  step: number;
  title: string;
  current: boolean;
  children: ReactNode;
}) {
  const id = `agenda-${step}`;
  return (
    <Box
      component="section"
      aria-labelledby={id}
      aria-current={current ? 'step' : undefined}
      style={panelStyle(current)}
    >
      <Stack gap="0.6em">
        <Text component="h2" id={id} fw={800} m={0} style={{ fontSize: '1.35em', color: TV.text }}>
          {step}. {title}
        </Text>
        {children}
      </Stack>
    </Box>
  );
}

const chip = (bg: string, fg: string): CSSProperties => ({
  background: bg,
  color: fg,
  borderRadius: 999,
  padding: '0.1em 0.6em',
  fontWeight: 700,
  fontSize: '0.8em',
  display: 'inline-flex',
  alignItems: 'center',
  gap: '0.3em',
});

/** Step 1: who is here (a tap per member) and how everyone is (a tap per face; only the counts are kept). */
export function HowIsEveryone({ board, session }: { board: TeamBoard; session: TeamSession }) {
  const { t } = useTranslation('team');
  const teamId = board.team.id;
  const attendance = useAttendance(teamId);
  const mood = useMood(teamId);
  const canEdit = board.abilities.edit;
  const present = new Set(session.attendance);
  return (
    <Stack gap="0.8em">
      <Stack gap="0.4em" role="group" aria-label={t('session.attendance')}>
        <Text fw={700} style={{ color: TV.soft }}>
          {t('session.attendanceCount', { present: present.size, size: board.members.length })}
        </Text>
        <Group gap="0.4em">
          {board.members.map((m) => {
            const here = present.has(m.id);
            return (
              <UnstyledButton
                key={m.id}
                aria-pressed={here}
                disabled={!canEdit}
                onClick={() => attendance.mutate({ sessionId: session.id, personId: m.id, present: !here })}
                style={{
                  background: here ? '#0f6b4b' : 'transparent',
                  color: TV.text,
                  border: `2px solid ${here ? TV.accent : TV.line}`,
                  borderRadius: 12,
                  padding: '0.35em 0.7em',
                  display: 'inline-flex',
                  alignItems: 'center',
                  gap: '0.4em',
                  fontSize: '0.95em',
                  fontWeight: 600,
                }}
              >
                {here ? <IconCheck size="1.1em" aria-hidden /> : <IconCircle size="1.1em" aria-hidden />}
                {m.displayName}
              </UnstyledButton>
            );
          })}
        </Group>
        {attendance.error ? <FormError error={attendance.error} /> : null}
      </Stack>
      <Stack gap="0.4em" role="group" aria-label={t('session.moodLabel')}>
        <Text fw={700} style={{ color: TV.soft }}>
          {t('session.moodQuestion')}
        </Text>
        <Group gap="0.5em" wrap="wrap">
          {MOODS.map((m) => {
            const Icon = MOOD_ICONS[m];
            const count = session.mood[m];
            return (
              <Group key={m} gap={4} wrap="nowrap">
                <UnstyledButton
                  disabled={!canEdit}
                  onClick={() => mood.mutate({ sessionId: session.id, mood: m })}
                  aria-label={t('session.moodTap', { mood: t(`mood.${m}`), count })}
                  style={{
                    background: '#ffffff',
                    color: '#0d1512',
                    borderRadius: 14,
                    padding: '0.3em 0.7em',
                    display: 'inline-flex',
                    alignItems: 'center',
                    gap: '0.4em',
                    fontWeight: 800,
                    fontSize: '1.1em',
                  }}
                >
                  <Icon size="1.6em" aria-hidden />
                  <span>{t(`mood.${m}`)}</span>
                  <span style={{ fontVariantNumeric: 'tabular-nums' }}>{count}</span>
                </UnstyledButton>
                {canEdit && count > 0 ? (
                  <UnstyledButton
                    aria-label={t('session.moodUndo', { mood: t(`mood.${m}`) })}
                    onClick={() => mood.mutate({ sessionId: session.id, mood: m, undo: true })}
                    style={{ color: TV.soft, border: `2px solid ${TV.line}`, borderRadius: 10, padding: '0.2em' }}
                  >
                    <IconMinus size="1em" aria-hidden />
                  </UnstyledButton>
                ) : null}
              </Group>
            );
          })}
        </Group>
        <Text style={{ color: TV.soft, fontSize: '0.8em' }}>{t('session.moodPrivacy')}</Text>
        {mood.error ? <FormError error={mood.error} /> : null}
      </Stack>
    </Stack>
  );
}

/** Step 2: the open actions, those behind schedule and help requests first. */
export function OpenActions({ board }: { board: TeamBoard }) {
  const { t } = useTranslation('team');
  const move = useMoveAction(board.team.id);
  const open = board.actions
    .filter((a) => a.status !== 'done')
    .sort(
      (a, b) =>
        Number(b.helpWanted) - Number(a.helpWanted) ||
        Number(b.behindSchedule) - Number(a.behindSchedule) ||
        (a.status === b.status ? a.position - b.position : a.status === 'doing' ? -1 : 1),
    );
  if (open.length === 0) return <Text style={{ color: TV.soft }}>{t('session.noOpenActions')}</Text>;
  return (
    <Stack gap="0.5em" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {open.map((a) => (
        <Box component="li" key={a.id} style={{ borderBottom: `1px solid ${TV.line}`, paddingBottom: '0.4em' }}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="0.5em">
            <Stack gap="0.15em" style={{ minWidth: 0, flex: 1 }}>
              <Text fw={700} style={{ color: TV.text, overflowWrap: 'anywhere' }}>
                {a.title}
              </Text>
              <Text style={{ color: TV.soft, fontSize: '0.85em' }}>
                {t(`columns.${a.status}`)} · {a.owner ? a.owner.displayName : t('actions.noOwner')}
                {a.dueOn ? ` · ${t('actions.due', { date: formatDay(a.dueOn) })}` : ''}
              </Text>
              <Group gap="0.3em">
                {a.behindSchedule ? (
                  <span style={chip('#ffe8cc', '#6b2600')}>
                    <IconClockExclamation size="1em" aria-hidden />
                    {t('actions.behind')}
                  </span>
                ) : null}
                {a.helpWanted ? (
                  <span style={chip('#d0ebff', '#0b3d6b')}>
                    <IconHandStop size="1em" aria-hidden />
                    {t('actions.helpWanted')}
                  </span>
                ) : null}
              </Group>
            </Stack>
            {board.abilities.edit ? (
              <Button
                size="compact-md"
                variant="white"
                color="dark"
                // The title beside it may be long: the button keeps its width, the title wraps.
                style={{ flexShrink: 0 }}
                aria-label={t('session.markDone', { title: a.title })}
                onClick={() => move.mutate({ id: a.id, version: a.version, status: 'done' })}
              >
                {t('session.done')}
              </Button>
            ) : null}
          </Group>
        </Box>
      ))}
    </Stack>
  );
}

/** Step 3: the goals (now and target), the rhythm of the last eight weeks, and this week's visits and preparations. */
export function PlanningAndGoals({ board }: { board: TeamBoard }) {
  const { t } = useTranslation('team');
  const { stats } = board;
  const practice = board.practice.weeks.at(-1);
  const visits = board.planning.weeks[0]?.visits ?? [];
  return (
    <Stack gap="0.4em">
      {board.goals.filter((g) => g.status === 'active').length === 0 ? (
        <Text style={{ color: TV.soft }}>{t('session.noGoals')}</Text>
      ) : (
        board.goals
          .filter((g) => g.status === 'active')
          .map((g) => (
            <Text key={g.id} style={{ color: TV.text }}>
              <Text span fw={700} inherit>
                {g.title}:
              </Text>{' '}
              {goalSummary(g)}
            </Text>
          ))
      )}
      <Text style={{ color: TV.soft }}>
        {t('session.rhythm', { held: stats.sessionsHeld, expected: stats.sessionsExpected })}
        {stats.attendancePercent !== null
          ? ` · ${t('session.presentShare', { percent: stats.attendancePercent })}`
          : ''}
      </Text>
      {practice ? (
        <Text style={{ color: TV.soft }}>
          {t('session.practice', {
            visits: practice.visits,
            visitsNorm: board.board.visitsPerWeek,
            preparations: practice.preparations,
            preparationsNorm: board.board.preparationsPerWeek,
          })}
        </Text>
      ) : null}
      {visits.length > 0 ? (
        <Box component="ul" aria-label={t('session.visitsThisWeek')} m={0} pl="1.2em" style={{ color: TV.text }}>
          {visits.map((v) => (
            <li key={v.id}>
              {t('planning.visit', {
                day: formatWeekday(v.day),
                time: formatTime(v.scheduledAt),
                observer: v.observer.displayName,
                observed: v.observed.displayName,
                kind: t(`planning.visitKind.${v.kind}`),
              })}
              {v.status === 'planned' ? null : ` · ${t('planning.visitDone')}`}
            </li>
          ))}
        </Box>
      ) : null}
    </Stack>
  );
}

/** Step 4: a new action in one line (owner and date are optional). */
export function QuickAction({ board }: { board: TeamBoard }) {
  const { t } = useTranslation('team');
  const create = useCreateAction(board.team.id);
  const form = useForm({ mode: 'controlled', initialValues: { title: '', ownerId: '', dueOn: '' } });
  const submit = form.onSubmit((v) => {
    if (!v.title.trim()) {
      form.setFieldError('title', t('actionForm.titleRequired'));
      return;
    }
    create.mutate(
      { title: v.title, ownerId: v.ownerId || null, dueOn: v.dueOn || null },
      { onSuccess: () => form.reset(), onError: (error) => applyFieldErrors(form, error) },
    );
  });
  const labelStyles = { label: { color: TV.text, fontSize: '0.9em' }, error: { color: '#ffb4a8' } };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="0.5em">
        <TextInput
          label={t('session.newAction')}
          maxLength={200}
          styles={labelStyles}
          size="md"
          {...form.getInputProps('title')}
        />
        <Group gap="0.5em" grow>
          <NativeSelect
            label={t('actions.owner')}
            size="md"
            styles={labelStyles}
            data={[
              { value: '', label: t('form.nobody') },
              ...board.members.map((m) => ({ value: m.id, label: m.displayName })),
            ]}
            {...form.getInputProps('ownerId')}
          />
          <TextInput
            type="date"
            label={t('actionForm.dueOn')}
            size="md"
            styles={labelStyles}
            {...form.getInputProps('dueOn')}
          />
        </Group>
        {create.error && !form.errors.title ? <FormError error={create.error} /> : null}
        <Group>
          <Button type="submit" size="md" leftSection={<IconPlus size={18} aria-hidden />} loading={create.isPending}>
            {t('session.addAction')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
