import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { FormError } from '../../ui/query-state.tsx';
import {
  applyFieldErrors,
  inputOf,
  PERSON_FIELDS,
  PersonFields,
  requiredRules,
  valuesOf,
  type PersonFormValues,
} from './person-fields.tsx';
import { usePerson, useUpdatePerson } from './queries.ts';

/**
 * The person's details with version-based saving. On a 409 the typed input stays; "reload" fetches
 * the latest version, keeps what the user typed and shows what is stored now, so they can decide.
 */
export function PersonEditForm({ person }: { person: PersonDetail }) {
  const { t } = useTranslation('admin');
  const update = useUpdatePerson(person.id);
  const personQuery = usePerson(person.id);
  const [version, setVersion] = useState(person.version);
  const [conflict, setConflict] = useState(false);
  const [stored, setStored] = useState<PersonFormValues | null>(null);
  const loadedId = useRef(person.id);
  const form = useForm<PersonFormValues>({
    mode: 'controlled',
    initialValues: valuesOf(person),
    validate: requiredRules(t),
  });
  const canEdit = person.abilities.edit;

  useEffect(() => {
    // Another person opened in the same component: start from their stored values.
    if (loadedId.current !== person.id) {
      loadedId.current = person.id;
      form.setValues(valuesOf(person));
      form.resetDirty(valuesOf(person));
      setVersion(person.version);
      setConflict(false);
      setStored(null);
    }
  }, [person, form]);

  const reload = async () => {
    const fresh = await personQuery.refetch();
    if (!fresh.data) return;
    setVersion(fresh.data.version);
    setStored(valuesOf(fresh.data));
    setConflict(false);
    update.reset();
  };

  const submit = form.onSubmit((values) => {
    setConflict(false);
    update.mutate(
      { ...inputOf(values), version },
      {
        onSuccess: (saved) => {
          setVersion(saved.version);
          setStored(null);
          form.setValues(valuesOf(saved));
          form.resetDirty(valuesOf(saved));
          notifications.show({ color: 'groei', icon: <IconCheck size={18} aria-hidden />, message: t('person.saved') });
        },
        onError: (error) => {
          if (isApiError(error, 'conflict') && !error.fieldErrors().email) setConflict(true);
          else applyFieldErrors(form, error);
        },
      },
    );
  });

  const differences = stored ? PERSON_FIELDS.filter((f) => stored[f] !== form.values[f]) : [];

  return (
    <form onSubmit={submit} noValidate aria-labelledby="gegevens-titel">
      <Stack gap="md">
        {conflict ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('person.conflictTitle')}
            role="alert"
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('person.conflict')}</Text>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRefresh size={16} aria-hidden />}
                onClick={() => void reload()}
                loading={personQuery.isFetching}
              >
                {t('person.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <FormError error={update.error && !isApiError(update.error, 'validation') ? update.error : null} />
        )}
        {stored && differences.length > 0 ? (
          <Alert color="blue" variant="light" title={t('person.reloadedTitle')} role="status">
            <Text size="sm" mb={4}>
              {t('person.reloaded')}
            </Text>
            <List size="sm" spacing={2}>
              {differences.map((f) => (
                <List.Item key={f}>
                  {t(`person.${f}`)}: <strong>{stored[f] || t('person.emptyValue')}</strong>
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <PersonFields form={form} readOnly={!canEdit} />
        {canEdit ? (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t('person.save')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('person.readOnly')}
          </Text>
        )}
      </Stack>
    </form>
  );
}
