import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { conversationsTables } from '../conversations/index.ts';
import { feedbackTables } from '../feedback/index.ts';
import { organisationTables } from '../organisation/index.ts';
import {
  developmentActions as actions,
  developmentCheckins as checkins,
  developmentEvidence as evidence,
  developmentFiles as files,
  developmentGoals as goals,
  developmentPlans as plans,
} from './development.schema.ts';

const { people, lineManagers } = organisationTables;
const rounds = feedbackTables.feedbackRounds;

export type GoalRow = typeof goals.$inferSelect;
export type ActionRow = typeof actions.$inferSelect;
export type CheckinRow = typeof checkins.$inferSelect;
export type PlanRow = typeof plans.$inferSelect;
export type NameRow = { id: string; firstName: string; infix: string | null; lastName: string };

const nameColumns = { id: people.id, firstName: people.firstName, infix: people.infix, lastName: people.lastName };

export async function findPerson(db: Db, boardId: string, personId: string): Promise<NameRow | undefined> {
  const [row] = await db
    .select(nameColumns)
    .from(people)
    .where(and(eq(people.boardId, boardId), eq(people.id, personId)));
  return row;
}

export async function findNames(db: Db, boardId: string, ids: string[]): Promise<NameRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(nameColumns)
    .from(people)
    .where(and(eq(people.boardId, boardId), inArray(people.id, [...new Set(ids)])));
}

/** The person's current leidinggevenden. */
export async function findManagerIds(db: Db, boardId: string, personId: string): Promise<string[]> {
  const rows = await db
    .select({ id: lineManagers.managerId })
    .from(lineManagers)
    .where(and(eq(lineManagers.boardId, boardId), eq(lineManagers.employeeId, personId)));
  return rows.map((r) => r.id);
}

/** The people the manager currently leads. */
export async function findReportIds(db: Db, boardId: string, managerId: string): Promise<string[]> {
  const rows = await db
    .select({ id: lineManagers.employeeId })
    .from(lineManagers)
    .where(and(eq(lineManagers.boardId, boardId), eq(lineManagers.managerId, managerId)));
  return rows.map((r) => r.id);
}

export async function findPlan(db: Db, boardId: string, personId: string): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.boardId, boardId), eq(plans.personId, personId)));
  return row;
}

/** Creates the plan row when missing (idempotent) and locks it, so concurrent writers take turns. */
export async function lockPlan(db: Db, boardId: string, personId: string): Promise<PlanRow> {
  await db.insert(plans).values({ boardId, personId }).onConflictDoNothing({ target: plans.personId });
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.boardId, boardId), eq(plans.personId, personId)))
    .for('update');
  return row!;
}

/** Writes the ambition when the version still matches (0: no plan yet); false when someone else was first. */
export async function saveAmbition(
  db: Db,
  boardId: string,
  personId: string,
  version: number,
  ambition: string,
  now: Date,
): Promise<boolean> {
  if (version === 0) {
    const inserted = await db
      .insert(plans)
      .values({ boardId, personId, ambition, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: plans.personId })
      .returning({ id: plans.id });
    return inserted.length > 0;
  }
  const updated = await db
    .update(plans)
    .set({ ambition, version: sql`${plans.version} + 1`, updatedAt: now })
    .where(and(eq(plans.boardId, boardId), eq(plans.personId, personId), eq(plans.version, version)))
    .returning({ id: plans.id });
  return updated.length > 0;
}

export async function findGoals(db: Db, boardId: string, personId: string): Promise<GoalRow[]> {
  return db
    .select()
    .from(goals)
    .where(and(eq(goals.boardId, boardId), eq(goals.personId, personId)))
    .orderBy(asc(goals.createdAt), asc(goals.id));
}

export async function findGoal(db: Db, boardId: string, id: string): Promise<GoalRow | undefined> {
  const [row] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.boardId, boardId), eq(goals.id, id)));
  return row;
}

export async function insertGoal(db: Db, values: typeof goals.$inferInsert): Promise<GoalRow> {
  const [row] = await db.insert(goals).values(values).returning();
  return row!;
}

