import type { Role } from '@groeipad/contracts';
import { hasAnyRole, schoolsWithRole, type Actor } from '../../platform/actor.ts';

const BOARD_BUILDERS: readonly Role[] = ['beheerder', 'hr'];
const SCHOOL_BUILDERS: readonly Role[] = ['schoolleider', 'mt_lid'];

/** Whether the actor may build, publish and archive questionnaires of a school. */
export function canManageQuestionnaires(actor: Actor, schoolId: string): boolean {
  return hasAnyRole(actor, BOARD_BUILDERS) || schoolsWithRole(actor, SCHOOL_BUILDERS).includes(schoolId);
}

/** Schools the actor belongs to in any role; a round can start with a questionnaire of one of them. */
export function schoolsOf(actor: Actor): string[] {
  return [...new Set(actor.memberships.map((m) => m.schoolId).filter((id): id is string => id !== null))];
}

/** Whether the actor may see a questionnaire at all: its builders, and staff of the school once published. */
export function canViewQuestionnaire(actor: Actor, q: { boardId: string; schoolId: string; status: string }): boolean {
  if (q.boardId !== actor.boardId) return false;
  if (canManageQuestionnaires(actor, q.schoolId)) return true;
  return q.status === 'published' && schoolsOf(actor).includes(q.schoolId);
}

export type RoundAccess = {
  boardId: string;
  subjectId: string;
  status: string;
  sharedWithManagerAt: Date | null;
  conversationId: string | null;
};

/** The relation of the actor to a round: its subject, a manager it was shared with, or nobody (404). */
export function roundRelation(
  actor: Actor,
  round: RoundAccess,
  isCurrentManager: boolean,
): 'subject' | 'manager' | 'none' {
  if (round.boardId !== actor.boardId) return 'none';
  if (round.subjectId === actor.personId) return 'subject';
  const shared = round.sharedWithManagerAt !== null || round.conversationId !== null;
  if (isCurrentManager && shared) return 'manager';
  return 'none';
}

/** What the caller may do with a round; every route checks again. */
export function roundAbilities(relation: 'subject' | 'manager', round: RoundAccess) {
  const subject = relation === 'subject';
  const open = round.status === 'open';
  const closed = round.status === 'closed';
  return {
    invite: subject && open,
    close: subject && open,
    share: subject,
    attach: subject,
    viewResults: closed,
    export: closed,
  };
}
