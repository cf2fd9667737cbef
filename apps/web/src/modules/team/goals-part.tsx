import { useState } from 'react';
import { Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { IconPlus, IconTarget } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TeamBoard } from '@groeipad/contracts';
import { GoalCard } from './goal-card.tsx';
import { GoalModal } from './goal-modal.tsx';
import { PartEmpty } from './part-frame.tsx';

/** Team goals: measurable, with a current value, a target and an owner. */
export function GoalsPart({ board }: { board: TeamBoard }) {
  const { t } = useTranslation('team');
  const [creating, setCreating] = useState(false);
  const teamId = board.team.id;
  const canEdit = board.abilities.edit;
  const add = canEdit ? (
    <Button
      size="sm"
      variant="light"
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={() => setCreating(true)}
    >
      {t('goals.add')}
    </Button>
  ) : null;
  return (
    <Stack gap="sm">
      {board.goals.length === 0 ? (
        <PartEmpty icon={<IconTarget aria-hidden />} text={t('goals.empty')} action={add} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
            {board.goals.map((g) => (
              <GoalCard key={g.id} goal={g} teamId={teamId} members={board.members} canEdit={canEdit} />
            ))}
          </SimpleGrid>
          {add ? <Group>{add}</Group> : null}
        </>
      )}
      {canEdit ? (
        <GoalModal
          key={creating ? 'open' : 'closed'}
          opened={creating}
          onClose={() => setCreating(false)}
          teamId={teamId}
          members={board.members}
        />
      ) : null}
    </Stack>
  );
}
