import { useState } from 'react';
import { ActionIcon, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconLink, IconMessage2, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DevelopmentEvidence } from '@groeipad/contracts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { formatSize } from './parts.tsx';
import { useDeleteEvidence } from './queries.ts';

/** Where a file of evidence is downloaded; the server decides who may and logs a manager's download. */
export const evidenceFileUrl = (evidenceId: string) => `/api/development/evidence/${evidenceId}/file`;

function EvidenceItem({ item: e }: { item: DevelopmentEvidence }) {
  const { t } = useTranslation('development');
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      {e.url ? (
        <Anchor
          href={e.url}
          target="_blank"
          rel="noopener noreferrer"
          size="sm"
          aria-label={t('evidence.open', { title: e.title })}
        >
          <Group gap={4} wrap="nowrap" component="span">
            <IconLink size={14} aria-hidden />
            {e.title}
          </Group>
        </Anchor>
      ) : (
        <Text size="sm">{e.title}</Text>
      )}
      {e.file ? (
        <Anchor
          href={evidenceFileUrl(e.id)}
          download={e.file.name}
          size="xs"
          aria-label={t('evidence.download', { name: e.file.name, size: formatSize(e.file.size) })}
          style={{ overflowWrap: 'anywhere' }}
        >
          <Group gap={4} wrap="nowrap" component="span">
            <IconDownload size={14} aria-hidden style={{ flexShrink: 0 }} />
            <span>
              {e.file.name} ({formatSize(e.file.size)})
            </span>
          </Group>
        </Anchor>
      ) : null}
      {e.feedbackRoundTitle ? (
        <Group gap={4} wrap="nowrap">
          <IconMessage2 size={14} aria-hidden style={{ flexShrink: 0 }} />
          <Text size="xs" c="dimmed">
            {t('evidence.atRound', { title: e.feedbackRoundTitle })}
          </Text>
        </Group>
      ) : null}
      {e.description ? (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {e.description}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Evidence of a goal or of the plan: links open in a new tab, files download; the owner may delete. */
export function EvidenceList({ items }: { items: DevelopmentEvidence[] }) {
  const { t } = useTranslation('development');
  const remove = useDeleteEvidence();
  const [deleting, setDeleting] = useState<DevelopmentEvidence | null>(null);
  return (
    <>
      <Stack gap={8} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((e) => (
          <Group key={e.id} component="li" gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
            <EvidenceItem item={e} />
            {e.abilities.delete ? (
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('evidence.delete', { title: e.title })}
                onClick={() => setDeleting(e)}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            ) : null}
          </Group>
        ))}
      </Stack>
      <ConfirmModal
        opened={deleting !== null}
        title={t('evidence.deleteTitle')}
        confirmLabel={t('evidence.deleteConfirm')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        {deleting?.file
          ? t('evidence.deleteFileText', { title: deleting.title, name: deleting.file.name })
          : t('evidence.deleteText', { title: deleting?.title ?? '' })}
      </ConfirmModal>
    </>
  );
}