export async function updateGoal(
  db: Db,
  boardId: string,
  id: string,
  version: number,
  values: Partial<typeof goals.$inferInsert>,
  now: Date,
): Promise<GoalRow | undefined> {
  const [row] = await db
    .update(goals)
    .set({ ...values, version: sql`${goals.version} + 1`, updatedAt: now })
    .where(and(eq(goals.boardId, boardId), eq(goals.id, id), eq(goals.version, version)))
    .returning();
  return row;
}

/** A check-in moves the goal: new status, new progress moment, new version. */
export async function recordProgress(db: Db, boardId: string, id: string, status: string, now: Date): Promise<void> {
  await db
    .update(goals)
    .set({ status, lastProgressAt: now, version: sql`${goals.version} + 1`, updatedAt: now })
    .where(and(eq(goals.boardId, boardId), eq(goals.id, id)));
}

export async function deleteGoals(db: Db, boardId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.delete(goals).where(and(eq(goals.boardId, boardId), inArray(goals.id, ids)));
}

export async function findActions(db: Db, boardId: string, personId: string): Promise<ActionRow[]> {
  return db
    .select()
    .from(actions)
    .where(and(eq(actions.boardId, boardId), eq(actions.personId, personId)))
    .orderBy(asc(actions.createdAt), asc(actions.id));
}

export async function findAction(db: Db, boardId: string, id: string): Promise<ActionRow | undefined> {
  const [row] = await db
    .select()
    .from(actions)
    .where(and(eq(actions.boardId, boardId), eq(actions.id, id)));
  return row;
}

export async function insertActions(db: Db, values: (typeof actions.$inferInsert)[]): Promise<ActionRow[]> {
  if (values.length === 0) return [];
  return db.insert(actions).values(values).returning();
}

export async function updateAction(
  db: Db,
  boardId: string,
  id: string,
  version: number,
  values: Partial<typeof actions.$inferInsert>,
  now: Date,
): Promise<ActionRow | undefined> {
  const [row] = await db
    .update(actions)
    .set({ ...values, version: sql`${actions.version} + 1`, updatedAt: now })
    .where(and(eq(actions.boardId, boardId), eq(actions.id, id), eq(actions.version, version)))
    .returning();
  return row;
}

export async function deleteAction(db: Db, boardId: string, id: string): Promise<void> {
  await db.delete(actions).where(and(eq(actions.boardId, boardId), eq(actions.id, id)));
}

/** Check-ins of the given goals, latest first. */
export async function findCheckins(db: Db, boardId: string, goalIds: string[]): Promise<CheckinRow[]> {
  if (goalIds.length === 0) return [];
  return db
    .select()
    .from(checkins)
    .where(and(eq(checkins.boardId, boardId), inArray(checkins.goalId, goalIds)))
    .orderBy(desc(checkins.createdAt), desc(checkins.id));
}

export async function insertCheckin(db: Db, values: typeof checkins.$inferInsert): Promise<CheckinRow> {
  const [row] = await db.insert(checkins).values(values).returning();
  return row!;
}

/** Evidence with what is shown of its file (never the bytes) and the title of its feedback round. */
const evidenceColumns = {
  ...getTableColumns(evidence),
  fileName: files.name,
  fileMediaType: files.mediaType,
  fileSize: files.size,
  feedbackRoundTitle: rounds.title,
};

function selectEvidence(db: Db) {
  return db
    .select(evidenceColumns)
    .from(evidence)
    .leftJoin(files, eq(files.id, evidence.fileId))
    .leftJoin(rounds, eq(rounds.id, evidence.feedbackRoundId));
}

export type EvidenceRow = Awaited<ReturnType<ReturnType<typeof selectEvidence>['execute']>>[number];

export async function findEvidence(db: Db, boardId: string, personId: string): Promise<EvidenceRow[]> {
  return selectEvidence(db)
    .where(and(eq(evidence.boardId, boardId), eq(evidence.personId, personId)))
    .orderBy(desc(evidence.createdAt), desc(evidence.id));
}

export async function findEvidenceItem(db: Db, boardId: string, id: string): Promise<EvidenceRow | undefined> {
  const [row] = await selectEvidence(db).where(and(eq(evidence.boardId, boardId), eq(evidence.id, id)));
  return row;
}

export async function insertEvidence(db: Db, values: typeof evidence.$inferInsert): Promise<string> {
  const [row] = await db.insert(evidence).values(values).returning({ id: evidence.id });
  return row!.id;
}

