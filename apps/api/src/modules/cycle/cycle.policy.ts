import type { CycleAbilities, Role } from '@groeipad/contracts';
import { hasAnyRole, schoolsWithRole, type Actor } from '../../platform/actor.ts';

// Who may see and change a school's cycle. Board roles hold no school membership: they act on every school
// of their board (the board itself is checked by the repository's scope).

const BOARD_VIEWERS: readonly Role[] = ['beheerder', 'hr', 'bestuurder'];
const BOARD_EDITORS: readonly Role[] = ['beheerder', 'hr'];
const SCHOOL_VIEWERS: readonly Role[] = ['schoolleider', 'mt_lid'];
const SCHOOL_EDITORS: readonly Role[] = ['schoolleider'];

/** Whether the actor may see a school's cycle configuration and its coverage numbers. */
export function canViewCycle(actor: Actor, schoolId: string): boolean {
  return hasAnyRole(actor, BOARD_VIEWERS) || schoolsWithRole(actor, SCHOOL_VIEWERS).includes(schoolId);
}

/** Whether the actor may change a school's cycle configuration and settings. */
export function canEditCycle(actor: Actor, schoolId: string): boolean {
  return hasAnyRole(actor, BOARD_EDITORS) || schoolsWithRole(actor, SCHOOL_EDITORS).includes(schoolId);
}

/** Whether the actor sees school cycles at all (for the school picker): board-wide, some schools, or none. */
export function cycleSchoolScope(actor: Actor): { kind: 'board' } | { kind: 'schools'; schoolIds: string[] } {
  if (hasAnyRole(actor, BOARD_VIEWERS)) return { kind: 'board' };
  return { kind: 'schools', schoolIds: schoolsWithRole(actor, SCHOOL_VIEWERS) };
}

export function cycleAbilities(actor: Actor, schoolId: string, configured: boolean): CycleAbilities {
  const edit = canEditCycle(actor, schoolId);
  return { edit, applyDefaults: edit && !configured };
}
