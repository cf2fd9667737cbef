import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organisationTables as ot } from '../organisation/index.ts';
import { ensureBoard, itemColumns, type BoardRow } from './board.repository.ts';
import { teamBoardItems, teamBoards, teamGoals, teamGoalValues } from './team.schema.ts';

// Writes of the board's settings, goals and short texts. Every function takes the board (tenant) and the team.
// A versioned update returns undefined when the version no longer matches (or the row is gone).

const bump = (version: typeof teamGoals.version) => sql`${version} + 1`;

/** The team's board, created when missing, locked for the rest of the transaction so changes take turns. */
export async function lockBoard(db: Db, boardId: string, teamId: string, now: Date): Promise<BoardRow> {
  await ensureBoard(db, boardId, teamId, now);
  const [row] = await db
    .select({
      id: teamBoards.id,
      parts: teamBoards.parts,
      sessionsPerWeek: teamBoards.sessionsPerWeek,
      sessionMinutes: teamBoards.sessionMinutes,
      visitsPerWeek: teamBoards.visitsPerWeek,
      preparationsPerWeek: teamBoards.preparationsPerWeek,
      version: teamBoards.version,
      createdAt: teamBoards.createdAt,
    })
    .from(teamBoards)
    .where(and(eq(teamBoards.boardId, boardId), eq(teamBoards.teamId, teamId)))
    .for('update');
  return row!;
}

export async function updateBoardSettings(
  db: Db,
  id: string,
  values: Partial<typeof teamBoards.$inferInsert>,
  now: Date,
): Promise<BoardRow> {
  const [row] = await db
    .update(teamBoards)
    .set({ ...values, version: sql`${teamBoards.version} + 1`, updatedAt: now })
    .where(eq(teamBoards.id, id))
    .returning({
      id: teamBoards.id,
      parts: teamBoards.parts,
      sessionsPerWeek: teamBoards.sessionsPerWeek,
      sessionMinutes: teamBoards.sessionMinutes,
      visitsPerWeek: teamBoards.visitsPerWeek,
      preparationsPerWeek: teamBoards.preparationsPerWeek,
      version: teamBoards.version,
      createdAt: teamBoards.createdAt,
    });
  return row!;
}