/** Deletes one piece of evidence; the trigger of migration 0006 deletes its file with it. */
export async function deleteEvidence(db: Db, boardId: string, id: string): Promise<void> {
  await db.delete(evidence).where(and(eq(evidence.boardId, boardId), eq(evidence.id, id)));
}

/** Whether the conversation is about this person (evidence may point only at one's own conversations). */
export async function isConversationOf(db: Db, boardId: string, conversationId: string, personId: string) {
  const c = conversationsTables.conversations;
  const rows = await db
    .select({ id: c.id })
    .from(c)
    .where(and(eq(c.boardId, boardId), eq(c.id, conversationId), eq(c.employeeId, personId)));
  return rows.length > 0;
}

/** Whether the feedback round asked feedback about this person (any state: a closed round is the usual one). */
export async function isFeedbackRoundOf(db: Db, boardId: string, roundId: string, personId: string) {
  const r = feedbackTables.feedbackRounds;
  const rows = await db
    .select({ id: r.id })
    .from(r)
    .where(and(eq(r.boardId, boardId), eq(r.id, roundId), eq(r.subjectId, personId)));
  return rows.length > 0;
}

/** Goals of the conversation's agreements that someone already worked on: a check-in, a done action or evidence. */
export async function findConversationGoals(db: Db, boardId: string, conversationId: string) {
  const rows = await db
    .select()
    .from(goals)
    .where(and(eq(goals.boardId, boardId), eq(goals.conversationId, conversationId)));
  if (rows.length === 0) return { all: rows, worked: new Set<string>() };
  const ids = rows.map((g) => g.id);
  const [withCheckins, withDone, withEvidence] = await Promise.all([
    db.selectDistinct({ id: checkins.goalId }).from(checkins).where(inArray(checkins.goalId, ids)),
    db
      .selectDistinct({ id: actions.goalId })
      .from(actions)
      .where(and(inArray(actions.goalId, ids), isNotNull(actions.doneAt))),
    db.selectDistinct({ id: evidence.goalId }).from(evidence).where(inArray(evidence.goalId, ids)),
  ]);
  const worked = new Set<string>();
  for (const r of [...withCheckins, ...withDone, ...withEvidence]) if (r.id) worked.add(r.id);
  for (const g of rows) if (g.lastProgressAt) worked.add(g.id);
  return { all: rows, worked };
}

/** Running goals of these people that the manager may see and that have not moved since `before`. */
export async function findStaleGoals(db: Db, boardId: string, personIds: string[], before: Date) {
  if (personIds.length === 0) return [];
  return db
    .select({
      id: goals.id,
      personId: goals.personId,
      title: goals.title,
      status: goals.status,
      createdAt: goals.createdAt,
      lastProgressAt: goals.lastProgressAt,
      firstName: people.firstName,
      infix: people.infix,
      lastName: people.lastName,
    })
    .from(goals)
    .innerJoin(people, eq(people.id, goals.personId))
    .where(
      and(
        eq(goals.boardId, boardId),
        inArray(goals.personId, personIds),
        inArray(goals.status, ['open', 'on_track', 'behind']),
        or(eq(goals.visibleToManager, true), eq(goals.source, 'conversation')),
        sql`coalesce(${goals.lastProgressAt}, ${goals.createdAt}) <= ${before.toISOString()}`,
      ),
    )
    .orderBy(sql`coalesce(${goals.lastProgressAt}, ${goals.createdAt})`, asc(goals.id));
}

/** Open actions someone has to do, due on or before the date, with the goal facts that decide who may see them. */
export async function findOpenActionsOf(db: Db, boardId: string, ownerId: string, dueBy: string) {
  return db
    .select({
      id: actions.id,
      personId: actions.personId,
      title: actions.title,
      dueOn: actions.dueOn,
      goalSource: goals.source,
      goalVisible: goals.visibleToManager,
    })
    .from(actions)
    .leftJoin(goals, eq(goals.id, actions.goalId))
    .where(
      and(
        eq(actions.boardId, boardId),
        eq(actions.ownerId, ownerId),
        isNull(actions.doneAt),
        isNotNull(actions.dueOn),
        lte(actions.dueOn, dueBy),
      ),
    )
    .orderBy(asc(actions.dueOn), asc(actions.id));
}
