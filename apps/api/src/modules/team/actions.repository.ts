import { and, asc, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organisationTables as ot } from '../organisation/index.ts';
import { actionColumns } from './board.repository.ts';
import { teamActions } from './team.schema.ts';

// Writes of improvement actions, and the home page's list of my actions behind schedule.

const withOwner = {
  ...actionColumns,
  ownerFirstName: ot.people.firstName,
  ownerInfix: ot.people.infix,
  ownerLastName: ot.people.lastName,
};

/** An action still on the board (archived ones are history). */
export async function findAction(db: Db, boardId: string, teamId: string, id: string) {
  const [row] = await db
    .select({ ...withOwner, archivedAt: teamActions.archivedAt })
    .from(teamActions)
    .leftJoin(ot.people, eq(ot.people.id, teamActions.ownerId))
    .where(
      and(
        eq(teamActions.boardId, boardId),
        eq(teamActions.teamId, teamId),
        eq(teamActions.id, id),
        isNull(teamActions.archivedAt),
      ),
    );
  return row ?? null;
}
export type ActionWithOwner = NonNullable<Awaited<ReturnType<typeof findAction>>>;

/** A new action goes to the bottom of its column. */
export async function insertAction(db: Db, values: typeof teamActions.$inferInsert): Promise<string> {
  const status = values.status ?? 'todo';
  const [row] = await db
    .insert(teamActions)
    .values({
      ...values,
      status,
      position: sql`(select coalesce(max(${teamActions.position}), -1) + 1 from ${teamActions} where ${teamActions.teamId} = ${values.teamId} and ${teamActions.status} = ${status} and ${teamActions.archivedAt} is null)`,
    })
    .returning({ id: teamActions.id });
  return row!.id;
}

export async function updateAction(
  db: Db,
  boardId: string,
  teamId: string,
  id: string,
  version: number,
  values: Partial<typeof teamActions.$inferInsert>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(teamActions)
    .set({ ...values, version: sql`${teamActions.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(teamActions.boardId, boardId),
        eq(teamActions.teamId, teamId),
        eq(teamActions.id, id),
        eq(teamActions.version, version),
        isNull(teamActions.archivedAt),
      ),
    )
    .returning({ id: teamActions.id });
  return rows.length > 0;
}

/** The ids of a column in order, without the given action. */
export async function findColumn(db: Db, boardId: string, teamId: string, status: string, without: string) {
  const rows = await db
    .select({ id: teamActions.id })
    .from(teamActions)
    .where(
      and(
        eq(teamActions.boardId, boardId),
        eq(teamActions.teamId, teamId),
        eq(teamActions.status, status),
        isNull(teamActions.archivedAt),
        ne(teamActions.id, without),
      ),
    )
    .orderBy(asc(teamActions.position), asc(teamActions.createdAt), asc(teamActions.id));
  return rows.map((r) => r.id);
}

/**
 * Numbers a column 0, 1, 2… in the given order. Only the moved card gets a new version: its neighbours' texts did
 * not change, so an open edit of one of them stays valid.
 */
export async function renumberColumn(db: Db, boardId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  // One uuid[] parameter (a plain array would be spread into a list of parameters).
  const list = sql.param(ids);
  await db.execute(sql`
    update ${teamActions} set position = array_position(${list}::uuid[], id) - 1
    where board_id = ${boardId} and id = any(${list}::uuid[])`);
}

export async function deleteAction(db: Db, boardId: string, teamId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(teamActions)
    .where(and(eq(teamActions.boardId, boardId), eq(teamActions.teamId, teamId), eq(teamActions.id, id)))
    .returning({ id: teamActions.id });
  return rows.length > 0;
}

/** Open actions someone owns whose due date has passed, with their team's name. */
export async function findActionsBehind(db: Db, boardId: string, ownerId: string, today: string) {
  return db
    .select({
      id: teamActions.id,
      teamId: teamActions.teamId,
      title: teamActions.title,
      dueOn: teamActions.dueOn,
      teamName: ot.teams.name,
    })
    .from(teamActions)
    .innerJoin(ot.teams, eq(ot.teams.id, teamActions.teamId))
    .where(
      and(
        eq(teamActions.boardId, boardId),
        eq(teamActions.ownerId, ownerId),
        ne(teamActions.status, 'done'),
        isNull(teamActions.archivedAt),
        lt(teamActions.dueOn, today),
      ),
    )
    .orderBy(asc(teamActions.dueOn), asc(teamActions.id));
}
