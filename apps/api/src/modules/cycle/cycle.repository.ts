import { and, asc, eq, exists, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
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

// Drizzle queries of the cycle module; every function takes the board it reads.

const bump = <T extends { version: unknown }>(t: T) => ({ version: sql`${t.version} + 1`, updatedAt: new Date() });

export async function findSchool(db: Db, boardId: string, schoolId: string) {
  const [row] = await db
    .select({ id: ot.schools.id, name: ot.schools.name })
    .from(ot.schools)
    .where(and(eq(ot.schools.boardId, boardId), eq(ot.schools.id, schoolId)));
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

export async function findTeams(db: Db, boardId: string, schoolId: string) {
  return db
    .select({ id: ot.teams.id, name: ot.teams.name })
    .from(ot.teams)
    .where(and(eq(ot.teams.boardId, boardId), eq(ot.teams.schoolId, schoolId)))
    .orderBy(asc(ot.teams.name));
}

export async function findTeamsOf(db: Db, boardId: string, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return db
    .select({ id: ot.teams.id, name: ot.teams.name })
    .from(ot.teams)
    .where(and(eq(ot.teams.boardId, boardId), inArray(ot.teams.schoolId, schoolIds)));
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

/** The school years (with periods) of some schools, oldest first. */
export async function findYears(db: Db, boardId: string, schoolIds: string[]): Promise<YearWithPeriods[]> {
  if (schoolIds.length === 0) return [];
  const rows = await db
    .select({ year: schoolYears, period: schoolYearPeriods })
    .from(schoolYears)
    .leftJoin(schoolYearPeriods, eq(schoolYearPeriods.yearId, schoolYears.id))
    .where(and(eq(schoolYears.boardId, boardId), inArray(schoolYears.schoolId, schoolIds)))
    .orderBy(asc(schoolYears.startsOn), asc(schoolYearPeriods.position));
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

export async function findKinds(db: Db, boardId: string, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return db
    .select()
    .from(conversationKinds)
    .where(and(eq(conversationKinds.boardId, boardId), inArray(conversationKinds.schoolId, schoolIds)))
    .orderBy(asc(conversationKinds.position), asc(conversationKinds.name));
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

export async function findRules(db: Db, boardId: string, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return db
    .select()
    .from(cycleRules)
    .where(and(eq(cycleRules.boardId, boardId), inArray(cycleRules.schoolId, schoolIds)))
    .orderBy(asc(cycleRules.createdAt), asc(cycleRules.id));
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

/** The active direct reports of a manager. */
export async function findReports(db: Db, boardId: string, managerId: string) {
  return db
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
      and(eq(ot.lineManagers.boardId, boardId), eq(ot.lineManagers.managerId, managerId), eq(ot.people.active, true)),
    )
    .orderBy(asc(ot.people.lastName), asc(ot.people.firstName));
}

/** School memberships (role, school, team) of some people. */
export async function findMembershipsOf(db: Db, boardId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      personId: ot.memberships.personId,
      role: ot.memberships.role,
      schoolId: ot.memberships.schoolId,
      teamId: ot.memberships.teamId,
    })
    .from(ot.memberships)
    .where(and(eq(ot.memberships.boardId, boardId), inArray(ot.memberships.personId, personIds)));
}

/** Every active person with a membership in the school, with their memberships there and whether they have a manager. */
export async function findSchoolStaff(db: Db, boardId: string, schoolId: string) {
  return db
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
    .where(and(eq(ot.memberships.boardId, boardId), eq(ot.memberships.schoolId, schoolId), eq(ot.people.active, true)));
}

/** Conversations of the given schools between two days, optionally of some employees only; no contents. */
export async function findConversationsBetween(
  db: Db,
  boardId: string,
  q: { schoolIds: string[]; employeeIds?: string[]; from: Date; to: Date },
) {
  if (q.schoolIds.length === 0 || q.employeeIds?.length === 0) return [];
  return db
    .select({
      id: ct.conversations.id,
      schoolId: ct.conversations.schoolId,
      employeeId: ct.conversations.employeeId,
      kindId: ct.conversations.kindId,
      state: ct.conversations.state,
      scheduledAt: ct.conversations.scheduledAt,
    })
    .from(ct.conversations)
    .where(
      and(
        eq(ct.conversations.boardId, boardId),
        inArray(ct.conversations.schoolId, q.schoolIds),
        q.employeeIds ? inArray(ct.conversations.employeeId, q.employeeIds) : undefined,
        gte(ct.conversations.scheduledAt, q.from),
        lte(ct.conversations.scheduledAt, q.to),
      ),
    );
}
