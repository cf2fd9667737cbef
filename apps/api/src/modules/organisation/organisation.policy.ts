import type { NavArea, Role } from '@groeipad/contracts';
import { hasAnyRole, schoolsWithRole, type Actor } from '../../platform/actor.ts';

const BOARD_WIDE_VIEWERS: readonly Role[] = ['beheerder', 'hr', 'bestuurder'];
const SCHOOL_VIEWERS: readonly Role[] = ['schoolleider', 'mt_lid'];
const PERSON_EDITORS: readonly Role[] = ['beheerder', 'hr'];

/** Which people an actor may list: the whole board, some schools, or none. */
export type PeopleScope = { kind: 'board' } | { kind: 'schools'; schoolIds: string[] } | { kind: 'none' };

export function peopleScope(actor: Actor): PeopleScope {
  if (hasAnyRole(actor, BOARD_WIDE_VIEWERS)) return { kind: 'board' };
  const schoolIds = schoolsWithRole(actor, SCHOOL_VIEWERS);
  return schoolIds.length > 0 ? { kind: 'schools', schoolIds } : { kind: 'none' };
}

/** Whether the actor may open a person's admin record, given the schools that person belongs to. */
export function canViewPerson(actor: Actor, person: { boardId: string; schoolIds: string[] }): boolean {
  if (person.boardId !== actor.boardId) return false;
  const scope = peopleScope(actor);
  if (scope.kind === 'board') return true;
  if (scope.kind === 'none') return false;
  return person.schoolIds.some((id) => scope.schoolIds.includes(id));
}

export function canEditPeople(actor: Actor): boolean {
  return hasAnyRole(actor, PERSON_EDITORS);
}

/** Roles and line management change who sees personal files: only the application admin grants them. */
export function canManageRoles(actor: Actor): boolean {
  return hasAnyRole(actor, ['beheerder']);
}

export function canManageStructure(actor: Actor): boolean {
  return hasAnyRole(actor, ['beheerder']);
}

export function canReadOutbox(actor: Actor): boolean {
  return hasAnyRole(actor, ['beheerder']);
}

export function canReadAuditLog(actor: Actor): boolean {
  return hasAnyRole(actor, ['beheerder']);
}

/** What the person may do in Beheer, for the web app to show; every route checks again. */
export function adminAbilities(actor: Actor) {
  return {
    createPeople: canEditPeople(actor),
    manageRoles: canManageRoles(actor),
    manageStructure: canManageStructure(actor),
    // An import grants roles and line management, so it needs both.
    importStaff: canEditPeople(actor) && canManageRoles(actor),
    readOutbox: canReadOutbox(actor),
    readAuditLog: canReadAuditLog(actor),
  };
}

/** The navigation areas a person sees; later modules fill them. */
export function navFor(actor: Actor): NavArea[] {
  const nav: NavArea[] = ['ontwikkeling'];
  // Team boards: staff in a team, and school leadership, who look along with their schools' teams.
  const inTeam = actor.memberships.some((m) => m.teamId !== null && m.role !== 'student');
  if (inTeam || hasAnyRole(actor, ['teamleider', 'coach', 'schoolleider', 'mt_lid'])) nav.push('team');
  nav.push('gesprekken');
  if (hasAnyRole(actor, ['schoolleider', 'mt_lid', 'bestuurder', 'hr', 'beheerder'])) nav.push('school');
  if (!actor.memberships.every((m) => m.role === 'student') || actor.memberships.length === 0) nav.push('netwerken');
  if (hasAnyRole(actor, ['beheerder', 'hr']) || peopleScope(actor).kind !== 'none') nav.push('beheer');
  return nav;
}
