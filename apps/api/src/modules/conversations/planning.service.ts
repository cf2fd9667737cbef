import type {
  ConversationCancelInput,
  ConversationDetail,
  ConversationPlanInput,
  ConversationRescheduleInput,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { displayName } from '../organisation/index.ts';
import * as accessRepo from './access.repository.ts';
import { fresh } from './conversation.present.ts';
import { assertMove, assertState, forbid, loadVisible, recordEvent, stale } from './conversations.access.ts';
import { formatMoment, sendInvitation } from './conversations.mails.ts';
import { schoolDay } from '../../platform/time.ts';
import { abilitiesFor, canPlan, heldFrom, isTooEarlyToHold } from './conversations.policy.ts';
import * as repo from './conversations.repository.ts';
import * as lookups from './lookups.repository.ts';

// A conversation's date and state: planning it (with a calendar invitation), moving, cancelling, held.

const party = (p: { firstName: string; infix: string | null; lastName: string; email: string }) => ({
  name: displayName(p),
  email: p.email,
});

export async function planConversation(ctx: Ctx, input: ConversationPlanInput): Promise<ConversationDetail> {
  const board = ctx.actor.boardId;
  const employee = await lookups.findPerson(ctx.db, board, input.employeeId);
  if (!employee) throw new AppError('not_found', 'Deze medewerker bestaat niet.');
  const lineManagerIds = await accessRepo.findLineManagerIds(ctx.db, board, employee.id);
  if (!canPlan(ctx.actor, { boardId: employee.boardId, lineManagerIds })) {
    forbid('Alleen een leidinggevende van deze medewerker kan een gesprek met hen plannen.');
  }
  if (!employee.active) throw fieldError('employeeId', 'Deze medewerker is niet meer actief.');
  const [kind, memberships, manager] = await Promise.all([
    lookups.findKind(ctx.db, board, input.kindId),
    lookups.findMemberships(ctx.db, board, employee.id),
    lookups.findPerson(ctx.db, board, ctx.actor.personId),
  ]);
  const schoolIds = new Set(memberships.map((m) => m.schoolId).filter((s): s is string => s !== null));
  if (!kind || !kind.active || !schoolIds.has(kind.schoolId)) {
    throw fieldError('kindId', 'Kies een soort gesprek van een school waar deze medewerker werkt.');
  }
  const scheduledAt = new Date(input.scheduledAt);
  const scheduledDay = schoolDay(scheduledAt);
  if (input.preparationDueOn && input.preparationDueOn > scheduledDay) {
    throw fieldError('preparationDueOn', 'De voorbereiding moet klaar zijn vóór het gesprek.');
  }
  const roles = memberships.filter((m) => m.schoolId === kind.schoolId || m.schoolId === null).map((m) => m.role);
  const [schoolYearId, roleForm, kindQuestions] = await Promise.all([
    lookups.findSchoolYearOn(ctx.db, board, kind.schoolId, scheduledDay),
    lookups.findRoleQuestionForm(ctx.db, board, kind.schoolId, roles),
    lookups.findForm(ctx.db, board, kind.questionFormId),
  ]);
  // A question set aimed at the employee's role wins over the kind's general one.
  const questionFormId = kindQuestions?.role ? kindQuestions.id : (roleForm?.id ?? kind.questionFormId);
  const id = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertConversation(tx, {
      boardId: board,
      schoolId: kind.schoolId,
      schoolYearId,
      kindId: kind.id,
      employeeId: employee.id,
      managerId: ctx.actor.personId,
      state: 'planned',
      scheduledAt,
      durationMinutes: input.durationMinutes,
      location: input.location,
      preparationDueOn: input.preparationDueOn ?? null,
      reflectionFormId: kind.reflectionFormId,
      questionFormId,
      createdBy: ctx.actor.personId,
    });
    await recordEvent(tx, ctx, row.id, 'planned', { toState: 'planned', details: { scheduledAt: input.scheduledAt } });
    await sendInvitation(tx, ctx.mailer, ctx.config, {
      boardId: board,
      conversationId: row.id,
      kindName: kind.name,
      to: party(employee),
      from: party(manager!),
      start: scheduledAt,
      durationMinutes: input.durationMinutes,
      location: input.location,
      preparationDueOn: input.preparationDueOn ?? null,
      sequence: 0,
    });
    return row.id;
  });
  return fresh(ctx, id);
}

