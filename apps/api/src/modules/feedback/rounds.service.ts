import type {
  FeedbackColleagueList,
  FeedbackInvitation,
  FeedbackRoundCreate,
  FeedbackRoundDetail,
  FeedbackRoundList,
  FeedbackRoundStatus,
  FeedbackRoundSummary,
  InvitationStatus,
  RaterGroup,
  SharedFeedbackRoundList,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { displayName } from '../organisation/index.ts';
import * as policy from './feedback.policy.ts';
import * as repo from './feedback.repository.ts';
import { answersNeeded, asInstrument, closesOnError, endOfDutchDay } from './feedback.rules.ts';
import { newLinkToken } from './link-tokens.ts';
import { instrumentOf } from './questionnaires.service.ts';

// Rounds as their subject and the managers they are shared with see them: list, start, read, share, attach.
// Invitations are in invitations.service.ts, closing in round-closing.service.ts.

type Relation = 'subject' | 'manager';

/** The round if the actor may see it (as its subject, or as the manager it was shared with); 404 otherwise. */
export async function loadRound(ctx: Ctx, id: string): Promise<{ round: repo.RoundRow; relation: Relation }> {
  const round = await repo.findRound(ctx.db, ctx.actor.boardId, id);
  if (!round) throw new AppError('not_found');
  const isManager =
    round.subjectId !== ctx.actor.personId &&
    (await repo.isManagerOf(ctx.db, ctx.actor.boardId, ctx.actor.personId, round.subjectId));
  const relation = policy.roundRelation(ctx.actor, round, isManager);
  if (relation === 'none') throw new AppError('not_found');
  return { round, relation };
}

function summarise(round: repo.RoundRow, invitations: repo.InvitationRow[]): FeedbackRoundSummary {
  const mine = invitations.filter((i) => i.roundId === round.id && i.status !== 'revoked');
  return {
    id: round.id,
    title: round.title,
    status: round.status as FeedbackRoundStatus,
    closesOn: round.closesOn,
    closedAt: round.closedAt?.toISOString() ?? null,
    questionnaireName: round.instrument.name,
    invited: mine.length,
    answered: mine.filter((i) => i.status === 'answered').length,
  };
}

export async function listMyRounds(ctx: Ctx): Promise<FeedbackRoundList> {
  return { items: await findFeedbackSummary(ctx.db, ctx.actor.boardId, ctx.actor.personId) };
}

/** The person's rounds with counts only: title, status, closing date, answered and invited. */
export async function findFeedbackSummary(db: Db, boardId: string, personId: string): Promise<FeedbackRoundSummary[]> {
  const rounds = await repo.findRoundsOf(db, boardId, personId);
  const invitations = await repo.findInvitationsOf(
    db,
    boardId,
    rounds.map((r) => r.id),
  );
  return rounds.map((r) => summarise(r, invitations));
}

export async function listSharedRounds(ctx: Ctx): Promise<SharedFeedbackRoundList> {
  const rows = await repo.findRoundsSharedWith(ctx.db, ctx.actor.boardId, ctx.actor.personId);
  const invitations = await repo.findInvitationsOf(
    ctx.db,
    ctx.actor.boardId,
    rows.map((r) => r.round.id),
  );
  return {
    items: rows.map((r) => ({
      ...summarise(r.round, invitations),
      subject: { id: r.round.subjectId, displayName: displayName(r) },
    })),
  };
}

export async function createRound(ctx: Ctx, input: FeedbackRoundCreate): Promise<FeedbackRoundDetail> {
  const loaded = await repo.findQuestionnaire(ctx.db, ctx.actor.boardId, input.questionnaireId);
  const mySchools = policy.schoolsOf(ctx.actor);
  if (!loaded || !policy.canViewQuestionnaire(ctx.actor, loaded.q) || !mySchools.includes(loaded.q.schoolId)) {
    throw fieldError('questionnaireId', 'Kies een vragenlijst van je eigen school.');
  }
  if (loaded.q.status !== 'published') {
    throw fieldError('questionnaireId', 'Deze vragenlijst is (nog) niet gepubliceerd.');
  }
  const dateError = closesOnError(input.closesOn, ctx.now);
  if (dateError) throw fieldError('closesOn', dateError);
  const [me] = await repo.findPeople(ctx.db, ctx.actor.boardId, [ctx.actor.personId]);
  if (!me) throw new AppError('unauthenticated');
  const minimums = await repo.findMinimums(ctx.db, ctx.actor.boardId, loaded.q.schoolId);
  const instrument = instrumentOf(loaded.q);
  const round = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertRound(tx, {
      boardId: ctx.actor.boardId,
      schoolId: loaded.q.schoolId,
      subjectId: ctx.actor.personId,
      questionnaireId: loaded.q.id,
      instrument,
      title: input.title,
      message: input.message,
      closesOn: input.closesOn,
      minGroupSize: Math.max(3, minimums.minGroupSize),
      minTextGroupSize: Math.max(3, minimums.minGroupSize, minimums.minTextGroupSize),
    });
    if (instrument.raterGroups.includes('self')) {
      // The self-rating is answered in the app; its link is never mailed.
      await repo.insertInvitations(tx, [
        {
          boardId: ctx.actor.boardId,
          roundId: row.id,
          raterGroup: 'self',
          personId: me.id,
          name: displayName(me),
          email: me.email,
          tokenHash: newLinkToken().hash,
          expiresAt: endOfDutchDay(input.closesOn),
        },
      ]);
    }
    await audit(tx, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'feedback.round.created',
      subjectPersonId: ctx.actor.personId,
      targetType: 'feedback_round',
      targetId: row.id,
    });
    return row;
  });
  return getRound(ctx, round.id);
}

