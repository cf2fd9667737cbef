import { IconNote } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TeamBoard, TeamBoardPart } from '@groeipad/contracts';
import { partTitle } from './format.ts';
import { ItemList } from './item-list.tsx';

/** A part the team added itself: notes, whatever the team wants in view. */
export function OwnPart({ board, part }: { board: TeamBoard; part: TeamBoardPart }) {
  const { t } = useTranslation('team');
  return (
    <ItemList
      teamId={board.team.id}
      kind="note"
      partKey={part.key}
      items={board.items.filter((i) => i.kind === 'note' && i.partKey === part.key)}
      canEdit={board.abilities.edit}
      label={partTitle(part)}
      addLabel={t('notes.add')}
      emptyText={t('notes.empty')}
      emptyIcon={<IconNote aria-hidden />}
    />
  );
}
