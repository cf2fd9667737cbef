import type { BarometerAnswer, BarometerForm } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import { schoolDay } from '../../platform/time.ts';
import * as policy from './barometer.policy.ts';
import * as repo from './barometer.repository.ts';
import { checkAnswer, questionDto } from './barometer.rules.ts';

// Answering a round. Nothing here writes who answered what to the audit log or the request log: the person's
// participation row turns answered and a response row without a person, a time or an order is added, in one
// transaction, nothing else.

const CLOSED = 'Deze barometer is gesloten; je kunt niet meer invullen.';
const ALREADY = 'Je hebt deze barometer al ingevuld. Dank je wel!';
const NOT_ASKED = 'Je hoorde nog niet bij dit team toen deze ronde begon; de volgende ronde doe je mee.';

const isOpen = (round: repo.RoundRow, today: string) => round.status === 'open' && round.closesOn >= today;

/** The round as someone who was asked (or a member of its team) sees it; 404 for everyone else. */
async function load(ctx: Ctx, id: string) {
  const round = await repo.findRound(ctx.db, ctx.actor.boardId, id);
  if (!round) throw new AppError('not_found');
  const participation = await repo.findParticipation(ctx.db, ctx.actor.boardId, round.id, ctx.actor.personId);
  const member = policy.resultsAccess(ctx.actor, round) === 'member';
  if (!participation && !member) throw new AppError('not_found');
  return { round, participation };
}

export async function getForm(ctx: Ctx, id: string): Promise<BarometerForm> {
  const { round, participation } = await load(ctx, id);
  const team = await repo.findTeam(ctx.db, ctx.actor.boardId, round.teamId);
  return {
    roundId: round.id,
    teamId: round.teamId,
    teamName: team?.name ?? '',
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    status: isOpen(round, schoolDay(ctx.now)) ? 'open' : 'closed',
    questions: round.questions.map(questionDto),
    invitedMe: participation !== null,
    answeredByMe: participation?.answered ?? false,
    minGroupSize: round.minGroupSize,
    minTextGroupSize: round.minTextGroupSize,
  };
}

export async function answer(ctx: Ctx, id: string, input: BarometerAnswer): Promise<void> {
  const { round, participation } = await load(ctx, id);
  const today = schoolDay(ctx.now);
  if (!isOpen(round, today)) throw new AppError('conflict', CLOSED, { reason: 'closed' });
  if (!participation) throw new AppError('conflict', NOT_ASKED, { reason: 'not_invited' });
  const checked = checkAnswer(round.questions, input);
  if (!checked.ok) throw new AppError('validation', checked.errors[0]!.message, checked.errors);
  await ctx.db.transaction(async (tx) => {
    // The round is read under a share lock: closing (which takes it for update) waits, or has already happened.
    const locked = await repo.findRound(tx, ctx.actor.boardId, id, 'share');
    if (!locked || !isOpen(locked, today)) throw new AppError('conflict', CLOSED, { reason: 'closed' });
    // Conditional on answered = false, and the only check of it: of two submits (one after the other, or at the
    // same moment) one changes the row, the other none.
    const first = await repo.markAnswered(tx, ctx.actor.boardId, id, ctx.actor.personId);
    if (!first) throw new AppError('conflict', ALREADY, { reason: 'answered' });
    await repo.insertResponse(tx, {
      boardId: locked.boardId,
      roundId: locked.id,
      scores: checked.value.scores,
      texts: checked.value.texts,
    });
  });
}
