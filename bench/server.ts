import { createHash } from 'node:crypto';
// The benchmark's server process: one database, the real app on one port and the bare routes on another
// (a second, plain Fastify instance, so none of the app's hooks run for them). Started by run.ts via fork().
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { types as pgliteTypes } from '@electric-sql/pglite';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../apps/api/src/app.ts';
import { loadConfig } from '../apps/api/src/platform/config.ts';
import { migrateDatabase, openDatabase, type Database } from '../apps/api/src/platform/db/client.ts';
import { createMailer } from '../apps/api/src/platform/mail/mailer.ts';
import { hashPassword } from '../apps/api/src/modules/auth/index.ts';
import { seedBoard } from '../apps/api/src/modules/demo/index.ts';
import {
  BENCH_PASSWORD,
  BENCH_SEED,
  benchBoardSpec,
  boardIdFor,
  seedBenchHistory,
  seedBenchTeamBoard,
} from './board.ts';
import { SCENARIOS, type Account, type RawQuery } from './scenarios.ts';

export type ServerOptions = { kind: 'pglite' | 'postgres'; databaseUrl?: string; scale: number; trace: boolean };

export type ServerReady = {
  type: 'ready';
  appUrl: string;
  bareUrl: string;
  /** The e-mail address of each account the scenarios sign in as; they share one password. */
  accounts: Record<Account, string>;
  password: string;
  /** Ids the scenario paths need. */
  schoolId: string;
  roundId: string;
  /** The teamleider's team, with a full team board. */
  teamId: string;
  seed: number;
  people: number;
  schools: number;
  teams: number;
  seedMs: number;
  /** Conversations of the cycle history, responses of the 360° round, and how long seeding them took. */
  conversations: number;
  responses: number;
  historyMs: number;
};

/** Queries sent to the driver and the milliseconds until they answered (queueing included), since start. */
export type ServerStats = { type: 'stats'; queries: number; queryMs: number };

export type ServerMessage = ServerReady | ServerStats | { type: 'error'; message: string };

const SESSION_COOKIE = /(?:^|;\s*)gp_session=([^;]*)/;

function send(message: ServerMessage): void {
  process.send?.(message);
}

/**
 * Date and time values as the server's text, unparsed: what Drizzle asks both drivers for (it turns them into
 * Dates itself, where a column wants that). With the drivers' default parsers the bare side would build a Date
 * for every date and timestamp, work the app's driver calls do not do.
 */
const PGLITE_RAW = Object.fromEntries(
  [pgliteTypes.TIMESTAMP, pgliteTypes.TIMESTAMPTZ, pgliteTypes.INTERVAL, pgliteTypes.DATE].map((t) => [
    t,
    (v: string) => v,
  ]),
);
// As drizzle-orm/node-postgres: timestamp, timestamptz, date, interval and the arrays of numeric, timestamp,
// timestamptz, interval and date.
const PG_RAW = new Set([
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.DATE,
  pg.types.builtins.INTERVAL,
  1231,
  1115,
  1185,
  1187,
  1182,
]);
const pgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    PG_RAW.has(oid) ? (v: string) => v : pg.types.getTypeParser(oid, format),
};

function rawQueryOf(database: Database): RawQuery {
  if (database.pglite) {
    const client = database.pglite;
    return async (text, params) =>
      (await client.query<unknown[]>(text, params, { rowMode: 'array', parsers: PGLITE_RAW })).rows;
  }
  const pool = database.pool!;
  // The app runs its hot queries as named (server-side prepared) statements; so does the baseline, or the
  // ratio would measure PostgreSQL's parse and plan time instead of the app's own layers.
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `bare_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`));
    return name;
  };
  return async (text, params, prepared = true) =>
    (
      await pool.query<unknown[]>({
        name: prepared ? nameOf(text) : undefined,
        text,
        values: params,
        rowMode: 'array',
        types: pgTypes,
      })
    ).rows;
}

