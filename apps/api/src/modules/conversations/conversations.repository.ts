import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
// Other modules' tables straight from their schema files (allowed for *.schema.ts): their index.ts files
// import this module, and going through them would make a cycle that breaks start-up order.
import * as cycleTables from '../cycle/cycle.schema.ts';
import * as developmentTables from '../development/development.schema.ts';
import * as feedbackTables from '../feedback/feedback.schema.ts';
import { organisationTables } from '../organisation/index.ts';
import {
  conversationEvents,
  conversationReports,
  conversations,
  conversationShares,
  hrAccessGrants,
} from './conversations.schema.ts';

const { people, lineManagers, memberships, schools } = organisationTables;
const { conversationKinds, conversationForms, schoolYears, schoolSettings } = cycleTables;

export type ConversationRow = typeof conversations.$inferSelect;
export type ReportRow = typeof conversationReports.$inferSelect;

const employeeP = alias(people, 'employee');
const managerP = alias(people, 'manager');
const employeeCols = {
  id: employeeP.id,
  firstName: employeeP.firstName,
  infix: employeeP.infix,
  lastName: employeeP.lastName,
  email: employeeP.email,
};
const managerCols = {
  id: managerP.id,
  firstName: managerP.firstName,
  infix: managerP.infix,
  lastName: managerP.lastName,
  email: managerP.email,
};

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

export async function findLineManagerIds(db: Db, boardId: string, employeeId: string): Promise<string[]> {
  const rows = await db
    .select({ id: lineManagers.managerId })
    .from(lineManagers)
    .where(and(eq(lineManagers.boardId, boardId), eq(lineManagers.employeeId, employeeId)));
  return rows.map((r) => r.id);
}

export async function findLineManagers(db: Db, boardId: string, employeeId: string) {
  return db
    .select({ id: people.id, firstName: people.firstName, infix: people.infix, lastName: people.lastName })
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
    .select({ id: people.id, firstName: people.firstName, infix: people.infix, lastName: people.lastName })
    .from(lineManagers)
    .innerJoin(people, eq(people.id, lineManagers.employeeId))
    .where(and(eq(lineManagers.boardId, boardId), eq(lineManagers.managerId, managerId), eq(people.active, true)))
    .orderBy(asc(people.lastName), asc(people.firstName));
}

export async function findShares(db: Db, boardId: string, conversationId: string) {
  return db
    .select({ id: people.id, firstName: people.firstName, infix: people.infix, lastName: people.lastName })
    .from(conversationShares)
    .innerJoin(people, eq(people.id, conversationShares.personId))
    .where(and(eq(conversationShares.boardId, boardId), eq(conversationShares.conversationId, conversationId)));
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
    .select({
      id: people.id,
      firstName: people.firstName,
      infix: people.infix,
      lastName: people.lastName,
      expiresAt: hrAccessGrants.expiresAt,
    })
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

export async function findReports(db: Db, boardId: string, conversationId: string): Promise<ReportRow[]> {
  return db
    .select()
    .from(conversationReports)
    .where(and(eq(conversationReports.boardId, boardId), eq(conversationReports.conversationId, conversationId)))
    .orderBy(asc(conversationReports.revision));
}

export async function findForm(db: Db, boardId: string, formId: string | null) {
  if (!formId) return null;
  const [row] = await db
    .select()
    .from(conversationForms)
    .where(and(eq(conversationForms.boardId, boardId), eq(conversationForms.id, formId)));
  return row ?? null;
}

/** An active question set of the school aimed at one of the given roles. */
export async function findRoleQuestionForm(db: Db, boardId: string, schoolId: string, roles: string[]) {
  if (roles.length === 0) return null;
  const [row] = await db
    .select({ id: conversationForms.id })
    .from(conversationForms)
    .where(
      and(
        eq(conversationForms.boardId, boardId),
        eq(conversationForms.schoolId, schoolId),
        eq(conversationForms.purpose, 'questions'),
        eq(conversationForms.active, true),
        inArray(conversationForms.role, roles),
      ),
    )
    .orderBy(asc(conversationForms.name))
    .limit(1);
  return row ?? null;
}

export async function findEvents(db: Db, boardId: string, conversationId: string) {
  return db
    .select({
      e: conversationEvents,
      actor: { id: people.id, firstName: people.firstName, infix: people.infix, lastName: people.lastName },
    })
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

const { developmentEvidence } = developmentTables;

export async function findEvidence(db: Db, boardId: string, conversationId: string) {
  return db
    .select()
    .from(developmentEvidence)
    .where(and(eq(developmentEvidence.boardId, boardId), eq(developmentEvidence.conversationId, conversationId)))
    .orderBy(asc(developmentEvidence.createdAt));
}

export async function insertEvidence(db: Db, values: typeof developmentEvidence.$inferInsert) {
  const [row] = await db.insert(developmentEvidence).values(values).returning();
  return row!;
}

export async function deleteEvidence(db: Db, boardId: string, conversationId: string, evidenceId: string) {
  const rows = await db
    .delete(developmentEvidence)
    .where(
      and(
        eq(developmentEvidence.boardId, boardId),
        eq(developmentEvidence.conversationId, conversationId),
        eq(developmentEvidence.id, evidenceId),
      ),
    )
    .returning({ id: developmentEvidence.id });
  return rows.length > 0;
}

export async function findFeedbackRounds(db: Db, boardId: string, conversationId: string) {
  const r = feedbackTables.feedbackRounds;
  return db
    .select({ id: r.id, title: r.title, status: r.status, closedAt: r.closedAt })
    .from(r)
    .where(and(eq(r.boardId, boardId), eq(r.conversationId, conversationId)))
    .orderBy(asc(r.createdAt));
}

export async function findPerson(db: Db, boardId: string, personId: string) {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.boardId, boardId), eq(people.id, personId)));
  return row;
}

