import type { Database } from '../db/client.ts';

/** Plain SQL on one connection, so statements share a transaction (the pool's `query` would not). */
export type Sql = { query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]> };

/**
 * Runs `fn` in one transaction on one connection; commits when it resolves, rolls back when it throws.
 * `snapshot` makes it REPEATABLE READ and read-only: one consistent view while the server keeps writing.
 */
export async function inTransaction<T>(
  database: Database,
  opts: { snapshot: boolean },
  fn: (sql: Sql) => Promise<T>,
): Promise<T> {
  const setup = async (sql: Sql) => {
    if (opts.snapshot) await sql.query('set transaction isolation level repeatable read, read only');
    // Timestamps in the file are then written in UTC, whatever the server's time zone is.
    await sql.query("set local timezone = 'UTC'");
    // Binary columns as '\x…' hex in row_to_json, which bytea input reads back exactly on both engines.
    await sql.query("set local bytea_output = 'hex'");
  };
  if (database.pglite) {
    return database.pglite.transaction(async (tx) => {
      const sql: Sql = {
        async query(text, params) {
          return (await tx.query(text, params)).rows as never[];
        },
      };
      await setup(sql);
      return fn(sql);
    });
  }
  const client = await database.pool!.connect();
  const sql: Sql = {
    async query(text, params) {
      return (await client.query(text, params)).rows as never[];
    },
  };
  let broken: Error | undefined;
  try {
    await sql.query('begin');
    await setup(sql);
    const result = await fn(sql);
    await sql.query('commit');
    return result;
  } catch (err) {
    await sql.query('rollback').catch((e: Error) => {
      broken = e;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
