import { and, asc, count, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
// Other modules' tables straight from their schema files (allowed for *.schema.ts): their index.ts files
// import this module, and going through them would make a cycle that breaks start-up order.
import * as cycleTables from '../cycle/cycle.schema.ts';
import { organisationTables } from '../organisation/index.ts';
import { conversationEvents, conversationReports, conversations } from './conversations.schema.ts';

// The conversation itself, its report revisions and its events. Who may read it (line managers, shares,
// HR grants) is in access.repository.ts; other modules' rows it refers to in lookups.repository.ts; the
// reminder and export queries in jobs.repository.ts.

const { people, schools } = organisationTables;
const { conversationKinds, schoolYears } = cycleTables;

export type ConversationRow = typeof conversations.$inferSelect;
export type ReportRow = typeof conversationReports.$inferSelect;

/** A person's id and name parts, from the people table or an alias of it. */
type NameKey = 'id' | 'firstName' | 'infix' | 'lastName';
export const nameColumns = <P extends Record<NameKey, PgColumn>>(p: P): Pick<P, NameKey> => ({
  id: p.id,
  firstName: p.firstName,
  infix: p.infix,
  lastName: p.lastName,
});

export const employeeP = alias(people, 'employee');
export const managerP = alias(people, 'manager');
export const employeeCols = { ...nameColumns(employeeP), email: employeeP.email };
export const managerCols = { ...nameColumns(managerP), email: managerP.email };

/** Never matches a row: stands in for an empty id list, which `in ()` cannot express. */
export const NIL = '00000000-0000-0000-0000-000000000000';

type VersionedTable = { boardId: PgColumn; id: PgColumn; version: PgColumn };

/** The row of the board with this id, only while it still has the version the writer read. */
const atVersion = (t: VersionedTable, boardId: string, id: string, expectedVersion: number) =>
  and(eq(t.boardId, boardId), eq(t.id, id), eq(t.version, expectedVersion));

/** What every versioned write adds: the next version and the time of the change. */
const nextVersion = (t: VersionedTable) => ({ version: sql`${t.version} + 1`, updatedAt: new Date() });

/** One conversation with its kind, school, school year and both people's names. */
export async function findConversation(db: Db, boardId: string, id: string) {
  const [row] = await db
    .select({
      c: conversations,
      kind: { id: conversationKinds.id, name: conversationKinds.name, key: conversationKinds.key },
      school: { id: schools.id, name: schools.name },
      yearName: schoolYears.name,
      employee: employeeCols,
      manager: managerCols,
    })
    .from(conversations)
    .innerJoin(conversationKinds, eq(conversationKinds.id, conversations.kindId))
    .innerJoin(schools, eq(schools.id, conversations.schoolId))
    .leftJoin(schoolYears, eq(schoolYears.id, conversations.schoolYearId))
    .innerJoin(employeeP, eq(employeeP.id, conversations.employeeId))
    .innerJoin(managerP, eq(managerP.id, conversations.managerId))
    .where(and(eq(conversations.boardId, boardId), eq(conversations.id, id)));
  return row;
}
export type ConversationFull = NonNullable<Awaited<ReturnType<typeof findConversation>>>;

export async function insertConversation(db: Db, values: typeof conversations.$inferInsert) {
  const [row] = await db.insert(conversations).values(values).returning();
  return row!;
}

/** Writes when the version still matches; undefined when someone else changed it first. */
export async function updateConversation(
  db: Db,
  boardId: string,
  id: string,
  expectedVersion: number,
  values: Partial<typeof conversations.$inferInsert>,
) {
  const [row] = await db
    .update(conversations)
    .set({ ...values, ...nextVersion(conversations) })
    .where(atVersion(conversations, boardId, id, expectedVersion))
    .returning();
  return row;
}

/** Conversations of one employee (all states), for readers whose access is decided per conversation. */
export async function findConversationsOfEmployee(db: Db, boardId: string, employeeId: string) {
  return db
    .select()
    .from(conversations)
    .where(and(eq(conversations.boardId, boardId), eq(conversations.employeeId, employeeId)));
}

export type ListFilter = {
  boardId: string;
  employeeIds?: string[] | undefined;
  managerOrEmployees?: { managerId: string; employeeIds: string[] } | undefined;
  /** For HR, line managers and shared readers looking at one employee: conversation ids they may see. */
  ids?: string[] | undefined;
  state?: string | undefined;
  states?: string[] | undefined;
  ascending?: boolean | undefined;
  schoolYearId?: string | undefined;
  from?: Date | undefined;
  before?: Date | undefined;
};

export async function listConversations(db: Db, f: ListFilter, page: number, pageSize: number) {
  const conditions: (SQL | undefined)[] = [eq(conversations.boardId, f.boardId)];
  if (f.employeeIds) conditions.push(inArray(conversations.employeeId, f.employeeIds.length ? f.employeeIds : [NIL]));
  if (f.managerOrEmployees) {
    const { managerId, employeeIds } = f.managerOrEmployees;
    conditions.push(
      or(
        eq(conversations.managerId, managerId),
        employeeIds.length ? inArray(conversations.employeeId, employeeIds) : undefined,
      ),
    );
  }
  if (f.ids) conditions.push(inArray(conversations.id, f.ids.length ? f.ids : [NIL]));
  if (f.state) conditions.push(eq(conversations.state, f.state));
  if (f.states) conditions.push(inArray(conversations.state, f.states));
  if (f.schoolYearId) conditions.push(eq(conversations.schoolYearId, f.schoolYearId));
  if (f.from) conditions.push(gte(conversations.scheduledAt, f.from));
  if (f.before) conditions.push(lt(conversations.scheduledAt, f.before));
  const where = and(...conditions);
  const upcoming = f.ascending ?? f.from !== undefined;
  const latest = db
    .select({
      conversationId: conversationReports.conversationId,
      employeeSignedAt: conversationReports.employeeSignedAt,
      managerSignedAt: conversationReports.managerSignedAt,
    })
    .from(conversationReports)
    .where(
      sql`${conversationReports.revision} = (select max(r2.revision) from conversation_reports r2 where r2.conversation_id = ${conversationReports.conversationId})`,
    )
    .as('latest');
  const [rows, [total]] = await Promise.all([
    db
      .select({
        c: conversations,
        kindName: conversationKinds.name,
        schoolName: schools.name,
        employee: employeeCols,
        manager: managerCols,
        employeeSignedAt: latest.employeeSignedAt,
        managerSignedAt: latest.managerSignedAt,
      })
      .from(conversations)
      .innerJoin(conversationKinds, eq(conversationKinds.id, conversations.kindId))
      .innerJoin(schools, eq(schools.id, conversations.schoolId))
      .innerJoin(employeeP, eq(employeeP.id, conversations.employeeId))
      .innerJoin(managerP, eq(managerP.id, conversations.managerId))
      .leftJoin(latest, eq(latest.conversationId, conversations.id))
      .where(where)
      .orderBy(upcoming ? asc(conversations.scheduledAt) : desc(conversations.scheduledAt), asc(conversations.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(conversations).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** The report revisions of the given conversations, oldest revision first. */
export async function findReportsOf(db: Db, boardId: string, conversationIds: string[]): Promise<ReportRow[]> {
  if (conversationIds.length === 0) return [];
  return db
    .select()
    .from(conversationReports)
    .where(and(eq(conversationReports.boardId, boardId), inArray(conversationReports.conversationId, conversationIds)))
    .orderBy(asc(conversationReports.revision));
}

export function findReports(db: Db, boardId: string, conversationId: string): Promise<ReportRow[]> {
  return findReportsOf(db, boardId, [conversationId]);
}

export async function insertReport(db: Db, values: typeof conversationReports.$inferInsert) {
  const [row] = await db.insert(conversationReports).values(values).returning();
  return row!;
}

/** Like updateConversation, and never once the revision is locked. */
export async function updateReport(
  db: Db,
  boardId: string,
  id: string,
  expectedVersion: number,
  values: Partial<typeof conversationReports.$inferInsert>,
) {
  const [row] = await db
    .update(conversationReports)
    .set({ ...values, ...nextVersion(conversationReports) })
    .where(and(atVersion(conversationReports, boardId, id, expectedVersion), isNull(conversationReports.lockedAt)))
    .returning();
  return row;
}

export async function findEvents(db: Db, boardId: string, conversationId: string) {
  return db
    .select({ e: conversationEvents, actor: nameColumns(people) })
    .from(conversationEvents)
    .leftJoin(people, eq(people.id, conversationEvents.actorId))
    .where(and(eq(conversationEvents.boardId, boardId), eq(conversationEvents.conversationId, conversationId)))
    .orderBy(asc(conversationEvents.createdAt), asc(conversationEvents.id));
}

export async function countEvents(db: Db, boardId: string, conversationId: string, types: string[]) {
  const [row] = await db
    .select({ n: count() })
    .from(conversationEvents)
    .where(
      and(
        eq(conversationEvents.boardId, boardId),
        eq(conversationEvents.conversationId, conversationId),
        inArray(conversationEvents.type, types),
      ),
    );
  return Number(row?.n ?? 0);
}

export async function insertEvent(db: Db, values: Omit<typeof conversationEvents.$inferInsert, 'createdAt'>) {
  // The statement's own clock, so several events of one transaction keep their order.
  await db.insert(conversationEvents).values({ ...values, createdAt: sql`clock_timestamp()` });
}
