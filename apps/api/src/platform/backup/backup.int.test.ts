import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createBoard, sessionFor } from '../../../test/harness.ts';
import { audit } from '../audit/audit.ts';
import { migrateDatabase, openDatabase, type Database } from '../db/client.ts';
import { mailOutbox } from '../mail/mail.schema.ts';
import { inTransaction } from './connection.ts';
import { quoteIdent } from './format.ts';
import { backupDatabase, readBackupHeader, restoreDatabase } from './index.ts';
import { findCodeMigrations, findTables } from './introspect.ts';

const onPostgres = process.env.GP_TEST_DB === 'postgres';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'groeipad-backup-test-'));
const opened: Database[] = [];
const created: string[] = [];
let admin: Database | undefined;

afterAll(async () => {
  for (const d of opened) await d.close().catch(() => {});
  for (const name of created) await admin!.query(`drop database if exists ${quoteIdent(name)} with (force)`);
  await admin?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A new, empty, unmigrated database: in-memory PGlite, or its own database on the throwaway server. */
async function openEmpty(kind: 'pglite' | 'postgres' = onPostgres ? 'postgres' : 'pglite'): Promise<Database> {
  let database: Database;
  if (kind === 'pglite') {
    database = await openDatabase({ memory: true });
  } else {
    admin ??= await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, poolSize: 1 });
    const name = `x_${randomBytes(6).toString('hex')}`;
    await admin.query(`create database ${quoteIdent(name)}`);
    created.push(name);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  }
  opened.push(database);
  return database;
}

/** Every byte value, then random bytes: a file that any text or escaping mistake would change. */
const EVERY_BYTE = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(4096)]);

/** Stores an evidence file as the app does (bytea), for a person of the board. */
async function addFile(database: Database, boardId: string, personId: string, bytes: Buffer): Promise<string> {
  const [row] = await database.query<{ id: string }>(
    `insert into development_files (board_id, person_id, name, media_type, size, sha256, bytes)
     values ($1, $2, 'bestand.pdf', 'application/pdf', $3, $4, decode($5, 'hex')) returning id`,
    [boardId, personId, bytes.length, createHash('sha256').update(bytes).digest('hex'), bytes.toString('hex')],
  );
  return row!.id;
}

/** The stored files' bytes by id, as Buffers on both engines. */
async function fileBytes(database: Database): Promise<Map<string, Buffer>> {
  const rows = await database.query<{ id: string; bytes: Uint8Array }>('select id, bytes from development_files');
  return new Map(rows.map((r) => [r.id, Buffer.from(r.bytes)]));
}

/** A migrated database with a seeded board, a session, mail, audit rows and an evidence file. */
async function openSeeded(kind?: 'pglite' | 'postgres'): Promise<Database> {
  const database = await openEmpty(kind);
  await migrateDatabase(database);
  const board = await createBoard(database);
  await addFile(database, board.boardId, board.byRole('docent').id, EVERY_BYTE);
  await sessionFor(database, board.byRole('beheerder').id);
  await database.db.insert(mailOutbox).values({
    boardId: board.boardId,
    toAddress: `iemand@${board.domain}`,
    subject: 'Welkom – "aanhalingstekens", ümlauts en \\ backslash',
    text: 'regel 1\nregel 2',
    html: '<p>hallo</p>',
  });
  for (let i = 0; i < 3; i++) {
    await audit(database.db, {
      boardId: board.boardId,
      actorId: board.byRole('beheerder').id,
      action: `test.event${i}`,
      details: { i, nested: { list: [1, 'twee', null] } },
    });
  }
  return database;
}

/** Every app table's rows as ordered JSON text: equal dumps mean equal data. */
function dump(database: Database): Promise<Record<string, string[]>> {
  return inTransaction(database, { snapshot: true }, async (sql) => {
    const out: Record<string, string[]> = {};
    for (const t of await findTables(sql)) {
      const rows = await sql.query<{ j: string }>(
        `select row_to_json(t)::text as j from ${quoteIdent(t.name)} t order by 1`,
      );
      out[t.name] = rows.map((r) => r.j);
    }
    return out;
  });
}

const rowCount = (d: Record<string, string[]>) => Object.values(d).reduce((n, rows) => n + rows.length, 0);
const file = (name: string) => path.join(tmp, `${randomBytes(4).toString('hex')}-${name}`);

/** Rewrites the decompressed lines of a backup file. */
function rewrite(from: string, to: string, edit: (lines: string[]) => string[]) {
  const lines = gunzipSync(fs.readFileSync(from)).toString('utf8').split('\n');
  fs.writeFileSync(to, gzipSync(edit(lines).join('\n')));
}

let shared: Promise<{ source: Database; backup: string }> | undefined;
/** One seeded source and its backup, for the tests that only read them. */
function seededBackup() {
  shared ??= (async () => {
    const source = await openSeeded();
    const backup = file('shared.gz');
    await backupDatabase(source, backup);
    return { source, backup };
  })();
  return shared;
}

