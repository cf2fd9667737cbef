import type { FeedbackRoundDetail } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as repo from './feedback.repository.ts';
import { shuffled } from './feedback.rules.ts';
import { getRound, loadOwnRound } from './rounds.service.ts';
import { schoolDay } from '../../platform/time.ts';

// Closing a round, by its subject or by the daily job, and sealing its answers as it closes.

/**
 * Closes a round inside the caller's transaction. The answers were stored one by one while raters
 * responded, so their ids, physical order and transaction ids could be lined up with the moments the
 * invitations turned 'answered'. Rewriting them all in random order with fresh ids, and touching every
 * invitation in one statement, removes that trail before anyone sees a result.
 */
async function sealAndClose(db: Db, boardId: string, roundId: string, now: Date) {
  const round = await repo.findRound(db, boardId, roundId, 'update');
  if (!round || round.status !== 'open') return false;
  const responses = await repo.findResponses(db, boardId, roundId);
  await repo.sealRound(db, boardId, roundId, shuffled(responses));
  await repo.updateRound(db, boardId, roundId, { status: 'closed', closedAt: now });
  return true;
}

export async function closeRound(ctx: Ctx, id: string): Promise<FeedbackRoundDetail> {
  await loadOwnRound(ctx, id, { open: true });
  await ctx.db.transaction(async (tx) => {
    const closed = await sealAndClose(tx, ctx.actor.boardId, id, ctx.now);
    if (!closed) throw new AppError('conflict', 'Deze feedbackronde is al gesloten.');
    await audit(tx, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'feedback.round.closed',
      subjectPersonId: ctx.actor.personId,
      targetType: 'feedback_round',
      targetId: id,
    });
  });
  return getRound(ctx, id);
}

/** Closes every open round whose closing date has passed (a daily job); returns how many it closed. */
export async function closeExpiredRounds(db: Db, now: Date): Promise<number> {
  const expired = await repo.findExpiredRounds(db, schoolDay(now));
  let closed = 0;
  for (const r of expired) {
    const done = await db.transaction(async (tx) => {
      const ok = await sealAndClose(tx, r.boardId, r.id, now);
      if (ok) {
        await audit(tx, {
          boardId: r.boardId,
          actorId: null,
          action: 'feedback.round.closed',
          targetType: 'feedback_round',
          targetId: r.id,
          details: { automatic: true },
        });
      }
      return ok;
    });
    if (done) closed++;
  }
  return closed;
}
