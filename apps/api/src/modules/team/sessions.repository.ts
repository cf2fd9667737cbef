import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { sessionColumns } from './board.repository.ts';
import { teamSessionAttendance, teamSessions } from './team.schema.ts';

// Writes of board sessions: start, end, notes, attendance and the mood counts.

export async function findSession(db: Db, boardId: string, teamId: string, id: string) {
  const [row] = await db
    .select(sessionColumns)
    .from(teamSessions)
    .leftJoin(teamSessionAttendance, eq(teamSessionAttendance.sessionId, teamSessions.id))
    .where(and(eq(teamSessions.boardId, boardId), eq(teamSessions.teamId, teamId), eq(teamSessions.id, id)))
    .groupBy(teamSessions.id);
  return row ?? null;
}
export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/** The team's sessions that were started and never ended, latest first. */
export async function findUnendedSessions(db: Db, boardId: string, teamId: string) {
  return db
    .select({ id: teamSessions.id, heldOn: teamSessions.heldOn, startedAt: teamSessions.startedAt })
    .from(teamSessions)
    .where(and(eq(teamSessions.boardId, boardId), eq(teamSessions.teamId, teamId), isNull(teamSessions.endedAt)))
    .orderBy(desc(teamSessions.startedAt));
}

export async function insertSession(db: Db, values: typeof teamSessions.$inferInsert): Promise<string> {
  const [row] = await db.insert(teamSessions).values(values).returning({ id: teamSessions.id });
  return row!.id;
}

/** Ends a session (once); with `endedAt` the time it ended, e.g. a forgotten one after its usual length. */
export async function endSession(db: Db, id: string, endedAt: Date, now: Date): Promise<void> {
  await db
    .update(teamSessions)
    .set({ endedAt, version: sql`${teamSessions.version} + 1`, updatedAt: now })
    .where(and(eq(teamSessions.id, id), isNull(teamSessions.endedAt)));
}

export async function updateSession(
  db: Db,
  boardId: string,
  teamId: string,
  id: string,
  version: number,
  values: Partial<typeof teamSessions.$inferInsert>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(teamSessions)
    .set({ ...values, version: sql`${teamSessions.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(teamSessions.boardId, boardId),
        eq(teamSessions.teamId, teamId),
        eq(teamSessions.id, id),
        eq(teamSessions.version, version),
      ),
    )
    .returning({ id: teamSessions.id });
  return rows.length > 0;
}

export async function addAttendance(db: Db, boardId: string, sessionId: string, personId: string): Promise<void> {
  await db.insert(teamSessionAttendance).values({ boardId, sessionId, personId }).onConflictDoNothing();
}

export async function removeAttendance(db: Db, boardId: string, sessionId: string, personId: string): Promise<void> {
  await db
    .delete(teamSessionAttendance)
    .where(
      and(
        eq(teamSessionAttendance.boardId, boardId),
        eq(teamSessionAttendance.sessionId, sessionId),
        eq(teamSessionAttendance.personId, personId),
      ),
    );
}

const MOOD_FIELDS = { positive: 'moodPositive', neutral: 'moodNeutral', negative: 'moodNegative' } as const;

/** One more (or, to undo a mistaken tap, one fewer) of a face; counts never go below zero. Only while open. */
export async function countMood(
  db: Db,
  id: string,
  mood: keyof typeof MOOD_FIELDS,
  step: 1 | -1,
  now: Date,
): Promise<boolean> {
  const field = MOOD_FIELDS[mood];
  const rows = await db
    .update(teamSessions)
    .set({ [field]: sql`greatest(${teamSessions[field]} + ${step}, 0)`, updatedAt: now })
    .where(and(eq(teamSessions.id, id), isNull(teamSessions.endedAt)))
    .returning({ id: teamSessions.id });
  return rows.length > 0;
}
