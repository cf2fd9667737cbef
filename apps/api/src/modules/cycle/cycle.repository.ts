import { and, asc, eq, exists, gte, inArray, lte, sql, type AnyColumn } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { conversationsTables as ct } from '../conversations/index.ts';
import { organisationTables as ot } from '../organisation/index.ts';
import {
  conversationForms,
  conversationKinds,
  cycleRules,
  schoolSettings,
  schoolYearPeriods,
  schoolYears,
} from './cycle.schema.ts';
import { SCHOOL_TIME_ZONE } from './cycle-status.ts';

// Drizzle queries of the cycle module; every function takes the board it reads.

const bump = <T extends { version: unknown }>(t: T) => ({ version: sql`${t.version} + 1`, updatedAt: new Date() });

// The reads of the overview and the coverage are prepared once per database handle (see prepared.ts): one
// statement text whatever the number of ids, so lists are a uuid[] parameter instead of `in ($2, $3, …)`.
const placeholder = (name: string) => sql.placeholder(name);
const anyOf = (column: AnyColumn, name: string) => sql`${column} = any(${sql.placeholder(name)}::uuid[])`;

const schoolById = (db: Db) =>
  db
    .select({ id: ot.schools.id, name: ot.schools.name })
    .from(ot.schools)
    .where(and(eq(ot.schools.boardId, placeholder('boardId')), eq(ot.schools.id, placeholder('schoolId'))))
    .prepare('cycle_school');

export async function findSchool(db: Db, boardId: string, schoolId: string) {
  const [row] = await prepared(db, 'cycle_school', schoolById).execute({ boardId, schoolId });
  return row ?? null;
}

export async function findSchools(db: Db, boardId: string, schoolIds?: string[]) {
  return db
    .select({
      id: ot.schools.id,
      name: ot.schools.name,
      configured: exists(
        db
          .select({ one: sql`1` })
          .from(conversationKinds)
          .where(eq(conversationKinds.schoolId, ot.schools.id)),
      ).mapWith(Boolean),
    })
    .from(ot.schools)
    .where(and(eq(ot.schools.boardId, boardId), schoolIds ? inArray(ot.schools.id, schoolIds) : undefined))
    .orderBy(asc(ot.schools.name));
}

/** Names of some schools, by name; nothing else (findSchools also tells whether each is configured). */
const schoolNames = (db: Db) =>
  db
    .select({ id: ot.schools.id, name: ot.schools.name })
    .from(ot.schools)
    .where(and(eq(ot.schools.boardId, placeholder('boardId')), anyOf(ot.schools.id, 'schoolIds')))
    .orderBy(asc(ot.schools.name))
    .prepare('cycle_school_names');

export async function findSchoolNames(db: Db, boardId: string, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return prepared(db, 'cycle_school_names', schoolNames).execute({ boardId, schoolIds });
}

const teamsOfSchool = (db: Db) =>
  db
    .select({ id: ot.teams.id, name: ot.teams.name })
    .from(ot.teams)
    .where(and(eq(ot.teams.boardId, placeholder('boardId')), eq(ot.teams.schoolId, placeholder('schoolId'))))
    .orderBy(asc(ot.teams.name))
    .prepare('cycle_teams');

export async function findTeams(db: Db, boardId: string, schoolId: string) {
  return prepared(db, 'cycle_teams', teamsOfSchool).execute({ boardId, schoolId });
}

const teamsOfSchools = (db: Db) =>
  db
    .select({ id: ot.teams.id, name: ot.teams.name })
    .from(ot.teams)
    .where(and(eq(ot.teams.boardId, placeholder('boardId')), anyOf(ot.teams.schoolId, 'schoolIds')))
    .prepare('cycle_teams_of');

export async function findTeamsOf(db: Db, boardId: string, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return prepared(db, 'cycle_teams_of', teamsOfSchools).execute({ boardId, schoolIds });
}

// Settings

