import type {
  ConversationAccessGrant,
  ConversationCancelInput,
  ConversationDetail,
  ConversationEvidenceInput,
  ConversationPage,
  ConversationPlanInput,
  ConversationPlanOptions,
  ConversationPreparationInput,
  ConversationRescheduleInput,
  ConversationSharePeople,
  ConversationsQuery,
  ConversationState,
  ConversationViewer,
  ConversationViewerReason,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { displayName } from '../organisation/index.ts';
import {
  assertMove,
  assertState,
  auditRead,
  currentReport,
  forbid,
  loadVisible,
  recordEvent,
  stale,
  type Loaded,
} from './conversations.access.ts';
import { amsterdamDay, sendInvitation } from './conversations.mails.ts';
import { abilitiesFor, canGrantHrAccess, canPlan, canSeePreparation, sideOf } from './conversations.policy.ts';
import * as repo from './conversations.repository.ts';
import { presentReport } from './report.present.ts';

type Named = { id: string; firstName: string; infix: string | null; lastName: string };
const ref = (p: Named) => ({ id: p.id, displayName: displayName(p) });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function getConversation(ctx: Ctx, id: string): Promise<ConversationDetail> {
  const loaded = await loadVisible(ctx, id);
  const detail = await presentConversation(ctx, loaded);
  await auditRead(ctx, loaded, 'conversation.read', {
    preparation: detail.preparation.answers !== null,
    report: detail.report !== null,
  });
  return detail;
}

async function presentConversation(ctx: Ctx, loaded: Loaded): Promise<ConversationDetail> {
  const { full, access, reports } = loaded;
  const c = full.c;
  const board = ctx.actor.boardId;
  const [reflection, questions, evidence, rounds, events, shares, lineManagers, grants] = await Promise.all([
    repo.findForm(ctx.db, board, c.reflectionFormId),
    repo.findForm(ctx.db, board, c.questionFormId),
    repo.findEvidence(ctx.db, board, c.id),
    repo.findFeedbackRounds(ctx.db, board, c.id),
    repo.findEvents(ctx.db, board, c.id),
    repo.findShares(ctx.db, board, c.id),
    repo.findLineManagers(ctx.db, board, c.employeeId),
    repo.findActiveGrants(ctx.db, board, c.employeeId, ctx.now),
  ]);
  const formView = (f: typeof reflection) =>
    f
      ? {
          id: f.id,
          name: f.name,
          items: f.items.map((i) => ({ id: i.id, text: i.text, ...(i.help ? { help: i.help } : {}) })),
        }
      : null;

  const viewers = new Map<string, ConversationViewer>();
  const addViewer = (p: Named, reason: ConversationViewerReason, until: Date | null = null) => {
    const v = viewers.get(p.id) ?? { id: p.id, displayName: displayName(p), reasons: [], until: null };
    if (!v.reasons.includes(reason)) v.reasons.push(reason);
    if (until) v.until = until.toISOString();
    viewers.set(p.id, v);
  };
  addViewer(full.employee, 'employee');
  addViewer(full.manager, 'manager');
  for (const m of lineManagers) addViewer(m, 'line_manager');
  for (const s of shares) addViewer(s, 'shared');
  for (const g of grants) addViewer(g, 'hr_grant', g.expiresAt);

  const report = currentReport(reports);
  return {
    id: c.id,
    state: c.state as ConversationState,
    kind: full.kind,
    school: full.school,
    schoolYear: c.schoolYearId && full.yearName ? { id: c.schoolYearId, name: full.yearName } : null,
    employee: ref(full.employee),
    manager: ref(full.manager),
    scheduledAt: c.scheduledAt.toISOString(),
    durationMinutes: c.durationMinutes,
    location: c.location,
    preparationDueOn: c.preparationDueOn,
    cancelledReason: c.cancelledReason,
    heldAt: iso(c.heldAt),
    closedAt: iso(c.closedAt),
    side: sideOf(ctx.actor, access),
    preparation: {
      form: formView(reflection),
      answers: canSeePreparation(ctx.actor, access) ? c.preparation : null,
      sharedAt: iso(c.preparationSharedAt),
    },
    questions: formView(questions),
    evidence: evidence.map((e) => ({
      id: e.id,
      title: e.title,
      description: e.description,
      url: e.url,
      createdAt: e.createdAt.toISOString(),
    })),
    feedbackRounds: rounds.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      closedAt: iso(r.closedAt),
      href: `/feedback/${r.id}`,
    })),
    report: report ? presentReport(report) : null,
    revisions: reports.map((r) => ({
      id: r.id,
      revision: r.revision,
      lockedAt: iso(r.lockedAt),
      correctionReason: r.correctionReason,
    })),
    viewers: [...viewers.values()],
    shares: shares.map(ref),
    events: events.map(({ e, actor }) => ({
      id: e.id,
      type: e.type,
      actor: actor ? ref(actor) : null,
      fromState: e.fromState,
      toState: e.toState,
      reason: e.reason,
      createdAt: e.createdAt.toISOString(),
    })),
    version: c.version,
    abilities: abilitiesFor(ctx.actor, access),
  };
}

