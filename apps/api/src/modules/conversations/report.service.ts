import { randomUUID } from 'node:crypto';
import type {
  ConversationDetail,
  ConversationReportInput,
  ConversationSignInput,
  ConversationState,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { displayName } from '../organisation/index.ts';
import {
  assertMove,
  auditRead,
  currentReport,
  forbid,
  loadVisible,
  recordEvent,
  stale,
} from './conversations.access.ts';
import { foreignReportFields, sideOf, signaturesVoidedBy } from './conversations.policy.ts';
import * as repo from './conversations.repository.ts';
import type { ReportAgreement } from './conversations.schema.ts';
import { getConversation } from './conversations.service.ts';
import { renderReportPdf } from './report.pdf.ts';

const MANAGER_TEXT = ['goingWell', 'toDevelop', 'employeeNeeds', 'managerOffers', 'progressEvidence'] as const;

function normaliseAgreements(input: NonNullable<ConversationReportInput['agreements']>): ReportAgreement[] {
  return input.map((a, i) => {
    if (a.targetDate && a.actions.some((x) => x.dueOn && x.dueOn > a.targetDate!)) {
      const at = a.actions.findIndex((x) => x.dueOn && x.dueOn > a.targetDate!);
      throw fieldError(
        `agreements.${i}.actions.${at}.dueOn`,
        'Een actie moet klaar zijn vóór de streefdatum van het doel.',
      );
    }
    return {
      id: a.id ?? randomUUID(),
      title: a.title.trim(),
      description: a.description,
      measure: a.measure.trim(),
      targetDate: a.targetDate,
      actions: a.actions.map((x) => ({
        id: x.id ?? randomUUID(),
        title: x.title.trim(),
        owner: x.owner,
        dueOn: x.dueOn,
      })),
    };
  });
}

/**
 * The manager writes the report (the first save starts it: held → report_draft); the employee writes their
 * own view. Any change of content clears both signatures, so nobody signs text they have not seen.
 */
export async function saveReport(ctx: Ctx, id: string, input: ConversationReportInput): Promise<ConversationDetail> {
  const { full, access, reports } = await loadVisible(ctx, id);
  const side = sideOf(ctx.actor, access);
  const { version, ...fields } = input;
  if (side === 'viewer') forbid('Alleen de medewerker en de leidinggevende schrijven in het verslag.');
  const foreign = foreignReportFields(side, fields);
  if (foreign.length > 0) {
    forbid(
      side === 'manager'
        ? 'De eigen kijk van de medewerker schrijft alleen de medewerker.'
        : 'Dit deel van het verslag schrijft de leidinggevende; jij schrijft je eigen kijk.',
    );
  }
  const report = currentReport(reports);
  const state = access.state;
  if (side === 'employee' && (state !== 'report_draft' || !report)) {
    throw new AppError('conflict', 'Er is nog geen verslag om op te reageren.', { reason: 'state', state });
  }
  if (report?.lockedAt) {
    throw new AppError('conflict', 'Dit verslag is door beiden ondertekend en staat vast. Vraag een correctie aan.', {
      reason: 'locked',
    });
  }
  if (!report) assertMove(state, 'report_draft');
  else if (state !== 'report_draft') assertMove(state, 'report_draft');

  const values: Partial<repo.ReportRow> = {};
  for (const key of MANAGER_TEXT) if (fields[key] !== undefined) values[key] = fields[key];
  if (fields.nextDate !== undefined) values.nextDate = fields.nextDate;
  if (fields.agreements !== undefined) values.agreements = normaliseAgreements(fields.agreements);
  if (fields.employeeView !== undefined) values.employeeView = fields.employeeView;
  if (fields.employeeDisagrees !== undefined) values.employeeDisagrees = fields.employeeDisagrees;

  await ctx.db.transaction(async (tx) => {
    if (!report) {
      if (version !== 0) stale();
      await repo.insertReport(tx, { boardId: ctx.actor.boardId, conversationId: id, revision: 1, ...values });
      const row = await repo.updateConversation(tx, ctx.actor.boardId, id, full.c.version, { state: 'report_draft' });
      if (!row) stale();
      await recordEvent(tx, ctx, id, 'state_changed', { fromState: state, toState: 'report_draft' });
      return;
    }
    const changed = Object.entries(values)
      .filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(report[k as keyof repo.ReportRow]))
      .map(([k]) => k);
    const voided = signaturesVoidedBy(changed);
    const cleared = {
      ...(voided.employee && report.employeeSignedAt ? { employeeSignedAt: null } : {}),
      ...(voided.manager && report.managerSignedAt ? { managerSignedAt: null } : {}),
    };
    const row = await repo.updateReport(tx, ctx.actor.boardId, report.id, version, { ...values, ...cleared });
    if (!row) stale();
    if (Object.keys(cleared).length > 0) {
      await recordEvent(tx, ctx, id, 'signatures_cleared', { details: { signatures: Object.keys(cleared) } });
    }
  });
  return getFresh(ctx, id);
}

