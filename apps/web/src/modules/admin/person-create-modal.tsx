import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormError } from '../../ui/query-state.tsx';
import {
  applyFieldErrors,
  EMPTY_PERSON,
  inputOf,
  PersonFields,
  requiredRules,
  type PersonFormValues,
} from './person-fields.tsx';
import { useCreatePerson } from './queries.ts';
import { AppModal } from '../../ui/app-modal.tsx';

export function PersonCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const form = useForm<PersonFormValues>({
    mode: 'controlled',
    initialValues: EMPTY_PERSON,
    validate: requiredRules(t),
  });

  const close = () => {
    create.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    create.mutate(inputOf(values), {
      onSuccess: (person) => {
        notifications.show({
          color: 'groei',
          icon: <IconCheck size={18} aria-hidden />,
          message: t('people.created', { name: person.displayName }),
        });
        form.reset();
        close();
        void navigate(`/beheer/medewerkers/${person.id}`);
      },
      onError: (error) => applyFieldErrors(form, error),
    });
  });

  return (
    <AppModal opened={opened} onClose={close} title={t('people.newTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('people.newIntro')}
          </Text>
          <FormError error={create.error} />
          <PersonFields form={form} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('people.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
