import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FeedbackQuestionnaire } from '@groeipad/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { AnswerForm } from './answer-form.tsx';
import type { Draft } from './builder-draft.ts';

/** A question (itemId) or a whole section (itemId null) the user asked to remove. */
export type Removal = { sectionId: string; itemId: string | null };

/** Someone else saved while this draft was being edited: keep these edits over theirs, or take theirs. */
export function StaleAlert(props: { overwriting: boolean; onOverwrite: () => void; onDiscard: () => void }) {
  const { t } = useTranslation('feedback');
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('builder.staleTitle')}
      role="alert"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('builder.stale')}</Text>
        <Group gap="xs">
          <Button
            size="xs"
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            loading={props.overwriting}
            onClick={props.onOverwrite}
          >
            {t('builder.overwrite')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={props.onDiscard}
          >
            {t('builder.discard')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

type RemovalWords = { removal: Removal; title: string; what: string; rounds: string };

/** The removal named ("Vraag 3 verwijderen?", its text) and what it means for rounds that already started. */
function useRemovalWords() {
  const { t } = useTranslation('feedback');
  return (draft: Draft, removal: Removal, published: boolean): RemovalWords => {
    const section = draft.sections.find((s) => s.id === removal.sectionId);
    if (removal.itemId) {
      const index = section?.items.findIndex((i) => i.id === removal.itemId) ?? -1;
      const text = section?.items[index]?.text.trim();
      return {
        removal,
        title: t('builder.removeItemTitle', { number: index + 1 }),
        what: text ? t('builder.removeItemText', { text }) : t('builder.removeItemEmpty'),
        rounds: published ? t('builder.removeItemPublished') : t('builder.removeDraft'),
      };
    }
    const count = section?.items.length ?? 0;
    return {
      removal,
      title: t('builder.removeSectionTitle', { title: section?.title ?? '' }),
      what: count > 0 ? t('builder.removeSectionText', { count }) : t('builder.removeSectionEmpty'),
      rounds: published ? t('builder.removeSectionPublished') : t('builder.removeDraft'),
    };
  };
}

type Props = {
  q: FeedbackQuestionnaire;
  draft: Draft;
  dirty: boolean;
  dialog: 'preview' | 'publish' | 'archive' | 'discard' | null;
  removal: Removal | null;
  statusBusy: boolean;
  statusError: unknown;
  onClose: () => void;
  onStatus: (action: 'publish' | 'archive') => void;
  onDiscard: () => void;
  onRemoveCancel: () => void;
  onRemove: (removal: Removal) => void;
};

/** The builder's dialogs: preview, publish, archive, throw away edits, and the question before a removal. */
export function BuilderDialogs(props: Props) {
  const { t } = useTranslation('feedback');
  const { q, draft, dialog, removal } = props;
  const removalWords = useRemovalWords();
  // Named when asked, and kept while the dialog fades out: by then the draft no longer holds what was removed.
  const [shown, setShown] = useState<RemovalWords | null>(null);
  if (removal && removal !== shown?.removal) setShown(removalWords(draft, removal, q.status === 'published'));
  const status = dialog === 'publish' || dialog === 'archive' ? dialog : null;
  const [lastStatus, setLastStatus] = useState(status);
  if (status && status !== lastStatus) setLastStatus(status);
  const archive = lastStatus === 'archive';

  return (
    <>
      <AppModal opened={dialog === 'preview'} onClose={props.onClose} title={t('builder.previewTitle')} size="lg">
        <AnswerForm
          form={{
            title: draft.name,
            message: '',
            subjectFirstName: t('builder.previewName'),
            schoolName: q.schoolName,
            raterGroup: 'collega',
            closesOn: '',
            instrument: draft,
            anonymous: true,
          }}
          submitting={false}
          error={null}
          onSubmit={props.onClose}
        />
      </AppModal>
      <ConfirmModal
        opened={status !== null}
        title={archive ? t('builder.archiveTitle') : t('builder.publishTitle')}
        confirmLabel={archive ? t('builder.archive') : t('builder.publish')}
        danger={archive}
        loading={props.statusBusy}
        error={props.statusError}
        onClose={props.onClose}
        onConfirm={() => status && props.onStatus(status)}
      >
        <Stack gap="xs">
          <Text>{archive ? t('builder.archiveText') : t('builder.publishText')}</Text>
          {props.dirty ? (
            <Text size="sm" fw={600}>
              {archive ? t('builder.archiveUnsaved') : t('builder.publishUnsaved')}
            </Text>
          ) : null}
        </Stack>
      </ConfirmModal>
      <ConfirmModal
        opened={dialog === 'discard'}
        title={t('builder.discardTitle')}
        confirmLabel={t('builder.discard')}
        danger
        onClose={props.onClose}
        onConfirm={props.onDiscard}
      >
        {t('builder.discardText')}
      </ConfirmModal>
      <ConfirmModal
        opened={removal !== null}
        title={shown?.title ?? ''}
        confirmLabel={t('builder.remove')}
        danger
        onClose={props.onRemoveCancel}
        onConfirm={() => removal && props.onRemove(removal)}
      >
        <Stack gap="xs">
          <Text>{shown?.what}</Text>
          <Text size="sm" c="dimmed">
            {shown?.rounds}
          </Text>
        </Stack>
      </ConfirmModal>
    </>
  );
}
