import type { ConversationDetail, ConversationEvidenceInput, ConversationPreparationInput } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { fresh } from './conversation.present.ts';
import { assertState, forbid, loadVisible, recordEvent, stale } from './conversations.access.ts';
import { abilitiesFor } from './conversations.policy.ts';
import * as repo from './conversations.repository.ts';
import * as lookups from './lookups.repository.ts';

// The employee's side before the conversation: the self-reflection, sharing it, and evidence.

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
  const form = await lookups.findForm(ctx.db, ctx.actor.boardId, full.c.reflectionFormId);
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
  await lookups.insertEvidence(ctx.db, {
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
  if (!(await lookups.deleteEvidence(ctx.db, ctx.actor.boardId, id, evidenceId))) throw new AppError('not_found');
  return fresh(ctx, id);
}