/** The detail after a change, without another audit entry: the actor just wrote it. */
async function fresh(ctx: Ctx, id: string): Promise<ConversationDetail> {
  return presentConversation(ctx, await loadVisible(ctx, id));
}

const party = (p: { firstName: string; infix: string | null; lastName: string; email: string }) => ({
  name: displayName(p),
  email: p.email,
});

export async function planConversation(ctx: Ctx, input: ConversationPlanInput): Promise<ConversationDetail> {
  const board = ctx.actor.boardId;
  const employee = await repo.findPerson(ctx.db, board, input.employeeId);
  if (!employee) throw new AppError('not_found', 'Deze medewerker bestaat niet.');
  const lineManagerIds = await repo.findLineManagerIds(ctx.db, board, employee.id);
  if (!canPlan(ctx.actor, { boardId: employee.boardId, lineManagerIds })) {
    forbid('Alleen een leidinggevende van deze medewerker kan een gesprek met hen plannen.');
  }
  if (!employee.active) throw fieldError('employeeId', 'Deze medewerker is niet meer actief.');
  const [kind, memberships, manager] = await Promise.all([
    repo.findKind(ctx.db, board, input.kindId),
    repo.findMemberships(ctx.db, board, employee.id),
    repo.findPerson(ctx.db, board, ctx.actor.personId),
  ]);
  const schoolIds = new Set(memberships.map((m) => m.schoolId).filter((s): s is string => s !== null));
  if (!kind || !kind.active || !schoolIds.has(kind.schoolId)) {
    throw fieldError('kindId', 'Kies een soort gesprek van een school waar deze medewerker werkt.');
  }
  const scheduledAt = new Date(input.scheduledAt);
  const scheduledDay = amsterdamDay(scheduledAt);
  if (input.preparationDueOn && input.preparationDueOn > scheduledDay) {
    throw fieldError('preparationDueOn', 'De voorbereiding moet klaar zijn vóór het gesprek.');
  }
  const roles = memberships.filter((m) => m.schoolId === kind.schoolId || m.schoolId === null).map((m) => m.role);
  const [schoolYearId, roleForm, kindQuestions] = await Promise.all([
    repo.findSchoolYearOn(ctx.db, board, kind.schoolId, scheduledDay),
    repo.findRoleQuestionForm(ctx.db, board, kind.schoolId, roles),
    repo.findForm(ctx.db, board, kind.questionFormId),
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
  if (c.preparationDueOn && c.preparationDueOn > amsterdamDay(scheduledAt)) {
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
  await ctx.db.transaction(async (tx) => {
    const row = await repo.updateConversation(tx, ctx.actor.boardId, id, version, { state: 'held', heldAt: ctx.now });
    if (!row) stale();
    await recordEvent(tx, ctx, id, 'state_changed', { fromState: access.state, toState: 'held' });
  });
  return fresh(ctx, id);
}

export async function savePreparation(
  ctx: Ctx,
  id: string,
  input: ConversationPreparationInput,
): Promise<ConversationDetail> {
  const { full, access } = await loadVisible(ctx, id);
  if (ctx.actor.personId !== full.c.employeeId) forbid('Alleen de medewerker schrijft de voorbereiding.');
  assertState(
    access.state,
    ['planned', 'preparing'],
    'De voorbereiding kan niet meer veranderen: het gesprek is al gehouden of afgezegd.',
  );
  const form = await repo.findForm(ctx.db, ctx.actor.boardId, full.c.reflectionFormId);
  const known = new Set(form?.items.map((i) => i.id) ?? []);
  for (const key of Object.keys(input.answers)) {
    if (!known.has(key)) throw fieldError(`answers.${key}`, 'Deze vraag hoort niet bij de voorbereiding.');
  }
  await ctx.db.transaction(async (tx) => {
    const toState = access.state === 'planned' ? 'preparing' : access.state;
    const row = await repo.updateConversation(tx, ctx.actor.boardId, id, input.version, {
      preparation: input.answers,
      state: toState,
    });
    if (!row) stale();
    if (toState !== access.state) {
      await recordEvent(tx, ctx, id, 'state_changed', { fromState: access.state, toState });
    }
  });
  return fresh(ctx, id);
}

export async function sharePreparation(ctx: Ctx, id: string, version: number): Promise<ConversationDetail> {
  const { full, access } = await loadVisible(ctx, id);
  if (ctx.actor.personId !== full.c.employeeId) forbid('Alleen de medewerker deelt de voorbereiding.');
  if (full.c.preparationSharedAt) throw new AppError('conflict', 'Je hebt je voorbereiding al gedeeld.');
  assertState(
    access.state,
    ['planned', 'preparing', 'held', 'report_draft'],
    'Dit gesprek is afgerond of afgezegd; delen heeft geen zin meer.',
  );
  await ctx.db.transaction(async (tx) => {
    const toState = access.state === 'planned' ? 'preparing' : access.state;
    const row = await repo.updateConversation(tx, ctx.actor.boardId, id, version, {
      preparationSharedAt: ctx.now,
      state: toState,
    });
    if (!row) stale();
    if (toState !== access.state) await recordEvent(tx, ctx, id, 'state_changed', { fromState: access.state, toState });
    await recordEvent(tx, ctx, id, 'preparation_shared');
  });
  return fresh(ctx, id);
}

export async function addEvidence(ctx: Ctx, id: string, input: ConversationEvidenceInput): Promise<ConversationDetail> {
  const { full, access } = await loadVisible(ctx, id);
  if (!abilitiesFor(ctx.actor, access).manageEvidence) {
    if (ctx.actor.personId !== full.c.employeeId) forbid('Alleen de medewerker voegt bewijs toe.');
    throw new AppError('conflict', 'Bij een afgerond of afgezegd gesprek kun je geen bewijs meer toevoegen.');
  }
  await repo.insertEvidence(ctx.db, {
    boardId: ctx.actor.boardId,
    personId: full.c.employeeId,
    conversationId: id,
    title: input.title,
    description: input.description,
    url: input.url ?? null,
    createdBy: ctx.actor.personId,
  });
  return fresh(ctx, id);
}

export async function removeEvidence(ctx: Ctx, id: string, evidenceId: string): Promise<ConversationDetail> {
  const { full, access } = await loadVisible(ctx, id);
  if (!abilitiesFor(ctx.actor, access).manageEvidence) {
    if (ctx.actor.personId !== full.c.employeeId) forbid('Alleen de medewerker haalt bewijs weg.');
    throw new AppError('conflict', 'Bij een afgerond of afgezegd gesprek blijft het bewijs staan.');
  }
  if (!(await repo.deleteEvidence(ctx.db, ctx.actor.boardId, id, evidenceId))) throw new AppError('not_found');
  return fresh(ctx, id);
}

export async function addShare(ctx: Ctx, id: string, personId: string): Promise<ConversationDetail> {
  const { full, access } = await loadVisible(ctx, id);
  if (!abilitiesFor(ctx.actor, access).manageShares)
    forbid('Alleen de medewerker bepaalt met wie dit gesprek gedeeld wordt.');
  if (personId === full.c.employeeId || personId === full.c.managerId) {
    throw fieldError('personId', 'Deze persoon kan het gesprek al zien.');
  }
  const person = await repo.findPerson(ctx.db, ctx.actor.boardId, personId);
  if (!person || !person.active) throw fieldError('personId', 'Kies iemand van je eigen bestuur.');
  await ctx.db.transaction(async (tx) => {
    await repo.insertShare(tx, {
      boardId: ctx.actor.boardId,
      conversationId: id,
      personId,
      grantedBy: ctx.actor.personId,
    });
    await recordEvent(tx, ctx, id, 'shared', { details: { personId, name: displayName(person) } });
  });
  return fresh(ctx, id);
}

export async function removeShare(ctx: Ctx, id: string, personId: string): Promise<ConversationDetail> {
  const { access } = await loadVisible(ctx, id);
  if (!abilitiesFor(ctx.actor, access).manageShares)
    forbid('Alleen de medewerker bepaalt met wie dit gesprek gedeeld wordt.');
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.deleteShare(tx, ctx.actor.boardId, id, personId))) throw new AppError('not_found');
    await recordEvent(tx, ctx, id, 'unshared', { details: { personId } });
  });
  return fresh(ctx, id);
}

