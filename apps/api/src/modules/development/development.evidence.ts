import type { DevelopmentEvidence, DevelopmentEvidenceFileQuery, DevelopmentEvidenceInput } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { type EvidenceFileContent, readEvidenceFile, storeEvidenceFile } from './development.file-store.ts';
import * as policy from './development.policy.ts';
import { loadGoal, presentEvidence, relationOf } from './development.present.ts';
import * as repo from './development.repository.ts';

// Evidence on the owner's plan: a description with a web link or a file, optionally tied to one of their
// goals, conversations or feedback rounds.

type Links = { goalId?: string | null; conversationId?: string | null; feedbackRoundId?: string | null };

/** Only the owner adds evidence, and only pointing at their own goal, conversation and feedback round. */
async function checkLinks(ctx: Ctx, input: Links): Promise<void> {
  const { boardId, personId } = ctx.actor;
  if (input.goalId) {
    const { relation } = await loadGoal(ctx, input.goalId);
    if (relation !== 'owner') throw new AppError('forbidden', 'Alleen de eigenaar voegt bewijs toe aan een doel.');
  }
  if (input.conversationId && !(await repo.isConversationOf(ctx.db, boardId, input.conversationId, personId))) {
    throw fieldError('conversationId', 'Dit gesprek is niet gevonden.');
  }
  if (input.feedbackRoundId && !(await repo.isFeedbackRoundOf(ctx.db, boardId, input.feedbackRoundId, personId))) {
    // Someone else's round is not there for this person at all: not found, like any row they may not read.
    throw new AppError('not_found', 'Deze feedbackronde is niet gevonden.', [
      { path: 'feedbackRoundId', message: 'Deze feedbackronde is niet gevonden.' },
    ]);
  }
}

async function presentNew(db: Db, boardId: string, id: string): Promise<DevelopmentEvidence> {
  const row = await repo.findEvidenceItem(db, boardId, id);
  return presentEvidence(row!, 'owner');
}

export async function addEvidence(ctx: Ctx, input: DevelopmentEvidenceInput): Promise<DevelopmentEvidence> {
  const { boardId, personId } = ctx.actor;
  await checkLinks(ctx, input);
  if (input.url && !policy.isWebLink(input.url)) {
    throw fieldError('url', 'Gebruik een link die begint met https:// of http://.');
  }
  const id = await repo.insertEvidence(ctx.db, {
    boardId,
    personId,
    goalId: input.goalId ?? null,
    conversationId: input.conversationId ?? null,
    feedbackRoundId: input.feedbackRoundId ?? null,
    title: input.title,
    description: input.description ?? '',
    url: input.url || null,
    createdBy: personId,
    createdAt: ctx.now,
  });
  return presentNew(ctx.db, boardId, id);
}

/** Evidence with an uploaded file: the file and its evidence row are stored together or not at all. */
export async function addFileEvidence(
  ctx: Ctx,
  input: DevelopmentEvidenceFileQuery,
  bytes: Buffer,
): Promise<DevelopmentEvidence> {
  const { boardId, personId } = ctx.actor;
  await checkLinks(ctx, input);
  const id = await ctx.db.transaction(async (tx) => {
    const file = await storeEvidenceFile(tx, { boardId, personId, createdBy: personId, name: input.fileName, bytes });
    return repo.insertEvidence(tx, {
      boardId,
      personId,
      goalId: input.goalId ?? null,
      conversationId: input.conversationId ?? null,
      feedbackRoundId: input.feedbackRoundId ?? null,
      title: input.title,
      description: input.description ?? '',
      fileId: file.fileId,
      createdBy: personId,
      createdAt: ctx.now,
    });
  });
  return presentNew(ctx.db, boardId, id);
}

/**
 * The evidence as far as the actor may see it: the owner always; their leidinggevende only when it hangs on
 * a goal shared with them (the same rule as in the plan). Anything else is a 404.
 */
async function loadVisibleEvidence(ctx: Ctx, evidenceId: string) {
  const row = await repo.findEvidenceItem(ctx.db, ctx.actor.boardId, evidenceId);
  if (!row) throw new AppError('not_found');
  const { relation } = await relationOf(ctx, row.personId);
  if (relation !== 'owner') {
    const goal = row.goalId ? await repo.findGoal(ctx.db, ctx.actor.boardId, row.goalId) : undefined;
    if (!goal || !policy.canSeeGoal(relation, goal)) throw new AppError('not_found');
  }
  return { row, relation };
}

/** The file of a piece of evidence, for download; a manager's download is in the audit log. */
export async function getEvidenceFile(ctx: Ctx, evidenceId: string): Promise<EvidenceFileContent> {
  const { row, relation } = await loadVisibleEvidence(ctx, evidenceId);
  const file = row.fileId ? await readEvidenceFile(ctx.db, ctx.actor.boardId, row.fileId) : undefined;
  if (!file) throw new AppError('not_found', 'Bij dit bewijs hoort geen bestand.');
  if (relation === 'manager') {
    await audit(ctx.db, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'development.read',
      subjectPersonId: row.personId,
      targetType: 'development_evidence',
      targetId: row.id,
      details: { view: 'evidence_file', name: file.name },
    });
  }
  return file;
}

export async function deleteEvidence(ctx: Ctx, evidenceId: string): Promise<void> {
  const { relation } = await loadVisibleEvidence(ctx, evidenceId);
  if (relation !== 'owner') throw new AppError('forbidden');
  await repo.deleteEvidence(ctx.db, ctx.actor.boardId, evidenceId);
}