async function getFresh(ctx: Ctx, id: string) {
  // The writer reads their own change back; for the employee this never audits, for others it records the read.
  return getConversation(ctx, id);
}

export async function signReport(ctx: Ctx, id: string, input: ConversationSignInput): Promise<ConversationDetail> {
  const { full, access, reports } = await loadVisible(ctx, id);
  const side = sideOf(ctx.actor, access);
  if (side === 'viewer') forbid('Alleen de medewerker en de leidinggevende ondertekenen het verslag.');
  const report = currentReport(reports);
  if (access.state !== 'report_draft' || !report || report.lockedAt) {
    throw new AppError('conflict', 'Er is geen verslag dat op je handtekening wacht.', { reason: 'state' });
  }
  if (input.disagrees !== undefined && side !== 'employee') {
    forbid('Alleen de medewerker kan aangeven het niet eens te zijn.');
  }
  const signedField = side === 'employee' ? 'employeeSignedAt' : 'managerSignedAt';
  if (report[signedField]) throw new AppError('conflict', 'Je hebt dit verslag al ondertekend.', { reason: 'signed' });
  await ctx.db.transaction(async (tx) => {
    const both = side === 'employee' ? report.managerSignedAt !== null : report.employeeSignedAt !== null;
    const row = await repo.updateReport(tx, ctx.actor.boardId, report.id, input.version, {
      [signedField]: ctx.now,
      ...(input.disagrees !== undefined ? { employeeDisagrees: input.disagrees } : {}),
      ...(both ? { lockedAt: ctx.now } : {}),
    });
    if (!row) stale();
    await recordEvent(tx, ctx, id, 'signed', {
      details: {
        side,
        revision: report.revision,
        ...(side === 'employee' ? { disagrees: row.employeeDisagrees } : {}),
      },
    });
    if (!both) return;
    const conv = await repo.updateConversation(tx, ctx.actor.boardId, id, full.c.version, { state: 'agreed' });
    if (!conv) stale();
    await recordEvent(tx, ctx, id, 'state_changed', { fromState: 'report_draft', toState: 'agreed' });
    // Loaded when first needed: the development module's index imports this module, and a static import
    // here would close an import cycle that leaves some module's top-level bindings unset at start-up.
    const { addAgreedGoals } = await import('../development/index.ts');
    await addAgreedGoals(tx, {
      boardId: ctx.actor.boardId,
      personId: full.c.employeeId,
      managerId: full.c.managerId,
      conversationId: id,
      progressEvidence: row.progressEvidence,
      createdBy: ctx.actor.personId,
      agreements: row.agreements.map((a) => ({
        title: a.title,
        description: a.description,
        measure: a.measure,
        targetDate: a.targetDate,
        actions: a.actions.map((x) => ({ title: x.title, owner: x.owner, dueOn: x.dueOn })),
      })),
    });
  });
  return getFresh(ctx, id);
}