function presentInvitation(i: repo.InvitationRow, relation: Relation, roundOpen: boolean): FeedbackInvitation {
  const subject = relation === 'subject';
  const editable = subject && roundOpen && i.status === 'pending' && i.raterGroup !== 'self';
  return {
    id: i.id,
    name: i.name,
    email: subject ? i.email : null,
    raterGroup: i.raterGroup as RaterGroup,
    colleague: i.personId !== null,
    status: i.status as InvitationStatus,
    abilities: { revoke: editable, resend: editable },
  };
}

export async function getRound(ctx: Ctx, id: string): Promise<FeedbackRoundDetail> {
  const { round, relation } = await loadRound(ctx, id);
  const [invitations, [subject], schools, conversations] = await Promise.all([
    repo.findInvitationsOf(ctx.db, ctx.actor.boardId, [round.id]),
    repo.findPeople(ctx.db, ctx.actor.boardId, [round.subjectId]),
    repo.findSchools(ctx.db, ctx.actor.boardId, [round.schoolId]),
    relation === 'subject' ? repo.findConversationsOf(ctx.db, ctx.actor.boardId, round.subjectId) : [],
  ]);
  const open = round.status === 'open';
  const groups = (round.instrument.raterGroups as RaterGroup[]).map((group) => {
    const inGroup = invitations.filter((i) => i.raterGroup === group && i.status !== 'revoked');
    const answered = inGroup.filter((i) => i.status === 'answered').length;
    return { group, invited: inGroup.length, answered, needed: answersNeeded(group, answered, round.minGroupSize) };
  });
  return {
    id: round.id,
    title: round.title,
    message: round.message,
    status: round.status as FeedbackRoundStatus,
    closesOn: round.closesOn,
    closedAt: round.closedAt?.toISOString() ?? null,
    schoolName: schools[0]?.name ?? '',
    subject: { id: round.subjectId, displayName: subject ? displayName(subject) : '' },
    instrument: asInstrument(round.instrument),
    minGroupSize: round.minGroupSize,
    minTextGroupSize: round.minTextGroupSize,
    groups,
    invitations: invitations
      .filter((i) => relation === 'subject' || i.status !== 'revoked')
      .map((i) => presentInvitation(i, relation, open)),
    sharedWithManager: round.sharedWithManagerAt !== null,
    conversationId: relation === 'subject' ? round.conversationId : null,
    conversations: conversations.map((c) => ({
      id: c.id,
      label: c.kindName,
      scheduledAt: c.scheduledAt.toISOString(),
    })),
    abilities: policy.roundAbilities(relation, round),
  };
}

/** The actor's own round (403 for a manager who may only read it); `open` also refuses a closed one (409). */
export async function loadOwnRound(ctx: Ctx, id: string, opts: { open: boolean }) {
  const { round, relation } = await loadRound(ctx, id);
  if (relation !== 'subject') throw new AppError('forbidden');
  if (opts.open && round.status !== 'open') throw new AppError('conflict', 'Deze feedbackronde is al gesloten.');
  return round;
}

export async function setShared(ctx: Ctx, id: string, shared: boolean): Promise<FeedbackRoundDetail> {
  await loadOwnRound(ctx, id, { open: false });
  await ctx.db.transaction(async (tx) => {
    await repo.updateRound(tx, ctx.actor.boardId, id, { sharedWithManagerAt: shared ? ctx.now : null });
    await audit(tx, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: shared ? 'feedback.round.shared' : 'feedback.round.unshared',
      subjectPersonId: ctx.actor.personId,
      targetType: 'feedback_round',
      targetId: id,
    });
  });
  return getRound(ctx, id);
}

export async function attachConversation(
  ctx: Ctx,
  id: string,
  conversationId: string | null,
): Promise<FeedbackRoundDetail> {
  const round = await loadOwnRound(ctx, id, { open: false });
  if (conversationId) {
    const mine = await repo.findConversationsOf(ctx.db, ctx.actor.boardId, round.subjectId);
    if (!mine.some((c) => c.id === conversationId)) {
      throw fieldError('conversationId', 'Kies een van je eigen gesprekken.');
    }
  }
  await ctx.db.transaction(async (tx) => {
    await repo.updateRound(tx, ctx.actor.boardId, id, { conversationId });
    await audit(tx, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: conversationId ? 'feedback.round.attached' : 'feedback.round.detached',
      subjectPersonId: ctx.actor.personId,
      targetType: 'feedback_round',
      targetId: id,
      details: conversationId ? { conversationId } : {},
    });
  });
  return getRound(ctx, id);
}

export async function searchColleagues(ctx: Ctx, search: string): Promise<FeedbackColleagueList> {
  const words = search.split(/\s+/).filter(Boolean).slice(0, 5);
  if (words.length === 0) return { items: [] };
  const rows = await repo.searchColleagues(ctx.db, ctx.actor.boardId, words, ctx.actor.personId);
  return { items: rows.map((r) => ({ id: r.id, displayName: displayName(r), jobTitle: r.jobTitle })) };
}
