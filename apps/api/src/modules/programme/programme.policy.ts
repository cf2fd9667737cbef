import type { Role } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';

// Who may do what with the programme and the year plan. Reading and noting a team's programme and progress follows
// the team board (team.policy: members edit, school leadership looks along, others nothing). On top of that:
// - starting a team's programme and planning its linking session: the team's teamleider or the school's leadership;
// - a school's year plan: its leadership manages it, its staff read it, nobody else sees it;
// - pizzasessies are for the whole board: every staff member sees them and registers; school leaders (of any
//   school of the board) and the beheerder organise them and see who registered.

const SCHOOL_LEADERS: readonly Role[] = ['schoolleider', 'mt_lid'];

export type SchoolTeam = { id: string; schoolId: string };

export function leadsSchool(actor: Actor, schoolId: string): boolean {
  return actor.memberships.some((m) => SCHOOL_LEADERS.includes(m.role) && m.schoolId === schoolId);
}

/** The teamleider of the team, or school leadership of its school. */
export function canLeadProgramme(actor: Actor, team: SchoolTeam): boolean {
  return (
    actor.memberships.some((m) => m.role === 'teamleider' && m.teamId === team.id) || leadsSchool(actor, team.schoolId)
  );
}

export type YearPlanAccess = 'manage' | 'read' | 'none';

export function yearPlanAccess(actor: Actor, schoolId: string): YearPlanAccess {
  if (leadsSchool(actor, schoolId)) return 'manage';
  if (actor.memberships.some((m) => m.role !== 'student' && m.schoolId === schoolId)) return 'read';
  return 'none';
}

/** The schools whose year plan the actor may open: those they lead first, then those they work at. */
export function yearPlanSchools(actor: Actor): string[] {
  const led = actor.memberships.filter((m) => SCHOOL_LEADERS.includes(m.role) && m.schoolId).map((m) => m.schoolId!);
  const staff = actor.memberships.filter((m) => m.role !== 'student' && m.schoolId).map((m) => m.schoolId!);
  return [...new Set([...led, ...staff])];
}

/** Any staff role on the board (pupils are not staff). */
export function isBoardStaff(actor: Actor): boolean {
  return actor.memberships.some((m) => m.role !== 'student');
}

/** School leadership of any school of the board, or the beheerder. */
export function organisesPizza(actor: Actor): boolean {
  return actor.memberships.some((m) => SCHOOL_LEADERS.includes(m.role) || m.role === 'beheerder');
}
