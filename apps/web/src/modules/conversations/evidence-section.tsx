import { useState } from 'react';
import { ActionIcon, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconDownload, IconExternalLink, IconPaperclip, IconTrash } from '@tabler/icons-react';
import type { ConversationDetail } from '@groeipad/contracts';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { formatSize } from '../development/parts.tsx';
import { ConversationEvidenceModal } from './evidence-modal.tsx';
import { evidenceFileUrl, useRemoveEvidence } from './queries.ts';

type Evidence = ConversationDetail['evidence'][number];

function EvidenceItem({ c, e }: { c: ConversationDetail; e: Evidence }) {
  const { t } = useTranslation('conversations');
  return (
    <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
      {e.url ? (
        <Anchor href={e.url} target="_blank" rel="noreferrer noopener" fw={600} size="sm">
          {e.title} <IconExternalLink size={12} aria-hidden />
        </Anchor>
      ) : (
        <Text fw={600} size="sm">
          {e.title}
        </Text>
      )}
      {e.file ? (
        <Anchor
          href={evidenceFileUrl(c.id, e.id)}
          download={e.file.name}
          size="sm"
          aria-label={t('prep.evidenceDownload', { name: e.file.name, size: formatSize(e.file.size) })}
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
      {e.description ? (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {e.description}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * The conversation's evidence: links open in a new tab, files download. The employee adds (a link or a file)
 * and removes while the conversation is open; the others see it once the preparation is shared.
 */
export function EvidenceSection({ c }: { c: ConversationDetail }) {
  const { t } = useTranslation('conversations');
  const remove = useRemoveEvidence(c.id);
  const [open, setOpen] = useState(false);
  const [removing, setRemoving] = useState<Evidence | null>(null);
  if (c.side !== 'employee' && c.preparation.answers === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('prep.evidenceNotShared')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {c.evidence.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('prep.evidenceEmpty')}
        </Text>
      ) : (
        <List spacing="xs" listStyleType="none" p={0}>
          {c.evidence.map((e) => (
            <List.Item key={e.id}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <EvidenceItem c={c} e={e} />
                {c.abilities.manageEvidence ? (
                  <ActionIcon
                    variant="subtle"
                    color="red.8"
                    aria-label={t('prep.evidenceRemove', { title: e.title })}
                    onClick={() => setRemoving(e)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {c.abilities.manageEvidence ? (
        <Group>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPaperclip size={16} aria-hidden />}
            onClick={() => setOpen(true)}
          >
            {t('prep.evidenceAdd')}
          </Button>
        </Group>
      ) : null}
      <ConversationEvidenceModal conversationId={c.id} opened={open} onClose={() => setOpen(false)} />
      <ConfirmModal
        opened={removing !== null}
        title={t('prep.evidenceRemoveTitle')}
        confirmLabel={t('prep.evidenceRemoveConfirm')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
      >
        {removing?.file
          ? t('prep.evidenceRemoveFileText', { title: removing.title, name: removing.file.name })
          : t('prep.evidenceRemoveText', { title: removing?.title ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}