/** Whether the person is active staff of the team (who may own a goal, an action, or be marked present). */
export async function isActiveMember(db: Db, boardId: string, teamId: string, personId: string): Promise<boolean> {
  const rows = await db
    .select({ id: ot.memberships.id })
    .from(ot.memberships)
    .innerJoin(ot.people, eq(ot.people.id, ot.memberships.personId))
    .where(
      and(
        eq(ot.memberships.boardId, boardId),
        eq(ot.memberships.teamId, teamId),
        eq(ot.memberships.personId, personId),
        ne(ot.memberships.role, 'student'),
        eq(ot.people.active, true),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Goals

const goalSelect = {
  id: teamGoals.id,
  title: teamGoals.title,
  description: teamGoals.description,
  unit: teamGoals.unit,
  startValue: teamGoals.startValue,
  targetValue: teamGoals.targetValue,
  targetDate: teamGoals.targetDate,
  ownerId: teamGoals.ownerId,
  status: teamGoals.status,
  position: teamGoals.position,
  version: teamGoals.version,
  ownerFirstName: ot.people.firstName,
  ownerInfix: ot.people.infix,
  ownerLastName: ot.people.lastName,
};

export async function findGoal(db: Db, boardId: string, teamId: string, id: string) {
  const [row] = await db
    .select(goalSelect)
    .from(teamGoals)
    .leftJoin(ot.people, eq(ot.people.id, teamGoals.ownerId))
    .where(and(eq(teamGoals.boardId, boardId), eq(teamGoals.teamId, teamId), eq(teamGoals.id, id)));
  return row ?? null;
}

export async function findGoalValues(db: Db, boardId: string, goalId: string) {
  return db
    .select({
      id: teamGoalValues.id,
      measuredOn: teamGoalValues.measuredOn,
      value: teamGoalValues.value,
      note: teamGoalValues.note,
    })
    .from(teamGoalValues)
    .where(and(eq(teamGoalValues.boardId, boardId), eq(teamGoalValues.goalId, goalId)))
    .orderBy(asc(teamGoalValues.measuredOn), asc(teamGoalValues.createdAt));
}

export async function insertGoal(db: Db, values: typeof teamGoals.$inferInsert): Promise<string> {
  const [row] = await db
    .insert(teamGoals)
    .values({
      ...values,
      position: sql`(select coalesce(max(${teamGoals.position}), -1) + 1 from ${teamGoals} where ${teamGoals.teamId} = ${values.teamId})`,
    })
    .returning({ id: teamGoals.id });
  return row!.id;
}

export async function updateGoal(
  db: Db,
  boardId: string,
  teamId: string,
  id: string,
  version: number,
  values: Partial<typeof teamGoals.$inferInsert>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(teamGoals)
    .set({ ...values, version: bump(teamGoals.version), updatedAt: now })
    .where(
      and(
        eq(teamGoals.boardId, boardId),
        eq(teamGoals.teamId, teamId),
        eq(teamGoals.id, id),
        eq(teamGoals.version, version),
      ),
    )
    .returning({ id: teamGoals.id });
  return rows.length > 0;
}

/** Deletes the goal with its values; its actions stay on the board without a goal. */
export async function deleteGoal(db: Db, boardId: string, teamId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(teamGoals)
    .where(and(eq(teamGoals.boardId, boardId), eq(teamGoals.teamId, teamId), eq(teamGoals.id, id)))
    .returning({ id: teamGoals.id });
  return rows.length > 0;
}

export async function insertGoalValue(db: Db, values: typeof teamGoalValues.$inferInsert): Promise<void> {
  await db.insert(teamGoalValues).values(values);
}

export async function deleteGoalValue(db: Db, boardId: string, goalId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(teamGoalValues)
    .where(and(eq(teamGoalValues.boardId, boardId), eq(teamGoalValues.goalId, goalId), eq(teamGoalValues.id, id)))
    .returning({ id: teamGoalValues.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Short texts

export async function findItem(db: Db, boardId: string, teamId: string, id: string) {
  const [row] = await db
    .select(itemColumns)
    .from(teamBoardItems)
    .where(
      and(
        eq(teamBoardItems.boardId, boardId),
        eq(teamBoardItems.teamId, teamId),
        eq(teamBoardItems.id, id),
        isNull(teamBoardItems.archivedAt),
      ),
    );
  return row ?? null;
}

export async function insertItem(db: Db, values: typeof teamBoardItems.$inferInsert) {
  const partKey = values.partKey ?? null;
  const [row] = await db
    .insert(teamBoardItems)
    .values({
      ...values,
      position: sql`(select coalesce(max(${teamBoardItems.position}), -1) + 1 from ${teamBoardItems} where ${teamBoardItems.teamId} = ${values.teamId} and ${teamBoardItems.kind} = ${values.kind} and ${teamBoardItems.partKey} is not distinct from ${partKey})`,
    })
    .returning(itemColumns);
  return row!;
}

export async function updateItem(
  db: Db,
  boardId: string,
  teamId: string,
  id: string,
  version: number,
  values: Partial<typeof teamBoardItems.$inferInsert>,
  now: Date,
) {
  const [row] = await db
    .update(teamBoardItems)
    .set({ ...values, version: sql`${teamBoardItems.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(teamBoardItems.boardId, boardId),
        eq(teamBoardItems.teamId, teamId),
        eq(teamBoardItems.id, id),
        eq(teamBoardItems.version, version),
        isNull(teamBoardItems.archivedAt),
      ),
    )
    .returning(itemColumns);
  return row ?? null;
}

export async function deleteItem(db: Db, boardId: string, teamId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(teamBoardItems)
    .where(and(eq(teamBoardItems.boardId, boardId), eq(teamBoardItems.teamId, teamId), eq(teamBoardItems.id, id)))
    .returning({ id: teamBoardItems.id });
  return rows.length > 0;
}

/** The notes of own parts that were taken off the board leave it with them (they stay in the history). */
export async function archiveNotesOfParts(
  db: Db,
  boardId: string,
  teamId: string,
  partKeys: string[],
  now: Date,
): Promise<void> {
  if (partKeys.length === 0) return;
  await db
    .update(teamBoardItems)
    .set({ archivedAt: now, updatedAt: now })
    .where(
      and(
        eq(teamBoardItems.boardId, boardId),
        eq(teamBoardItems.teamId, teamId),
        inArray(teamBoardItems.partKey, partKeys),
        isNull(teamBoardItems.archivedAt),
      ),
    );
}