describe('backup and restore', { timeout: 120_000 }, () => {
  it('a restore into an empty database gives back every row', async () => {
    const source = await openSeeded();
    const backup = file('full.gz');
    const progress: string[] = [];
    const made = await backupDatabase(source, backup, (p) => p.done && progress.push(p.table));
    const original = await dump(source);
    expect(made.rows).toBe(rowCount(original));
    expect(made.bytes).toBe(fs.statSync(backup).size);

    const header = await readBackupHeader(backup);
    expect(header).toMatchObject({ format: 'groeipad-backup', formatVersion: 1, database: source.kind });
    expect(header.migrations).toEqual(findCodeMigrations());
    expect(header.migrations[0]!.tag).toBe('0000_init');
    expect(header.tables).not.toContain('__drizzle_migrations');
    expect(header.tables.indexOf('boards')).toBeLessThan(header.tables.indexOf('people'));
    expect(header.tables.indexOf('people')).toBeLessThan(header.tables.indexOf('memberships'));
    expect(progress).toEqual(header.tables);

    const target = await openEmpty();
    const restored = await restoreDatabase(target, backup);
    expect(restored.rows).toBe(made.rows);
    const copy = await dump(target);
    expect(copy).toEqual(original);
    for (const t of [
      'boards',
      'schools',
      'teams',
      'people',
      'memberships',
      'sessions',
      'mail_outbox',
      'audit_log',
      'development_files',
    ]) {
      expect(copy[t]!.length, t).toBeGreaterThan(0);
    }
  });

  it('gives back evidence files byte for byte, large ones too', async () => {
    const source = await openSeeded();
    const [person] = await source.query<{ id: string; board_id: string }>('select id, board_id from people limit 1');
    // Five files of 2 MB besides the seeded one: more than one backup fetch (4 rows) and restore batch (16 MB).
    for (let i = 0; i < 5; i++) await addFile(source, person!.board_id, person!.id, randomBytes(2 * 1024 * 1024));
    const backup = file('files.gz');
    await backupDatabase(source, backup);
    const target = await openEmpty();
    await restoreDatabase(target, backup);
    const [before, after] = [await fileBytes(source), await fileBytes(target)];
    expect(after.size).toBe(6);
    for (const [id, bytes] of before) expect(after.get(id)?.equals(bytes), id).toBe(true);
    expect([...after.values()].some((b) => b.equals(EVERY_BYTE))).toBe(true);
    const sums = await target.query<{ ok: boolean }>(
      `select sha256 = encode(sha256(bytes), 'hex') and size = length(bytes) as ok from development_files`,
    );
    expect(sums.every((r) => r.ok)).toBe(true);
  });

  it('continues the audit_log sequence after a restore', async () => {
    const { backup } = await seededBackup();
    const target = await openEmpty();
    await restoreDatabase(target, backup);
    const [before] = await target.query<{ m: number }>('select max(id)::int as m from audit_log');
    await audit(target.db, { boardId: null, actorId: null, action: 'test.after-restore' });
    const [after] = await target.query<{ id: number }>(
      `select id::int as id from audit_log where action = 'test.after-restore'`,
    );
    expect(after!.id).toBeGreaterThan(before!.m);
  });

  it('refuses a database that holds data, and changes nothing', async () => {
    const { backup } = await seededBackup();
    const target = await openEmpty();
    await migrateDatabase(target);
    await audit(target.db, { boardId: null, actorId: null, action: 'test.only-row' });
    const before = await dump(target);
    await expect(restoreDatabase(target, backup)).rejects.toThrow(/niet leeg: tabel \w+ bevat al gegevens/);
    expect(await dump(target)).toEqual(before);
  });

  it('leaves no rows behind from a truncated or corrupted file', async () => {
    const { source, backup } = await seededBackup();
    const target = await openEmpty();

    const cut = file('cut.gz');
    fs.writeFileSync(cut, fs.readFileSync(backup).subarray(0, Math.floor(fs.statSync(backup).size * 0.8)));
    await expect(restoreDatabase(target, cut)).rejects.toThrow(/beschadigd of onvolledig/);
    expect(rowCount(await dump(target))).toBe(0);

    // Valid gzip, but the last table stops early: earlier tables were inserted, then rolled back.
    const short = file('short.gz');
    rewrite(backup, short, (lines) => lines.slice(0, -4));
    await expect(restoreDatabase(target, short)).rejects.toThrow(/beschadigd of onvolledig/);
    expect(rowCount(await dump(target))).toBe(0);

    const garbled = file('garbled.gz');
    rewrite(backup, garbled, (lines) => lines.map((l, i) => (i === 20 ? l.slice(0, 10) : l)));
    await expect(restoreDatabase(target, garbled)).rejects.toThrow(/beschadigd|Terugzetten mislukt/);
    expect(rowCount(await dump(target))).toBe(0);

    const notGzip = file('plain.txt');
    fs.writeFileSync(notGzip, 'dit is geen back-up\n');
    await expect(restoreDatabase(target, notGzip)).rejects.toThrow(/beschadigd of onvolledig/);

    // After all that the database is still empty enough to take the good file.
    await restoreDatabase(target, backup);
    expect(await dump(target)).toEqual(await dump(source));
  });

  it('refuses a backup from a newer version and accepts an older one', async () => {
    const { source, backup } = await seededBackup();

    const newer = file('newer.gz');
    rewrite(backup, newer, ([head, ...rest]) => {
      const h = JSON.parse(head!);
      h.migrations.push({ tag: '9999_future', createdAt: 4102444800000, hash: 'f'.repeat(64) });
      return [JSON.stringify(h), ...rest];
    });
    const target = await openEmpty();
    await expect(restoreDatabase(target, newer)).rejects.toThrow(/komt van een nieuwere versie/);
    expect(rowCount(await dump(target))).toBe(0);

    const older = file('older.gz');
    rewrite(backup, older, ([head, ...rest]) => {
      const h = JSON.parse(head!);
      h.migrations = h.migrations.slice(0, 1);
      return [JSON.stringify(h), ...rest];
    });
    await restoreDatabase(target, older);
    expect(await dump(target)).toEqual(await dump(source));
  });

  it('orders the rows of a table that references itself, parents first', async () => {
    const create = `create table zz_tree (id int primary key, parent_id int references zz_tree(id), name text)`;
    const source = await openEmpty();
    await migrateDatabase(source);
    await source.query(create);
    // The update moves root 1 physically behind its child 2, so reading in physical order would fail.
    await source.query(`insert into zz_tree values (1, null, 'wortel'), (2, 1, 'kind'), (3, null, 'los')`);
    await source.query(`update zz_tree set parent_id = 3 where id = 1`);
    await source.query(`insert into zz_tree values (4, 4, 'zichzelf'), (5, 2, 'kleinkind')`);
    const backup = file('tree.gz');
    await backupDatabase(source, backup);
    const target = await openEmpty();
    await migrateDatabase(target);
    await target.query(create);
    await restoreDatabase(target, backup);
    expect((await dump(target)).zz_tree).toEqual((await dump(source)).zz_tree);
  });

  it.runIf(onPostgres)('moves from PGlite to PostgreSQL and back', async () => {
    const embedded = await openSeeded('pglite');
    const toPostgres = file('pglite.gz');
    await backupDatabase(embedded, toPostgres);
    const server = await openEmpty('postgres');
    await restoreDatabase(server, toPostgres);
    const original = await dump(embedded);
    expect(await dump(server)).toEqual(original);

    const toPglite = file('postgres.gz');
    await backupDatabase(server, toPglite);
    const back = await openEmpty('pglite');
    await restoreDatabase(back, toPglite);
    expect(await dump(back)).toEqual(original);
  });
});

