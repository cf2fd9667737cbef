import type { FeedbackInviteInput, FeedbackRoundDetail } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { displayName } from '../organisation/index.ts';
import { newLinkToken } from './link-tokens.ts';
import { invitationMail } from './feedback.mails.ts';
import * as repo from './feedback.repository.ts';
import { endOfDutchDay } from './feedback.rules.ts';
import { getRound, loadOwnRound } from './rounds.service.ts';

// Inviting people to a round, and revoking or resending a pending invitation.

const linkFor = (ctx: { config: { publicUrl: string } }, token: string) =>
  `${ctx.config.publicUrl}/feedback/geven/${token}`;

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
