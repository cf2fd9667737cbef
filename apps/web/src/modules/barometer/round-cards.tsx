import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, NativeSelect, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlarm,
  IconCalendarEvent,
  IconCheck,
  IconInfoCircle,
  IconPlayerPlay,
  IconPencil,
  IconSchool,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BarometerOpenRound, TeamBarometer } from '@groeipad/contracts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { formatDay } from './labels.ts';
import { useCloseRound, useStartRound } from './queries.ts';

/** "7 van 11 collega's hebben ingevuld": who took part, never what they answered. */
export function Participation({ round }: { round: BarometerOpenRound }) {
  const { t } = useTranslation('barometer');
  const label = t('open.participation', { answered: round.answered, invited: round.invited });
  return (
    <Stack gap={4}>
      <Text fw={600} id={`participation-${round.id}`}>
        {label}
      </Text>
      <Progress.Root size="md">
        <Progress.Section
          value={round.invited ? (round.answered / round.invited) * 100 : 0}
          aria-labelledby={`participation-${round.id}`}
        />
      </Progress.Root>
    </Stack>
  );
}

/** The round that runs now: participation, my own part in it, and closing it early. */
export function OpenRoundCard({ round, minGroupSize }: { round: BarometerOpenRound; minGroupSize: number }) {
  const { t } = useTranslation('barometer');
  const close = useCloseRound();
  const [confirm, setConfirm] = useState(false);
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="open-round">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="open-round">
          {t('open.title', { date: formatDay(round.closesOn) })}
        </Title>
        {round.fromSchool ? (
          <Text size="sm" c="dimmed">
            <IconSchool size={14} aria-hidden /> {t('open.fromSchool')}
          </Text>
        ) : null}
        <Participation round={round} />
        <Text size="sm" c="dimmed">
          {t('open.participationHint')}
        </Text>
        <Group gap="sm">
          {round.invitedMe && !round.answeredByMe ? (
            <Button
              component={Link}
              to={`/barometer/invullen/${round.id}`}
              size="md"
              leftSection={<IconPencil size={18} aria-hidden />}
            >
              {t('open.fill')}
            </Button>
          ) : null}
          {round.answeredByMe ? (
            <Badge size="lg" variant="light" color="groei" leftSection={<IconCheck size={14} aria-hidden />}>
              {t('open.answered')}
            </Badge>
          ) : null}
          <Button variant="default" onClick={() => setConfirm(true)}>
            {t('open.close')}
          </Button>
        </Group>
        {!round.invitedMe ? (
          <Alert variant="light" icon={<IconInfoCircle aria-hidden />}>
            {t('open.notInvited')}
          </Alert>
        ) : null}
      </Stack>
      <ConfirmModal
        opened={confirm}
        title={t('open.closeTitle')}
        confirmLabel={t('open.closeConfirm')}
        loading={close.isPending}
        error={close.error}
        onClose={() => {
          setConfirm(false);
          close.reset();
        }}
        onConfirm={() => close.mutate(round.id, { onSuccess: () => setConfirm(false) })}
      >
        {t('open.closeText', { min: minGroupSize, answered: round.answered })}
      </ConfirmModal>
    </Card>
  );
}

const DAYS = [3, 5, 7, 10, 14];

/** What the team's rhythm says about the next round: when it opens by itself, that it is due, or when it will be. */
function NextRound({ data, onOpenSettings }: { data: TeamBarometer; onOpenSettings?: (() => void) | undefined }) {
  const { t } = useTranslation('barometer');
  const { settings, nextRoundOn, dueSince } = data;
  if (settings.autoOpen && nextRoundOn && data.memberCount > 0) {
    return (
      <Stack gap={4}>
        <Text fw={600}>
          <IconCalendarEvent size={16} aria-hidden /> {t('start.autoNext', { date: formatDay(nextRoundOn) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('start.autoText', { days: settings.roundDays })}
        </Text>
      </Stack>
    );
  }
  const autoHint =
    !settings.autoOpen && onOpenSettings && data.abilities.editSettings ? (
      <Group gap="xs" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('start.autoHint')}
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={onOpenSettings}>
          {t('start.autoSettings')}
        </Button>
      </Group>
    ) : null;
  if (dueSince && !settings.autoOpen) {
    return (
      <Stack gap={4}>
        <Text fw={600}>
          <IconAlarm size={16} aria-hidden /> {t('start.due')}
        </Text>
        <Text>{t('start.dueText', { weeks: settings.intervalWeeks, date: formatDay(dueSince) })}</Text>
        {autoHint}
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <Text>
        {t('start.none')} {nextRoundOn ? t('start.suggested', { date: formatDay(nextRoundOn) }) : null}
      </Text>
      {autoHint}
    </Stack>
  );
}

/** No round runs: when the next one opens (or that it is due), and starting one now. */
export function StartRoundCard({ data, onOpenSettings }: { data: TeamBarometer; onOpenSettings?: () => void }) {
  const { t } = useTranslation('barometer');
  const start = useStartRound(data.team.id);
  const [days, setDays] = useState(String(data.settings.roundDays));
  const dayOptions = [...new Set([...DAYS, data.settings.roundDays])].sort((a, b) => a - b);
  const min = Math.max(data.settings.minGroupSize, data.settings.schoolMinGroupSize, 3);
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="start-round">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="start-round">
          {t('start.title')}
        </Title>
        <NextRound data={data} onOpenSettings={onOpenSettings} />
        {data.memberCount === 0 ? (
          <Text c="dimmed">{t('start.noMembers')}</Text>
        ) : data.memberCount < min ? (
          <Alert variant="light" color="yellow" icon={<IconInfoCircle aria-hidden />}>
            {t('start.small', { count: data.memberCount, min })}
          </Alert>
        ) : null}
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t('start.days')}
            value={days}
            onChange={(e) => setDays(e.currentTarget.value)}
            data={dayOptions.map((d) => ({ value: String(d), label: t('start.daysValue', { count: d }) }))}
          />
          <Button
            leftSection={<IconPlayerPlay size={18} aria-hidden />}
            disabled={!data.abilities.start}
            loading={start.isPending}
            onClick={() =>
              start.mutate(
                { closesInDays: Number(days) },
                {
                  onSuccess: () =>
                    notifications.show({
                      color: 'groei',
                      icon: <IconCheck size={18} aria-hidden />,
                      message: t('start.started'),
                    }),
                },
              )
            }
          >
            {t('start.button')}
          </Button>
        </Group>
        <FormError error={start.error} />
      </Stack>
    </Card>
  );
}
