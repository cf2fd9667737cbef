import type { ConversationState } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { canMove, canView, type ConversationAccess } from './conversations.policy.ts';
import * as accessRepo from './access.repository.ts';
import * as repo from './conversations.repository.ts';

export type Loaded = {
  full: repo.ConversationFull;
  access: ConversationAccess;
  reports: repo.ReportRow[];
  lineManagerIds: string[];
};

export function currentReport(reports: repo.ReportRow[]): repo.ReportRow | null {
  return reports.at(-1) ?? null;
}

/** Loads a conversation and the reader's relation to it; 404 for anyone who may not see it. */
export async function loadVisible(ctx: Ctx, id: string, db: Db = ctx.db): Promise<Loaded> {
  const full = await repo.findConversation(db, ctx.actor.boardId, id);
  if (!full) throw new AppError('not_found', 'Dit gesprek bestaat niet of je mag het niet zien.');
  const c = full.c;
  const [lineManagerIds, shares, hrGrant, reports] = await Promise.all([
    accessRepo.findLineManagerIds(db, ctx.actor.boardId, c.employeeId),
    accessRepo.findShares(db, ctx.actor.boardId, c.id),
    accessRepo.hasHrGrant(db, ctx.actor.boardId, ctx.actor.personId, c.employeeId, ctx.now),
    repo.findReports(db, ctx.actor.boardId, c.id),
  ]);
  const report = currentReport(reports);
  const access: ConversationAccess = {
    boardId: c.boardId,
    employeeId: c.employeeId,
    managerId: c.managerId,
    state: c.state as ConversationState,
    lineManagerIds,
    sharedWith: shares.map((s) => s.id),
    hrGrant,
    preparationShared: c.preparationSharedAt !== null,
    report: report
      ? {
          locked: report.lockedAt !== null,
          employeeSigned: report.employeeSignedAt !== null,
          managerSigned: report.managerSignedAt !== null,
        }
      : null,
  };
  if (!canView(ctx.actor, access)) throw new AppError('not_found', 'Dit gesprek bestaat niet of je mag het niet zien.');
  return { full, access, reports, lineManagerIds };
}

export function forbid(message: string): never {
  throw new AppError('forbidden', message);
}

export function stale(): never {
  throw new AppError('conflict', 'Iemand anders heeft dit gesprek intussen gewijzigd. Laad de pagina opnieuw.', {
    reason: 'stale',
  });
}

const STATE_NAMES: Record<ConversationState, string> = {
  planned: 'gepland',
  preparing: 'in voorbereiding',
  held: 'gehouden',
  report_draft: 'verslag in concept',
  agreed: 'door beiden akkoord',
  closed: 'afgerond',
  cancelled: 'afgezegd',
};

/** A 409 with a Dutch message when the conversation cannot move to the wanted state. */
export function assertMove(from: ConversationState, to: ConversationState): void {
  if (!canMove(from, to)) {
    throw new AppError(
      'conflict',
      `Dit kan niet: het gesprek is ${STATE_NAMES[from]} en kan niet naar "${STATE_NAMES[to]}".`,
      { reason: 'state', state: from },
    );
  }
}

export function assertState(state: ConversationState, allowed: readonly ConversationState[], message: string): void {
  if (!allowed.includes(state)) throw new AppError('conflict', message, { reason: 'state', state });
}

/** Every read of another person's conversation goes to the audit log. */
export async function auditRead(ctx: Ctx, loaded: Loaded, action: string, details: Record<string, unknown> = {}) {
  if (ctx.actor.personId === loaded.full.c.employeeId) return;
  await audit(ctx.db, {
    boardId: ctx.actor.boardId,
    actorId: ctx.actor.personId,
    action,
    subjectPersonId: loaded.full.c.employeeId,
    targetType: 'conversation',
    targetId: loaded.full.c.id,
    details,
  });
}

export async function recordEvent(
  db: Db,
  ctx: Ctx,
  conversationId: string,
  type: string,
  extra: { fromState?: string; toState?: string; reason?: string; details?: Record<string, unknown> } = {},
) {
  await repo.insertEvent(db, {
    boardId: ctx.actor.boardId,
    conversationId,
    actorId: ctx.actor.personId,
    type,
    fromState: extra.fromState ?? null,
    toState: extra.toState ?? null,
    reason: extra.reason ?? null,
    details: extra.details ?? null,
  });
}
