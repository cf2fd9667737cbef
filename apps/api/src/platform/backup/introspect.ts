import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../db/client.ts';
import type { Sql } from './connection.ts';
import type { MigrationRef } from './format.ts';

/** drizzle's bookkeeping table (migrationsSchema 'public'): re-created by the migrations, never data. */
export const MIGRATIONS_TABLE = '__drizzle_migrations';

/** `binary`: the table has a bytea column, so its rows can be large (evidence files, up to 10 MB each). */
export type TableInfo = { name: string; columns: string[]; binary: boolean };
export type ForeignKey = { child: string; parent: string; childColumns: string[]; parentColumns: string[] };

/** Every base table in schema public but drizzle's own, with the columns a row can be inserted with. */
export async function findTables(sql: Sql): Promise<TableInfo[]> {
  const rows = await sql.query<{ table_name: string; columns: string[] | null; binary: boolean }>(
    `select t.table_name::text as table_name,
            (select json_agg(c.column_name::text order by c.ordinal_position)
               from information_schema.columns c
              where c.table_schema = t.table_schema and c.table_name = t.table_name
                and c.is_generated <> 'ALWAYS') as columns,
            exists (select 1 from information_schema.columns c
                     where c.table_schema = t.table_schema and c.table_name = t.table_name
                       and c.data_type = 'bytea') as binary
       from information_schema.tables t
      where t.table_schema = 'public' and t.table_type = 'BASE TABLE' and t.table_name <> $1
      order by t.table_name`,
    [MIGRATIONS_TABLE],
  );
  return rows.map((r) => ({ name: r.table_name, columns: r.columns ?? [], binary: r.binary }));
}

/** Foreign keys between tables of schema public. */
export async function findForeignKeys(sql: Sql): Promise<ForeignKey[]> {
  return sql.query<ForeignKey>(
    `select cl.relname::text as child, pcl.relname::text as parent,
            (select json_agg(a.attname::text order by k.i)
               from unnest(c.conkey) with ordinality k(n, i)
               join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n) as "childColumns",
            (select json_agg(a.attname::text order by k.i)
               from unnest(c.confkey) with ordinality k(n, i)
               join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n) as "parentColumns"
       from pg_constraint c
       join pg_class cl on cl.oid = c.conrelid
       join pg_namespace n on n.oid = cl.relnamespace
       join pg_class pcl on pcl.oid = c.confrelid
       join pg_namespace pn on pn.oid = pcl.relnamespace
      where c.contype = 'f' and n.nspname = 'public' and pn.nspname = 'public'
      order by 1, 2, c.conname`,
  );
}

/**
 * Parents before children (Kahn's algorithm, ties by name so the order is stable). Self-references do not
 * count here: their rows are ordered within the table. Tables in a cycle between tables come last, by name;
 * restoring them only works when those constraints are deferrable.
 */
export function orderTables(tables: string[], fks: ForeignKey[]): string[] {
  const known = new Set(tables);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const fk of fks) {
    if (fk.child !== fk.parent && known.has(fk.child) && known.has(fk.parent)) parents.get(fk.child)!.add(fk.parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  for (;;) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p))).sort();
    if (ready.length === 0) break;
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return [...ordered, ...tables.filter((t) => !placed.has(t)).sort()];
}

/** The migrations this code ships, in the order drizzle applies them. */
export function findCodeMigrations(dir: string = MIGRATIONS_DIR): MigrationRef[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map((e) => ({
    tag: e.tag,
    createdAt: e.when,
    // The same digest drizzle stores in __drizzle_migrations.hash.
    hash: createHash('sha256')
      .update(fs.readFileSync(path.join(dir, `${e.tag}.sql`)))
      .digest('hex'),
  }));
}

/** The migrations applied to this database, named by their journal tag where this code knows them. */
export async function findAppliedMigrations(sql: Sql): Promise<MigrationRef[]> {
  const [exists] = await sql.query<{ ok: boolean }>(`select to_regclass($1) is not null as ok`, [
    `public.${MIGRATIONS_TABLE}`,
  ]);
  if (!exists?.ok) return [];
  const rows = await sql.query<{ hash: string; created_at: number | string }>(
    `select hash, created_at from public.${MIGRATIONS_TABLE} order by created_at, id`,
  );
  const code = findCodeMigrations();
  return rows.map((r) => {
    const createdAt = Number(r.created_at);
    return { tag: code.find((m) => m.createdAt === createdAt)?.tag ?? null, createdAt, hash: r.hash };
  });
}

/**
 * Whether a backup made at `backup` can be restored by code that ships `code`: the backup's migrations
 * must be the first migrations of this code. Matched on `createdAt`, the value drizzle itself decides by.
 * Returns the first migration of the backup this code does not know, or null when it fits.
 */
export function findUnknownMigration(backup: MigrationRef[], code: MigrationRef[]): MigrationRef | null {
  for (const [i, m] of backup.entries()) {
    if (code[i]?.createdAt !== m.createdAt) return m;
  }
  return null;
}
