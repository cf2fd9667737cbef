import type { Role } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';

// Who may see and change a team's joint preparations and its library. The rules follow the team board's
// (team/team.policy.ts): the team's staff members (docent, teamleider, coach, …) see everything and add to it;
// school leadership (schoolleider, MT) of the team's school looks along read-only — a school learns from its
// teams' products; nobody else learns that the team's preparations exist (404): not another team, not another
// school's leaders, not the beheerder or HR, not a pupil placed in the team.
// Within the team, a preparation itself is changed only by the people who prepare it together (its participants):
// the rest of the team reads it. The library is the whole team's: every member adds products and versions.

export type TeamAccess = 'edit' | 'view' | 'none';

const SCHOOL_VIEWERS: readonly Role[] = ['schoolleider', 'mt_lid'];
const NOT_STAFF: readonly Role[] = ['student'];

export type TeamFacts = { id: string; boardId: string; schoolId: string };

export function isTeamMember(actor: Actor, teamId: string): boolean {
  return actor.memberships.some((m) => m.teamId === teamId && !NOT_STAFF.includes(m.role));
}

export function teamAccess(actor: Actor, team: TeamFacts): TeamAccess {
  if (team.boardId !== actor.boardId) return 'none';
  if (isTeamMember(actor, team.id)) return 'edit';
  if (actor.memberships.some((m) => SCHOOL_VIEWERS.includes(m.role) && m.schoolId === team.schoolId)) return 'view';
  return 'none';
}

/** A preparation is changed by its participants, while they are still in the team. */
export function mayEditPreparation(access: TeamAccess, actorId: string, participantIds: readonly string[]): boolean {
  return access === 'edit' && participantIds.includes(actorId);
}
