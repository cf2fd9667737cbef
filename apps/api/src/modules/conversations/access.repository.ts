import { and, asc, desc, eq, gt, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organisationTables } from '../organisation/index.ts';
import { nameColumns } from './conversations.repository.ts';
import { conversationShares, hrAccessGrants } from './conversations.schema.ts';

// Who may read a conversation besides its two people: the employee's line managers, the people the
// employee shared it with, and HR with an unexpired grant.

const { people, lineManagers } = organisationTables;

export async function findLineManagerIds(db: Db, boardId: string, employeeId: string): Promise<string[]> {
  const rows = await db
    .select({ id: lineManagers.managerId })
    .from(lineManagers)
    .where(and(eq(lineManagers.boardId, boardId), eq(lineManagers.employeeId, employeeId)));
  return rows.map((r) => r.id);
}

export async function findLineManagers(db: Db, boardId: string, employeeId: string) {
  return db
    .select(nameColumns(people))
    .from(lineManagers)
    .innerJoin(people, eq(people.id, lineManagers.managerId))
    .where(and(eq(lineManagers.boardId, boardId), eq(lineManagers.employeeId, employeeId)));
}

/** The people the actor manages now. */
export async function findReportIds(db: Db, boardId: string, managerId: string): Promise<string[]> {
  const rows = await db
    .select({ id: lineManagers.employeeId })
    .from(lineManagers)
    .where(and(eq(lineManagers.boardId, boardId), eq(lineManagers.managerId, managerId)));
  return rows.map((r) => r.id);
}

export async function findDirectReports(db: Db, boardId: string, managerId: string) {
  return db
    .select(nameColumns(people))
    .from(lineManagers)
    .innerJoin(people, eq(people.id, lineManagers.employeeId))
    .where(and(eq(lineManagers.boardId, boardId), eq(lineManagers.managerId, managerId), eq(people.active, true)))
    .orderBy(asc(people.lastName), asc(people.firstName));
}

export async function findShares(db: Db, boardId: string, conversationId: string) {
  return db
    .select(nameColumns(people))
    .from(conversationShares)
    .innerJoin(people, eq(people.id, conversationShares.personId))
    .where(and(eq(conversationShares.boardId, boardId), eq(conversationShares.conversationId, conversationId)));
}

/** Ids of conversations shared with the person. */
export async function findSharedIds(db: Db, boardId: string, personId: string) {
  const rows = await db
    .select({ id: conversationShares.conversationId })
    .from(conversationShares)
    .where(and(eq(conversationShares.boardId, boardId), eq(conversationShares.personId, personId)));
  return rows.map((r) => r.id);
}

export async function insertShare(db: Db, values: typeof conversationShares.$inferInsert) {
  await db.insert(conversationShares).values(values).onConflictDoNothing();
}

export async function deleteShare(db: Db, boardId: string, conversationId: string, personId: string) {
  const rows = await db
    .delete(conversationShares)
    .where(
      and(
        eq(conversationShares.boardId, boardId),
        eq(conversationShares.conversationId, conversationId),
        eq(conversationShares.personId, personId),
      ),
    )
    .returning({ id: conversationShares.personId });
  return rows.length > 0;
}

export async function findSharesForExport(db: Db, boardId: string, conversationIds: string[]) {
  if (conversationIds.length === 0) return [];
  const { id: personId, ...name } = nameColumns(people);
  return db
    .select({
      conversationId: conversationShares.conversationId,
      personId,
      ...name,
      createdAt: conversationShares.createdAt,
    })
    .from(conversationShares)
    .innerJoin(people, eq(people.id, conversationShares.personId))
    .where(and(eq(conversationShares.boardId, boardId), inArray(conversationShares.conversationId, conversationIds)));
}

/** People of the board matching a search, for the share picker. */
export async function searchPeople(db: Db, boardId: string, pattern: string, excludeIds: string[]) {
  return db
    .select({ ...nameColumns(people), email: people.email })
    .from(people)
    .where(
      and(
        eq(people.boardId, boardId),
        eq(people.active, true),
        sql`${people.searchText} like ${pattern}`,
        excludeIds.length ? notInArray(people.id, excludeIds) : undefined,
      ),
    )
    .orderBy(asc(people.lastName))
    .limit(10);
}

export async function hasHrGrant(db: Db, boardId: string, hrPersonId: string, employeeId: string, now: Date) {
  const [row] = await db
    .select({ id: hrAccessGrants.id })
    .from(hrAccessGrants)
    .where(
      and(
        eq(hrAccessGrants.boardId, boardId),
        eq(hrAccessGrants.hrPersonId, hrPersonId),
        eq(hrAccessGrants.employeeId, employeeId),
        gt(hrAccessGrants.expiresAt, now),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function findActiveGrants(db: Db, boardId: string, employeeId: string, now: Date) {
  return db
    .select({ ...nameColumns(people), expiresAt: hrAccessGrants.expiresAt })
    .from(hrAccessGrants)
    .innerJoin(people, eq(people.id, hrAccessGrants.hrPersonId))
    .where(
      and(
        eq(hrAccessGrants.boardId, boardId),
        eq(hrAccessGrants.employeeId, employeeId),
        gt(hrAccessGrants.expiresAt, now),
      ),
    )
    .orderBy(desc(hrAccessGrants.expiresAt));
}

export async function insertGrant(db: Db, values: typeof hrAccessGrants.$inferInsert) {
  const [row] = await db.insert(hrAccessGrants).values(values).returning();
  return row!;
}

/** Every grant on the employee, newest first, with the HR person's name: the employee sees who looked and why. */
export async function findGrantsOfEmployee(db: Db, boardId: string, employeeId: string) {
  return db
    .select({ grant: hrAccessGrants, hr: nameColumns(people) })
    .from(hrAccessGrants)
    .innerJoin(people, eq(people.id, hrAccessGrants.hrPersonId))
    .where(and(eq(hrAccessGrants.boardId, boardId), eq(hrAccessGrants.employeeId, employeeId)))
    .orderBy(desc(hrAccessGrants.createdAt), desc(hrAccessGrants.id));
}

/** The HR person's own unexpired grants on one employee. */
export async function findOwnActiveGrants(db: Db, boardId: string, hrPersonId: string, employeeId: string, now: Date) {
  return db
    .select()
    .from(hrAccessGrants)
    .where(
      and(
        eq(hrAccessGrants.boardId, boardId),
        eq(hrAccessGrants.hrPersonId, hrPersonId),
        eq(hrAccessGrants.employeeId, employeeId),
        gt(hrAccessGrants.expiresAt, now),
      ),
    )
    .orderBy(desc(hrAccessGrants.expiresAt));
}

export async function findGrant(db: Db, boardId: string, id: string) {
  const [row] = await db
    .select()
    .from(hrAccessGrants)
    .where(and(eq(hrAccessGrants.boardId, boardId), eq(hrAccessGrants.id, id)));
  return row;
}

/** Ends a grant now; undefined when it had already ended (also when another request ended it first). */
export async function endGrant(db: Db, boardId: string, id: string, now: Date) {
  const [row] = await db
    .update(hrAccessGrants)
    .set({ expiresAt: now })
    .where(and(eq(hrAccessGrants.boardId, boardId), eq(hrAccessGrants.id, id), gt(hrAccessGrants.expiresAt, now)))
    .returning();
  return row;
}
