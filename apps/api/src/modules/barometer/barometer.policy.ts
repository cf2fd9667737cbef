import type { Role } from '@groeipad/contracts';
import { schoolsWithRole, type Actor } from '../../platform/actor.ts';

// Who may do what with a team's barometer. Pure: the actor's roles against a team or a round; every route asks.
// The results are the team's own. A school leader may start rounds for all teams of the school, but sees a
// round's results only when the team chose to share it; nobody else sees anything (404).

/** Roles that make someone part of a team's staff when held with that team. A student (intern) is not staff. */
export const TEAM_STAFF_ROLES: readonly Role[] = [
  'teamleider',
  'docent',
  'oop',
  'coach',
  'werkplekbegeleider',
  'schoolopleider',
  'schoolleider',
  'mt_lid',
];
const SCHOOL_LEADERS: readonly Role[] = ['schoolleider', 'mt_lid'];

export type TeamRef = { id: string; boardId: string; schoolId: string };
export type RoundRef = { boardId: string; teamId: string; schoolId: string; status: string; sharedAt: Date | null };

/** Whether the actor holds a staff role in this team. */
export function isTeamMember(actor: Actor, team: TeamRef): boolean {
  if (team.boardId !== actor.boardId) return false;
  return actor.memberships.some((m) => m.teamId === team.id && TEAM_STAFF_ROLES.includes(m.role));
}

/** Whether the actor leads the school (schoolleider or MT-lid of it). */
export function isSchoolLeader(actor: Actor, boardId: string, schoolId: string): boolean {
  return boardId === actor.boardId && schoolsWithRole(actor, SCHOOL_LEADERS).includes(schoolId);
}

/** The team's page, its settings, starting and closing its rounds: its members only. */
export function canUseTeamBarometer(actor: Actor, team: TeamRef): boolean {
  return isTeamMember(actor, team);
}

/** Starting rounds for every team of a school at once, and the school's overview: its leaders only. */
export function canLeadSchoolBarometer(actor: Actor, boardId: string, schoolId: string): boolean {
  return isSchoolLeader(actor, boardId, schoolId);
}

/**
 * How the actor may see a round's results: as a member of its team, as a leader of its school when the team
 * shared this closed round, or not at all (404).
 */
export function resultsAccess(actor: Actor, round: RoundRef): 'member' | 'leader' | 'none' {
  if (round.boardId !== actor.boardId) return 'none';
  if (isTeamMember(actor, { id: round.teamId, boardId: round.boardId, schoolId: round.schoolId })) return 'member';
  if (round.status === 'closed' && round.sharedAt !== null && isSchoolLeader(actor, round.boardId, round.schoolId))
    return 'leader';
  return 'none';
}

/** Sharing a closed round with the school leaders, and taking it back: members of the team. */
export function canShare(actor: Actor, round: RoundRef): boolean {
  return resultsAccess(actor, round) === 'member';
}
