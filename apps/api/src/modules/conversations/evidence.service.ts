import {
  Id,
  type ConversationDetail,
  type ConversationEvidenceFileQuery,
  type ConversationEvidenceInput,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { EvidenceFileContent } from '../development/index.ts';
import { fresh } from './conversation.present.ts';
import { auditRead, forbid, loadVisible, type Loaded } from './conversations.access.ts';
import { abilitiesFor, canSeePreparation } from './conversations.policy.ts';
import * as lookups from './lookups.repository.ts';

// The employee's evidence for the conversation: a link or an uploaded file. It is part of the preparation, so
// its readers are the preparation's readers; the rows and files live in the development module's tables.
// The development module is imported when used, as in report.service.ts: it imports this module's tables, and
// a static import would make a cycle that breaks start-up order.
const development = () => import('../development/index.ts');

const NOT_FOUND = 'Dit bewijs bestaat niet of je mag het niet zien.';

/**
 * Only the employee changes the evidence, and only while the conversation is open (planned up to the report
 * in draft): 404 for who may not see the conversation, 403 for other readers, 409 once it is closed or
 * cancelled.
 */
export async function loadForEvidenceChange(ctx: Ctx, id: string, refusal: string, closed: string): Promise<Loaded> {
  if (!Id.safeParse(id).success) throw new AppError('not_found', 'Dit gesprek bestaat niet of je mag het niet zien.');
  const loaded = await loadVisible(ctx, id);
  if (!abilitiesFor(ctx.actor, loaded.access).manageEvidence) {
    if (ctx.actor.personId !== loaded.full.c.employeeId) forbid(refusal);
    throw new AppError('conflict', closed, { reason: 'state', state: loaded.access.state });
  }
  return loaded;
}

const ADD_REFUSED = 'Alleen de medewerker voegt bewijs toe.';
const ADD_CLOSED = 'Bij een afgerond of afgezegd gesprek kun je geen bewijs meer toevoegen.';

/** Checks before an upload's body is read: a refusal costs nobody 10 MB. */
export async function assertMayAddEvidence(ctx: Ctx, id: string): Promise<void> {
  await loadForEvidenceChange(ctx, id, ADD_REFUSED, ADD_CLOSED);
}

export async function addEvidence(ctx: Ctx, id: string, input: ConversationEvidenceInput): Promise<ConversationDetail> {
  const { full } = await loadForEvidenceChange(ctx, id, ADD_REFUSED, ADD_CLOSED);
  await lookups.insertEvidence(ctx.db, {
    boardId: ctx.actor.boardId,
    personId: full.c.employeeId,
    conversationId: id,
    title: input.title,
    description: input.description,
    url: input.url ?? null,
    createdBy: ctx.actor.personId,
    createdAt: ctx.now,
  });
  return fresh(ctx, id);
}

/** Evidence with an uploaded file: the file and its evidence row are stored together or not at all. */
export async function addFileEvidence(
  ctx: Ctx,
  id: string,
  input: ConversationEvidenceFileQuery,
  bytes: Buffer,
): Promise<ConversationDetail> {
  const { full } = await loadForEvidenceChange(ctx, id, ADD_REFUSED, ADD_CLOSED);
  const { boardId, personId } = ctx.actor;
  const { storeEvidenceFile } = await development();
  await ctx.db.transaction(async (tx) => {
    const file = await storeEvidenceFile(tx, {
      boardId,
      personId: full.c.employeeId,
      createdBy: personId,
      name: input.fileName,
      bytes,
    });
    await lookups.insertEvidence(tx, {
      boardId,
      personId: full.c.employeeId,
      conversationId: id,
      title: input.title,
      description: input.description,
      fileId: file.fileId,
      createdBy: personId,
      createdAt: ctx.now,
    });
  });
  return fresh(ctx, id);
}

/** Removes a piece of evidence; its file goes with it (the database trigger of the evidence files). */
export async function removeEvidence(ctx: Ctx, id: string, evidenceId: string): Promise<ConversationDetail> {
  await loadForEvidenceChange(
    ctx,
    id,
    'Alleen de medewerker haalt bewijs weg.',
    'Bij een afgerond of afgezegd gesprek blijft het bewijs staan.',
  );
  const found = Id.safeParse(evidenceId).success;
  if (!found || !(await lookups.deleteEvidence(ctx.db, ctx.actor.boardId, id, evidenceId))) {
    throw new AppError('not_found', NOT_FOUND);
  }
  return fresh(ctx, id);
}

/**
 * The file of a piece of the conversation's evidence, for whoever may read the preparation: the employee, and
 * once they shared it the manager and the conversation's other readers (404 before, as for anything they may
 * not see). A read by someone other than the employee goes to the audit log.
 */
export async function getEvidenceFile(ctx: Ctx, id: string, evidenceId: string): Promise<EvidenceFileContent> {
  const loaded = await loadVisible(ctx, id);
  if (!canSeePreparation(ctx.actor, loaded.access) || !Id.safeParse(evidenceId).success) {
    throw new AppError('not_found', NOT_FOUND);
  }
  const item = await lookups.findEvidenceItem(ctx.db, ctx.actor.boardId, id, evidenceId);
  if (!item) throw new AppError('not_found', NOT_FOUND);
  const { readEvidenceFile } = await development();
  const file = item.fileId ? await readEvidenceFile(ctx.db, ctx.actor.boardId, item.fileId) : undefined;
  if (!file) throw new AppError('not_found', 'Bij dit bewijs hoort geen bestand.');
  await auditRead(ctx, loaded, 'conversation.evidence_file_read', {
    evidenceId: item.id,
    title: item.title,
    name: file.name,
  });
  return file;
}
