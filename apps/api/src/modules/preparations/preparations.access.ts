import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { publishChange } from '../../platform/live/index.ts';
import { organisationTables as ot } from '../organisation/index.ts';
import { teamAccess, type TeamAccess } from './preparations.policy.ts';

// The lock every service of this module passes first: the team must be on the actor's board and the policy must
// let them in (else 404, so nobody learns which teams exist); adding needs membership (else 403).

/** The team's live topic, the same one its board follows (team module), so open boards refetch the planning. */
export const topicOf = (teamId: string) => `team:${teamId}`;

export type TeamRef = { id: string; boardId: string; schoolId: string; name: string };

async function findTeam(db: Db, boardId: string, teamId: string): Promise<TeamRef | null> {
  const [row] = await db
    .select({ id: ot.teams.id, boardId: ot.teams.boardId, schoolId: ot.teams.schoolId, name: ot.teams.name })
    .from(ot.teams)
    .where(and(eq(ot.teams.boardId, boardId), eq(ot.teams.id, teamId)));
  return row ?? null;
}

export async function loadTeam(ctx: Ctx, teamId: string): Promise<{ team: TeamRef; access: TeamAccess }> {
  const team = await findTeam(ctx.db, ctx.actor.boardId, teamId);
  const access = team ? teamAccess(ctx.actor, team) : 'none';
  if (!team || access === 'none')
    throw new AppError('not_found', 'Dit team bestaat niet of je hebt er geen toegang toe.');
  return { team, access };
}

export const readOnly = () =>
  new AppError('forbidden', 'Je kijkt mee met dit team. Alleen de leden van het team passen dit aan.');

/**
 * A change within a team: access first (a member of the team), then one transaction that tells every open board
 * of the team when it commits.
 */
export async function changeInTeam<T>(
  ctx: Ctx,
  teamId: string,
  change: (tx: Db, team: TeamRef) => Promise<T>,
): Promise<T> {
  const { team, access } = await loadTeam(ctx, teamId);
  if (access !== 'edit') throw readOnly();
  return ctx.db.transaction(async (tx) => {
    const result = await change(tx, team);
    await publishChange(tx, topicOf(teamId));
    return result;
  });
}
