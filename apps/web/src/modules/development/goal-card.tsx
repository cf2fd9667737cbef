import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCheck,
  IconClockExclamation,
  IconEye,
  IconPaperclip,
  IconLock,
  IconMessages,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DevelopmentGoal } from '@groeipad/contracts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { ActionList } from './action-list.tsx';
import { ActionModal } from './action-modal.tsx';
import { EvidenceList } from './evidence-list.tsx';
import { EvidenceModal } from './evidence-modal.tsx';
import { CheckinModal, GoalModal } from './modals.tsx';
import { formatDay, formatMoment, GoalStatusBadge, today } from './parts.tsx';
import { useDeleteGoal } from './queries.ts';

const WEEK_MS = 7 * 24 * 3600_000;

function Block({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={700}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

type Modal = 'edit' | 'checkin' | 'action' | 'evidence' | 'delete' | null;

/** One goal of a plan: what, how you see it, status, actions, progress and evidence; buttons follow the abilities. */
export function GoalCard({
  goal,
  personId,
  viewer,
  allGoals,
  headingOrder = 3,
}: {
  goal: DevelopmentGoal;
  personId: string;
  viewer: 'owner' | 'manager';
  allGoals: DevelopmentGoal[];
  /** 4 inside the finished-goals list, which has its own h3. */
  headingOrder?: 3 | 4;
}) {
  const { t } = useTranslation('development');
  const [modal, setModal] = useState<Modal>(null);
  const remove = useDeleteGoal();
  const close = () => setModal(null);
  const [latest, ...earlier] = goal.checkins;
  const headingId = `doel-${goal.id}-titel`;
  const staleWeeks = Math.floor((Date.now() - Date.parse(goal.lastProgressAt ?? goal.createdAt)) / WEEK_MS);
  const can = goal.abilities;

  return (
    <Card
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="article"
      id={`doel-${goal.id}`}
      aria-labelledby={headingId}
    >
      <Stack gap="md">
        <Stack gap={6}>
          <Title order={headingOrder} fz="lg" id={headingId}>
            {goal.title}
          </Title>
          <Group gap={6}>
            <GoalStatusBadge status={goal.status} />
            {goal.targetDate ? (
              // Past its date and not finished: say so, whatever the last check-in said.
              goal.targetDate < today() && goal.status !== 'achieved' && goal.status !== 'stopped' ? (
                <Badge variant="light" color="orange" tt="none" size="lg">
                  {t('goal.targetPassed', { date: formatDay(goal.targetDate) })}
                </Badge>
              ) : (
                <Badge variant="outline" color="gray" tt="none" size="lg">
                  {t('goal.target', { date: formatDay(goal.targetDate) })}
                </Badge>
              )
            ) : null}
            {goal.source === 'conversation' ? (
              <Badge
                variant="light"
                color="blue"
                tt="none"
                size="lg"
                leftSection={<IconMessages size={14} aria-hidden />}
                title={t('goal.fromConversationHint')}
              >
                {t('goal.fromConversation')}
              </Badge>
            ) : null}
            {viewer === 'owner' ? (
              <Badge
                variant="light"
                color="gray"
                tt="none"
                size="lg"
                leftSection={
                  goal.visibleToManager ? <IconEye size={14} aria-hidden /> : <IconLock size={14} aria-hidden />
                }
              >
                {goal.visibleToManager ? t('goal.shared') : t('goal.private')}
              </Badge>
            ) : null}
          </Group>
        </Stack>

        {goal.isStale ? (
          <Alert color="orange" variant="light" icon={<IconClockExclamation aria-hidden />} p="xs">
            {t('goal.stale', { count: staleWeeks })}
          </Alert>
        ) : null}

        {goal.measure ? (
          <Block label={t('goal.measure')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {goal.measure}
            </Text>
          </Block>
        ) : null}
        {goal.description ? (
          <Block label={t('goal.description')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {goal.description}
            </Text>
          </Block>
        ) : null}
        {goal.progressEvidence ? (
          <Block label={t('goal.progressEvidence')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {goal.progressEvidence}
            </Text>
          </Block>
        ) : null}

        <Block label={t('goal.actions')}>
          {goal.actions.length > 0 ? (
            <ActionList actions={goal.actions} personId={personId} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('goal.noActions')}
            </Text>
          )}
        </Block>

        <Block label={t('goal.latestCheckin')}>
          {latest ? (
            <Stack gap={4}>
              <Group gap="xs">
                <GoalStatusBadge status={latest.status} />
                <Text size="xs" c="dimmed">
                  {t('goal.checkinBy', { name: latest.author.displayName, date: formatMoment(latest.createdAt) })}
                </Text>
              </Group>
              {latest.note ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {latest.note}
                </Text>
              ) : null}
              {earlier.length > 0 ? (
                <details>
                  <summary style={{ cursor: 'pointer' }}>
                    <Text span size="sm">
                      {t('goal.history', { count: earlier.length })}
                    </Text>
                  </summary>
                  <Stack gap={8} mt={8} pl="sm">
                    {earlier.map((c) => (
                      <Stack key={c.id} gap={2}>
                        <Text size="xs" c="dimmed">
                          {t(`status.${c.status}`)} ·{' '}
                          {t('goal.checkinBy', { name: c.author.displayName, date: formatMoment(c.createdAt) })}
                        </Text>
                        {c.note ? (
                          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                            {c.note}
                          </Text>
                        ) : null}
                      </Stack>
                    ))}
                  </Stack>
                </details>
              ) : null}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('goal.noCheckins')}
            </Text>
          )}
        </Block>

        {goal.evidence.length > 0 ? (
          <Block label={t('goal.evidence')}>
            <EvidenceList items={goal.evidence} />
          </Block>
        ) : null}

        <Group gap="xs">
          {can.checkin ? (
            <Button size="sm" leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setModal('checkin')}>
              {t('goal.report')}
            </Button>
          ) : null}
          {can.addAction ? (
            <Button
              size="sm"
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setModal('action')}
            >
              {t('goal.addAction')}
            </Button>
          ) : null}
          {can.addEvidence ? (
            <Button
              size="sm"
              variant="default"
              leftSection={<IconPaperclip size={16} aria-hidden />}
              onClick={() => setModal('evidence')}
            >
              {t('goal.addEvidence')}
            </Button>
          ) : null}
          {can.edit ? (
            <Button
              size="sm"
              variant="subtle"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setModal('edit')}
            >
              {t('goal.edit')}
            </Button>
          ) : null}
          {can.delete ? (
            <Button
              size="sm"
              variant="subtle"
              color="red"
              c="red.9"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setModal('delete')}
            >
              {t('goal.delete')}
            </Button>
          ) : null}
        </Group>
      </Stack>

      {modal === 'edit' ? <GoalModal opened onClose={close} goal={goal} /> : null}
      {modal === 'checkin' ? <CheckinModal opened onClose={close} goal={goal} /> : null}
      {modal === 'action' ? <ActionModal opened onClose={close} goalId={goal.id} /> : null}
      {modal === 'evidence' ? <EvidenceModal opened onClose={close} goals={allGoals} goalId={goal.id} /> : null}
      <ConfirmModal
        opened={modal === 'delete'}
        title={t('goal.deleteTitle')}
        confirmLabel={t('goal.deleteConfirm')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          close();
        }}
        onConfirm={() =>
          remove.mutate(goal.id, {
            onSuccess: () => {
              notifications.show({ color: 'groei', message: t('goal.deleted') });
              close();
            },
          })
        }
      >
        {t('goal.deleteText', { title: goal.title, checkins: goal.checkins.length, actions: goal.actions.length })}
      </ConfirmModal>
    </Card>
  );
}
