import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { migrateDatabase, type Database } from '../db/client.ts';
import { inTransaction, type Sql } from './connection.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type BackupHeader,
  type BackupSummary,
  type EndLine,
  type OnProgress,
  type TableLine,
  quoteIdent,
} from './format.ts';
import { findCodeMigrations, findTables, findUnknownMigration } from './introspect.ts';

const INSERT_BATCH = 500;
// Rows with files are large: a batch is also sent once it holds this many characters of JSON.
const INSERT_BATCH_CHARS = 16 * 1024 * 1024;
// The advisory lock migrateDatabase takes on PostgreSQL: a server starting during a restore waits in its
// migration step until the restore has committed, and then finds the data (and seeds no demo board).
const MIGRATION_LOCK = 72737001;

const damaged = (detail: string) =>
  new BackupError(`Het back-upbestand is beschadigd of onvolledig (${detail}). Er is niets teruggezet.`);

/** The lines of a gzip'd file, one at a time; a gzip or read error rejects the iteration. */
async function* readLines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const feeding = pipeline(fs.createReadStream(file), gunzip);
  feeding.catch(() => {
    // The same error reaches the loop below through the destroyed gunzip stream.
  });
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      rest += decoder.write(chunk);
      let at: number;
      while ((at = rest.indexOf('\n')) >= 0) {
        yield rest.slice(0, at);
        rest = rest.slice(at + 1);
      }
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    gunzip.destroy();
  }
}

/** Reads one line at a time and turns every read or parse failure into a "damaged file" refusal. */
class LineReader {
  private readonly lines: AsyncGenerator<string>;
  constructor(file: string) {
    this.lines = readLines(file);
  }
  async next(): Promise<string | null> {
    try {
      const r = await this.lines.next();
      return r.done ? null : r.value;
    } catch (err) {
      throw damaged((err as Error).message);
    }
  }
  async nextJson<T>(what: string): Promise<T> {
    const line = await this.next();
    if (line === null) throw damaged(`het bestand houdt op waar ${what} verwacht werd`);
    try {
      return JSON.parse(line) as T;
    } catch {
      throw damaged(`onleesbare regel waar ${what} verwacht werd`);
    }
  }
  async close(): Promise<void> {
    await this.lines.return(undefined);
  }
}

/** Reads and checks the header line only. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  if (!fs.existsSync(file)) throw new BackupError(`Het bestand ${file} bestaat niet.`);
  const reader = new LineReader(file);
  try {
    const header = await reader.nextJson<Partial<BackupHeader>>('de kopregel');
    if (header.format !== BACKUP_FORMAT) throw new BackupError(`${file} is geen Groeipad-back-up.`);
    if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
      throw new BackupError(
        `Deze back-up heeft bestandsformaat ${String(header.formatVersion)}; deze versie van Groeipad kent ` +
          `formaat ${BACKUP_FORMAT_VERSION}. Gebruik een nieuwere versie van Groeipad om hem terug te zetten.`,
      );
    }
    if (!Array.isArray(header.migrations) || !Array.isArray(header.tables)) throw damaged('onvolledige kopregel');
    return header as BackupHeader;
  } finally {
    await reader.close();
  }
}

/** Refuses a backup made by a newer version: its migrations must be the first migrations of this code. */
export function assertRestorable(header: BackupHeader): void {
  const unknown = findUnknownMigration(header.migrations, findCodeMigrations());
  if (unknown) {
    throw new BackupError(
      `Deze back-up komt van een nieuwere versie van Groeipad: migratie ${unknown.tag ?? unknown.hash.slice(0, 12)} ` +
        `(${new Date(unknown.createdAt).toISOString()}) kent deze versie niet. Werk Groeipad eerst bij en zet ` +
        'de back-up daarna terug. Er is niets gewijzigd.',
    );
  }
}

/** The first app table that holds a row, or null when the database holds no data. */
async function findNonEmptyTable(sql: Sql): Promise<string | null> {
  for (const t of await findTables(sql)) {
    const [r] = await sql.query<{ found: boolean }>(`select exists (select 1 from ${quoteIdent(t.name)}) as found`);
    if (r?.found) return t.name;
  }
  return null;
}

const notEmpty = (table: string) =>
  new BackupError(
    `De database is niet leeg: tabel ${table} bevat al gegevens. Een back-up wordt alleen teruggezet in een ` +
      'lege database (een nieuwe, lege GROEIPAD_DATA_DIR of een lege PostgreSQL-database). Er is niets gewijzigd.',
  );

