import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, NativeSelect, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconInfoCircle, IconPlayerPlay, IconPencil, IconSchool } from '@tabler/icons-react';
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

/** No round runs: start one, with the day the team's rhythm suggests. */
export function StartRoundCard({ data }: { data: TeamBarometer }) {
  const { t } = useTranslation('barometer');
  const start = useStartRound(data.team.id);
  const [days, setDays] = useState('7');
  const min = Math.max(data.settings.minGroupSize, data.settings.schoolMinGroupSize, 3);
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="start-round">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="start-round">
          {t('start.title')}
        </Title>
        <Text>
          {t('start.none')} {data.nextRoundOn ? t('start.suggested', { date: formatDay(data.nextRoundOn) }) : null}
        </Text>
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
            data={DAYS.map((d) => ({ value: String(d), label: t('start.daysValue', { count: d }) }))}
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