export async function rescheduleConversation(
  ctx: Ctx,
  id: string,
  input: ConversationRescheduleInput,
): Promise<ConversationDetail> {
  const loaded = await loadVisible(ctx, id);
  const { full, access } = loaded;
  if (!abilitiesFor(ctx.actor, { ...access, state: 'planned' }).reschedule) {
    forbid('Alleen de medewerker en de leidinggevende van dit gesprek kunnen het verplaatsen.');
  }
  assertState(
    access.state,
    ['planned', 'preparing'],
    'Dit gesprek kan niet meer verplaatst worden: het is al gehouden, afgerond of afgezegd.',
  );
  const scheduledAt = new Date(input.scheduledAt);
  const c = full.c;
  if (c.preparationDueOn && c.preparationDueOn > schoolDay(scheduledAt)) {
    throw fieldError('scheduledAt', 'De nieuwe datum ligt vóór de datum waarop de voorbereiding klaar moet zijn.');
  }
  await ctx.db.transaction(async (tx) => {
    const durationMinutes = input.durationMinutes ?? c.durationMinutes;
    const location = input.location ?? c.location;
    const row = await repo.updateConversation(tx, ctx.actor.boardId, id, input.version, {
      scheduledAt,
      durationMinutes,
      location,
    });
    if (!row) stale();
    await recordEvent(tx, ctx, id, 'rescheduled', {
      reason: input.reason,
      details: { from: c.scheduledAt.toISOString(), to: scheduledAt.toISOString() },
    });
    const sequence = await repo.countEvents(tx, ctx.actor.boardId, id, ['rescheduled', 'cancelled']);
    const byEmployee = ctx.actor.personId === c.employeeId;
    await sendInvitation(tx, ctx.mailer, ctx.config, {
      boardId: ctx.actor.boardId,
      conversationId: id,
      kindName: full.kind.name,
      to: party(byEmployee ? full.manager : full.employee),
      from: party(byEmployee ? full.employee : full.manager),
      start: scheduledAt,
      durationMinutes,
      location,
      preparationDueOn: c.preparationDueOn,
      sequence,
      rescheduleReason: input.reason,
    });
  });
  return fresh(ctx, id);
}

export async function cancelConversation(
  ctx: Ctx,
  id: string,
  input: ConversationCancelInput,
): Promise<ConversationDetail> {
  const { full, access } = await loadVisible(ctx, id);
  if (ctx.actor.personId !== full.c.managerId) forbid('Alleen de leidinggevende kan een gesprek afzeggen.');
  assertMove(access.state, 'cancelled');
  await ctx.db.transaction(async (tx) => {
    const row = await repo.updateConversation(tx, ctx.actor.boardId, id, input.version, {
      state: 'cancelled',
      cancelledReason: input.reason,
    });
    if (!row) stale();
    await recordEvent(tx, ctx, id, 'state_changed', {
      fromState: access.state,
      toState: 'cancelled',
      reason: input.reason,
    });
    const sequence = (await repo.countEvents(tx, ctx.actor.boardId, id, ['rescheduled'])) + 1;
    await sendInvitation(tx, ctx.mailer, ctx.config, {
      boardId: ctx.actor.boardId,
      conversationId: id,
      kindName: full.kind.name,
      to: party(full.employee),
      from: party(full.manager),
      start: full.c.scheduledAt,
      durationMinutes: full.c.durationMinutes,
      location: full.c.location,
      preparationDueOn: null,
      sequence,
      cancelReason: input.reason,
    });
  });
  return fresh(ctx, id);
}

export async function markHeld(ctx: Ctx, id: string, version: number): Promise<ConversationDetail> {
  const { full, access } = await loadVisible(ctx, id);
  if (ctx.actor.personId !== full.c.managerId) forbid('Alleen de leidinggevende zet een gesprek op "gehouden".');
  assertMove(access.state, 'held');
  if (isTooEarlyToHold(full.c.scheduledAt, ctx.now)) {
    throw new AppError(
      'conflict',
      `Dit gesprek begint pas op ${formatMoment(full.c.scheduledAt)}. Je kunt het vanaf een kwartier voor het begin op "gehouden" zetten.`,
      { reason: 'not_started', heldFrom: heldFrom(full.c.scheduledAt).toISOString() },
    );
  }
  await ctx.db.transaction(async (tx) => {
    const row = await repo.updateConversation(tx, ctx.actor.boardId, id, version, { state: 'held', heldAt: ctx.now });
    if (!row) stale();
    await recordEvent(tx, ctx, id, 'state_changed', { fromState: access.state, toState: 'held' });
  });
  return fresh(ctx, id);
}
