import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { conversationsTables as ct } from '../conversations/index.ts';
import {
  conversationForms,
  conversationKinds,
  cycleRules,
  schoolSettings,
  schoolYearPeriods,
  schoolYears,
} from './cycle.schema.ts';
import { anyOf, atVersion, bump, byId, first, inSchool, placeholder } from './cycle.sql.ts';

// A school's cycle configuration: settings, school years with periods, kinds, rules, forms. Every function takes
// the board it reads. The school and team lookups and the reads of the overview are in cycle-overview.repository.ts.
// The overview also uses findYears, findKinds and findRules: prepared statements whose SQL bench/scenarios.ts copies.

type NewSettings = typeof schoolSettings.$inferInsert;
type NewYear = typeof schoolYears.$inferInsert;
type NewKind = typeof conversationKinds.$inferInsert;
type NewRule = typeof cycleRules.$inferInsert;
type NewForm = typeof conversationForms.$inferInsert;

// Settings

export async function findSettings(db: Db, boardId: string, schoolId: string) {
  return first(
    db
      .select()
      .from(schoolSettings)
      .where(and(eq(schoolSettings.boardId, boardId), eq(schoolSettings.schoolId, schoolId))),
  );
}

export async function insertSettings(db: Db, values: NewSettings) {
  return first(db.insert(schoolSettings).values(values).onConflictDoNothing().returning());
}

/** A school's settings row is keyed by the school. */
const settingsKey = { boardId: schoolSettings.boardId, id: schoolSettings.schoolId, version: schoolSettings.version };

export async function updateSettings(
  db: Db,
  boardId: string,
  schoolId: string,
  version: number,
  values: Partial<NewSettings>,
) {
  return first(
    db
      .update(schoolSettings)
      .set({ ...values, ...bump(schoolSettings) })
      .where(atVersion(settingsKey, boardId, schoolId, version))
      .returning(),
  );
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
  return first(
    db
      .select()
      .from(schoolYears)
      .where(inSchool(schoolYears, boardId, schoolId, yearId)),
  );
}

export async function insertYear(db: Db, values: NewYear) {
  const [row] = await db.insert(schoolYears).values(values).returning();
  return row!;
}

export async function updateYear(db: Db, boardId: string, yearId: string, version: number, values: Partial<NewYear>) {
  return first(
    db
      .update(schoolYears)
      .set({ ...values, ...bump(schoolYears) })
      .where(atVersion(schoolYears, boardId, yearId, version))
      .returning(),
  );
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
  await db.delete(schoolYears).where(byId(schoolYears, boardId, yearId));
}

// Kinds

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
  return first(
    db
      .select()
      .from(conversationKinds)
      .where(inSchool(conversationKinds, boardId, schoolId, kindId)),
  );
}

export async function insertKinds(db: Db, values: NewKind[]) {
  return db.insert(conversationKinds).values(values).returning();
}

export async function updateKind(db: Db, boardId: string, kindId: string, version: number, values: Partial<NewKind>) {
  return first(
    db
      .update(conversationKinds)
      .set({ ...values, ...bump(conversationKinds) })
      .where(atVersion(conversationKinds, boardId, kindId, version))
      .returning(),
  );
}

export async function isKindInUse(db: Db, boardId: string, kindId: string): Promise<boolean> {
  const rows = await db
    .select({ id: ct.conversations.id })
    .from(ct.conversations)
    .where(and(eq(ct.conversations.boardId, boardId), eq(ct.conversations.kindId, kindId)))
    .limit(1);
  return rows.length > 0;
}

/** Deletes a kind with its rules. */
export async function deleteKind(db: Db, boardId: string, kindId: string) {
  await db.delete(cycleRules).where(and(eq(cycleRules.boardId, boardId), eq(cycleRules.kindId, kindId)));
  await db.delete(conversationKinds).where(byId(conversationKinds, boardId, kindId));
}

// Rules

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
  return first(
    db
      .select()
      .from(cycleRules)
      .where(inSchool(cycleRules, boardId, schoolId, ruleId)),
  );
}

export async function insertRules(db: Db, values: NewRule[]) {
  return db.insert(cycleRules).values(values).returning();
}

export async function updateRule(db: Db, boardId: string, ruleId: string, version: number, values: Partial<NewRule>) {
  return first(
    db
      .update(cycleRules)
      .set({ ...values, ...bump(cycleRules) })
      .where(atVersion(cycleRules, boardId, ruleId, version))
      .returning(),
  );
}

export async function deleteRule(db: Db, boardId: string, ruleId: string) {
  await db.delete(cycleRules).where(byId(cycleRules, boardId, ruleId));
}

// Forms

export async function findForms(db: Db, boardId: string, schoolId: string) {
  return db
    .select()
    .from(conversationForms)
    .where(and(eq(conversationForms.boardId, boardId), eq(conversationForms.schoolId, schoolId)))
    .orderBy(asc(conversationForms.purpose), asc(conversationForms.name));
}

export async function findForm(db: Db, boardId: string, schoolId: string, formId: string) {
  return first(
    db
      .select()
      .from(conversationForms)
      .where(inSchool(conversationForms, boardId, schoolId, formId)),
  );
}

export async function insertForms(db: Db, values: NewForm[]) {
  return db.insert(conversationForms).values(values).returning();
}

export async function updateForm(db: Db, boardId: string, formId: string, version: number, values: Partial<NewForm>) {
  return first(
    db
      .update(conversationForms)
      .set({ ...values, ...bump(conversationForms) })
      .where(atVersion(conversationForms, boardId, formId, version))
      .returning(),
  );
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
  await db.delete(conversationForms).where(byId(conversationForms, boardId, formId));
}
