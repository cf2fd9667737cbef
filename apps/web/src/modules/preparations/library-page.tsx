import { useState } from 'react';
import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBooks, IconEye, IconFile, IconPlus, IconSearch, IconTarget, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LIBRARY_KINDS, type LibraryItemSummary, type LibraryKind } from '@groeipad/contracts';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { PageLoader } from '../../ui/query-state.tsx';
import { formatDay } from '../team/format.ts';
import { NewItemModal } from './library-modals.tsx';
import { PageError } from './parts.tsx';
import { useLibrary } from './queries.ts';
import { localDate } from './time.ts';

function ItemCard({ teamId, item }: { teamId: string; item: LibraryItemSummary }) {
  const { t } = useTranslation('preparations');
  return (
    <Paper withBorder p="md" radius="md" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/team/${teamId}/bibliotheek/${item.id}`} fw={700}>
            {item.title}
          </Anchor>
          <Badge variant="outline" color="gray" tt="none">
            {t(`libraryKind.${item.kind}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('library.currentLine', {
            number: item.currentVersion,
            date: formatDay(localDate(item.current.createdAt)),
            name: item.current.createdBy?.displayName ?? t('library.someone'),
          })}
        </Text>
        {item.current.note ? (
          <Text size="sm" c="dimmed">
            {t('library.noteLine', { note: item.current.note })}
          </Text>
        ) : null}
        {item.goal ? (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconTarget size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
            <Text size="sm">{t('goalLine', { goal: item.goal.title })}</Text>
          </Group>
        ) : null}
        {item.current.file ? (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconFile size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
            <Text size="sm">{item.current.file.name}</Text>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The team library: what the team made together, in its current version; filter by kind and goal, search. */
export default function LibraryPage() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation('preparations');
  const [kind, setKind] = useState<LibraryKind | ''>('');
  const [goalId, setGoalId] = useState('');
  const [search, setSearch] = useState('');
  const [archived, setArchived] = useState(false);
  const [q] = useDebouncedValue(search.trim(), 250);
  const query = useLibrary(teamId, {
    ...(kind ? { kind } : {}),
    ...(goalId ? { goalId } : {}),
    ...(q ? { q } : {}),
    ...(archived ? { archived: 'true' as const } : {}),
  });
  const [adding, setAdding] = useState(false);

  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return <PageError title={t('library.titleUnknown')} error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const canAdd = data.abilities.edit;
  const filtered = Boolean(kind || goalId || q || archived);
  const addButton = canAdd ? (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
      {t('library.add')}
    </Button>
  ) : null;

  return (
    <Page
      title={t('library.title', { team: data.team.name })}
      description={
        <Stack gap={6}>
          <span>{t('library.intro')}</span>
          {!canAdd ? (
            <Group>
              <Badge variant="light" color="gray" tt="none" leftSection={<IconEye size={14} aria-hidden />}>
                {t('viewOnly')}
              </Badge>
            </Group>
          ) : null}
        </Stack>
      }
      actions={
        <>
          <Button
            variant="default"
            component={Link}
            to={`/team/${teamId}/voorbereidingen`}
            leftSection={<IconUsersGroup size={18} aria-hidden />}
          >
            {t('library.toPreparations')}
          </Button>
          {addButton}
        </>
      }
    >
      <Paper withBorder p="sm" radius="md" role="search" aria-label={t('library.filters')}>
        <Group gap="md" align="flex-end" wrap="wrap">
          <TextInput
            label={t('library.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            maxLength={100}
            miw={200}
            style={{ flex: '1 1 14rem' }}
          />
          <NativeSelect
            label={t('libraryForm.kind')}
            data={[
              { value: '', label: t('library.allKinds') },
              ...LIBRARY_KINDS.map((k) => ({ value: k, label: t(`libraryKind.${k}`) })),
            ]}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as LibraryKind | '')}
          />
          {data.goals.length > 0 ? (
            <NativeSelect
              label={t('libraryForm.goal')}
              data={[
                { value: '', label: t('library.allGoals') },
                ...data.goals.map((g) => ({ value: g.id, label: g.title })),
              ]}
              value={goalId}
              onChange={(e) => setGoalId(e.currentTarget.value)}
              maw={320}
            />
          ) : null}
          <Switch
            label={t('library.showArchived')}
            checked={archived}
            onChange={(e) => setArchived(e.currentTarget.checked)}
            mb={8}
          />
        </Group>
      </Paper>
      {data.items.length === 0 ? (
        filtered ? (
          <Text role="status">{t('library.noMatch')}</Text>
        ) : (
          <Empty
            icon={<IconBooks size={28} aria-hidden />}
            title={t('library.emptyTitle')}
            description={t('library.emptyText')}
            action={addButton}
          />
        )
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} aria-label={t('library.listLabel')}>
          {data.items.map((item) => (
            <ItemCard key={item.id} teamId={teamId} item={item} />
          ))}
        </Stack>
      )}
      {canAdd ? (
        <NewItemModal opened={adding} onClose={() => setAdding(false)} teamId={teamId} goals={data.goals} />
      ) : null}
    </Page>
  );
}