export async function searchSharePeople(ctx: Ctx, id: string, search: string): Promise<ConversationSharePeople> {
  const { full, access } = await loadVisible(ctx, id);
  if (!abilitiesFor(ctx.actor, access).manageShares)
    forbid('Alleen de medewerker bepaalt met wie dit gesprek gedeeld wordt.');
  if (search.length < 2) return { items: [] };
  const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const rows = await repo.searchPeople(ctx.db, ctx.actor.boardId, pattern, [
    full.c.employeeId,
    full.c.managerId,
    ...access.sharedWith,
  ]);
  return { items: rows.map((p) => ({ ...ref(p), email: p.email })) };
}

const GRANT_HOURS = 24;

/** HR states a reason and may read the person's conversations for a day; the grant itself is audited. */
export async function grantHrAccess(ctx: Ctx, employeeId: string, reason: string): Promise<ConversationAccessGrant> {
  const employee = await repo.findPerson(ctx.db, ctx.actor.boardId, employeeId);
  if (!employee) throw new AppError('not_found');
  if (!canGrantHrAccess(ctx.actor)) forbid('Alleen HR kan met een reden toegang tot gesprekken vragen.');
  if (employeeId === ctx.actor.personId) throw fieldError('personId', 'Je eigen gesprekken zie je al.');
  const expiresAt = new Date(ctx.now.getTime() + GRANT_HOURS * 3600_000);
  return ctx.db.transaction(async (tx) => {
    const grant = await repo.insertGrant(tx, {
      boardId: ctx.actor.boardId,
      hrPersonId: ctx.actor.personId,
      employeeId,
      reason,
      expiresAt,
    });
    await audit(tx, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'conversation.hr_access',
      subjectPersonId: employeeId,
      targetType: 'person',
      targetId: employeeId,
      details: { reason, expiresAt: expiresAt.toISOString() },
    });
    return { id: grant.id, employeeId, expiresAt: expiresAt.toISOString() };
  });
}