export async function findMemberships(db: Db, boardId: string, personId: string) {
  return db
    .select({ role: memberships.role, schoolId: memberships.schoolId })
    .from(memberships)
    .where(and(eq(memberships.boardId, boardId), eq(memberships.personId, personId)));
}

export async function findKind(db: Db, boardId: string, kindId: string) {
  const [row] = await db
    .select()
    .from(conversationKinds)
    .where(and(eq(conversationKinds.boardId, boardId), eq(conversationKinds.id, kindId)));
  return row;
}

/** Active kinds of the given schools, with the school's name. */
export async function findKindsOfSchools(db: Db, boardId: string, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return db
    .select({
      id: conversationKinds.id,
      name: conversationKinds.name,
      schoolId: conversationKinds.schoolId,
      schoolName: schools.name,
    })
    .from(conversationKinds)
    .innerJoin(schools, eq(schools.id, conversationKinds.schoolId))
    .where(
      and(
        eq(conversationKinds.boardId, boardId),
        inArray(conversationKinds.schoolId, schoolIds),
        eq(conversationKinds.active, true),
      ),
    )
    .orderBy(asc(schools.name), asc(conversationKinds.position), asc(conversationKinds.name));
}

export async function findSchoolYearOn(db: Db, boardId: string, schoolId: string, day: string) {
  const [row] = await db
    .select({ id: schoolYears.id })
    .from(schoolYears)
    .where(
      and(
        eq(schoolYears.boardId, boardId),
        eq(schoolYears.schoolId, schoolId),
        lte(schoolYears.startsOn, day),
        gte(schoolYears.endsOn, day),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

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
    .set({ ...values, version: sql`${conversations.version} + 1`, updatedAt: new Date() })
    .where(
      and(eq(conversations.boardId, boardId), eq(conversations.id, id), eq(conversations.version, expectedVersion)),
    )
    .returning();
  return row;
}

export async function insertReport(db: Db, values: typeof conversationReports.$inferInsert) {
  const [row] = await db.insert(conversationReports).values(values).returning();
  return row!;
}

export async function updateReport(
  db: Db,
  boardId: string,
  id: string,
  expectedVersion: number,
  values: Partial<typeof conversationReports.$inferInsert>,
) {
  const [row] = await db
    .update(conversationReports)
    .set({ ...values, version: sql`${conversationReports.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(conversationReports.boardId, boardId),
        eq(conversationReports.id, id),
        eq(conversationReports.version, expectedVersion),
        isNull(conversationReports.lockedAt),
      ),
    )
    .returning();
  return row;
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

const NIL = '00000000-0000-0000-0000-000000000000';

/** Conversations of one employee (all states), for readers whose access is decided per conversation. */
export async function findConversationsOfEmployee(db: Db, boardId: string, employeeId: string) {
  return db
    .select()
    .from(conversations)
    .where(and(eq(conversations.boardId, boardId), eq(conversations.employeeId, employeeId)));
}

/** Ids of conversations shared with the person. */
export async function findSharedIds(db: Db, boardId: string, personId: string) {
  const rows = await db
    .select({ id: conversationShares.conversationId })
    .from(conversationShares)
    .where(and(eq(conversationShares.boardId, boardId), eq(conversationShares.personId, personId)));
  return rows.map((r) => r.id);
}

/** Open conversations where the person is employee or manager, for the home tasks. */
export async function findOpenFor(db: Db, boardId: string, personId: string) {
  return db
    .select({ c: conversations, kindName: conversationKinds.name, employee: employeeCols, manager: managerCols })
    .from(conversations)
    .innerJoin(conversationKinds, eq(conversationKinds.id, conversations.kindId))
    .innerJoin(employeeP, eq(employeeP.id, conversations.employeeId))
    .innerJoin(managerP, eq(managerP.id, conversations.managerId))
    .where(
      and(
        eq(conversations.boardId, boardId),
        or(eq(conversations.employeeId, personId), eq(conversations.managerId, personId)),
        inArray(conversations.state, ['planned', 'preparing', 'held', 'report_draft']),
      ),
    );
}

/** Conversations of every board whose preparation reminder may be due. */
export async function findPrepReminderCandidates(db: Db) {
  return db
    .select({
      c: conversations,
      kindName: conversationKinds.name,
      employee: employeeCols,
      manager: managerCols,
      reminderDays: schoolSettings.reminderDays,
    })
    .from(conversations)
    .innerJoin(conversationKinds, eq(conversationKinds.id, conversations.kindId))
    .innerJoin(employeeP, eq(employeeP.id, conversations.employeeId))
    .innerJoin(managerP, eq(managerP.id, conversations.managerId))
    .leftJoin(schoolSettings, eq(schoolSettings.schoolId, conversations.schoolId))
    .where(
      and(
        inArray(conversations.state, ['planned', 'preparing']),
        isNull(conversations.prepReminderSentAt),
        isNull(conversations.preparationSharedAt),
        sql`${conversations.preparationDueOn} is not null`,
      ),
    );
}

/** Conversations in report_draft whose current report one side signed and the other not. */
export async function findSignReminderCandidates(db: Db, signedBefore: Date) {
  return db
    .select({
      c: conversations,
      r: conversationReports,
      kindName: conversationKinds.name,
      employee: employeeCols,
      manager: managerCols,
    })
    .from(conversations)
    .innerJoin(conversationKinds, eq(conversationKinds.id, conversations.kindId))
    .innerJoin(employeeP, eq(employeeP.id, conversations.employeeId))
    .innerJoin(managerP, eq(managerP.id, conversations.managerId))
    .innerJoin(conversationReports, eq(conversationReports.conversationId, conversations.id))
    .where(
      and(
        eq(conversations.state, 'report_draft'),
        isNull(conversationReports.lockedAt),
        or(
          and(isNull(conversationReports.employeeSignedAt), lte(conversationReports.managerSignedAt, signedBefore)),
          and(isNull(conversationReports.managerSignedAt), lte(conversationReports.employeeSignedAt, signedBefore)),
        ),
        or(
          isNull(conversations.signReminderSentAt),
          lt(
            conversations.signReminderSentAt,
            sql`coalesce(${conversationReports.employeeSignedAt}, ${conversationReports.managerSignedAt})`,
          ),
        ),
      ),
    );
}

/** Marks a reminder as sent (no version bump: it is no content change). */
export async function markReminder(db: Db, id: string, column: 'prep' | 'sign', at: Date) {
  await db
    .update(conversations)
    .set(column === 'prep' ? { prepReminderSentAt: at } : { signReminderSentAt: at })
    .where(eq(conversations.id, id));
}

export async function findSharesForExport(db: Db, boardId: string, conversationIds: string[]) {
  if (conversationIds.length === 0) return [];
  return db
    .select({
      conversationId: conversationShares.conversationId,
      personId: people.id,
      firstName: people.firstName,
      infix: people.infix,
      lastName: people.lastName,
      createdAt: conversationShares.createdAt,
    })
    .from(conversationShares)
    .innerJoin(people, eq(people.id, conversationShares.personId))
    .where(and(eq(conversationShares.boardId, boardId), inArray(conversationShares.conversationId, conversationIds)));
}

export async function findReportsOf(db: Db, boardId: string, conversationIds: string[]) {
  if (conversationIds.length === 0) return [];
  return db
    .select()
    .from(conversationReports)
    .where(and(eq(conversationReports.boardId, boardId), inArray(conversationReports.conversationId, conversationIds)))
    .orderBy(asc(conversationReports.revision));
}

export async function findEventsOf(db: Db, boardId: string, conversationIds: string[]) {
  if (conversationIds.length === 0) return [];
  return db
    .select()
    .from(conversationEvents)
    .where(and(eq(conversationEvents.boardId, boardId), inArray(conversationEvents.conversationId, conversationIds)))
    .orderBy(asc(conversationEvents.createdAt));
}

/** People of the board matching a search, for the share picker. */
export async function searchPeople(db: Db, boardId: string, pattern: string, excludeIds: string[]) {
  return db
    .select({
      id: people.id,
      firstName: people.firstName,
      infix: people.infix,
      lastName: people.lastName,
      email: people.email,
    })
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

export async function findFormsOf(db: Db, boardId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: conversationForms.id, items: conversationForms.items })
    .from(conversationForms)
    .where(and(eq(conversationForms.boardId, boardId), inArray(conversationForms.id, [...new Set(ids)])));
}
