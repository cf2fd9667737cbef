import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { BOARD_ROLES, type Membership, type PersonDetail, type Role } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { ALL_ROLES, membershipPlace, roleLabel } from '../../ui/roles.ts';
import { useAddMembership, useRemoveMembership, useSchools, useTeams } from './queries.ts';

type RoleFormValues = { role: Role | null; schoolId: string | null; teamId: string | null };

function AddRoleForm({ person }: { person: PersonDetail }) {
  const { t } = useTranslation('admin');
  const add = useAddMembership(person.id);
  const schools = useSchools();
  const teams = useTeams();
  const form = useForm<RoleFormValues>({
    mode: 'controlled',
    initialValues: { role: null, schoolId: null, teamId: null },
    validate: {
      role: (v) => (v ? null : t('roles.chooseRole')),
      schoolId: (v, values) =>
        values.role && !BOARD_ROLES.includes(values.role) && !v ? t('roles.chooseSchool') : null,
    },
  });
  const boardRole = form.values.role !== null && BOARD_ROLES.includes(form.values.role);
  const teamOptions = (teams.data ?? [])
    .filter((team) => team.schoolId === form.values.schoolId)
    .map((team) => ({ value: team.id, label: team.name }));

  const submit = form.onSubmit((v) => {
    if (!v.role) return;
    add.mutate(
      { role: v.role, schoolId: boardRole ? null : v.schoolId, teamId: boardRole ? null : v.teamId },
      {
        onSuccess: () => {
          notifications.show({
            color: 'groei',
            icon: <IconCheck size={18} aria-hidden />,
            message: t('roles.added', { role: roleLabel(v.role as Role) }),
          });
          form.reset();
        },
        onError: (error) => {
          const fields = isApiError(error) ? error.fieldErrors() : {};
          for (const key of ['role', 'schoolId', 'teamId'] as const)
            if (fields[key]) form.setFieldError(key, fields[key]);
        },
      },
    );
  });

  return (
    <Paper withBorder p="md" radius="md" bg="gray.0">
      <form onSubmit={submit} noValidate aria-labelledby="rol-toevoegen">
        <Stack gap="sm">
          <Title order={3} fz="md" id="rol-toevoegen">
            {t('roles.addTitle')}
          </Title>
          <FormError error={add.error && !isApiError(add.error, 'validation') ? add.error : null} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('roles.role')}
              placeholder={t('roles.chooseRole')}
              data={ALL_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
              {...form.getInputProps('role')}
              onChange={(v) => {
                form.setFieldValue('role', v as Role | null);
                if (v && BOARD_ROLES.includes(v as Role)) {
                  form.setFieldValue('schoolId', null);
                  form.setFieldValue('teamId', null);
                }
              }}
              required
            />
            <Select
              label={t('roles.school')}
              placeholder={boardRole ? t('roles.boardWide') : t('roles.chooseSchool')}
              description={boardRole ? t('roles.boardRoleHint') : undefined}
              data={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              disabled={boardRole}
              searchable
              {...form.getInputProps('schoolId')}
              onChange={(v: string | null) => {
                form.setFieldValue('schoolId', v);
                form.setFieldValue('teamId', null);
              }}
            />
            <Select
              label={t('roles.team')}
              placeholder={t('roles.noTeam')}
              data={teamOptions}
              disabled={boardRole || !form.values.schoolId}
              clearable
              searchable
              {...form.getInputProps('teamId')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button
              type="submit"
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              loading={add.isPending}
            >
              {t('roles.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function PersonRoles({ person }: { person: PersonDetail }) {
  const { t } = useTranslation('admin');
  const remove = useRemoveMembership(person.id);
  const [removing, setRemoving] = useState<Membership | null>(null);
  const canManage = person.abilities.manageRoles;

  return (
    <Stack gap="md">
      {person.memberships.length === 0 ? (
        <Text c="dimmed">{t('roles.none')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {person.memberships.map((m) => (
            <Group key={m.id} component="li" justify="space-between" wrap="nowrap" gap="sm">
              <Group gap="sm" wrap="wrap" style={{ minWidth: 0 }}>
                <Badge variant="light" color="groei" tt="none" size="lg">
                  {roleLabel(m.role)}
                </Badge>
                <Text size="sm">{membershipPlace(m)}</Text>
              </Group>
              {canManage ? (
                <ActionIcon
                  variant="subtle"
                  color="red.8"
                  onClick={() => setRemoving(m)}
                  aria-label={t('roles.removeLabel', { role: roleLabel(m.role), place: membershipPlace(m) })}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      {canManage ? <AddRoleForm person={person} /> : null}
      <ConfirmModal
        opened={removing !== null}
        title={t('roles.removeTitle')}
        confirmLabel={t('roles.remove')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              setRemoving(null);
              notifications.show({
                color: 'groei',
                icon: <IconCheck size={18} aria-hidden />,
                message: t('roles.removed'),
              });
            },
          })
        }
      >
        {removing
          ? t('roles.removeText', {
              name: person.displayName,
              role: roleLabel(removing.role),
              place: membershipPlace(removing),
            })
          : null}
      </ConfirmModal>
    </Stack>
  );
}
