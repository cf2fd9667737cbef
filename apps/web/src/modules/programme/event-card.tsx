import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconMapPin, IconPencil, IconTrash, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { YearPlanEvent } from '@groeipad/contracts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { EventEditModal } from './event-form.tsx';
import { formatMoment } from './format.ts';
import { useDeleteEvent, useRegistration } from './queries.ts';

const done = (message: string) =>
  notifications.show({ color: 'groei', icon: <IconCheck size={18} aria-hidden />, message });

/**
 * One date of the year plan or one pizzasessie: when and where, places, registering, changing it, and deleting it
 * (asked first). A linking session is moved on its programme's page: its card points there.
 */
export function EventCard({ event }: { event: YearPlanEvent }) {
  const { t } = useTranslation('programme');
  const registration = useRegistration();
  const remove = useDeleteEvent();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [editing, setEditing] = useState(false);
  const headingId = `datum-${event.id}`;
  const full = event.capacity !== null && event.registered >= event.capacity;
  const register = (yes: boolean) =>
    registration.mutate(
      { id: event.id, register: yes },
      {
        onSuccess: () => {
          setConfirmLeave(false);
          done(yes ? t('pizza.registered') : t('pizza.unregistered'));
        },
      },
    );
  return (
    <Card withBorder radius="md" p="md" component="article" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6}>
              <Badge variant="light" tt="none" color={event.kind === 'pizza' ? 'orange' : 'blue'}>
                {t(`yearPlan.kinds.${event.kind}`)}
              </Badge>
              {event.registeredByMe ? (
                <Badge variant="filled" color="groei" tt="none">
                  {t('pizza.youAreRegistered')}
                </Badge>
              ) : null}
            </Group>
            <Title order={3} fz="md" id={headingId}>
              {event.title}
            </Title>
            <Text size="sm">{formatMoment(event.startsAt)}</Text>
            {event.location ? (
              <Group gap={4} wrap="nowrap">
                <IconMapPin size={14} aria-hidden />
                <Text size="sm">{event.location}</Text>
              </Group>
            ) : null}
          </Stack>
          <Group gap={4} wrap="nowrap">
            {event.abilities.edit ? (
              <ActionIcon
                variant="subtle"
                aria-label={t('yearPlan.editLabel', { title: event.title })}
                onClick={() => setEditing(true)}
              >
                <IconPencil size={18} aria-hidden />
              </ActionIcon>
            ) : null}
            {event.abilities.delete ? (
              <ActionIcon
                variant="subtle"
                color="red.8"
                aria-label={t('yearPlan.deleteLabel', { title: event.title })}
                onClick={() => setConfirmDelete(true)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            ) : null}
          </Group>
        </Group>
        {event.kind === 'linking' && event.abilities.delete && event.team ? (
          <Anchor component={Link} to={`/team/${event.team.id}/programma`} size="sm">
            {t('yearPlan.moveLinking', { team: event.team.name })}
          </Anchor>
        ) : null}
        {event.description ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {event.description}
          </Text>
        ) : null}
        {event.kind === 'pizza' ? (
          <>
            <Group gap={6} wrap="nowrap">
              <IconUsers size={14} aria-hidden />
              <Text size="sm">
                {event.capacity !== null
                  ? t('pizza.places', { registered: event.registered, capacity: event.capacity })
                  : t('pizza.registeredCount', { count: event.registered })}
              </Text>
              {full ? (
                <Badge color="red.8" variant="light" tt="none">
                  {t('pizza.full')}
                </Badge>
              ) : null}
            </Group>
            {registration.error ? <FormError error={registration.error} /> : null}
            {event.abilities.register ? (
              event.registeredByMe ? (
                <Button
                  size="xs"
                  variant="default"
                  style={{ alignSelf: 'flex-start' }}
                  aria-label={t('pizza.unregisterFor', { title: event.title })}
                  onClick={() => setConfirmLeave(true)}
                >
                  {t('pizza.unregister')}
                </Button>
              ) : (
                <Button
                  size="xs"
                  style={{ alignSelf: 'flex-start' }}
                  disabled={full}
                  loading={registration.isPending}
                  aria-label={t('pizza.registerFor', { title: event.title })}
                  onClick={() => register(true)}
                >
                  {t('pizza.register')}
                </Button>
              )
            ) : null}
            {event.registrants ? (
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {t('pizza.registrants')}
                </Text>
                {event.registrants.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('pizza.noRegistrants')}
                  </Text>
                ) : (
                  <List size="sm" spacing={0}>
                    {event.registrants.map((p) => (
                      <List.Item key={p.id}>{p.displayName}</List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            ) : null}
          </>
        ) : null}
      </Stack>
      {editing ? <EventEditModal event={event} onClose={() => setEditing(false)} /> : null}
      <ConfirmModal
        opened={confirmDelete}
        title={t('yearPlan.deleteTitle', { title: event.title })}
        confirmLabel={t('yearPlan.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(event.id, {
            onSuccess: () => {
              setConfirmDelete(false);
              done(t('yearPlan.deleted'));
            },
          })
        }
      >
        {t('yearPlan.deleteText')}
      </ConfirmModal>
      <ConfirmModal
        opened={confirmLeave}
        title={t('pizza.unregisterTitle', { title: event.title })}
        confirmLabel={t('pizza.unregister')}
        loading={registration.isPending}
        error={registration.error}
        onClose={() => setConfirmLeave(false)}
        onConfirm={() => register(false)}
      >
        {t('pizza.unregisterText')}
      </ConfirmModal>
    </Card>
  );
}
