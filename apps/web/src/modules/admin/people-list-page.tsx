import { useEffect, useState } from 'react';
import { Button, Group, Loader, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import { Empty } from '../../ui/empty.tsx';
import { formatNumber } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { Paging } from '../../ui/paging.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { PersonCreateModal } from './person-create-modal.tsx';
import { PeopleTable } from './people-table.tsx';
import { PEOPLE_PAGE_SIZE, usePeople, useSchools, useTeams, type PeopleFilter } from './queries.ts';

type ActiveFilter = PeopleFilter['active'];

function readFilter(params: URLSearchParams): PeopleFilter {
  const status = params.get('status');
  const active: ActiveFilter = status === 'inactief' ? 'false' : status === 'alle' ? 'all' : 'true';
  const page = Number(params.get('pagina') ?? '1');
  return {
    search: params.get('zoek') ?? '',
    schoolId: params.get('school') ?? '',
    teamId: params.get('team') ?? '',
    active,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

const STATUS_PARAM: Record<ActiveFilter, string | null> = { true: null, false: 'inactief', all: 'alle' };

export default function PeopleListPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const [search, setSearch] = useState(filter.search);
  const [debounced] = useDebouncedValue(search, 250);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const canCreate = me.abilities.createPeople;
  const canImport = me.abilities.importStaff;

  const people = usePeople(filter);
  const schools = useSchools();
  const teams = useTeams();

  /** Changes some filters in the URL; any filter change starts again at page 1. */
  const update = (changes: Record<string, string | null>, keepPage = false) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!keepPage) next.delete('pagina');
        return next;
      },
      { replace: true },
    );
  };

  useEffect(() => {
    if (debounced.trim() !== filter.search.trim()) update({ zoek: debounced.trim() || null });
    // Only the debounced text drives the URL; the URL never overwrites what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const schoolOptions = (schools.data ?? []).map((s) => ({ value: s.id, label: s.name }));
  const teamOptions = (teams.data ?? [])
    .filter((team) => !filter.schoolId || team.schoolId === filter.schoolId)
    .map((team) => ({ value: team.id, label: filter.schoolId ? team.name : `${team.name} (${team.schoolName})` }));

  const data = people.data;
  const countLabel = data ? t('people.count', { count: data.total, formatted: formatNumber(data.total) }) : '';

  return (
    <Page
      title={t('people.title')}
      description={t('people.intro')}
      actions={
        canCreate || canImport ? (
          <>
            {canImport ? (
              <Button
                component={Link}
                to="/beheer/import"
                variant="default"
                leftSection={<IconFileImport size={18} aria-hidden />}
              >
                {t('people.import')}
              </Button>
            ) : null}
            {canCreate ? (
              <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={openCreate}>
                {t('people.new')}
              </Button>
            ) : null}
          </>
        ) : null
      }
    >
      <Paper withBorder p="md" radius="md" role="search" aria-label={t('people.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput
            label={t('people.search')}
            placeholder={t('people.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            type="search"
          />
          <Select
            label={t('people.school')}
            placeholder={t('people.allSchools')}
            data={schoolOptions}
            value={filter.schoolId || null}
            onChange={(v) => update({ school: v, team: null })}
            clearable
            searchable
          />
          <Select
            label={t('people.team')}
            placeholder={t('people.allTeams')}
            data={teamOptions}
            value={filter.teamId || null}
            onChange={(v) => update({ team: v })}
            clearable
            searchable
          />
          <Select
            label={t('people.status')}
            data={[
              { value: 'true', label: t('status.active') },
              { value: 'false', label: t('status.inactive') },
              { value: 'all', label: t('status.all') },
            ]}
            value={filter.active}
            onChange={(v) => update({ status: STATUS_PARAM[v ?? 'true'] })}
            allowDeselect={false}
          />
        </SimpleGrid>
      </Paper>

      <Stack gap="sm">
        <Group gap="xs" mih={24}>
          <span role="status" aria-live="polite" style={{ fontWeight: 600 }}>
            {countLabel}
          </span>
          {people.isFetching && data ? <Loader size="xs" aria-label={tc('status.loading')} /> : null}
        </Group>
        {people.isPending ? <PageLoader /> : null}
        {people.isError ? <QueryError error={people.error} onRetry={() => void people.refetch()} /> : null}
        {data && data.total === 0 ? (
          <Empty
            icon={<IconUsers size={28} aria-hidden />}
            title={
              filter.search || filter.schoolId || filter.teamId ? t('people.noMatchTitle') : t('people.emptyTitle')
            }
            description={filter.search || filter.schoolId || filter.teamId ? t('people.noMatch') : t('people.empty')}
            action={
              canCreate ? (
                <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={openCreate}>
                  {t('people.new')}
                </Button>
              ) : null
            }
          />
        ) : null}
        {data && data.total > 0 ? (
          <Paper withBorder radius="md" style={{ overflow: 'hidden', opacity: people.isPlaceholderData ? 0.7 : 1 }}>
            <PeopleTable people={data.items} />
          </Paper>
        ) : null}
        {data ? (
          <Paging
            page={filter.page}
            pageSize={PEOPLE_PAGE_SIZE}
            total={data.total}
            onChange={(page) => update({ pagina: page > 1 ? String(page) : null }, true)}
          />
        ) : null}
      </Stack>
      {canCreate ? <PersonCreateModal opened={creating} onClose={closeCreate} /> : null}
    </Page>
  );
}