export async function listConversations(ctx: Ctx, q: ConversationsQuery): Promise<ConversationPage> {
  const board = ctx.actor.boardId;
  const me = ctx.actor.personId;
  const filter: repo.ListFilter = {
    boardId: board,
    state: q.state,
    schoolYearId: q.schoolYearId,
  };
  const startOfToday = new Date(`${amsterdamDay(ctx.now)}T00:00:00Z`);
  startOfToday.setTime(startOfToday.getTime() - 2 * 3600_000); // the Amsterdam day starts up to 2 h before UTC's
  if (q.when === 'upcoming') filter.from = startOfToday;
  if (q.when === 'past') filter.before = startOfToday;
  if (q.when === 'open') {
    filter.states = ['planned', 'preparing', 'held', 'report_draft'];
    filter.ascending = true;
  }
  if (q.employeeId && q.employeeId !== me) {
    // One employee's conversations, each checked against the same rule as the detail page.
    const [all, lineManagerIds, hrGrant, shared] = await Promise.all([
      repo.findConversationsOfEmployee(ctx.db, board, q.employeeId),
      repo.findLineManagerIds(ctx.db, board, q.employeeId),
      repo.hasHrGrant(ctx.db, board, me, q.employeeId, ctx.now),
      repo.findSharedIds(ctx.db, board, me),
    ]);
    const isHr = hrGrant && ctx.actor.memberships.some((m) => m.role === 'hr');
    const ids = all
      .filter((c) => c.managerId === me || lineManagerIds.includes(me) || shared.includes(c.id) || isHr)
      .map((c) => c.id);
    if (ids.length === 0 && !lineManagerIds.includes(me) && !isHr) throw new AppError('not_found');
    filter.ids = ids;
    if (isHr && ids.length > 0) {
      await audit(ctx.db, {
        boardId: board,
        actorId: me,
        action: 'conversation.list_read',
        subjectPersonId: q.employeeId,
        targetType: 'person',
        targetId: q.employeeId,
      });
    }
  } else if (q.role === 'employee' || q.employeeId === me) {
    filter.employeeIds = [me];
  } else {
    filter.managerOrEmployees = { managerId: me, employeeIds: await repo.findReportIds(ctx.db, board, me) };
  }
  const { rows, total } = await repo.listConversations(ctx.db, filter, q.page, q.pageSize);
  return {
    items: rows.map((r) => ({
      id: r.c.id,
      state: r.c.state as ConversationState,
      kindName: r.kindName,
      schoolName: r.schoolName,
      employee: ref(r.employee),
      manager: ref(r.manager),
      scheduledAt: r.c.scheduledAt.toISOString(),
      durationMinutes: r.c.durationMinutes,
      location: r.c.location,
      preparationDueOn: r.c.preparationDueOn,
      preparationShared: r.c.preparationSharedAt !== null,
      employeeSigned: r.employeeSignedAt !== null,
      managerSigned: r.managerSignedAt !== null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The plan form's choices: the actor's direct reports and the kinds of their schools. */
export async function planOptions(ctx: Ctx): Promise<ConversationPlanOptions> {
  const board = ctx.actor.boardId;
  const reports = await repo.findDirectReports(ctx.db, board, ctx.actor.personId);
  const employees = await Promise.all(
    reports.map(async (p) => {
      const memberships = await repo.findMemberships(ctx.db, board, p.id);
      const schoolIds = [...new Set(memberships.map((m) => m.schoolId).filter((s): s is string => s !== null))];
      const kinds = await repo.findKindsOfSchools(ctx.db, board, schoolIds);
      return { ...ref(p), kinds: kinds.map((k) => ({ id: k.id, name: k.name, schoolName: k.schoolName })) };
    }),
  );
  return { employees };
}
