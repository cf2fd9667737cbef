import { useEffect } from 'react';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { School, SchoolKind, Team, TeamKind } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { FormError } from '../../ui/query-state.tsx';
import { SCHOOL_KINDS, TEAM_KINDS } from '../../ui/roles.ts';
import { useSaveSchool, useSaveTeam } from './queries.ts';
import { AppModal } from '../../ui/app-modal.tsx';

type SchoolValues = { name: string; kind: SchoolKind; brin: string };

/** Create (school undefined) or edit a school. */
export function SchoolFormModal({
  opened,
  school,
  onClose,
}: {
  opened: boolean;
  school?: School;
  onClose: () => void;
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const save = useSaveSchool();
  const form = useForm<SchoolValues>({
    mode: 'controlled',
    initialValues: { name: '', kind: 'po', brin: '' },
    validate: { name: (v) => (v.trim() ? null : t('person.required')) },
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues({ name: school?.name ?? '', kind: school?.kind ?? 'po', brin: school?.brin ?? '' });
    form.resetDirty();
    form.clearErrors();
    save.reset();
    // Fill the form each time the modal opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, school?.id]);

  const submit = form.onSubmit((v) => {
    const body = { name: v.name.trim(), kind: v.kind, brin: v.brin.trim().toUpperCase() || null };
    save.mutate(school ? { id: school.id, body: { ...body, version: school.version } } : { body }, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'groei',
          icon: <IconCheck size={18} aria-hidden />,
          message: t('schools.saved', { name: saved.name }),
        });
        onClose();
      },
      onError: (error) => {
        const fields = isApiError(error) ? error.fieldErrors() : {};
        for (const key of ['name', 'kind', 'brin'] as const) if (fields[key]) form.setFieldError(key, fields[key]);
      },
    });
  });

  return (
    <AppModal opened={opened} onClose={onClose} title={school ? t('schools.editTitle') : t('schools.newTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={save.error && !isApiError(save.error, 'validation') ? save.error : null} />
          <TextInput label={t('schools.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('schools.kind')}
            data={SCHOOL_KINDS.map((k) => ({ value: k, label: tc(`schoolKindsLong.${k}`) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <TextInput
            label={t('schools.brin')}
            description={t('schools.brinHint')}
            maxLength={6}
            {...form.getInputProps('brin')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {tc('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

type TeamValues = { name: string; kind: TeamKind };

/** Create a team in a school, or edit one. */
export function TeamFormModal({
  opened,
  school,
  team,
  onClose,
}: {
  opened: boolean;
  school: School | null;
  team?: Team;
  onClose: () => void;
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const save = useSaveTeam();
  const form = useForm<TeamValues>({
    mode: 'controlled',
    initialValues: { name: '', kind: 'onderwijs' },
    validate: { name: (v) => (v.trim() ? null : t('person.required')) },
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues({ name: team?.name ?? '', kind: team?.kind ?? 'onderwijs' });
    form.resetDirty();
    form.clearErrors();
    save.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, team?.id]);

  const submit = form.onSubmit((v) => {
    const name = v.name.trim();
    const request = team
      ? { id: team.id, body: { name, kind: v.kind, version: team.version } }
      : { body: { schoolId: school?.id ?? '', name, kind: v.kind } };
    save.mutate(request, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'groei',
          icon: <IconCheck size={18} aria-hidden />,
          message: t('teams.saved', { name: saved.name }),
        });
        onClose();
      },
      onError: (error) => {
        const fields = isApiError(error) ? error.fieldErrors() : {};
        for (const key of ['name', 'kind'] as const) if (fields[key]) form.setFieldError(key, fields[key]);
      },
    });
  });

  const title = team ? t('teams.editTitle') : t('teams.newTitle', { school: school?.name ?? '' });
  return (
    <AppModal opened={opened} onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={save.error && !isApiError(save.error, 'validation') ? save.error : null} />
          <TextInput label={t('teams.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('teams.kind')}
            description={t('teams.kindHint')}
            data={TEAM_KINDS.map((k) => ({ value: k, label: tc(`teamKinds.${k}`) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {tc('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
