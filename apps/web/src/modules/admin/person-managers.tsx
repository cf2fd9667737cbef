import { useEffect, useMemo, useState } from 'react';
import { Button, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { PeopleRefs } from '../../ui/person-facts.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { usePeopleSearch, useSetManagers } from './queries.ts';

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Leidinggevende(n): a searchable picker that asks the server, since a board can have thousands of people. */
export function PersonManagers({ person }: { person: PersonDetail }) {
  const { t } = useTranslation('admin');
  const save = useSetManagers(person.id);
  const current = person.managers.map((m) => m.id);
  const [selected, setSelected] = useState<string[]>(current);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const results = usePeopleSearch(debounced);
  const [known, setKnown] = useState<Record<string, { name: string; email: string }>>({});

  useEffect(() => {
    setSelected(person.managers.map((m) => m.id));
    // Reset only when the stored managers change (after a save or another person).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [person.id, person.managers.map((m) => m.id).join(',')]);

  useEffect(() => {
    const labels: Record<string, { name: string; email: string }> = {};
    for (const m of person.managers) labels[m.id] = { name: m.displayName, email: m.email };
    for (const p of results.data?.items ?? []) labels[p.id] = { name: p.displayName, email: p.email };
    setKnown((prev) => ({ ...prev, ...labels }));
  }, [person.managers, results.data]);

  const data = useMemo(() => {
    const ids = new Set([...selected, ...(results.data?.items ?? []).map((p) => p.id)]);
    ids.delete(person.id);
    return [...ids].filter((id) => known[id]).map((id) => ({ value: id, label: known[id]?.name ?? id }));
  }, [selected, results.data, known, person.id]);

  if (!person.abilities.manageRoles) {
    return <PeopleRefs people={person.managers} empty={t('managers.none')} linkToAdmin />;
  }

  const fieldError = isApiError(save.error) ? save.error.fieldErrors().managerIds : undefined;

  return (
    <Stack gap="sm">
      <FormError error={save.error && !fieldError ? save.error : null} />
      <MultiSelect
        label={t('managers.label')}
        description={t('managers.hint')}
        placeholder={selected.length === 0 ? t('managers.placeholder') : undefined}
        data={data}
        value={selected}
        onChange={setSelected}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        renderOption={({ option }) => (
          <div>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {known[option.value]?.email}
            </Text>
          </div>
        )}
        nothingFoundMessage={results.isFetching ? t('managers.searching') : t('managers.nothingFound')}
        maxValues={10}
        clearable
        error={fieldError}
      />
      <Group justify="flex-end">
        <Button
          variant="light"
          disabled={sameSet(selected, current)}
          loading={save.isPending}
          onClick={() =>
            save.mutate(selected, {
              onSuccess: () =>
                notifications.show({
                  color: 'groei',
                  icon: <IconCheck size={18} aria-hidden />,
                  message: t('managers.saved'),
                }),
            })
          }
        >
          {t('managers.save')}
        </Button>
      </Group>
    </Stack>
  );
}
