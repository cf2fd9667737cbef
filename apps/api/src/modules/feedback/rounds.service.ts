import { createHash, randomBytes } from 'node:crypto';
import type {
  FeedbackColleagueList,
  FeedbackInvitation,
  FeedbackInviteInput,
  FeedbackRoundCreate,
  FeedbackRoundDetail,
  FeedbackRoundList,
  FeedbackRoundStatus,
  FeedbackRoundSummary,
  HomeTask,
  InvitationStatus,
  RaterGroup,
  SharedFeedbackRoundList,
} from '@groeipad/contracts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { displayName } from '../organisation/index.ts';
import { invitationMail } from './feedback.mails.ts';
import * as policy from './feedback.policy.ts';
import * as repo from './feedback.repository.ts';
import { answersNeeded, asInstrument, closesOnError, dutchDate, endOfDutchDay, shuffled } from './feedback.rules.ts';
import { instrumentOf } from './questionnaires.service.ts';

/** A single-use link secret and the hash that is stored instead of it. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const linkFor = (ctx: { config: { publicUrl: string } }, token: string) =>
  `${ctx.config.publicUrl}/feedback/geven/${token}`;

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

async function loadOwnRound(ctx: Ctx, id: string, opts: { open: boolean }) {
  const { round, relation } = await loadRound(ctx, id);
  if (relation !== 'subject') throw new AppError('forbidden');
  if (opts.open && round.status !== 'open') throw new AppError('conflict', 'Deze feedbackronde is al gesloten.');
  return round;
}

export async function invite(ctx: Ctx, id: string, input: FeedbackInviteInput): Promise<FeedbackRoundDetail> {
  const round = await loadOwnRound(ctx, id, { open: true });
  const group = input.raterGroup;
  if (group === 'self') throw fieldError('raterGroup', 'Je eigen beoordeling staat al klaar; die vul je zelf in.');
  if (!round.instrument.raterGroups.includes(group)) {
    throw fieldError('raterGroup', 'Deze groep hoort niet bij de vragenlijst van deze ronde.');
  }
  const existing = (await repo.findInvitationsOf(ctx.db, ctx.actor.boardId, [round.id])).filter(
    (i) => i.status !== 'revoked',
  );
  const personIds = input.invitees.flatMap((i) => ('personId' in i ? [i.personId] : []));
  const people = await repo.findPeople(ctx.db, ctx.actor.boardId, personIds);
  const seenPeople = new Set(existing.map((i) => i.personId).filter(Boolean));
  const seenEmails = new Set(existing.map((i) => i.email.toLowerCase()));
  const rows: { personId: string | null; name: string; email: string }[] = [];
  input.invitees.forEach((invitee, index) => {
    if ('personId' in invitee) {
      const person = people.find((p) => p.id === invitee.personId);
      if (!person || !person.active) {
        throw fieldError(`invitees.${index}.personId`, 'Deze collega bestaat niet (meer) in jouw bestuur.');
      }
      if (person.id === round.subjectId) {
        throw fieldError(`invitees.${index}.personId`, 'Je eigen beoordeling staat al klaar; nodig jezelf niet uit.');
      }
      if (seenPeople.has(person.id) || seenEmails.has(person.email.toLowerCase())) {
        throw fieldError(`invitees.${index}.personId`, `${displayName(person)} is al uitgenodigd.`);
      }
      seenPeople.add(person.id);
      seenEmails.add(person.email.toLowerCase());
      rows.push({ personId: person.id, name: displayName(person), email: person.email });
    } else {
      const email = invitee.email.trim();
      if (seenEmails.has(email.toLowerCase())) {
        throw fieldError(`invitees.${index}.email`, `${email} is al uitgenodigd.`);
      }
      seenEmails.add(email.toLowerCase());
      rows.push({ personId: null, name: invitee.name, email });
    }
  });
  if (group === 'leidinggevende' && existing.filter((i) => i.raterGroup === group).length + rows.length > 1) {
    // The manager's rating is shown as theirs; two of them would make one mean of two named people.
    throw fieldError('raterGroup', 'Je kunt één leidinggevende uitnodigen.');
  }
  if (existing.length + rows.length > 200) throw fieldError('invitees', 'Een ronde heeft hoogstens 200 uitnodigingen.');
  const [me] = await repo.findPeople(ctx.db, ctx.actor.boardId, [round.subjectId]);
  const [school] = await repo.findSchools(ctx.db, ctx.actor.boardId, [round.schoolId]);
  await ctx.db.transaction(async (tx) => {
    const tokens = rows.map(() => newLinkToken());
    await repo.insertInvitations(
      tx,
      rows.map((r, i) => ({
        boardId: ctx.actor.boardId,
        roundId: round.id,
        raterGroup: group,
        personId: r.personId,
        name: r.name,
        email: r.email,
        tokenHash: tokens[i]!.hash,
        expiresAt: endOfDutchDay(round.closesOn),
      })),
    );
    for (const [i, r] of rows.entries()) {
      const mail = invitationMail({
        inviteeName: r.name.split(' ')[0] ?? r.name,
        subjectName: me ? displayName(me) : '',
        schoolName: school?.name ?? '',
        raterGroup: group,
        message: round.message,
        closesOn: round.closesOn,
        link: linkFor(ctx, tokens[i]!.token),
        minGroupSize: round.minGroupSize,
      });
      await ctx.mailer.send(tx, { boardId: ctx.actor.boardId, to: r.email, ...mail });
    }
  });
  return getRound(ctx, round.id);
}

async function loadOwnInvitation(ctx: Ctx, invitationId: string) {
  const invitation = await repo.findInvitation(ctx.db, ctx.actor.boardId, invitationId);
  if (!invitation) throw new AppError('not_found');
  const round = await loadOwnRound(ctx, invitation.roundId, { open: false });
  if (invitation.raterGroup === 'self') throw new AppError('forbidden');
  if (round.status !== 'open') throw new AppError('conflict', 'Deze feedbackronde is al gesloten.');
  if (invitation.status !== 'pending') {
    throw new AppError(
      'conflict',
      invitation.status === 'answered' ? 'Deze persoon heeft al geantwoord.' : 'Deze uitnodiging is al ingetrokken.',
    );
  }
  return { invitation, round };
}

export async function revokeInvitation(ctx: Ctx, invitationId: string): Promise<FeedbackRoundDetail> {
  const { round } = await loadOwnInvitation(ctx, invitationId);
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.findInvitationForUpdate(tx, ctx.actor.boardId, invitationId);
    if (locked?.status !== 'pending') throw new AppError('conflict', 'Deze persoon heeft intussen al geantwoord.');
    await repo.setInvitationStatus(tx, invitationId, 'revoked');
  });
  return getRound(ctx, round.id);
}

export async function resendInvitation(ctx: Ctx, invitationId: string): Promise<FeedbackRoundDetail> {
  const { invitation, round } = await loadOwnInvitation(ctx, invitationId);
  const [me] = await repo.findPeople(ctx.db, ctx.actor.boardId, [round.subjectId]);
  const [school] = await repo.findSchools(ctx.db, ctx.actor.boardId, [round.schoolId]);
  const { token, hash } = newLinkToken();
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.findInvitationForUpdate(tx, ctx.actor.boardId, invitationId);
    if (locked?.status !== 'pending') throw new AppError('conflict', 'Deze persoon heeft intussen al geantwoord.');
    // A new link replaces the old one, which stops working.
    await repo.replaceInvitationToken(tx, invitationId, hash, endOfDutchDay(round.closesOn));
    const mail = invitationMail({
      inviteeName: invitation.name.split(' ')[0] ?? invitation.name,
      subjectName: me ? displayName(me) : '',
      schoolName: school?.name ?? '',
      raterGroup: invitation.raterGroup,
      message: round.message,
      closesOn: round.closesOn,
      link: linkFor(ctx, token),
      minGroupSize: round.minGroupSize,
    });
    await ctx.mailer.send(tx, { boardId: ctx.actor.boardId, to: invitation.email, ...mail });
  });
  return getRound(ctx, round.id);
}

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
  const expired = await repo.findExpiredRounds(db, dutchDate(now));
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

/** Home tasks: feedback the person was asked to give, and their own rounds about to close. */
export async function findFeedbackTasks(db: Db, actor: Actor, now: Date): Promise<HomeTask[]> {
  const today = dutchDate(now);
  const soon = dutchDate(new Date(now.getTime() + 3 * 86_400_000));
  const [pending, closing] = await Promise.all([
    repo.findPendingInvitationsFor(db, actor.boardId, actor.personId, now),
    repo.findRoundsClosingBy(db, actor.boardId, actor.personId, soon),
  ]);
  const tasks: HomeTask[] = pending.map((p) => ({
    key: `feedback-give-${p.id}`,
    kind: 'give_feedback',
    params: {
      name: p.raterGroup === 'self' ? '' : displayName(p),
      title: p.roundTitle,
      self: p.raterGroup === 'self' ? 'true' : 'false',
    },
    dueOn: p.closesOn,
    href: `/feedback/invulling/${p.id}`,
  }));
  for (const r of closing) {
    tasks.push({
      key: `feedback-close-${r.id}`,
      kind: 'close_feedback_round',
      params: { title: r.title, overdue: r.closesOn < today ? 'true' : 'false' },
      dueOn: r.closesOn,
      href: `/feedback/${r.id}`,
    });
  }
  return tasks;
}
