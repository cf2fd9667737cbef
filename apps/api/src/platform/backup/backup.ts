import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Database } from '../db/client.ts';
import { inTransaction, type Sql } from './connection.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupSummary,
  type EndLine,
  type ForeignKeyLike,
  type OnProgress,
  type TableLine,
  quoteIdent,
} from './format.ts';
import { findAppliedMigrations, findForeignKeys, findTables, orderTables, type ForeignKey } from './introspect.ts';

const FETCH_SIZE = 1000;
// A row with a file is up to 20 MB of hex: fetch those a few at a time, so a batch stays far below the
// length a JavaScript string can have.
const BINARY_FETCH_SIZE = 4;

/**
 * The query that reads a table's rows. A table that references itself is read parents first (depth in
 * its tree), so restore can insert the rows in file order; other tables in physical order.
 */
export function selectRowsSql(table: string, selfRef: ForeignKeyLike | undefined): string {
  const t = quoteIdent(table);
  if (!selfRef) return `select row_to_json(t)::text as j from ${t} t`;
  const child = selfRef.childColumns.map(quoteIdent);
  const parent = selfRef.parentColumns.map(quoteIdent);
  const keys = parent.map((_, i) => `k${i}`);
  const pointsAtItself = (a: string) => child.map((c, i) => `${a}.${c} = ${a}.${parent[i]}`).join(' and ');
  return `with recursive tree (${keys.join(', ')}, depth) as (
      select ${parent.map((p) => `r.${p}`).join(', ')}, 0 from ${t} r
       where ${child.map((c) => `r.${c} is null`).join(' or ')} or (${pointsAtItself('r')})
      union all
      select ${parent.map((p) => `c.${p}`).join(', ')}, tree.depth + 1 from ${t} c
        join tree on ${child.map((c, i) => `c.${c} = tree.${keys[i]}`).join(' and ')}
       where not (${pointsAtItself('c')})
    )
    select row_to_json(t)::text as j from ${t} t
      left join tree o on ${parent.map((p, i) => `t.${p} = o.${keys[i]}`).join(' and ')}
     order by coalesce(o.depth, 2147483647)`;
}

async function* backupLines(
  sql: Sql,
  kind: Database['kind'],
  onProgress: OnProgress | undefined,
  totals: { tables: number; rows: number },
): AsyncGenerator<string> {
  const tables = await findTables(sql);
  const fks = await findForeignKeys(sql);
  const order = orderTables(
    tables.map((t) => t.name),
    fks,
  );
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    database: kind,
    migrations: await findAppliedMigrations(sql),
    tables: order,
  };
  yield `${JSON.stringify(header)}\n`;
  for (const name of order) {
    const info = tables.find((t) => t.name === name)!;
    const [count] = await sql.query<{ n: number | string }>(`select count(*) as n from ${quoteIdent(name)}`);
    const total = Number(count?.n ?? 0);
    const line: TableLine = { table: name, columns: info.columns, rows: total };
    yield `${JSON.stringify(line)}\n`;
    const selfRef: ForeignKey | undefined = fks.find((fk) => fk.child === name && fk.parent === name);
    await sql.query(`declare groeipad_backup no scroll cursor for ${selectRowsSql(name, selfRef)}`);
    let rows = 0;
    for (;;) {
      const batch = await sql.query<{ j: string }>(
        `fetch ${info.binary ? BINARY_FETCH_SIZE : FETCH_SIZE} from groeipad_backup`,
      );
      if (batch.length === 0) break;
      rows += batch.length;
      yield `${batch.map((r) => r.j).join('\n')}\n`;
      if (rows < total) onProgress?.({ table: name, rows, total, done: false });
    }
    await sql.query('close groeipad_backup');
    // In one snapshot the count and the cursor see the same rows; anything else is a bug worth stopping for.
    if (rows !== total) throw new Error(`table ${name}: counted ${total} rows but read ${rows}`);
    onProgress?.({ table: name, rows, total, done: true });
    totals.tables += 1;
    totals.rows += rows;
  }
  const end: EndLine = { end: true, tables: totals.tables, rows: totals.rows };
  yield `${JSON.stringify(end)}\n`;
}

/**
 * Writes every app table of `database` to `output` (a file path or a stream) as gzip'd JSON lines, from one
 * consistent snapshot. A file is written under a temporary name and renamed when complete, so a failed
 * backup never leaves a file that looks whole. Overwrites an existing file: the CLI asks for --force first.
 */
export async function backupDatabase(
  database: Database,
  output: string | Writable,
  onProgress?: OnProgress,
): Promise<BackupSummary> {
  const started = performance.now();
  const totals = { tables: 0, rows: 0 };
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const file = typeof output === 'string' ? path.resolve(output) : null;
  const temp = file ? path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`) : null;
  const sink = temp ? fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 }) : (output as Writable);
  try {
    await inTransaction(database, { snapshot: true }, (sql) =>
      pipeline(Readable.from(backupLines(sql, database.kind, onProgress, totals)), createGzip(), counter, sink),
    );
    if (temp && file) fs.renameSync(temp, file);
  } catch (err) {
    if (temp) fs.rmSync(temp, { force: true });
    throw err;
  }
  return {
    database: database.kind,
    tables: totals.tables,
    rows: totals.rows,
    bytes,
    seconds: (performance.now() - started) / 1000,
  };
}
