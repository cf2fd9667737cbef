import type { Ctx } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { publishChange } from '../../platform/live/index.ts';
import { findTeamHeader, type TeamHeader } from './board.repository.ts';
import { teamAccess } from './team.policy.ts';

// The lock every service of this module passes first: the team must be on the actor's board and the policy must
// let them in (else 404, so nobody learns which teams exist); changing needs membership (else 403).

export const topicOf = (teamId: string) => `team:${teamId}`;

export async function loadTeam(ctx: Ctx, teamId: string): Promise<{ team: TeamHeader; canEdit: boolean }> {
  const team = await findTeamHeader(ctx.db, ctx.actor.boardId, teamId);
  const access = team ? teamAccess(ctx.actor, team) : 'none';
  if (!team || access === 'none')
    throw new AppError('not_found', 'Dit teambord bestaat niet of je hebt er geen toegang toe.');
  return { team, canEdit: access === 'edit' };
}

export async function loadTeamForEdit(ctx: Ctx, teamId: string): Promise<TeamHeader> {
  const { team, canEdit } = await loadTeam(ctx, teamId);
  if (!canEdit)
    throw new AppError('forbidden', 'Je kijkt mee met dit bord. Alleen de leden van het team passen het aan.');
  return team;
}

/**
 * A change to a team's board: access first, then one transaction that announces the change to every open board
 * of the team when it commits.
 */
export async function changeTeam<T>(
  ctx: Ctx,
  teamId: string,
  change: (tx: Db, team: TeamHeader) => Promise<T>,
): Promise<T> {
  const team = await loadTeamForEdit(ctx, teamId);
  return ctx.db.transaction(async (tx) => {
    const result = await change(tx, team);
    await publishChange(tx, topicOf(teamId));
    return result;
  });
}