export async function findSettings(db: Db, boardId: string, schoolId: string) {
  const [row] = await db
    .select()
    .from(schoolSettings)
    .where(and(eq(schoolSettings.boardId, boardId), eq(schoolSettings.schoolId, schoolId)));
  return row ?? null;
}

export async function insertSettings(db: Db, values: typeof schoolSettings.$inferInsert) {
  const rows = await db.insert(schoolSettings).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function updateSettings(
  db: Db,
  boardId: string,
  schoolId: string,
  version: number,
  values: Partial<typeof schoolSettings.$inferInsert>,
) {
  const rows = await db
    .update(schoolSettings)
    .set({ ...values, ...bump(schoolSettings) })
    .where(
      and(
        eq(schoolSettings.boardId, boardId),
        eq(schoolSettings.schoolId, schoolId),
        eq(schoolSettings.version, version),
      ),
    )
    .returning();
  return rows[0] ?? null;
}

// School years

export type YearWithPeriods = typeof schoolYears.$inferSelect & {
  periods: (typeof schoolYearPeriods.$inferSelect)[];
};

const yearsOf = (db: Db) =>
  db
    .select({ year: schoolYears, period: schoolYearPeriods })
    .from(schoolYears)
    .leftJoin(schoolYearPeriods, eq(schoolYearPeriods.yearId, schoolYears.id))
    .where(and(eq(schoolYears.boardId, placeholder('boardId')), anyOf(schoolYears.schoolId, 'schoolIds')))
    .orderBy(asc(schoolYears.startsOn), asc(schoolYearPeriods.position))
    .prepare('cycle_years');

/** The school years (with periods) of some schools, oldest first. */
export async function findYears(db: Db, boardId: string, schoolIds: string[]): Promise<YearWithPeriods[]> {
  if (schoolIds.length === 0) return [];
  const rows = await prepared(db, 'cycle_years', yearsOf).execute({ boardId, schoolIds });
  const byId = new Map<string, YearWithPeriods>();
  for (const { year, period } of rows) {
    let y = byId.get(year.id);
    if (!y) byId.set(year.id, (y = { ...year, periods: [] }));
    if (period) y.periods.push(period);
  }
  return [...byId.values()];
}

/** Ids of the school years that conversations point at. */
export async function findYearsInUse(db: Db, boardId: string, schoolId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ id: ct.conversations.schoolYearId })
    .from(ct.conversations)
    .where(and(eq(ct.conversations.boardId, boardId), eq(ct.conversations.schoolId, schoolId)));
  return new Set(rows.map((r) => r.id).filter((id): id is string => id !== null));
}

export async function findYear(db: Db, boardId: string, schoolId: string, yearId: string) {
  const [row] = await db
    .select()
    .from(schoolYears)
    .where(and(eq(schoolYears.boardId, boardId), eq(schoolYears.schoolId, schoolId), eq(schoolYears.id, yearId)));
  return row ?? null;
}

export async function insertYear(db: Db, values: typeof schoolYears.$inferInsert) {
  const [row] = await db.insert(schoolYears).values(values).returning();
  return row!;
}

