import type { ConversationAbilities, ConversationSide, ConversationState } from '@groeipad/contracts';
import { hasRole, type Actor } from '../../platform/actor.ts';

/** What the policy needs to know about a conversation and the reader's relation to its employee. */
export type ConversationAccess = {
  boardId: string;
  employeeId: string;
  managerId: string;
  state: ConversationState;
  /** The employee's current line managers. */
  lineManagerIds: readonly string[];
  /** People the employee shared this conversation with. */
  sharedWith: readonly string[];
  /** Whether the reader (HR) holds an unexpired access grant for this employee. */
  hrGrant: boolean;
  preparationShared: boolean;
  /** The current report revision, if any. */
  report: { locked: boolean; employeeSigned: boolean; managerSigned: boolean } | null;
};

export function isEmployee(actor: Actor, c: ConversationAccess): boolean {
  return actor.personId === c.employeeId;
}

export function isManager(actor: Actor, c: ConversationAccess): boolean {
  return actor.personId === c.managerId;
}

/**
 * The employee, the manager who holds it, the employee's current line managers, people it was shared with,
 * and HR with an unexpired grant. A schoolleider, bestuurder or beheerder sees nothing by role alone.
 */
export function canView(actor: Actor, c: ConversationAccess): boolean {
  if (actor.boardId !== c.boardId) return false;
  if (isEmployee(actor, c) || isManager(actor, c)) return true;
  if (c.lineManagerIds.includes(actor.personId)) return true;
  if (c.sharedWith.includes(actor.personId)) return true;
  return c.hrGrant && hasRole(actor, 'hr');
}

export function sideOf(actor: Actor, c: ConversationAccess): ConversationSide {
  if (isEmployee(actor, c)) return 'employee';
  if (isManager(actor, c)) return 'manager';
  return 'viewer';
}

/** The employee's answers stay theirs until they share them. */
export function canSeePreparation(actor: Actor, c: ConversationAccess): boolean {
  return isEmployee(actor, c) || (c.preparationShared && canView(actor, c));
}

const BEFORE: readonly ConversationState[] = ['planned', 'preparing'];
const OPEN: readonly ConversationState[] = ['planned', 'preparing', 'held', 'report_draft'];

/** Which states a state may move to; everything else is refused with a 409. */
export const TRANSITIONS: Record<ConversationState, readonly ConversationState[]> = {
  planned: ['preparing', 'held', 'cancelled'],
  preparing: ['held', 'cancelled'],
  // Once held, the conversation happened: it can no longer be called off, only reported on.
  held: ['report_draft'],
  report_draft: ['agreed'],
  agreed: ['closed', 'report_draft'],
  closed: ['report_draft'],
  cancelled: [],
};

export function canMove(from: ConversationState, to: ConversationState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function abilitiesFor(actor: Actor, c: ConversationAccess): ConversationAbilities {
  const employee = isEmployee(actor, c);
  const manager = isManager(actor, c);
  const draft = c.state === 'report_draft' && c.report !== null && !c.report.locked;
  return {
    reschedule: (employee || manager) && BEFORE.includes(c.state),
    cancel: manager && canMove(c.state, 'cancelled'),
    editPreparation: employee && BEFORE.includes(c.state),
    sharePreparation: employee && !c.preparationShared && OPEN.includes(c.state),
    markHeld: manager && BEFORE.includes(c.state),
    writeReport: manager && (c.state === 'held' || draft),
    writeEmployeeView: employee && draft,
    sign:
      draft && ((employee && !(c.report?.employeeSigned ?? true)) || (manager && !(c.report?.managerSigned ?? true))),
    requestCorrection: (employee || manager) && (c.state === 'agreed' || c.state === 'closed'),
    close: manager && c.state === 'agreed',
    manageShares: employee && c.state !== 'cancelled',
    manageEvidence: employee && OPEN.includes(c.state),
    downloadPdf: c.report !== null && canView(actor, c),
  };
}

/** How long before its start a conversation may be marked held (people sometimes start a little early). */
export const HELD_LEAD_MINUTES = 15;

/** The earliest moment a conversation planned at `scheduledAt` may be marked held. */
export function heldFrom(scheduledAt: Date): Date {
  return new Date(scheduledAt.getTime() - HELD_LEAD_MINUTES * 60_000);
}

/** A conversation cannot have been held before it starts; `markHeld` in the abilities only says who and when in the cycle. */
export function isTooEarlyToHold(scheduledAt: Date, now: Date): boolean {
  return now.getTime() < heldFrom(scheduledAt).getTime();
}

/** Only a current line manager of the employee plans a conversation with them. */
export function canPlan(actor: Actor, employee: { boardId: string; lineManagerIds: readonly string[] }): boolean {
  return actor.boardId === employee.boardId && employee.lineManagerIds.includes(actor.personId);
}

export function canGrantHrAccess(actor: Actor): boolean {
  return hasRole(actor, 'hr');
}

const MANAGER_FIELDS = [
  'goingWell',
  'toDevelop',
  'employeeNeeds',
  'managerOffers',
  'progressEvidence',
  'nextDate',
  'agreements',
] as const;
const EMPLOYEE_FIELDS = ['employeeView', 'employeeDisagrees'] as const;

/**
 * The signatures a change to the report voids. The leidinggevende's text and agreements are what both sign, so a
 * change there voids both. The employee's own view and disagreement are theirs to keep on record: changing them
 * voids only the employee's own signature, never the leidinggevende's (else adding a view after the
 * leidinggevende signed would send the report round again).
 */
export function signaturesVoidedBy(changedFields: readonly string[]): { employee: boolean; manager: boolean } {
  const managerPart = changedFields.some((f) => (MANAGER_FIELDS as readonly string[]).includes(f));
  const employeePart = changedFields.some((f) => (EMPLOYEE_FIELDS as readonly string[]).includes(f));
  return { employee: managerPart || employeePart, manager: managerPart };
}

/** Which report fields a body touches that the given side may not write; empty when all are allowed. */
export function foreignReportFields(side: ConversationSide, body: Record<string, unknown>): string[] {
  const own: readonly string[] = side === 'manager' ? MANAGER_FIELDS : side === 'employee' ? EMPLOYEE_FIELDS : [];
  return [...MANAGER_FIELDS, ...EMPLOYEE_FIELDS].filter((f) => body[f] !== undefined && !own.includes(f));
}
