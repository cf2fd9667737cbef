import type { Role } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';

// Who may open a team's board. The board is the team's own work: its members see and change everything on it.
// School leadership (schoolleider, MT) of the team's school may look along to support the team, without changing
// it. Nobody else sees it: not another team, not the beheerder or HR (a team board is not an admin record).

export type TeamAccess = 'edit' | 'view' | 'none';

const SCHOOL_VIEWERS: readonly Role[] = ['schoolleider', 'mt_lid'];
/** Pupils can be placed in a team for feedback; they are not part of its staff practice. */
const NOT_STAFF: readonly Role[] = ['student'];

export type TeamFacts = { id: string; boardId: string; schoolId: string };

/** Whether the actor holds a staff role in the team (any role except student). */
export function isTeamMember(actor: Actor, teamId: string): boolean {
  return actor.memberships.some((m) => m.teamId === teamId && !NOT_STAFF.includes(m.role));
}

export function teamAccess(actor: Actor, team: TeamFacts): TeamAccess {
  if (team.boardId !== actor.boardId) return 'none';
  if (isTeamMember(actor, team.id)) return 'edit';
  if (actor.memberships.some((m) => SCHOOL_VIEWERS.includes(m.role) && m.schoolId === team.schoolId)) return 'view';
  return 'none';
}

/** The teams whose board the actor is in, and the schools whose teams they may look at as school leadership. */
export function teamScope(actor: Actor): { teamIds: string[]; schoolIds: string[] } {
  const teamIds = new Set<string>();
  const schoolIds = new Set<string>();
  for (const m of actor.memberships) {
    if (m.teamId && !NOT_STAFF.includes(m.role)) teamIds.add(m.teamId);
    if (SCHOOL_VIEWERS.includes(m.role) && m.schoolId) schoolIds.add(m.schoolId);
  }
  return { teamIds: [...teamIds], schoolIds: [...schoolIds] };
}
