import { and, eq, sql, type AnyColumn } from 'drizzle-orm';

// Building blocks of the cycle's repositories (cycle.repository.ts, cycle-overview.repository.ts).

// The reads of the overview and the coverage are prepared once per database handle (see prepared.ts): one
// statement text whatever the number of ids, so lists are a uuid[] parameter instead of `in ($2, $3, …)`.
export const placeholder = (name: string) => sql.placeholder(name);
export const anyOf = (column: AnyColumn, name: string) => sql`${column} = any(${sql.placeholder(name)}::uuid[])`;

/** The columns a versioned update sets besides the values: one version up, changed now. */
export const bump = <T extends { version: unknown }>(t: T) => ({
  version: sql`${t.version} + 1`,
  updatedAt: new Date(),
});

type OfBoard = { boardId: AnyColumn; id: AnyColumn };

/** One row of a board's table, by id. */
export const byId = (t: OfBoard, boardId: string, id: string) => and(eq(t.boardId, boardId), eq(t.id, id));

/** One row of a school's table: of the board, of the school, with the id. */
export const inSchool = (t: OfBoard & { schoolId: AnyColumn }, boardId: string, schoolId: string, id: string) =>
  and(eq(t.boardId, boardId), eq(t.schoolId, schoolId), eq(t.id, id));

/** One row of a board's table, by id, as long as it still has the version the client saw. */
export const atVersion = (t: OfBoard & { version: AnyColumn }, boardId: string, id: string, version: number) =>
  and(eq(t.boardId, boardId), eq(t.id, id), eq(t.version, version));

/** The first row of a query, or null: a lookup that found nothing, or a versioned update that was stale. */
export async function first<T>(rows: PromiseLike<T[]>): Promise<T | null> {
  return (await rows)[0] ?? null;
}
