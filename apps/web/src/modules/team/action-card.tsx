import { useEffect, useRef } from 'react';
import { ActionIcon, Badge, Button, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import {
  IconArchive,
  IconArrowDown,
  IconArrowLeft,
  IconArrowRight,
  IconArrowUp,
  IconClockExclamation,
  IconConfetti,
  IconHandStop,
  IconPencil,
  IconTarget,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TeamAction, TeamActionStatus, TeamGoal } from '@groeipad/contracts';
import { formatDay } from './format.ts';

export const COLUMNS: readonly TeamActionStatus[] = ['todo', 'doing', 'done'];

/** To a column, at a place in it (none: at the bottom). */
export type CardMove = { status: TeamActionStatus; position?: number };

/** "Behind schedule" with an icon and text as well as colour. */
export function BehindBadge() {
  const { t } = useTranslation('team');
  return (
    <Badge color="orange" variant="light" tt="none" leftSection={<IconClockExclamation size={14} aria-hidden />}>
      {t('actions.behind')}
    </Badge>
  );
}

/**
 * One improvement action on the board, moved with buttons (keyboard and touch alike): to the previous or next
 * column, or up and down in its own. Done actions can be celebrated and archived.
 */
export function ActionCard({
  action,
  index,
  columnSize,
  goal,
  canEdit,
  focus,
  onMove,
  onEdit,
  onCelebrate,
  onArchive,
}: {
  action: TeamAction;
  index: number;
  columnSize: number;
  goal: TeamGoal | undefined;
  canEdit: boolean;
  /** Take the keyboard focus (after this card was moved). */
  focus: boolean;
  onMove: (to: CardMove) => void;
  onEdit: () => void;
  onCelebrate: () => void;
  onArchive: () => void;
}) {
  const { t } = useTranslation('team');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const column = COLUMNS.indexOf(action.status);
  const prev = COLUMNS[column - 1];
  const next = COLUMNS[column + 1];
  const headingId = `actie-${action.id}`;
  const moveButton = (label: string, icon: React.ReactNode, to: CardMove) => (
    <Tooltip label={label} withArrow openDelay={400}>
      <ActionIcon variant="default" size="lg" aria-label={label} onClick={() => onMove(to)}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );

  return (
    <Card
      withBorder
      radius="md"
      p="sm"
      ref={ref}
      tabIndex={-1}
      component="article"
      aria-labelledby={headingId}
      style={{ outlineOffset: 2 }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap={4}>
          <Title order={4} fz="sm" fw={700} id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {action.title}
          </Title>
          {canEdit ? (
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label={t('actions.edit', { title: action.title })}
              onClick={onEdit}
            >
              <IconPencil size={16} aria-hidden />
            </ActionIcon>
          ) : null}
        </Group>
        <Group gap={6}>
          {action.behindSchedule ? <BehindBadge /> : null}
          {action.helpWanted ? (
            <Badge color="blue" variant="light" tt="none" leftSection={<IconHandStop size={14} aria-hidden />}>
              {t('actions.helpWanted')}
            </Badge>
          ) : null}
          {action.celebratedAt ? (
            <Badge color="groei" variant="light" tt="none" leftSection={<IconConfetti size={14} aria-hidden />}>
              {t('actions.celebrated')}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm">
          {action.owner ? action.owner.displayName : t('actions.noOwner')}
          {action.dueOn ? ` · ${t('actions.due', { date: formatDay(action.dueOn) })}` : ''}
        </Text>
        {action.nextStep ? (
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t('actions.nextStep')}
            </Text>{' '}
            {action.nextStep}
          </Text>
        ) : null}
        {goal ? (
          <Group gap={4} wrap="nowrap">
            <IconTarget size={14} aria-hidden />
            <Text size="xs" c="dimmed" lineClamp={1}>
              {goal.title}
            </Text>
          </Group>
        ) : null}
        {canEdit ? (
          <Group gap={6} mt={4} role="group" aria-label={t('actions.moveGroup', { title: action.title })}>
            {prev
              ? moveButton(
                  t('actions.moveTo', { title: action.title, column: t(`columns.${prev}`) }),
                  <IconArrowLeft size={18} aria-hidden />,
                  {
                    status: prev,
                  },
                )
              : null}
            {index > 0
              ? moveButton(t('actions.moveUp', { title: action.title }), <IconArrowUp size={18} aria-hidden />, {
                  status: action.status,
                  position: index - 1,
                })
              : null}
            {index < columnSize - 1
              ? moveButton(t('actions.moveDown', { title: action.title }), <IconArrowDown size={18} aria-hidden />, {
                  status: action.status,
                  position: index + 1,
                })
              : null}
            {next
              ? moveButton(
                  t('actions.moveTo', { title: action.title, column: t(`columns.${next}`) }),
                  <IconArrowRight size={18} aria-hidden />,
                  {
                    status: next,
                  },
                )
              : null}
          </Group>
        ) : null}
        {canEdit && action.status === 'done' ? (
          <Group gap={6}>
            {!action.celebratedAt ? (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconConfetti size={14} aria-hidden />}
                onClick={onCelebrate}
              >
                {t('actions.celebrate')}
              </Button>
            ) : null}
            <Button size="xs" variant="default" leftSection={<IconArchive size={14} aria-hidden />} onClick={onArchive}>
              {t('actions.archive')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
