import type {
  ConversationDetail,
  ConversationPage,
  ConversationPlanOptions,
  ConversationsQuery,
  ConversationState,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as accessRepo from './access.repository.ts';
import { presentConversation, ref } from './conversation.present.ts';
import { auditRead, loadVisible } from './conversations.access.ts';
import { schoolDay } from '../../platform/time.ts';
import * as repo from './conversations.repository.ts';
import * as lookups from './lookups.repository.ts';

// Reading conversations: one in full, lists per side, and the plan form's choices. Changes live in
// planning.service.ts (date and state), preparation.service.ts, sharing.service.ts (shares and HR access)
// and report.service.ts.

export async function getConversation(ctx: Ctx, id: string): Promise<ConversationDetail> {
  const loaded = await loadVisible(ctx, id);
  const detail = await presentConversation(ctx, loaded);
  await auditRead(ctx, loaded, 'conversation.read', {
    preparation: detail.preparation.answers !== null,
    report: detail.report !== null,
  });
  return detail;
}

export async function listConversations(ctx: Ctx, q: ConversationsQuery): Promise<ConversationPage> {
  const board = ctx.actor.boardId;
  const me = ctx.actor.personId;
  const filter: repo.ListFilter = {
    boardId: board,
    state: q.state,
    schoolYearId: q.schoolYearId,
  };
  const startOfToday = new Date(`${schoolDay(ctx.now)}T00:00:00Z`);
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
      accessRepo.findLineManagerIds(ctx.db, board, q.employeeId),
      accessRepo.hasHrGrant(ctx.db, board, me, q.employeeId, ctx.now),
      accessRepo.findSharedIds(ctx.db, board, me),
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
    filter.managerOrEmployees = { managerId: me, employeeIds: await accessRepo.findReportIds(ctx.db, board, me) };
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
  const reports = await accessRepo.findDirectReports(ctx.db, board, ctx.actor.personId);
  const employees = await Promise.all(
    reports.map(async (p) => {
      const memberships = await lookups.findMemberships(ctx.db, board, p.id);
      const schoolIds = [...new Set(memberships.map((m) => m.schoolId).filter((s): s is string => s !== null))];
      const kinds = await lookups.findKindsOfSchools(ctx.db, board, schoolIds);
      return { ...ref(p), kinds: kinds.map((k) => ({ id: k.id, name: k.name, schoolName: k.schoolName })) };
    }),
  );
  return { employees };
}
