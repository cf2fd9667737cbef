import { useState } from 'react';
import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconListCheck, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TeamAction, TeamBoard } from '@groeipad/contracts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { ActionCard, COLUMNS, type CardMove } from './action-card.tsx';
import { ActionModal } from './action-modal.tsx';
import { saved } from './form-parts.tsx';
import { PartEmpty } from './part-frame.tsx';
import { useArchiveAction, useCelebrateAction, useMoveAction } from './queries.ts';

/** The improvement actions in three columns: to do, doing, done. */
export function ActionsPart({ board }: { board: TeamBoard }) {
  const { t } = useTranslation('team');
  const teamId = board.team.id;
  const canEdit = board.abilities.edit;
  const move = useMoveAction(teamId);
  const celebrate = useCelebrateAction(teamId);
  const archive = useArchiveAction(teamId);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TeamAction | null>(null);
  const [archiving, setArchiving] = useState<TeamAction | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const goals = new Map(board.goals.map((g) => [g.id, g]));
  const byColumn = (status: TeamAction['status']) =>
    board.actions.filter((a) => a.status === status).sort((a, b) => a.position - b.position);

  const onMove = (action: TeamAction, to: CardMove) => {
    setFocusId(action.id);
    move.mutate({ id: action.id, version: action.version, ...to });
  };

  const addButton = canEdit ? (
    <Button
      size="sm"
      variant="light"
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={() => setCreating(true)}
    >
      {t('actions.add')}
    </Button>
  ) : null;

  return (
    <Stack gap="sm">
      {board.actions.length === 0 ? (
        <PartEmpty icon={<IconListCheck aria-hidden />} text={t('actions.empty')} action={addButton} />
      ) : (
        <>
          {addButton ? <Group>{addButton}</Group> : null}
          {move.error ? <FormError error={move.error} /> : null}
          {celebrate.error ? <FormError error={celebrate.error} /> : null}
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            {COLUMNS.map((status) => {
              const cards = byColumn(status);
              const headingId = `kolom-${teamId}-${status}`;
              return (
                <Stack
                  key={status}
                  gap="xs"
                  component="section"
                  aria-labelledby={headingId}
                  p="xs"
                  bg="gray.0"
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                >
                  <Title order={3} fz="sm" id={headingId}>
                    {t(`columns.${status}`)} ({cards.length})
                  </Title>
                  {cards.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t(`columns.${status}Empty`)}
                    </Text>
                  ) : (
                    cards.map((a, i) => (
                      <ActionCard
                        key={a.id}
                        action={a}
                        index={i}
                        columnSize={cards.length}
                        goal={a.goalId ? goals.get(a.goalId) : undefined}
                        canEdit={canEdit}
                        focus={focusId === a.id}
                        onMove={(to) => onMove(a, to)}
                        onEdit={() => setEditing(a)}
                        onCelebrate={() =>
                          celebrate.mutate(
                            { id: a.id, version: a.version },
                            { onSuccess: () => saved(t('actions.celebratedToast', { title: a.title })) },
                          )
                        }
                        onArchive={() => setArchiving(a)}
                      />
                    ))
                  )}
                </Stack>
              );
            })}
          </SimpleGrid>
        </>
      )}
      {canEdit ? (
        <>
          <ActionModal
            key={creating ? 'new-open' : 'new'}
            opened={creating}
            onClose={() => setCreating(false)}
            teamId={teamId}
            members={board.members}
            goals={board.goals}
          />
          {editing ? (
            <ActionModal
              key={editing.id}
              opened
              onClose={() => setEditing(null)}
              teamId={teamId}
              members={board.members}
              goals={board.goals}
              action={editing}
            />
          ) : null}
          <ConfirmModal
            opened={archiving !== null}
            title={t('actions.archiveTitle')}
            confirmLabel={t('actions.archive')}
            loading={archive.isPending}
            error={archive.error}
            onClose={() => {
              archive.reset();
              setArchiving(null);
            }}
            onConfirm={() => {
              if (!archiving) return;
              archive.mutate(
                { id: archiving.id, version: archiving.version },
                {
                  onSuccess: () => {
                    saved(t('actions.archived'));
                    setArchiving(null);
                  },
                },
              );
            }}
          >
            {t('actions.archiveText', { title: archiving?.title ?? '' })}
          </ConfirmModal>
        </>
      ) : null}
    </Stack>
  );
}
