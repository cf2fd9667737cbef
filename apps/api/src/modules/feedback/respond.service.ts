import { NAMED_RATER_GROUPS, type FeedbackAnswer, type FeedbackForm, type RaterGroup } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as repo from './feedback.repository.ts';
import { asInstrument, checkAnswer } from './feedback.rules.ts';
import { hashToken } from './link-tokens.ts';

// Answering never writes to the audit log or the request log who answered what: the invitation turns
// 'answered' and a response row without a person is added, nothing else.

type Deps = { db: Db; now: Date };

const USED = 'Deze link is al gebruikt. Je feedback is al binnen: dank je wel!';

/** Why a link cannot be used, as the error the rater sees. */
function refusal(invitation: repo.InvitationRow | null, round: repo.RoundRow | null, now: Date): AppError | null {
  if (!invitation || !round) {
    return new AppError(
      'not_found',
      'We kennen deze link niet. Gebruik de hele link uit de e-mail; als je een nieuwe e-mail kreeg, werkt alleen de nieuwste link.',
      { reason: 'unknown' },
    );
  }
  if (invitation.status === 'answered') return new AppError('conflict', USED, { reason: 'used' });
  if (round.status !== 'open' || invitation.expiresAt.getTime() <= now.getTime()) {
    return new AppError('not_found', 'Deze link is verlopen: de feedbackronde is gesloten.', { reason: 'expired' });
  }
  if (invitation.status !== 'pending') {
    return new AppError('not_found', 'Deze uitnodiging is ingetrokken. Je hoeft niets meer in te vullen.', {
      reason: 'revoked',
    });
  }
  return null;
}

async function formFor(db: Db, invitation: repo.InvitationRow, round: repo.RoundRow): Promise<FeedbackForm> {
  const [subject] = await repo.findPeople(db, round.boardId, [round.subjectId]);
  const [school] = await repo.findSchools(db, round.boardId, [round.schoolId]);
  const group = invitation.raterGroup as RaterGroup;
  return {
    title: round.title,
    message: round.message,
    subjectFirstName: subject?.firstName ?? '',
    schoolName: school?.name ?? '',
    raterGroup: group,
    closesOn: round.closesOn,
    instrument: asInstrument(round.instrument),
    anonymous: !NAMED_RATER_GROUPS.includes(group),
  };
}

async function load(db: Db, invitation: repo.InvitationRow | null) {
  const round = invitation ? await repo.findRound(db, invitation.boardId, invitation.roundId) : null;
  return { invitation, round };
}

/** Stores one answer for a pending invitation, once: the invitation row is locked for the decision. */
async function submit(
  deps: Deps,
  find: (db: Db, lock: boolean) => Promise<repo.InvitationRow | null>,
  answer: FeedbackAnswer,
) {
  const first = await load(deps.db, await find(deps.db, false));
  const early = refusal(first.invitation, first.round, deps.now);
  if (early) throw early;
  const checked = checkAnswer(asInstrument(first.round!.instrument), answer);
  if (!checked.ok) throw new AppError('validation', checked.errors[0]!.message, checked.errors);
  await deps.db.transaction(async (tx) => {
    const invitation = await find(tx, true);
    const round = invitation ? await repo.findRound(tx, invitation.boardId, invitation.roundId, 'share') : null;
    const late = refusal(invitation, round, deps.now);
    if (late) throw late;
    await repo.insertResponse(tx, {
      boardId: round!.boardId,
      roundId: round!.id,
      raterGroup: invitation!.raterGroup,
      scores: checked.value.scores,
      openAnswers: checked.value.open,
    });
    await repo.setInvitationStatus(tx, invitation!.id, 'answered');
  });
}

export async function getFormByToken(deps: Deps, token: string): Promise<FeedbackForm> {
  const { invitation, round } = await load(deps.db, await repo.findInvitationByToken(deps.db, hashToken(token)));
  const refused = refusal(invitation, round, deps.now);
  if (refused) throw refused;
  return formFor(deps.db, invitation!, round!);
}

export async function answerByToken(deps: Deps, token: string, answer: FeedbackAnswer): Promise<void> {
  const hash = hashToken(token);
  await submit(deps, (db, lock) => repo.findInvitationByToken(db, hash, lock), answer);
}

async function ownInvitation(ctx: Ctx, id: string) {
  const invitation = await repo.findInvitation(ctx.db, ctx.actor.boardId, id);
  // Only the invitee sees it; the round's subject manages it elsewhere.
  if (!invitation || invitation.personId !== ctx.actor.personId) throw new AppError('not_found');
  return invitation;
}

export async function getFormForInvitation(ctx: Ctx, id: string): Promise<FeedbackForm> {
  const { invitation, round } = await load(ctx.db, await ownInvitation(ctx, id));
  const refused = refusal(invitation, round, ctx.now);
  if (refused) throw refused;
  return formFor(ctx.db, invitation!, round!);
}

export async function answerInvitation(ctx: Ctx, id: string, answer: FeedbackAnswer): Promise<void> {
  await ownInvitation(ctx, id);
  await submit(
    { db: ctx.db, now: ctx.now },
    (db, lock) =>
      lock ? repo.findInvitationForUpdate(db, ctx.actor.boardId, id) : repo.findInvitation(db, ctx.actor.boardId, id),
    answer,
  );
}
