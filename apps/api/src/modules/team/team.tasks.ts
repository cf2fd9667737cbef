import type { HomeTask } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { findActionsBehind } from './actions.repository.ts';
import { isTeamMember } from './team.policy.ts';
import { schoolDay } from '../../platform/time.ts';

/**
 * What the team boards ask of the person now: improvement actions they own that are behind schedule (not done,
 * due date passed), on the boards of teams they are still in.
 */
export async function findTeamTasks(db: Db, actor: Actor, now: Date): Promise<HomeTask[]> {
  const rows = await findActionsBehind(db, actor.boardId, actor.personId, schoolDay(now));
  return rows
    .filter((a) => isTeamMember(actor, a.teamId))
    .map((a) => ({
      key: `team:action:${a.id}`,
      kind: 'team_action_behind' as const,
      params: { title: a.title, team: a.teamName },
      dueOn: a.dueOn,
      href: `/team/${a.teamId}`,
    }));
}