/** The first seed from BENCH_SEED whose board is not in the database yet, so a shared PostgreSQL gets a new board. */
async function freeSeed(database: Database): Promise<number> {
  for (let seed = BENCH_SEED; ; seed++) {
    const rows = await database.query('select 1 from boards where id = $1', [boardIdFor(seed)]);
    if (rows.length === 0) return seed;
  }
}

/**
 * With --trace: counts every query either side sends through the driver (Drizzle calls the same `query`
 * method), and the time until it answered. Shows whether the app sends more, or slower, queries than bare.
 */
function traceQueries(database: Database, stats: ServerStats): void {
  const target = (database.pglite ?? database.pool!) as unknown as { query: (...args: unknown[]) => unknown };
  const original = target.query.bind(target);
  target.query = (...args: unknown[]) => {
    const started = performance.now();
    const result = original(...args);
    if (!(result instanceof Promise)) return result;
    stats.queries++;
    return result.finally(() => {
      stats.queryMs += performance.now() - started;
    });
  };
}

async function main() {
  const opts = JSON.parse(process.env.GP_BENCH_SERVER ?? '{}') as ServerOptions;
  let tmpDir: string | undefined;
  let database: Database;
  if (opts.kind === 'postgres') {
    database = await openDatabase({ databaseUrl: opts.databaseUrl });
  } else {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groeipad-bench-'));
    database = await openDatabase({ dataDir: tmpDir });
  }
  await migrateDatabase(database);

  const seed = await freeSeed(database);
  const spec = benchBoardSpec(opts.scale, seed);
  const seedStarted = performance.now();
  const seeded = await seedBoard(database.db, spec, await hashPassword(BENCH_PASSWORD));
  const seedMs = Math.round(performance.now() - seedStarted);
  const historyStarted = performance.now();
  const fixtures = await seedBenchHistory(database.db, { boardId: seeded.boardId, spec, now: new Date() });
  const teamBoard = await seedBenchTeamBoard(database.db, { boardId: seeded.boardId, spec, now: new Date() });
  const historyMs = Math.round(performance.now() - historyStarted);
  // Fresh statistics, as autovacuum would have them on a database in use.
  await database.query('analyze');
  const stats: ServerStats = { type: 'stats', queries: 0, queryMs: 0 };
  if (opts.trace) traceQueries(database, stats);

  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', GROEIPAD_DEMO: 'false' });
  const mailer = createMailer({ smtpUrl: undefined, from: config.mailFrom });
  const app = await buildApp({ database, config, mailer, version: 'bench' }, { logger: false });
  const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });

  const bare = Fastify({ logger: false });
  const query = rawQueryOf(database);
  for (const scenario of SCENARIOS) {
    bare.get(`/bare/${scenario.id}`, async (req, reply) => {
      const token = SESSION_COOKIE.exec(req.headers.cookie ?? '')?.[1];
      const params = req.query as Record<string, string | undefined>;
      const { status, body } = await scenario.bare({ query, token, params });
      return reply.code(status).send(body);
    });
  }
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([app.close(), bare.close()]);
    mailer.close();
    await database.close().catch(() => {});
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
    // A normal exit, so --cpu-prof can write its profile.
    process.exit(0);
  };
  process.on('message', (m) => {
    if (m === 'stop') void stop();
    if (m === 'stats') send({ ...stats });
  });
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => {
    // The parent handles Ctrl-C and tells us to stop.
  });

  send({
    type: 'ready',
    appUrl,
    bareUrl,
    accounts: {
      beheerder: `beheer@${spec.domain}`,
      schoolleider: `directeur@${spec.domain}`,
      teamleider: `teamleider@${spec.domain}`,
      subject: `docent@${spec.domain}`,
    },
    password: BENCH_PASSWORD,
    schoolId: fixtures.schoolId,
    roundId: fixtures.roundId,
    teamId: teamBoard.teamId,
    seed,
    people: seeded.people,
    schools: seeded.schools,
    teams: seeded.teams,
    seedMs,
    conversations: fixtures.conversations,
    responses: fixtures.responses,
    historyMs,
  });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: (err as Error).stack ?? String(err) });
  process.exit(1);
});