/** A signed report stays as it is; a correction is a new, linked, unsigned revision. */
export async function requestCorrection(ctx: Ctx, id: string, reason: string): Promise<ConversationDetail> {
  const { full, access, reports } = await loadVisible(ctx, id);
  if (sideOf(ctx.actor, access) === 'viewer')
    forbid('Alleen de medewerker en de leidinggevende kunnen een correctie maken.');
  const report = currentReport(reports);
  if (!report?.lockedAt) {
    throw new AppError('conflict', 'Een correctie kan pas als het verslag door beiden is ondertekend.', {
      reason: 'state',
    });
  }
  assertMove(access.state, 'report_draft');
  await ctx.db.transaction(async (tx) => {
    await repo.insertReport(tx, {
      boardId: ctx.actor.boardId,
      conversationId: id,
      revision: report.revision + 1,
      supersedesId: report.id,
      correctionReason: reason,
      goingWell: report.goingWell,
      toDevelop: report.toDevelop,
      employeeNeeds: report.employeeNeeds,
      managerOffers: report.managerOffers,
      progressEvidence: report.progressEvidence,
      nextDate: report.nextDate,
      agreements: report.agreements,
      employeeView: report.employeeView,
      employeeDisagrees: report.employeeDisagrees,
    });
    const row = await repo.updateConversation(tx, ctx.actor.boardId, id, full.c.version, {
      state: 'report_draft',
      closedAt: null,
    });
    if (!row) stale();
    await recordEvent(tx, ctx, id, 'correction', {
      fromState: access.state,
      toState: 'report_draft',
      reason,
      details: { revision: report.revision + 1 },
    });
  });
  return getFresh(ctx, id);
}

export async function closeConversation(ctx: Ctx, id: string, version: number): Promise<ConversationDetail> {
  const { full, access } = await loadVisible(ctx, id);
  if (ctx.actor.personId !== full.c.managerId) forbid('Alleen de leidinggevende rondt een gesprek af.');
  assertMove(access.state, 'closed');
  await ctx.db.transaction(async (tx) => {
    const row = await repo.updateConversation(tx, ctx.actor.boardId, id, version, {
      state: 'closed',
      closedAt: ctx.now,
    });
    if (!row) stale();
    await recordEvent(tx, ctx, id, 'state_changed', { fromState: access.state, toState: 'closed' });
  });
  return getFresh(ctx, id);
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The report as an A4 PDF; the read is audited like the page. */
export async function reportPdf(
  ctx: Ctx,
  id: string,
  revision: number | undefined,
): Promise<{ filename: string; pdf: Buffer }> {
  const loaded = await loadVisible(ctx, id);
  const { full, reports } = loaded;
  const report = revision === undefined ? currentReport(reports) : reports.find((r) => r.revision === revision);
  if (!report) throw new AppError('not_found', 'Er is (nog) geen verslag van dit gesprek.');
  const superseded = report.supersedesId ? reports.find((r) => r.id === report.supersedesId) : undefined;
  const pdf = await renderReportPdf({
    schoolName: full.school.name,
    kindName: full.kind.name,
    employeeName: displayName(full.employee),
    managerName: displayName(full.manager),
    scheduledAt: full.c.scheduledAt,
    state: full.c.state as ConversationState,
    report,
    supersededRevision: superseded?.revision ?? null,
    generatedAt: ctx.now,
  });
  await auditRead(ctx, loaded, 'conversation.report_pdf', { revision: report.revision });
  const day = full.c.scheduledAt.toISOString().slice(0, 10);
  const filename = `verslag-${slug(full.kind.name)}-${slug(displayName(full.employee))}-${day}${report.revision > 1 ? `-versie-${report.revision}` : ''}.pdf`;
  return { filename, pdf };
}