async function resetSequences(sql: Sql, tables: string[]): Promise<void> {
  const serials = await sql.query<{ table_name: string; column_name: string; seq: string | null }>(
    `select c.table_name::text as table_name, c.column_name::text as column_name,
            pg_get_serial_sequence(format('%I.%I', c.table_schema, c.table_name), c.column_name) as seq
       from information_schema.columns c
      where c.table_schema = 'public' and c.table_name = any($1::text[])`,
    [tables],
  );
  for (const s of serials) {
    if (!s.seq) continue;
    await sql.query(
      `select setval($1::regclass, m) from (select max(${quoteIdent(s.column_name)}) as m
         from ${quoteIdent(s.table_name)}) x where m is not null`,
      [s.seq],
    );
  }
}

/**
 * Restores a backup file into an empty database: refuses a non-empty database and a backup from a newer
 * version, applies this code's migrations, then inserts every row in one transaction (all or nothing) and
 * moves every serial/identity sequence past the highest restored id. An older backup is restored into the
 * current schema: columns added since then get their defaults.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  onProgress?: OnProgress,
): Promise<BackupSummary> {
  const started = performance.now();
  const header = await readBackupHeader(file);
  assertRestorable(header);
  const before = await inTransaction(database, { snapshot: false }, findNonEmptyTable);
  if (before) throw notEmpty(before);

  await migrateDatabase(database);

  const totals = { tables: 0, rows: 0 };
  await inTransaction(database, { snapshot: false }, async (sql) => {
    if (database.kind === 'postgres') await sql.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const now = await findNonEmptyTable(sql);
    if (now) throw notEmpty(now);
    await sql.query('set constraints all deferred');
    const target = new Map((await findTables(sql)).map((t) => [t.name, new Set(t.columns)]));

    const reader = new LineReader(file);
    try {
      await reader.nextJson('de kopregel');
      for (const expected of header.tables) {
        const line = await reader.nextJson<Partial<TableLine>>(`de tabel ${expected}`);
        if (line.table !== expected || !Array.isArray(line.columns) || typeof line.rows !== 'number') {
          throw damaged(`tabel ${expected} verwacht`);
        }
        const columns = target.get(expected);
        if (!columns) {
          throw new BackupError(
            `Tabel ${expected} uit de back-up bestaat niet in deze versie van Groeipad. Er is niets teruggezet.`,
          );
        }
        const missing = line.columns.filter((c) => !columns.has(c));
        if (missing.length > 0) {
          throw new BackupError(
            `Kolom ${missing.join(', ')} van tabel ${expected} uit de back-up bestaat niet in deze versie van ` +
              'Groeipad. Er is niets teruggezet.',
          );
        }
        const cols = line.columns.map(quoteIdent).join(', ');
        const t = quoteIdent(expected);
        const insert =
          `insert into ${t} (${cols}) overriding system value ` +
          `select ${cols} from json_populate_recordset(null::${t}, $1::json)`;
        let rows = 0;
        let batch: string[] = [];
        let batchChars = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          try {
            await sql.query(insert, [`[${batch.join(',')}]`]);
          } catch (err) {
            throw new BackupError(
              `Terugzetten mislukt bij tabel ${expected}: ${(err as Error).message}. Er is niets teruggezet.`,
            );
          }
          rows += batch.length;
          batch = [];
          batchChars = 0;
          onProgress?.({ table: expected, rows, total: line.rows!, done: false });
        };
        for (let i = 0; i < line.rows; i++) {
          const row = await reader.next();
          if (row === null)
            throw damaged(`tabel ${expected} houdt op na ${rows + batch.length} van ${line.rows} rijen`);
          if (!row.startsWith('{') || !row.endsWith('}')) throw damaged(`onleesbare rij in tabel ${expected}`);
          batch.push(row);
          batchChars += row.length;
          if (batch.length >= INSERT_BATCH || batchChars >= INSERT_BATCH_CHARS) await flush();
        }
        await flush();
        onProgress?.({ table: expected, rows, total: line.rows, done: true });
        totals.tables += 1;
        totals.rows += rows;
      }
      const end = await reader.nextJson<Partial<EndLine>>('de slotregel');
      if (end.end !== true || end.rows !== totals.rows || end.tables !== totals.tables) {
        throw damaged('de slotregel klopt niet met de inhoud');
      }
      if ((await reader.next()) !== null) throw damaged('gegevens na de slotregel');
    } finally {
      await reader.close();
    }
    await resetSequences(sql, header.tables);
  });

  return {
    database: database.kind,
    tables: totals.tables,
    rows: totals.rows,
    bytes: fs.statSync(file).size,
    seconds: (performance.now() - started) / 1000,
  };
}
