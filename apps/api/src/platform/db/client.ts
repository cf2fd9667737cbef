import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { lockDataDir } from './lock.ts';

// int8 (count(*), bigserial) arrives as a string from `pg` and as a number from PGlite: read both as number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** A Drizzle database or transaction, on either engine. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = PgDatabase<PgQueryResultHKT, any, any>;

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** Runs plain SQL and returns the rows of the last statement. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
};

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

export type OpenOptions = { databaseUrl?: string | undefined; dataDir?: string; memory?: boolean; poolSize?: number };

/** Opens PGlite (a data folder, or memory) or a PostgreSQL pool, depending on the options. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      pool,
      async query(text, params) {
        const r = await pool.query(text, params);
        return r.rows as never[];
      },
      close: () => pool.end(),
    };
  }
  let release = () => {};
  let client: PGlite;
  if (opts.memory) {
    client = await PGlite.create();
  } else {
    const dir = opts.dataDir ?? './data';
    release = lockDataDir(dir);
    const pgDir = path.join(dir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
    try {
      client = await PGlite.create(pgDir);
    } catch (err) {
      release();
      throw err;
    }
  }
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    async query(text, params) {
      const r = await client.query(text, params);
      return r.rows as never[];
    },
    async close() {
      await client.close();
      release();
    },
  };
}

/** Applies the committed SQL migrations; on PostgreSQL under an advisory lock so app processes take turns. */
export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR, migrationsSchema: 'public' };
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as Parameters<typeof migratePglite>[0], config);
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query('select pg_advisory_lock(72737001)');
    await migratePg(drizzlePg(client), config);
  } finally {
    await client.query('select pg_advisory_unlock(72737001)').catch(() => {});
    client.release();
  }
}

export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