export async function updateYear(
  db: Db,
  boardId: string,
  yearId: string,
  version: number,
  values: Partial<typeof schoolYears.$inferInsert>,
) {
  const rows = await db
    .update(schoolYears)
    .set({ ...values, ...bump(schoolYears) })
    .where(and(eq(schoolYears.boardId, boardId), eq(schoolYears.id, yearId), eq(schoolYears.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function replacePeriods(
  db: Db,
  boardId: string,
  yearId: string,
  periods: { name: string; startsOn: string; endsOn: string }[],
) {
  await db
    .delete(schoolYearPeriods)
    .where(and(eq(schoolYearPeriods.boardId, boardId), eq(schoolYearPeriods.yearId, yearId)));
  if (periods.length > 0)
    await db.insert(schoolYearPeriods).values(periods.map((p, i) => ({ ...p, boardId, yearId, position: i + 1 })));
}

export async function deleteYear(db: Db, boardId: string, yearId: string) {
  await db.delete(schoolYears).where(and(eq(schoolYears.boardId, boardId), eq(schoolYears.id, yearId)));
}

// Kinds, rules, forms

const kindsOf = (db: Db) =>
  db
    .select()
    .from(conversationKinds)
    .where(and(eq(conversationKinds.boardId, placeholder('boardId')), anyOf(conversationKinds.schoolId, 'schoolIds')))
    .orderBy(asc(conversationKinds.position), asc(conversationKinds.name))
    .prepare('cycle_kinds');

export async function findKinds(db: Db, boardId: string, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return prepared(db, 'cycle_kinds', kindsOf).execute({ boardId, schoolIds });
}

export async function findKind(db: Db, boardId: string, schoolId: string, kindId: string) {
  const [row] = await db
    .select()
    .from(conversationKinds)
    .where(
      and(
        eq(conversationKinds.boardId, boardId),
        eq(conversationKinds.schoolId, schoolId),
        eq(conversationKinds.id, kindId),
      ),
    );
  return row ?? null;
}

export async function insertKinds(db: Db, values: (typeof conversationKinds.$inferInsert)[]) {
  return db.insert(conversationKinds).values(values).returning();
}

export async function updateKind(
  db: Db,
  boardId: string,
  kindId: string,
  version: number,
  values: Partial<typeof conversationKinds.$inferInsert>,
) {
  const rows = await db
    .update(conversationKinds)
    .set({ ...values, ...bump(conversationKinds) })
    .where(
      and(
        eq(conversationKinds.boardId, boardId),
        eq(conversationKinds.id, kindId),
        eq(conversationKinds.version, version),
      ),
    )
    .returning();
  return rows[0] ?? null;
}

export async function isKindInUse(db: Db, boardId: string, kindId: string): Promise<boolean> {
  const rows = await db
    .select({ id: ct.conversations.id })
    .from(ct.conversations)
    .where(and(eq(ct.conversations.boardId, boardId), eq(ct.conversations.kindId, kindId)))
    .limit(1);
  return rows.length > 0;
}

export async function deleteKind(db: Db, boardId: string, kindId: string) {
  await db.delete(cycleRules).where(and(eq(cycleRules.boardId, boardId), eq(cycleRules.kindId, kindId)));
  await db
    .delete(conversationKinds)
    .where(and(eq(conversationKinds.boardId, boardId), eq(conversationKinds.id, kindId)));
}

const rulesOf = (db: Db) =>
  db
    .select()
    .from(cycleRules)
    .where(and(eq(cycleRules.boardId, placeholder('boardId')), anyOf(cycleRules.schoolId, 'schoolIds')))
    .orderBy(asc(cycleRules.createdAt), asc(cycleRules.id))
    .prepare('cycle_rules');

export async function findRules(db: Db, boardId: string, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return prepared(db, 'cycle_rules', rulesOf).execute({ boardId, schoolIds });
}

export async function findRule(db: Db, boardId: string, schoolId: string, ruleId: string) {
  const [row] = await db
    .select()
    .from(cycleRules)
    .where(and(eq(cycleRules.boardId, boardId), eq(cycleRules.schoolId, schoolId), eq(cycleRules.id, ruleId)));
  return row ?? null;
}

export async function insertRules(db: Db, values: (typeof cycleRules.$inferInsert)[]) {
  return db.insert(cycleRules).values(values).returning();
}

export async function updateRule(
  db: Db,
  boardId: string,
  ruleId: string,
  version: number,
  values: Partial<typeof cycleRules.$inferInsert>,
) {
  const rows = await db
    .update(cycleRules)
    .set({ ...values, ...bump(cycleRules) })
    .where(and(eq(cycleRules.boardId, boardId), eq(cycleRules.id, ruleId), eq(cycleRules.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function deleteRule(db: Db, boardId: string, ruleId: string) {
  await db.delete(cycleRules).where(and(eq(cycleRules.boardId, boardId), eq(cycleRules.id, ruleId)));
}

export async function findForms(db: Db, boardId: string, schoolId: string) {
  return db
    .select()
    .from(conversationForms)
    .where(and(eq(conversationForms.boardId, boardId), eq(conversationForms.schoolId, schoolId)))
    .orderBy(asc(conversationForms.purpose), asc(conversationForms.name));
}

export async function findForm(db: Db, boardId: string, schoolId: string, formId: string) {
  const [row] = await db
    .select()
    .from(conversationForms)
    .where(
      and(
        eq(conversationForms.boardId, boardId),
        eq(conversationForms.schoolId, schoolId),
        eq(conversationForms.id, formId),
      ),
    );
  return row ?? null;
}

export async function insertForms(db: Db, values: (typeof conversationForms.$inferInsert)[]) {
  return db.insert(conversationForms).values(values).returning();
}

export async function updateForm(
  db: Db,
  boardId: string,
  formId: string,
  version: number,
  values: Partial<typeof conversationForms.$inferInsert>,
) {
  const rows = await db
    .update(conversationForms)
    .set({ ...values, ...bump(conversationForms) })
    .where(
      and(
        eq(conversationForms.boardId, boardId),
        eq(conversationForms.id, formId),
        eq(conversationForms.version, version),
      ),
    )
    .returning();
  return rows[0] ?? null;
}

/** Whether a kind or a conversation points at the form. */
export async function isFormInUse(db: Db, boardId: string, formId: string): Promise<boolean> {
  const [byKind] = await db
    .select({ id: conversationKinds.id })
    .from(conversationKinds)
    .where(
      and(
        eq(conversationKinds.boardId, boardId),
        sql`(${conversationKinds.reflectionFormId} = ${formId} or ${conversationKinds.questionFormId} = ${formId})`,
      ),
    )
    .limit(1);
  if (byKind) return true;
  const [byConversation] = await db
    .select({ id: ct.conversations.id })
    .from(ct.conversations)
    .where(
      and(
        eq(ct.conversations.boardId, boardId),
        sql`(${ct.conversations.reflectionFormId} = ${formId} or ${ct.conversations.questionFormId} = ${formId})`,
      ),
    )
    .limit(1);
  return Boolean(byConversation);
}

export async function deleteForm(db: Db, boardId: string, formId: string) {
  await db
    .delete(conversationForms)
    .where(and(eq(conversationForms.boardId, boardId), eq(conversationForms.id, formId)));
}

// Overview and coverage

const reportsOf = (db: Db) =>
  db
    .select({
      id: ot.people.id,
      firstName: ot.people.firstName,
      infix: ot.people.infix,
      lastName: ot.people.lastName,
      jobTitle: ot.people.jobTitle,
    })
    .from(ot.lineManagers)
    .innerJoin(ot.people, eq(ot.people.id, ot.lineManagers.employeeId))
    .where(
      and(
        eq(ot.lineManagers.boardId, placeholder('boardId')),
        eq(ot.lineManagers.managerId, placeholder('managerId')),
        eq(ot.people.active, true),
      ),
    )
    .orderBy(asc(ot.people.lastName), asc(ot.people.firstName))
    .prepare('cycle_reports');

/** The active direct reports of a manager. */
export async function findReports(db: Db, boardId: string, managerId: string) {
  return prepared(db, 'cycle_reports', reportsOf).execute({ boardId, managerId });
}

const membershipsOfPeople = (db: Db) =>
  db
    .select({
      personId: ot.memberships.personId,
      role: ot.memberships.role,
      schoolId: ot.memberships.schoolId,
      teamId: ot.memberships.teamId,
    })
    .from(ot.memberships)
    .where(and(eq(ot.memberships.boardId, placeholder('boardId')), anyOf(ot.memberships.personId, 'personIds')))
    .prepare('cycle_memberships_of');

/** School memberships (role, school, team) of some people. */
export async function findMembershipsOf(db: Db, boardId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return prepared(db, 'cycle_memberships_of', membershipsOfPeople).execute({ boardId, personIds });
}

const schoolStaff = (db: Db) =>
  db
    .select({
      personId: ot.people.id,
      firstName: ot.people.firstName,
      infix: ot.people.infix,
      lastName: ot.people.lastName,
      role: ot.memberships.role,
      teamId: ot.memberships.teamId,
      hasManager: exists(
        db
          .select({ one: sql`1` })
          .from(ot.lineManagers)
          .where(eq(ot.lineManagers.employeeId, ot.people.id)),
      ).mapWith(Boolean),
    })
    .from(ot.memberships)
    .innerJoin(ot.people, eq(ot.people.id, ot.memberships.personId))
    .where(
      and(
        eq(ot.memberships.boardId, placeholder('boardId')),
        eq(ot.memberships.schoolId, placeholder('schoolId')),
        eq(ot.people.active, true),
      ),
    )
    .prepare('cycle_school_staff');

/** Every active person with a membership in the school, with their memberships there and whether they have a manager. */
export async function findSchoolStaff(db: Db, boardId: string, schoolId: string) {
  return prepared(db, 'cycle_school_staff', schoolStaff).execute({ boardId, schoolId });
}

// The instant as ISO text and its Dutch day, both formatted by the database: the overview and the coverage read
// hundreds to thousands of conversations per request, and need no Date objects for them.
const conversationFields = {
  id: ct.conversations.id,
  schoolId: ct.conversations.schoolId,
  employeeId: ct.conversations.employeeId,
  kindId: ct.conversations.kindId,
  state: ct.conversations.state,
  scheduledAt: sql<string>`to_char(${ct.conversations.scheduledAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  day: sql<string>`to_char(${ct.conversations.scheduledAt} at time zone ${sql.raw(`'${SCHOOL_TIME_ZONE}'`)}, 'YYYY-MM-DD')`,
};

const conversationsOfSchools = (db: Db) =>
  db
    .select(conversationFields)
    .from(ct.conversations)
    .where(
      and(
        eq(ct.conversations.boardId, placeholder('boardId')),
        anyOf(ct.conversations.schoolId, 'schoolIds'),
        gte(ct.conversations.scheduledAt, placeholder('from')),
        lte(ct.conversations.scheduledAt, placeholder('to')),
      ),
    )
    .prepare('cycle_conversations');

const conversationsOfEmployees = (db: Db) =>
  db
    .select(conversationFields)
    .from(ct.conversations)
    .where(
      and(
        eq(ct.conversations.boardId, placeholder('boardId')),
        anyOf(ct.conversations.schoolId, 'schoolIds'),
        anyOf(ct.conversations.employeeId, 'employeeIds'),
        gte(ct.conversations.scheduledAt, placeholder('from')),
        lte(ct.conversations.scheduledAt, placeholder('to')),
      ),
    )
    .prepare('cycle_conversations_of');

/** Conversations of the given schools between two days, optionally of some employees only; no contents. */
export async function findConversationsBetween(
  db: Db,
  boardId: string,
  q: { schoolIds: string[]; employeeIds?: string[]; from: Date; to: Date },
) {
  if (q.schoolIds.length === 0 || q.employeeIds?.length === 0) return [];
  // Instants as ISO text, as Drizzle sends a timestamp column's Date when the statement is not prepared.
  const params = { boardId, schoolIds: q.schoolIds, from: q.from.toISOString(), to: q.to.toISOString() };
  return q.employeeIds
    ? prepared(db, 'cycle_conversations_of', conversationsOfEmployees).execute({
        ...params,
        employeeIds: q.employeeIds,
      })
    : prepared(db, 'cycle_conversations', conversationsOfSchools).execute(params);
}
