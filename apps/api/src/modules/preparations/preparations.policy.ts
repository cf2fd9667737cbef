import type { TeamAccess } from '../team/index.ts';

// Who may see and change a team's joint preparations and its library. The rules follow the team board's
// (team/team.policy.ts): the team's staff members (docent, teamleider, coach, …) see everything and add to it;
// school leadership (schoolleider, MT) of the team's school looks along read-only — a school learns from its
// teams' products; nobody else learns that the team's preparations exist (404): not another team, not another
// school's leaders, not the beheerder or HR, not a pupil placed in the team.
// Within the team, a preparation itself is changed only by the people who prepare it together (its participants):
// the rest of the team reads it. The library is the whole team's: every member adds products and versions.

// Team access itself is the team board's rule, from the team module; only the participants' rule is this module's.
export { teamAccess, type TeamAccess } from '../team/index.ts';

/** A preparation is changed by its participants, while they are still in the team. */
export function mayEditPreparation(access: TeamAccess, actorId: string, participantIds: readonly string[]): boolean {
  return access === 'edit' && participantIds.includes(actorId);
}
