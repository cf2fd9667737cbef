import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArchive, IconDownload, IconEye, IconPlus, IconTarget, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { LibraryItem, LibraryVersion } from '@groeipad/contracts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { PageLoader } from '../../ui/query-state.tsx';
import { formatSize } from '../development/parts.tsx';
import { saved } from '../team/form-parts.tsx';
import { NewVersionModal } from './library-modals.tsx';
import { PageError } from './parts.tsx';
import { libraryFileUrl, useArchiveLibraryItem, useLibraryItem, useLibraryVersion } from './queries.ts';

function FileLink({ teamId, item, version }: { teamId: string; item: LibraryItem; version: LibraryVersion }) {
  const { t } = useTranslation('preparations');
  if (!version.file) return null;
  return (
    <Anchor href={libraryFileUrl(teamId, item.id, version.number)} download={version.file.name}>
      <Group gap={6} wrap="nowrap" component="span">
        <IconDownload size={16} aria-hidden />
        <span>
          {t('item.download', {
            name: version.file.name,
            size: formatSize(version.file.size),
          })}
        </span>
      </Group>
    </Anchor>
  );
}

/** The text (and file) of one version; the current one comes with the item, older ones are read on request. */
function VersionView({ teamId, item, number }: { teamId: string; item: LibraryItem; number: number }) {
  const { t } = useTranslation('preparations');
  const older = useLibraryVersion(teamId, item.id, number === item.currentVersion ? null : number);
  const meta = item.versions.find((v) => v.number === number);
  const body = number === item.currentVersion ? item.body : older.data?.body;
  if (!meta) return null;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id="version-shown">
          {number === item.currentVersion
            ? t('item.currentVersion', { number })
            : t('item.olderVersion', { number, current: item.currentVersion })}
        </Title>
        {number !== item.currentVersion ? (
          <Alert color="yellow" variant="light">
            {t('item.olderNote')}
          </Alert>
        ) : null}
        {body === undefined ? (
          <PageLoader />
        ) : (
          <Text style={{ whiteSpace: 'pre-wrap' }}>{body || t('item.noText')}</Text>
        )}
        <FileLink teamId={teamId} item={item} version={meta} />
      </Stack>
    </Paper>
  );
}

/** One product of the library with its version history: who changed what, when; every version can be opened. */
export default function LibraryItemPage() {
  const { teamId = '', itemId = '' } = useParams();
  const { t } = useTranslation('preparations');
  const query = useLibraryItem(teamId, itemId);
  const archive = useArchiveLibraryItem(teamId, itemId);
  const [shown, setShown] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [archiving, setArchiving] = useState(false);

  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return <PageError title={t('item.titleUnknown')} error={query.error} onRetry={() => void query.refetch()} />;
  const item = query.data;
  const number = shown ?? item.currentVersion;
  const canEdit = item.abilities.edit && !item.archivedAt;

  return (
    <Page
      title={item.title}
      description={
        <Stack gap={6}>
          <Group gap={6}>
            <Badge variant="outline" color="gray" tt="none">
              {t(`libraryKind.${item.kind}`)}
            </Badge>
            {item.archivedAt ? (
              <Badge variant="light" color="gray" tt="none">
                {t('item.archived')}
              </Badge>
            ) : null}
            {!item.abilities.edit ? (
              <Badge variant="light" color="gray" tt="none" leftSection={<IconEye size={14} aria-hidden />}>
                {t('viewOnly')}
              </Badge>
            ) : null}
          </Group>
          {item.goal ? (
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconTarget size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
              <Text size="sm">{t('goalLine', { goal: item.goal.title })}</Text>
            </Group>
          ) : null}
          {item.preparation ? (
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconUsersGroup size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
              <Text size="sm">
                {t('item.fromPreparation')}{' '}
                <Anchor component={Link} to={`/team/${teamId}/voorbereidingen/${item.preparation.id}`}>
                  {item.preparation.title}
                </Anchor>
              </Text>
            </Group>
          ) : null}
          <Anchor component={Link} to={`/team/${teamId}/bibliotheek`} size="sm">
            {t('item.back')}
          </Anchor>
        </Stack>
      }
      actions={
        canEdit ? (
          <>
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
              {t('item.newVersion')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconArchive size={18} aria-hidden />}
              onClick={() => setArchiving(true)}
            >
              {t('item.archive')}
            </Button>
          </>
        ) : null
      }
    >
      <VersionView key={number} teamId={teamId} item={item} number={number} />
      <section aria-labelledby="version-history">
        <Title order={2} size="h3" id="version-history" mb="sm">
          {t('item.history')}
        </Title>
        <Table.ScrollContainer minWidth={360}>
          <Table verticalSpacing="xs" aria-labelledby="version-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('item.colVersion')}</Table.Th>
                <Table.Th scope="col">{t('item.colChange')}</Table.Th>
                <Table.Th scope="col">{t('item.colWho')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {item.versions.map((v) => (
                <Table.Tr key={v.number}>
                  <Table.Td>
                    {v.number === number ? (
                      <Text fw={700} aria-current="true">
                        {t('item.versionShown', { number: v.number })}
                      </Text>
                    ) : (
                      <Button variant="subtle" size="compact-sm" onClick={() => setShown(v.number)}>
                        {t('item.showVersion', { number: v.number })}
                      </Button>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{v.note}</Text>
                    {v.file ? (
                      <Text size="xs" c="dimmed">
                        {v.file.name}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{v.createdBy?.displayName ?? t('library.someone')}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(v.createdAt)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
      {canEdit && adding ? (
        <NewVersionModal
          opened
          onClose={() => {
            setAdding(false);
            setShown(null);
          }}
          teamId={teamId}
          item={item}
        />
      ) : null}
      <ConfirmModal
        opened={archiving}
        title={t('item.archiveTitle')}
        confirmLabel={t('item.archive')}
        loading={archive.isPending}
        error={archive.error}
        onClose={() => {
          archive.reset();
          setArchiving(false);
        }}
        onConfirm={() =>
          archive.mutate(item.version, {
            onSuccess: () => {
              setArchiving(false);
              saved(t('item.archivedSaved'));
            },
          })
        }
      >
        {t('item.archiveText')}
      </ConfirmModal>
    </Page>
  );
}
