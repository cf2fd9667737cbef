import { and, asc, count, desc, eq, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { conversationsTables } from '../conversations/index.ts';
import { cycleTables } from '../cycle/index.ts';
import { organisationTables as org } from '../organisation/index.ts';
import {
  feedbackInvitations as invitations,
  feedbackQuestionnaires as questionnaires,
  feedbackResponses as responses,
  feedbackRounds as rounds,
} from './feedback.schema.ts';

export type QuestionnaireRow = typeof questionnaires.$inferSelect;
export type RoundRow = typeof rounds.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;

// ---- organisation reads

export async function findSchools(db: Db, boardId: string, schoolIds?: string[]) {
  return db
    .select({ id: org.schools.id, name: org.schools.name })
    .from(org.schools)
    .where(
      and(
        eq(org.schools.boardId, boardId),
        schoolIds ? inArray(org.schools.id, schoolIds.length ? schoolIds : ['']) : undefined,
      ),
    )
    .orderBy(asc(org.schools.name));
}

// The reads of the results page are prepared once per database handle (see prepared.ts); lists of ids are one
// uuid[] parameter, so the statement text does not depend on their number.
const peopleByIds = (db: Db) =>
  db
    .select({
      id: org.people.id,
      firstName: org.people.firstName,
      infix: org.people.infix,
      lastName: org.people.lastName,
      email: org.people.email,
      active: org.people.active,
    })
    .from(org.people)
    .where(
      and(
        eq(org.people.boardId, sql.placeholder('boardId')),
        sql`${org.people.id} = any(${sql.placeholder('personIds')}::uuid[])`,
      ),
    )
    .prepare('feedback_people');

export async function findPeople(db: Db, boardId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return prepared(db, 'feedback_people', peopleByIds).execute({ boardId, personIds });
}

export async function isManagerOf(db: Db, boardId: string, managerId: string, employeeId: string) {
  const rows = await db
    .select({ managerId: org.lineManagers.managerId })
    .from(org.lineManagers)
    .where(
      and(
        eq(org.lineManagers.boardId, boardId),
        eq(org.lineManagers.managerId, managerId),
        eq(org.lineManagers.employeeId, employeeId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Active colleagues in the board whose name or e-mail matches every word. */
export async function searchColleagues(db: Db, boardId: string, words: string[], excludeId: string) {
  const like = (w: string) => `%${w.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({
      id: org.people.id,
      firstName: org.people.firstName,
      infix: org.people.infix,
      lastName: org.people.lastName,
      jobTitle: org.people.jobTitle,
    })
    .from(org.people)
    .where(
      and(
        eq(org.people.boardId, boardId),
        eq(org.people.active, true),
        ne(org.people.id, excludeId),
        ...words.map((w) => sql`${org.people.searchText} like ${like(w)}`),
      ),
    )
    .orderBy(asc(org.people.lastName), asc(org.people.firstName))
    .limit(20);
}

/** The school's minimums for anonymous groups; the defaults when the school has no settings yet. */
export async function findMinimums(db: Db, boardId: string, schoolId: string) {
  const s = cycleTables.schoolSettings;
  const [row] = await db
    .select({ minGroupSize: s.minGroupSize, minTextGroupSize: s.minTextGroupSize })
    .from(s)
    .where(and(eq(s.boardId, boardId), eq(s.schoolId, schoolId)));
  return row ?? { minGroupSize: 3, minTextGroupSize: 5 };
}

/** The subject's conversations (as employee), newest first, to attach results to. */
export async function findConversationsOf(db: Db, boardId: string, employeeId: string) {
  const c = conversationsTables.conversations;
  const k = cycleTables.conversationKinds;
  return db
    .select({ id: c.id, kindName: k.name, scheduledAt: c.scheduledAt, managerId: c.managerId, state: c.state })
    .from(c)
    .innerJoin(k, eq(k.id, c.kindId))
    .where(and(eq(c.boardId, boardId), eq(c.employeeId, employeeId)))
    .orderBy(desc(c.scheduledAt))
    .limit(50);
}

// ---- questionnaires

export async function findQuestionnaires(
  db: Db,
  boardId: string,
  filter: { schoolIds: string[]; publishedOnly: boolean },
) {
  if (filter.schoolIds.length === 0) return [];
  return db
    .select({ q: questionnaires, schoolName: org.schools.name })
    .from(questionnaires)
    .innerJoin(org.schools, eq(org.schools.id, questionnaires.schoolId))
    .where(
      and(
        eq(questionnaires.boardId, boardId),
        inArray(questionnaires.schoolId, filter.schoolIds),
        filter.publishedOnly ? eq(questionnaires.status, 'published') : undefined,
      ),
    )
    .orderBy(asc(org.schools.name), asc(questionnaires.name));
}

export async function findQuestionnaire(db: Db, boardId: string, id: string) {
  const [row] = await db
    .select({ q: questionnaires, schoolName: org.schools.name })
    .from(questionnaires)
    .innerJoin(org.schools, eq(org.schools.id, questionnaires.schoolId))
    .where(and(eq(questionnaires.boardId, boardId), eq(questionnaires.id, id)));
  return row ?? null;
}

export async function insertQuestionnaire(db: Db, values: typeof questionnaires.$inferInsert) {
  const [row] = await db.insert(questionnaires).values(values).returning();
  return row!;
}

export async function updateQuestionnaire(
  db: Db,
  boardId: string,
  id: string,
  version: number,
  values: Partial<typeof questionnaires.$inferInsert>,
) {
  const [row] = await db
    .update(questionnaires)
    .set({ ...values, version: sql`${questionnaires.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(questionnaires.boardId, boardId), eq(questionnaires.id, id), eq(questionnaires.version, version)))
    .returning();
  return row ?? null;
}

// ---- rounds

export async function insertRound(db: Db, values: typeof rounds.$inferInsert) {
  const [row] = await db.insert(rounds).values(values).returning();
  return row!;
}

const roundById = (db: Db) =>
  db
    .select()
    .from(rounds)
    .where(and(eq(rounds.boardId, sql.placeholder('boardId')), eq(rounds.id, sql.placeholder('id'))))
    .prepare('feedback_round');

export async function findRound(db: Db, boardId: string, id: string, lock?: 'update' | 'share') {
  if (!lock) {
    const [row] = await prepared(db, 'feedback_round', roundById).execute({ boardId, id });
    return row ?? null;
  }
  const [row] = await db
    .select()
    .from(rounds)
    .where(and(eq(rounds.boardId, boardId), eq(rounds.id, id)))
    .for(lock);
  return row ?? null;
}

export async function findRoundsOf(db: Db, boardId: string, subjectId: string) {
  return db
    .select()
    .from(rounds)
    .where(and(eq(rounds.boardId, boardId), eq(rounds.subjectId, subjectId)))
    .orderBy(desc(rounds.createdAt));
}

/** Rounds of the manager's current reports that were shared or attached to a conversation. */
export async function findRoundsSharedWith(db: Db, boardId: string, managerId: string) {
  return db
    .select({ round: rounds, firstName: org.people.firstName, infix: org.people.infix, lastName: org.people.lastName })
    .from(rounds)
    .innerJoin(
      org.lineManagers,
      and(eq(org.lineManagers.employeeId, rounds.subjectId), eq(org.lineManagers.managerId, managerId)),
    )
    .innerJoin(org.people, eq(org.people.id, rounds.subjectId))
    .where(
      and(eq(rounds.boardId, boardId), or(isNotNull(rounds.sharedWithManagerAt), isNotNull(rounds.conversationId))),
    )
    .orderBy(desc(rounds.createdAt));
}

export async function updateRound(db: Db, boardId: string, id: string, values: Partial<typeof rounds.$inferInsert>) {
  const [row] = await db
    .update(rounds)
    .set({ ...values, version: sql`${rounds.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(rounds.boardId, boardId), eq(rounds.id, id)))
    .returning();
  return row ?? null;
}

/** Open rounds whose closing date has passed. */
export async function findExpiredRounds(db: Db, today: string) {
  return db
    .select({ id: rounds.id, boardId: rounds.boardId })
    .from(rounds)
    .where(and(eq(rounds.status, 'open'), sql`${rounds.closesOn} < ${today}`));
}

// ---- invitations

export async function insertInvitations(db: Db, values: (typeof invitations.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(invitations).values(values).returning();
}

export async function findInvitationsOf(db: Db, boardId: string, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.boardId, boardId), inArray(invitations.roundId, roundIds)))
    .orderBy(asc(invitations.raterGroup), asc(invitations.name));
}

export async function findInvitation(db: Db, boardId: string, id: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.boardId, boardId), eq(invitations.id, id)));
  return row ?? null;
}

/** The invitation behind a link, locked so two submissions of one link are decided one after the other. */
export async function findInvitationByToken(db: Db, tokenHash: string, lock = false) {
  const q = db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findInvitationForUpdate(db: Db, boardId: string, id: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.boardId, boardId), eq(invitations.id, id)))
    .for('update');
  return row ?? null;
}

export async function setInvitationStatus(db: Db, id: string, status: 'answered' | 'revoked') {
  await db.update(invitations).set({ status }).where(eq(invitations.id, id));
}

export async function replaceInvitationToken(db: Db, id: string, tokenHash: string, expiresAt: Date) {
  await db.update(invitations).set({ tokenHash, expiresAt }).where(eq(invitations.id, id));
}

/** Pending invitations of a person in open rounds that have not expired, with the subject's name. */
export async function findPendingInvitationsFor(db: Db, boardId: string, personId: string, now: Date) {
  return db
    .select({
      id: invitations.id,
      raterGroup: invitations.raterGroup,
      roundTitle: rounds.title,
      closesOn: rounds.closesOn,
      subjectId: rounds.subjectId,
      firstName: org.people.firstName,
      infix: org.people.infix,
      lastName: org.people.lastName,
    })
    .from(invitations)
    .innerJoin(rounds, eq(rounds.id, invitations.roundId))
    .innerJoin(org.people, eq(org.people.id, rounds.subjectId))
    .where(
      and(
        eq(invitations.boardId, boardId),
        eq(invitations.personId, personId),
        eq(invitations.status, 'pending'),
        eq(rounds.status, 'open'),
        sql`${invitations.expiresAt} > ${now.toISOString()}`,
      ),
    )
    .orderBy(asc(rounds.closesOn));
}

/** Open rounds of a subject that close by the given day. */
export async function findRoundsClosingBy(db: Db, boardId: string, subjectId: string, day: string) {
  return db
    .select()
    .from(rounds)
    .where(
      and(
        eq(rounds.boardId, boardId),
        eq(rounds.subjectId, subjectId),
        eq(rounds.status, 'open'),
        lte(rounds.closesOn, day),
      ),
    );
}

// ---- responses

export async function insertResponse(db: Db, values: typeof responses.$inferInsert) {
  await db.insert(responses).values(values);
}

const responsesOf = (db: Db) =>
  db
    .select()
    .from(responses)
    .where(and(eq(responses.boardId, sql.placeholder('boardId')), eq(responses.roundId, sql.placeholder('roundId'))))
    .prepare('feedback_responses');

export async function findResponses(db: Db, boardId: string, roundId: string) {
  return prepared(db, 'feedback_responses', responsesOf).execute({ boardId, roundId });
}

export async function countResponses(db: Db, boardId: string, roundId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(responses)
    .where(and(eq(responses.boardId, boardId), eq(responses.roundId, roundId)));
  return row?.n ?? 0;
}

/**
 * Closes a round's answers off from the order they arrived in: revokes pending invitations in one
 * statement, and rewrites every response as a fresh row (new id, new physical position, one shared
 * transaction id) in random order before deleting the originals. Runs inside the caller's transaction.
 */
export async function sealRound(db: Db, boardId: string, roundId: string, shuffledRows: ResponseRow[]) {
  // One statement touches every invitation, so their row versions carry no order of answering either.
  await db
    .update(invitations)
    .set({ status: sql`case when ${invitations.status} = 'pending' then 'revoked' else ${invitations.status} end` })
    .where(and(eq(invitations.boardId, boardId), eq(invitations.roundId, roundId)));
  if (shuffledRows.length === 0) return;
  const oldIds = shuffledRows.map((r) => r.id);
  for (let i = 0; i < shuffledRows.length; i += 500) {
    await db.insert(responses).values(
      shuffledRows.slice(i, i + 500).map((r) => ({
        boardId: r.boardId,
        roundId: r.roundId,
        raterGroup: r.raterGroup,
        scores: r.scores,
        openAnswers: r.openAnswers,
      })),
    );
  }
  await db.delete(responses).where(and(eq(responses.roundId, roundId), inArray(responses.id, oldIds)));
}
