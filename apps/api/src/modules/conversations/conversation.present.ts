import type {
  ConversationDetail,
  ConversationState,
  ConversationViewer,
  ConversationViewerReason,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { displayName } from '../organisation/index.ts';
import * as accessRepo from './access.repository.ts';
import { currentReport, loadVisible, type Loaded } from './conversations.access.ts';
import { abilitiesFor, canSeePreparation, heldFrom, isTooEarlyToHold, sideOf } from './conversations.policy.ts';
import * as lookups from './lookups.repository.ts';
import * as repo from './conversations.repository.ts';
import { presentReport } from './report.present.ts';

type Named = { id: string; firstName: string; infix: string | null; lastName: string };
export const ref = (p: Named) => ({ id: p.id, displayName: displayName(p) });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The conversation as its reader may see it: answers, viewers and abilities depend on who reads. */
export async function presentConversation(ctx: Ctx, loaded: Loaded): Promise<ConversationDetail> {
  const { full, access, reports } = loaded;
  const c = full.c;
  const board = ctx.actor.boardId;
  // Only the employee learns who from HR looked and why; for other readers the reason stays with HR.
  const isEmployee = ctx.actor.personId === c.employeeId;
  const [reflection, questions, evidence, rounds, events, shares, lineManagers, grants, hrAccess] = await Promise.all([
    lookups.findForm(ctx.db, board, c.reflectionFormId),
    lookups.findForm(ctx.db, board, c.questionFormId),
    lookups.findEvidence(ctx.db, board, c.id),
    lookups.findFeedbackRounds(ctx.db, board, c.id),
    repo.findEvents(ctx.db, board, c.id),
    accessRepo.findShares(ctx.db, board, c.id),
    accessRepo.findLineManagers(ctx.db, board, c.employeeId),
    accessRepo.findActiveGrants(ctx.db, board, c.employeeId, ctx.now),
    isEmployee ? accessRepo.findGrantsOfEmployee(ctx.db, board, c.employeeId) : [],
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
  const abilities = abilitiesFor(ctx.actor, access);
  const early = abilities.markHeld && isTooEarlyToHold(c.scheduledAt, ctx.now);
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
    heldFrom: early ? heldFrom(c.scheduledAt).toISOString() : null,
    side: sideOf(ctx.actor, access),
    preparation: {
      form: formView(reflection),
      answers: canSeePreparation(ctx.actor, access) ? c.preparation : null,
      sharedAt: iso(c.preparationSharedAt),
    },
    questions: formView(questions),
    // Evidence belongs to the preparation: the manager and other readers see it once the employee shares it.
    evidence: (canSeePreparation(ctx.actor, access) ? evidence : []).map((e) => ({
      id: e.id,
      title: e.title,
      description: e.description,
      url: e.url,
      file:
        e.fileId && e.fileName !== null && e.fileMediaType !== null && e.fileSize !== null
          ? { name: e.fileName, mediaType: e.fileMediaType, size: e.fileSize }
          : null,
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
    hrAccess: hrAccess.map(({ grant, hr }) => ({
      id: grant.id,
      hr: ref(hr),
      reason: grant.reason,
      grantedAt: grant.createdAt.toISOString(),
      until: grant.expiresAt.toISOString(),
      active: grant.expiresAt > ctx.now,
    })),
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
    abilities: { ...abilities, markHeld: abilities.markHeld && !early },
  };
}

/** The detail after a change, without another audit entry: the actor just wrote it. */
export async function fresh(ctx: Ctx, id: string): Promise<ConversationDetail> {
  return presentConversation(ctx, await loadVisible(ctx, id));
}
