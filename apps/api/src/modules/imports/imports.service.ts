import {
  REQUIRED_IMPORT_FIELDS,
  type ImportOptions,
  type ImportPreview,
  type ImportResult,
  type ImportUpload,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/http/errors.ts';
import { canEditPeople, canManageRoles } from '../organisation/index.ts';
import { suggestMapping } from './mapping.ts';
import { parseStaffFile } from './parse.ts';
import { buildPlan, mappingProblems, type ImportPlan } from './plan.ts';
import * as repo from './imports.repository.ts';

const PREVIEW_ROWS = 1000;
export const UPLOAD_TTL_MS = 24 * 3600_000;

function requireImporter(ctx: Ctx) {
  // An import grants roles and line management, so it needs both abilities.
  if (!canEditPeople(ctx.actor) || !canManageRoles(ctx.actor)) throw new AppError('forbidden');
}

/** Reads the file and keeps its rows until the import is committed. */
export async function uploadStaffFile(ctx: Ctx, filename: string, buffer: Buffer): Promise<ImportUpload> {
  requireImporter(ctx);
  const sheet = await parseStaffFile(buffer);
  await repo.deleteStaleUploads(ctx.db, ctx.actor.boardId, new Date(ctx.now.getTime() - UPLOAD_TTL_MS));
  const row = await repo.insertImport(ctx.db, {
    boardId: ctx.actor.boardId,
    createdBy: ctx.actor.personId,
    filename: filename.slice(0, 200),
    columns: sheet.columns,
    rows: sheet.rows,
    rowCount: sheet.rows.length,
  });
  return {
    id: row.id,
    filename,
    columns: sheet.columns,
    rowCount: sheet.rows.length,
    sample: sheet.rows.slice(0, 5),
    suggestedMapping: suggestMapping(sheet.columns),
  };
}

async function planFor(ctx: Ctx, importId: string, options: ImportOptions) {
  const record = await repo.findImport(ctx.db, ctx.actor.boardId, importId);
  if (!record) throw new AppError('not_found', 'Deze import bestaat niet (meer). Upload het bestand opnieuw.');
  if (record.status === 'committed')
    throw new AppError('conflict', 'Deze import is al verwerkt. Upload het bestand opnieuw om nog eens te importeren.');
  const problems = mappingProblems(record.columns, options.mapping, REQUIRED_IMPORT_FIELDS);
  if (problems.length > 0) throw new AppError('validation', 'Koppel eerst de verplichte kolommen.', problems);
  const emailColumn = record.columns.indexOf(options.mapping.email!);
  const emails = [...new Set(record.rows.map((r) => (r[emailColumn] ?? '').trim().toLowerCase()).filter(Boolean))];
  const state = await repo.loadBoardState(ctx.db, ctx.actor.boardId, ctx.actor.personId, emails);
  return buildPlan(record.columns, record.rows, options.mapping, state, options.deactivateMissing);
}

function present(importId: string, plan: ImportPlan): ImportPreview {
  const order = { error: 0, create: 1, update: 2, unchanged: 3 } as const;
  const interesting = plan.rows
    .filter((r) => r.action !== 'unchanged')
    .sort((a, b) => order[a.action] - order[b.action] || a.line - b.line);
  return {
    id: importId,
    summary: plan.summary,
    rows: interesting.slice(0, PREVIEW_ROWS),
    truncated: interesting.length > PREVIEW_ROWS,
    deactivated: plan.deactivate
      .slice(0, PREVIEW_ROWS)
      .map((p) => ({ id: p.id, name: p.name, employeeNumber: p.employeeNumber })),
    canCommit: plan.summary.errors === 0,
    derivedRoles: plan.derivedRoles,
  };
}

/** The dry run: what a commit would do, row by row, without changing anything. */
export async function previewImport(ctx: Ctx, importId: string, options: ImportOptions): Promise<ImportPreview> {
  requireImporter(ctx);
  return present(importId, await planFor(ctx, importId, options));
}

/**
 * Applies the import in one transaction, after planning it again on the current data. When the plan
 * differs from the preview the admin saw, or has errors, nothing changes.
 */
export async function commitImport(
  ctx: Ctx,
  importId: string,
  options: ImportOptions & { expected?: { create: number; update: number; deactivate: number } | undefined },
): Promise<ImportResult> {
  requireImporter(ctx);
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const locked = await repo.lockImport(tx, ctx.actor.boardId, importId);
    if (!locked) throw new AppError('not_found', 'Deze import bestaat niet (meer). Upload het bestand opnieuw.');
    const plan = await planFor(txCtx, importId, options);
    if (plan.summary.errors > 0) {
      throw new AppError(
        'validation',
        `Het bestand heeft nog ${plan.summary.errors} ${plan.summary.errors === 1 ? 'fout' : 'fouten'}. Los ze op en upload opnieuw.`,
      );
    }
    const e = options.expected;
    if (
      e &&
      (e.create !== plan.summary.create || e.update !== plan.summary.update || e.deactivate !== plan.summary.deactivate)
    ) {
      throw new AppError(
        'conflict',
        'De gegevens zijn sinds de voorvertoning gewijzigd. Bekijk de voorvertoning opnieuw.',
      );
    }
    await repo.applyPlan(tx, ctx.actor.boardId, ctx.actor.personId, plan, ctx.now);
    await repo.markCommitted(tx, importId, plan.summary, ctx.now);
    await audit(tx, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'import.committed',
      targetType: 'staff_import',
      targetId: importId,
      details: { ...plan.summary },
    });
    return { id: importId, summary: plan.summary };
  });
}
