import type { ConversationDetail, ConversationPreparationInput } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { fresh } from './conversation.present.ts';
import { assertState, forbid, loadVisible, recordEvent, stale } from './conversations.access.ts';
import * as repo from './conversations.repository.ts';
import * as lookups from './lookups.repository.ts';

// The employee's side before the conversation: the self-reflection and sharing it (evidence: evidence.service.ts).

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