describe.skipIf(onPostgres)('the command-line tools on a PGlite data folder', () => {
  const root = path.resolve(import.meta.dirname, '../../../../..');
  const node = path.join(root, 'node_modules/.bin/node');
  const run = (script: string, args: string[], dataDir: string) =>
    promisify(execFile)(node, [path.join(root, 'apps/api/src/cli', script), ...args], {
      cwd: root,
      env: { ...process.env, GROEIPAD_DATA_DIR: dataDir, DATABASE_URL: '' },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('backs up a stopped data folder, refuses a running one, and restores into a new folder', async () => {
    const from = path.join(tmp, 'cli-from');
    const to = path.join(tmp, 'cli-to');
    const source = await openDatabase({ dataDir: from });
    await migrateDatabase(source);
    const board = await createBoard(source);
    await addFile(source, board.boardId, board.byRole('docent').id, EVERY_BYTE);
    const files = await fileBytes(source);

    const out = path.join(tmp, 'cli.backup.gz');
    // This process holds the folder, as a running server would.
    const locked = await run('backup.ts', [out], from);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/in gebruik door een ander Groeipad-proces[\s\S]*Stop hem eerst/);
    expect(fs.existsSync(out)).toBe(false);
    const original = await dump(source);
    await source.close();

    const made = await run('backup.ts', [out], from);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/people\s+\d+ rijen/);
    expect(made.stdout).toMatch(/Back-up klaar: \d+ tabellen, [\d.]+ rijen, .* s\./);

    const again = await run('backup.ts', [out], from);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/bestaat al.*--force/);
    expect((await run('backup.ts', [out, '--force'], from)).code).toBe(0);

    const restored = await run('restore.ts', [out], to);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/Terugzetten klaar/);
    const twice = await run('restore.ts', [out], to);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/niet leeg/);

    const target = await openDatabase({ dataDir: to });
    try {
      expect(await dump(target)).toEqual(original);
      expect(await fileBytes(target)).toEqual(files);
    } finally {
      await target.close();
    }

    const help = await run('restore.ts', ['--help'], to);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Gebruik: npm run restore/);
    expect((await run('backup.ts', [], from)).code).toBe(1);
  }, 180_000);
});
