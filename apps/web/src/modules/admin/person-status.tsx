import { useState } from 'react';
import { Badge, Button, Group, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconKey, IconKeyOff, IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { usePerson, useSendInvitation, useUpdatePerson } from './queries.ts';

export function AccountBadge({ hasPassword }: { hasPassword: boolean }) {
  const { t } = useTranslation('admin');
  return hasPassword ? (
    <Badge variant="light" color="groei" tt="none" leftSection={<IconKey size={14} aria-hidden />}>
      {t('account.hasPassword')}
    </Badge>
  ) : (
    <Badge variant="light" color="gray" tt="none" leftSection={<IconKeyOff size={14} aria-hidden />}>
      {t('account.noPassword')}
    </Badge>
  );
}

/** Account: can this person log in, and the invitation e-mail. */
export function PersonStatus({ person }: { person: PersonDetail }) {
  const { t } = useTranslation('admin');
  const update = useUpdatePerson(person.id);
  const invite = useSendInvitation(person.id);
  const latest = usePerson(person.id);
  const [confirming, setConfirming] = useState(false);
  const next = !person.active;

  return (
    <Stack gap="md">
      <Group gap="sm">
        <AccountBadge hasPassword={person.hasPassword} />
        <Text size="sm" c="dimmed">
          {person.hasPassword ? t('account.hasPasswordText') : t('account.noPasswordText')}
        </Text>
      </Group>
      {person.abilities.deactivate ? (
        <Switch
          checked={person.active}
          onChange={() => setConfirming(true)}
          label={t('account.activeLabel')}
          description={person.active ? t('account.activeOn') : t('account.activeOff')}
          size="md"
        />
      ) : null}
      {person.abilities.edit && person.active ? (
        <Stack gap={6} align="flex-start">
          <FormError error={invite.error} />
          <Button
            variant="default"
            leftSection={<IconMailForward size={18} aria-hidden />}
            loading={invite.isPending}
            onClick={() =>
              invite.mutate(undefined, {
                onSuccess: () =>
                  notifications.show({
                    color: 'groei',
                    icon: <IconCheck size={18} aria-hidden />,
                    title: t('account.invited'),
                    message: t('account.invitedText', { email: person.email }),
                  }),
              })
            }
          >
            {t('account.invite')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('account.inviteHint')}
          </Text>
        </Stack>
      ) : null}
      <ConfirmModal
        opened={confirming}
        title={
          next
            ? t('account.activateTitle', { name: person.displayName })
            : t('account.deactivateTitle', { name: person.displayName })
        }
        confirmLabel={next ? t('account.activate') : t('account.deactivate')}
        danger={!next}
        loading={update.isPending}
        error={update.error}
        onClose={() => {
          setConfirming(false);
          update.reset();
        }}
        onConfirm={() =>
          update.mutate(
            { active: next, version: person.version },
            {
              onSuccess: () => {
                setConfirming(false);
                notifications.show({
                  color: 'groei',
                  icon: <IconCheck size={18} aria-hidden />,
                  message: next ? t('account.activated') : t('account.deactivated'),
                });
              },
              // Someone else changed this person: load the latest version so a second try works.
              onError: (error) => {
                if (isApiError(error, 'conflict')) void latest.refetch();
              },
            },
          )
        }
      >
        {next ? t('account.activateText') : t('account.deactivateText')}
      </ConfirmModal>
    </Stack>
  );
}
