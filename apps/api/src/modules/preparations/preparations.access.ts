import type { Ctx } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { changeTeam, loadTeam as loadTeamBoard } from '../team/index.ts';
import type { TeamAccess } from './preparations.policy.ts';

// The lock every service of this module passes first is the team board's own (team module): the team must be on
// the actor's board and its policy must let them in (else 404, so nobody learns which teams exist); adding needs
// membership (else 403); a change is one transaction announced on the team's live topic, which its board follows.

export type TeamRef = { id: string; boardId: string; schoolId: string; name: string };

export async function loadTeam(ctx: Ctx, teamId: string): Promise<{ team: TeamRef; access: TeamAccess }> {
  const { team, canEdit } = await loadTeamBoard(ctx, teamId);
  return { team, access: canEdit ? 'edit' : 'view' };
}

export const readOnly = () =>
  new AppError('forbidden', 'Je kijkt mee met dit team. Alleen de leden van het team passen dit aan.');

/** A change within a team: a member of the team, one transaction, every open board of the team told. */
export function changeInTeam<T>(ctx: Ctx, teamId: string, change: (tx: Db, team: TeamRef) => Promise<T>): Promise<T> {
  return changeTeam(ctx, teamId, change);
}
