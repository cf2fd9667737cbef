import type {
  ConversationAccessGrant,
  ConversationAccessGrants,
  ConversationDetail,
  ConversationSharePeople,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { displayName } from '../organisation/index.ts';
import * as accessRepo from './access.repository.ts';
import { fresh, ref } from './conversation.present.ts';
import { forbid, loadVisible, recordEvent } from './conversations.access.ts';
import { abilitiesFor, canGrantHrAccess } from './conversations.policy.ts';
import * as lookups from './lookups.repository.ts';

// Who else reads a conversation: the employee's own shares, and HR with a stated reason for a day.

export async function addShare(ctx: Ctx, id: string, personId: string): Promise<ConversationDetail> {
  const { full, access } = await loadVisible(ctx, id);
  if (!abilitiesFor(ctx.actor, access).manageShares)
    forbid('Alleen de medewerker bepaalt met wie dit gesprek gedeeld wordt.');
  if (personId === full.c.employeeId || personId === full.c.managerId) {
    throw fieldError('personId', 'Deze persoon kan het gesprek al zien.');
  }
  const person = await lookups.findPerson(ctx.db, ctx.actor.boardId, personId);
  if (!person || !person.active) throw fieldError('personId', 'Kies iemand van je eigen bestuur.');
  await ctx.db.transaction(async (tx) => {
    await accessRepo.insertShare(tx, {
      boardId: ctx.actor.boardId,
      conversationId: id,
      personId,
      grantedBy: ctx.actor.personId,
    });
    await recordEvent(tx, ctx, id, 'shared', { details: { personId, name: displayName(person) } });
  });
  return fresh(ctx, id);
}

export async function removeShare(ctx: Ctx, id: string, personId: string): Promise<ConversationDetail> {
  const { access } = await loadVisible(ctx, id);
  if (!abilitiesFor(ctx.actor, access).manageShares)
    forbid('Alleen de medewerker bepaalt met wie dit gesprek gedeeld wordt.');
  await ctx.db.transaction(async (tx) => {
    if (!(await accessRepo.deleteShare(tx, ctx.actor.boardId, id, personId))) throw new AppError('not_found');
    await recordEvent(tx, ctx, id, 'unshared', { details: { personId } });
  });
  return fresh(ctx, id);
}

export async function searchSharePeople(ctx: Ctx, id: string, search: string): Promise<ConversationSharePeople> {
  const { full, access } = await loadVisible(ctx, id);
  if (!abilitiesFor(ctx.actor, access).manageShares)
    forbid('Alleen de medewerker bepaalt met wie dit gesprek gedeeld wordt.');
  if (search.length < 2) return { items: [] };
  const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const rows = await accessRepo.searchPeople(ctx.db, ctx.actor.boardId, pattern, [
    full.c.employeeId,
    full.c.managerId,
    ...access.sharedWith,
  ]);
  return { items: rows.map((p) => ({ ...ref(p), email: p.email })) };
}

const GRANT_HOURS = 24;

type GrantRow = { id: string; employeeId: string; reason: string; createdAt: Date; expiresAt: Date };
const presentGrant = (g: GrantRow): ConversationAccessGrant => ({
  id: g.id,
  employeeId: g.employeeId,
  reason: g.reason,
  grantedAt: g.createdAt.toISOString(),
  expiresAt: g.expiresAt.toISOString(),
});

/** HR's questions about one person start here: the person must be of the board, and the reader HR. */
async function assertHrFor(ctx: Ctx, employeeId: string, refusal: string) {
  const employee = await lookups.findPerson(ctx.db, ctx.actor.boardId, employeeId);
  if (!employee) throw new AppError('not_found');
  if (!canGrantHrAccess(ctx.actor)) forbid(refusal);
}

/** HR states a reason and may read the person's conversations for a day; the grant itself is audited. */
export async function grantHrAccess(ctx: Ctx, employeeId: string, reason: string): Promise<ConversationAccessGrant> {
  await assertHrFor(ctx, employeeId, 'Alleen HR kan met een reden toegang tot gesprekken vragen.');
  if (employeeId === ctx.actor.personId) throw fieldError('personId', 'Je eigen gesprekken zie je al.');
  const expiresAt = new Date(ctx.now.getTime() + GRANT_HOURS * 3600_000);
  return ctx.db.transaction(async (tx) => {
    const grant = await accessRepo.insertGrant(tx, {
      boardId: ctx.actor.boardId,
      hrPersonId: ctx.actor.personId,
      employeeId,
      reason,
      expiresAt,
      createdAt: ctx.now,
    });
    await audit(tx, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'conversation.hr_access',
      subjectPersonId: employeeId,
      targetType: 'person',
      targetId: employeeId,
      details: { reason, expiresAt: expiresAt.toISOString() },
    });
    return presentGrant(grant);
  });
}

/** The reader's own running grants on one person, so HR sees until when and can end them. */
export async function findOwnHrAccess(ctx: Ctx, employeeId: string): Promise<ConversationAccessGrants> {
  await assertHrFor(ctx, employeeId, 'Alleen HR heeft inzage in gesprekken van anderen.');
  const rows = await accessRepo.findOwnActiveGrants(ctx.db, ctx.actor.boardId, ctx.actor.personId, employeeId, ctx.now);
  return { items: rows.map(presentGrant) };
}

/** HR ends their own grant before the day is over; from now on the conversations are closed to them again. */
export async function endHrAccess(ctx: Ctx, employeeId: string, grantId: string): Promise<ConversationAccessGrant> {
  await assertHrFor(ctx, employeeId, 'Alleen HR heeft inzage in gesprekken van anderen.');
  const grant = await accessRepo.findGrant(ctx.db, ctx.actor.boardId, grantId);
  // Someone else's grant is not there for this reader.
  if (!grant || grant.employeeId !== employeeId || grant.hrPersonId !== ctx.actor.personId) {
    throw new AppError('not_found', 'Deze inzage bestaat niet.');
  }
  const ended = () =>
    new AppError('conflict', 'Deze inzage is al afgelopen.', {
      reason: 'state',
      expiresAt: grant.expiresAt.toISOString(),
    });
  if (grant.expiresAt <= ctx.now) throw ended();
  return ctx.db.transaction(async (tx) => {
    const row = await accessRepo.endGrant(tx, ctx.actor.boardId, grantId, ctx.now);
    if (!row) throw ended();
    await audit(tx, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'conversation.access_revoked',
      subjectPersonId: employeeId,
      targetType: 'person',
      targetId: employeeId,
      details: { grantId, reason: grant.reason, plannedUntil: grant.expiresAt.toISOString() },
    });
    return presentGrant(row);
  });
}
