// `npm run bench`: a generated board, the app's endpoints under load beside bare routes that run the same SQL,
// on PGlite and on PostgreSQL. See bench/README.md.
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import autocannon, { type Instance } from 'autocannon';
import { measureFanout, type FanoutResult } from './fanout.ts';
import { SCENARIOS, type Account, type Scenario, type ScenarioOptions } from './scenarios.ts';
import type { ServerMessage, ServerOptions, ServerReady, ServerStats } from './server.ts';

const root = path.resolve(import.meta.dirname, '..');
const TARGET = 0.7;
/** The issue's latency target: p95 under 50 ms on PostgreSQL with 20 people using the app. */
const P95_TARGET_MS = 50;
/** The live board's target: a change reaches every open board of the team within 250 ms (p95). */
const FANOUT_TARGET_MS = 250;
const FANOUT_ID = 'board-fanout';

type Kind = ServerOptions['kind'];

type Side = { p50Ms: number; p95Ms: number; rps: number; requests: number; trace?: string };

/**
 * One row of the table; the JSON file holds the fields the issue names. p50Ms, p95Ms, rps, bareRps and ratio are
 * from the saturation run (`connections` requests always in flight); usersP95Ms and bareUsersP95Ms from the user
 * model (`users` people, each pausing `thinkS` seconds on average between requests), null when not run.
 */
export type BenchRow = {
  name: string;
  database: Kind;
  connections: number;
  p50Ms: number;
  p95Ms: number;
  rps: number;
  bareRps: number;
  ratio: number;
  users: number;
  thinkS: number;
  usersP95Ms: number | null;
  bareUsersP95Ms: number | null;
};

const USAGE = `npm run bench -- [options]
  --scale <n>        board size multiplier (1 = 40 schools, ~4,000 staff; 0.1 for a quick run)   [1]
  --duration <s>     measured seconds per side (app, bare) per scenario      [10 at scale ≥ 1, less below]
  --warmup <s>       unmeasured seconds per side before measuring                                 [2]
  --rounds <n>       the measured seconds are split into n turns app, bare, app, bare, …          [2]
  --connections <n>  saturation run: requests always in flight, for every scenario    [per scenario: 20 for
                     the cycle and feedback scenarios, 10 for the others]
  --users <n>        user model: people using the endpoint at once; 0 skips this run                  [20]
  --think <s>        user model: mean pause of each person between an answer and their next request   [1]
  --db <which>       pglite | postgres | both                                                     [both]
  --search <term>    the staff list's search term                                                 [de]
  --only <id,...>    scenario ids to run (${SCENARIOS.map((s) => s.id).join(', ')}, ${FANOUT_ID})
  --fanout <n>       live fan-out: open team boards (event streams) that each change must reach         [200]
  --changes <n>      live fan-out: changes made one after another, 300 ms apart                          [30]
  --json <file>      also write the results as JSON
  --cpu-prof         CPU-profile the server process (written to bench/results/profiles/)
  --trace            count the queries per request and their time in the driver, per side
  --check            exit with status 2 when a row misses the target ratio (${TARGET}), on PostgreSQL
                     the p95 target in the user model (< ${P95_TARGET_MS} ms), or the fan-out's p95 (< ${FANOUT_TARGET_MS} ms)
PostgreSQL: DATABASE_URL when set (a board is added to it), otherwise a throwaway cluster.`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      duration: { type: 'string' },
      warmup: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '2' },
      connections: { type: 'string' },
      users: { type: 'string', default: '20' },
      think: { type: 'string', default: '1' },
      db: { type: 'string', default: 'both' },
      search: { type: 'string', default: 'de' },
      only: { type: 'string' },
      fanout: { type: 'string', default: '200' },
      changes: { type: 'string', default: '30' },
      json: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const positive = (name: string, v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, not "${v}"`);
    return n;
  };
  const scale = positive('scale', values.scale);
  const users = Number(values.users);
  if (!Number.isInteger(users) || users < 0)
    throw new UsageError(`--users must be a whole number ≥ 0, not "${values.users}"`);
  const think = positive('think', values.think);
  const duration = values.duration
    ? positive('duration', values.duration)
    : Math.max(3, Math.min(10, Math.round(10 * scale)));
  if (!['pglite', 'postgres', 'both'].includes(values.db)) throw new UsageError('--db is pglite, postgres or both');
  const kinds: Kind[] = values.db === 'both' ? ['pglite', 'postgres'] : [values.db as Kind];
  const only = values.only?.split(',').map((s) => s.trim());
  const scenarios = only ? SCENARIOS.filter((s) => only.includes(s.id)) : SCENARIOS;
  const fanout = !only || only.includes(FANOUT_ID) ? Math.round(Number(values.fanout)) : 0;
  if (!Number.isInteger(fanout) || fanout < 0)
    throw new UsageError(`--fanout must be a whole number ≥ 0, not "${values.fanout}"`);
  if (scenarios.length === 0 && fanout === 0)
    throw new UsageError(`--only matches no scenario (${SCENARIOS.map((s) => s.id).join(', ')}, ${FANOUT_ID})`);
  return {
    scale,
    duration: Math.round(duration),
    warmup: Math.round(Number(values.warmup)),
    rounds: Math.round(positive('rounds', values.rounds)),
    connections: values.connections ? Math.round(positive('connections', values.connections)) : undefined,
    users,
    think,
    kinds,
    scenarios,
    fanout,
    changes: Math.round(positive('changes', values.changes)),
    search: values.search,
    json: values.json,
    cpuProf: values['cpu-prof'],
    trace: values.trace,
    check: values.check,
  };
}
type Options = ReturnType<typeof parseOptions>;

class UsageError extends Error {}

const log = (line: string) => process.stdout.write(`${line}\n`);

// Everything to undo on exit, newest first; also run on Ctrl-C and on errors.
const cleanups: (() => Promise<void> | void)[] = [];
let current: Instance | null = null;
async function cleanUp() {
  current?.stop();
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()!();
    } catch (err) {
      process.stderr.write(`cleanup: ${(err as Error).message}\n`);
    }
  }
}

/** A throwaway PostgreSQL cluster from scripts/pg-throwaway.sh; stopped by cleanUp(). */
function startThrowawayPostgres(): string {
  const script = path.join(root, 'scripts/pg-throwaway.sh');
  const r = spawnSync('bash', [script, 'start'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pg-throwaway.sh start failed:\n${r.stderr}`);
  const exports = Object.fromEntries(
    [...r.stdout.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!.replace(/^["']|["']$/g, '')]),
  );
  const url = exports.TEST_DATABASE_URL;
  const dir = exports.GP_PG_DIR;
  if (!url || !dir) throw new Error(`pg-throwaway.sh start gave no TEST_DATABASE_URL/GP_PG_DIR:\n${r.stdout}`);
  cleanups.push(() => {
    spawnSync('bash', [script, 'stop', dir], { cwd: root, stdio: 'ignore' });
  });
  return url;
}

type Server = ServerReady & { child: ChildProcess; stop(): Promise<void>; stats(): Promise<ServerStats> };

/** Forks bench/server.ts and waits until it has seeded the board and listens. */
async function startServer(opts: Options, serverOptions: ServerOptions): Promise<Server> {
  const profileDir = path.join(root, 'bench/results/profiles');
  if (opts.cpuProf) fs.mkdirSync(profileDir, { recursive: true });
  const child = fork(path.join(root, 'bench/server.ts'), [], {
    cwd: root,
    env: { ...process.env, GP_BENCH_SERVER: JSON.stringify(serverOptions) },
    execArgv: opts.cpuProf
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${profileDir}`,
          `--cpu-prof-name=server-${serverOptions.kind}-${Date.now()}.cpuprofile`,
        ]
      : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send('stop');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  cleanups.push(stop);
  let onStats: ((s: ServerStats) => void) | null = null;
  const stats = () =>
    new Promise<ServerStats>((resolve) => {
      onStats = resolve;
      child.send('stats');
    });
  const ready = await new Promise<ServerReady>((resolve, reject) => {
    child.on('message', (m: ServerMessage) => {
      if (m.type === 'ready') resolve(m);
      else if (m.type === 'stats') onStats?.(m);
      else reject(new Error(`bench server failed:\n${m.message}`));
    });
    child.once('exit', (code, signal) => reject(new Error(`bench server exited early (${code ?? signal})`)));
  });
  return { ...ready, child, stop, stats };
}

/** Signs in through the real login route as one of the board's accounts; returns the session cookie. */
async function login(server: Server, account: Account): Promise<string> {
  const email = server.accounts[account];
  const res = await fetch(`${server.appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: server.password }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('gp_session='));
  if (res.status !== 200 || !cookie) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
  return cookie;
}

/** One session per account the scenarios act as, each through the real login. */
async function loginAll(server: Server, scenarios: Scenario[]): Promise<Map<Account, string>> {
  const cookies = new Map<Account, string>();
  for (const s of scenarios) {
    const account = s.as ?? 'beheerder';
    if (!cookies.has(account)) cookies.set(account, await login(server, account));
  }
  return cookies;
}

const scenarioOptionsOf = (server: Server, opts: Options): ScenarioOptions => ({
  search: opts.search,
  schoolId: server.schoolId,
  roundId: server.roundId,
  teamId: server.teamId,
});

const connectionsOf = (scenario: Scenario, opts: Options) => opts.connections ?? scenario.connections ?? 10;

/** The app URL, and the bare route with the same query string plus the app's path parameters. */
function urlsOf(server: Server, scenario: Scenario, opts: Options) {
  const scenarioOptions = scenarioOptionsOf(server, opts);
  const app = new URL(scenario.path(scenarioOptions), server.appUrl);
  const bare = new URL(`/bare/${scenario.id}${app.search}`, server.bareUrl);
  for (const [k, v] of Object.entries(scenario.bareParams?.(scenarioOptions) ?? {})) bare.searchParams.set(k, v);
  return { app: app.href, bare: bare.href };
}

/** Both sides answer 200 with the same number of items; otherwise the comparison means nothing. */
async function checkScenario(server: Server, scenario: Scenario, cookie: string, opts: Options): Promise<string> {
  const urls = urlsOf(server, scenario, opts);
  const [app, bare] = await Promise.all([
    fetch(urls.app, { headers: { cookie } }),
    fetch(urls.bare, { headers: { cookie } }),
  ]);
  if (app.status !== 200) throw new Error(`${scenario.name}: app answered ${app.status}: ${await app.text()}`);
  if (bare.status !== 200)
    throw new Error(`${scenario.name}: bare route answered ${bare.status}: ${await bare.text()}`);
  const appCounts = scenario.counts.app(await app.json());
  const bareCounts = scenario.counts.bare(await bare.json());
  if (!isDeepStrictEqual(appCounts, bareCounts)) {
    throw new Error(
      `${scenario.name}: app and bare differ: ${JSON.stringify(appCounts)} vs ${JSON.stringify(bareCounts)}`,
    );
  }
  return JSON.stringify(appCounts);
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** `settled`: requests sent by settle() after the turn; their queries are in `queries`, not their latencies. */
type Sample = { latencies: number[]; seconds: number; queries?: number; queryMs?: number; settled?: number };

async function load(url: string, cookie: string, seconds: number, connections: number): Promise<Sample> {
  const latencies: number[] = [];
  let failures = 0;
  current = autocannon({ url, connections, duration: seconds, headers: { cookie } });
  current.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status === 200) latencies.push(ms);
    else failures++;
  });
  const result = await current;
  current = null;
  if (failures > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${url}: ${failures} non-200 answers, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { latencies, seconds: result.duration };
}

/**
 * Requests autocannon gave up on when a turn ended still run on the server. A few sequential requests after each
 * turn wait for that backlog (the database queue is first come, first served), so it does not slow the next turn,
 * which may be the other side's. Matters when a request takes long against the database, as on PGlite at 20
 * connections.
 */
const SETTLE_REQUESTS = 3;
async function settle(url: string, cookie: string) {
  for (let i = 0; i < SETTLE_REQUESTS; i++) await (await fetch(url, { headers: { cookie } })).arrayBuffer();
}

/** A small seeded generator (mulberry32), so every run offers the same arrivals. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One GET over a keep-alive agent: the status, once the whole body has arrived. */
function get(url: string, cookie: string, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { cookie } }, (res) => {
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
        res.resume();
      })
      .on('error', reject);
  });
}

/**
 * The user model: `users` people use the endpoint for `seconds`. Each one sends a request, waits for the whole
 * answer, then pauses for a think time drawn from an exponential distribution with mean `think` seconds, and
 * starts at a random moment within the first `think` seconds. That offers about users ÷ (think + response time)
 * requests per second in random, independent arrivals: mostly one at a time, sometimes a few together, as when
 * that many people are really at work. (autocannon's overallRate is not used: its per-connection limiter resets
 * on a one-second timer that all connections start together, so 20 connections at 1 request/s send bursts of 20
 * at once every second.) Requests still open at the end are waited for and counted; nothing is cut off.
 */
async function users(url: string, cookie: string, seconds: number, opts: Options, seed: number): Promise<Sample> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.users });
  const random = seeded(seed);
  const thinkMs = opts.think * 1000;
  const end = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let failures = 0;
  const person = async () => {
    await sleep(random() * thinkMs);
    while (performance.now() < end) {
      const started = performance.now();
      const status = await get(url, cookie, agent);
      if (status === 200) latencies.push(performance.now() - started);
      else failures++;
      await sleep(-Math.log(1 - random()) * thinkMs);
    }
  };
  try {
    await Promise.all(Array.from({ length: opts.users }, person));
  } finally {
    agent.destroy();
  }
  if (failures > 0) throw new Error(`${url}: ${failures} non-200 answers for ${opts.users} users`);
  return { latencies, seconds };
}

function summarise(samples: Sample[]): Side {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const sum = (f: (s: Sample) => number | undefined) => samples.reduce((total, s) => total + (f(s) ?? 0), 0);
  const seconds = sum((s) => s.seconds);
  const queries = sum((s) => s.queries);
  // Requests cut off at the end of a turn still send their queries, so these are slight overestimates.
  const served = latencies.length + sum((s) => s.settled);
  const trace =
    queries > 0
      ? `; ${(queries / served).toFixed(1)} queries/request, ${(sum((s) => s.queryMs) / served).toFixed(2)} ms/request in the driver (${(sum((s) => s.queryMs) / queries).toFixed(2)} ms/query, queueing included)`
      : undefined;
  return {
    trace,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    rps: latencies.length / seconds,
    requests: latencies.length,
  };
}

/**
 * Warms both sides up, then measures them in turns (app, bare, app, bare, …) so that a burst of load from
 * elsewhere on the machine hits both sides alike. The side that starts alternates per scenario.
 */
async function measurePair(
  server: Server,
  urls: Record<Kind2, string>,
  cookie: string,
  opts: Options,
  first: Kind2,
  connections: number,
  label: string,
) {
  const order: Kind2[] = first === 'app' ? ['app', 'bare'] : ['bare', 'app'];
  if (opts.warmup > 0)
    for (const side of order) {
      await load(urls[side], cookie, opts.warmup, connections);
      await settle(urls[side], cookie);
    }
  const samples: Record<Kind2, Sample[]> = { app: [], bare: [] };
  const perRound = Math.max(1, Math.round(opts.duration / opts.rounds));
  for (let r = 0; r < opts.rounds; r++) {
    for (const side of order) {
      const before = opts.trace ? await server.stats() : null;
      const sample = await load(urls[side], cookie, perRound, connections);
      await settle(urls[side], cookie);
      sample.settled = SETTLE_REQUESTS;
      if (before) {
        const after = await server.stats();
        sample.queries = after.queries - before.queries;
        sample.queryMs = after.queryMs - before.queryMs;
      }
      samples[side].push(sample);
    }
  }
  // The user model, on the same warm process: both sides, in the same order, each with the same arrivals.
  const usersP95: Record<Kind2, number | null> = { app: null, bare: null };
  if (opts.users > 0) {
    for (const side of order) {
      const sample = await users(urls[side], cookie, opts.duration, opts, 2026);
      const s = summarise([sample]);
      usersP95[side] = s.p95Ms;
      log(
        `${label} ${side.padEnd(4)} ${opts.users} users (think ${opts.think} s): ` +
          `${s.requests} requests, ${s.rps.toFixed(1)} req/s, p50 ${ms(s.p50Ms)} ms, p95 ${ms(s.p95Ms)} ms, max ${ms(sample.latencies.reduce((a, b) => Math.max(a, b), 0))} ms`,
      );
    }
  }
  return { app: summarise(samples.app), bare: summarise(samples.bare), usersP95 };
}
type Kind2 = 'app' | 'bare';

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);

type FanoutRow = FanoutResult & { database: Kind };

async function runDatabase(kind: Kind, opts: Options, rows: (BenchRow & { bare: Side })[], fanouts: FanoutRow[]) {
  let databaseUrl: string | undefined;
  if (kind === 'postgres') {
    if (process.env.DATABASE_URL) {
      databaseUrl = process.env.DATABASE_URL;
      log(`[postgres] using DATABASE_URL: the benchmark ADDS a board (${Math.round(40 * opts.scale)} schools) to it`);
    } else {
      log('[postgres] starting a throwaway cluster (scripts/pg-throwaway.sh)');
      databaseUrl = startThrowawayPostgres();
    }
  }
  const started = performance.now();
  const server = await startServer(opts, { kind, databaseUrl, scale: opts.scale, trace: opts.trace });
  log(
    `[${kind}] board seeded (seed ${server.seed}): ${server.schools} schools, ${server.teams} teams, ` +
      `${server.people.toLocaleString('en')} people in ${(server.seedMs / 1000).toFixed(1)} s; server ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  log(
    `[${kind}] cycle history (${server.conversations.toLocaleString('en')} conversations) and a closed 360° round ` +
      `(${server.responses} responses) in ${(server.historyMs / 1000).toFixed(1)} s`,
  );
  const cookies = await loginAll(server, opts.scenarios);
  const cookieOf = (s: Scenario) => cookies.get(s.as ?? 'beheerder')!;
  for (const scenario of opts.scenarios) {
    log(
      `[${kind}] check ${scenario.name} (as ${scenario.as ?? 'beheerder'}): app and bare both 200, same counts ${await checkScenario(server, scenario, cookieOf(scenario), opts)}`,
    );
  }
  for (const [i, scenario] of opts.scenarios.entries()) {
    const urls = urlsOf(server, scenario, opts);
    const connections = connectionsOf(scenario, opts);
    // Alternate which side goes first, so neither always runs on a warmer (or more tired) process.
    const first = i % 2 === 0 ? 'app' : 'bare';
    const { app, bare, usersP95 } = await measurePair(
      server,
      urls,
      cookieOf(scenario),
      opts,
      first,
      connections,
      `[${kind}] ${scenario.name}`,
    );
    for (const [side, s] of [
      ['app', app],
      ['bare', bare],
    ] as const) {
      log(
        `[${kind}] ${scenario.name} ${side.padEnd(4)} ${connections} conn, p50 ${ms(s.p50Ms)} ms, p95 ${ms(s.p95Ms)} ms, ${s.rps.toFixed(0)} req/s${s.trace ?? ''}`,
      );
    }
    rows.push({
      name: scenario.name,
      database: kind,
      connections,
      p50Ms: round(app.p50Ms, 2),
      p95Ms: round(app.p95Ms, 2),
      rps: round(app.rps, 1),
      bareRps: round(bare.rps, 1),
      ratio: round(app.rps / bare.rps, 3),
      users: opts.users,
      thinkS: opts.think,
      usersP95Ms: usersP95.app === null ? null : round(usersP95.app, 2),
      bareUsersP95Ms: usersP95.bare === null ? null : round(usersP95.bare, 2),
      bare,
    });
  }
  if (opts.fanout > 0) {
    const cookie = cookies.get('teamleider') ?? (await login(server, 'teamleider'));
    log(`[${kind}] live fan-out: ${opts.fanout} open boards of one team, ${opts.changes} changes`);
    const f = await measureFanout({
      appUrl: server.appUrl,
      teamId: server.teamId,
      cookie,
      streams: opts.fanout,
      changes: opts.changes,
      gapMs: 300,
    });
    log(
      `[${kind}] live fan-out: ${f.deliveries} deliveries, p50 ${ms(f.p50Ms)} ms, p95 ${ms(f.p95Ms)} ms, max ${ms(f.maxMs)} ms, missed ${f.missed}`,
    );
    fanouts.push({ database: kind, ...f });
  }
  await server.stop();
}

/** Whether a row misses the latency target: PostgreSQL's p95 in the user model (PGlite has none). */
const missesP95 = (r: BenchRow) => r.database === 'postgres' && r.usersP95Ms !== null && r.usersP95Ms >= P95_TARGET_MS;

function printTable(rows: (BenchRow & { bare: Side })[], opts: Options) {
  const users = opts.users > 0;
  const header = [
    'scenario',
    'database',
    'conn',
    'app p50/p95 ms',
    'app req/s',
    'bare p50/p95 ms',
    'bare req/s',
    'ratio',
    `≥ ${TARGET}`,
    ...(users ? [`p95 @ ${opts.users} users`, '(bare)', `< ${P95_TARGET_MS}`] : []),
  ];
  const lines = rows.map((r) => [
    r.name,
    r.database,
    String(r.connections),
    `${ms(r.p50Ms)} / ${ms(r.p95Ms)}`,
    r.rps.toFixed(0),
    `${ms(r.bare.p50Ms)} / ${ms(r.bare.p95Ms)}`,
    r.bareRps.toFixed(0),
    r.ratio.toFixed(2),
    r.ratio >= TARGET ? 'yes' : 'NO',
    ...(users
      ? [
          ms(r.usersP95Ms ?? Number.NaN),
          `(${ms(r.bareUsersP95Ms ?? Number.NaN)})`,
          r.database === 'postgres' ? (missesP95(r) ? 'NO' : 'yes') : '-',
        ]
      : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const numeric = new Set([2, 4, 6, 7, 9, 10]);
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  log('');
  log(fmt(header));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) log(fmt(l));
  log('');
}

async function main() {
  const opts = parseOptions();
  process.on('SIGINT', () => {
    process.stderr.write('\ninterrupted: stopping the server and the throwaway database\n');
    void cleanUp().finally(() => process.exit(130));
  });
  log(
    `Groeipad bench: scale ${opts.scale}, ${opts.connections ?? 'per-scenario'} connections, ${opts.warmup} s warm-up + ${opts.duration} s per side, ` +
      `search "${opts.search}", databases: ${opts.kinds.join(', ')}`,
  );
  const rows: (BenchRow & { bare: Side })[] = [];
  const fanouts: FanoutRow[] = [];
  try {
    for (const kind of opts.kinds) await runDatabase(kind, opts, rows, fanouts);
  } finally {
    await cleanUp();
  }
  if (rows.length > 0) printTable(rows, opts);
  for (const f of fanouts) {
    log(
      `live fan-out on ${f.database}: ${f.streams} open boards × ${f.changes} changes, p50 ${ms(f.p50Ms)} ms, ` +
        `p95 ${ms(f.p95Ms)} ms (target < ${FANOUT_TARGET_MS}: ${f.p95Ms < FANOUT_TARGET_MS && f.missed === 0 ? 'yes' : 'NO'}), ` +
        `max ${ms(f.maxMs)} ms, missed ${f.missed}`,
    );
  }
  if (opts.users > 0) {
    log(
      `conn: requests always in flight (saturation), which give p50/p95, req/s and the ratio. p95 @ ${opts.users} users: ` +
        `${opts.users} people each pausing ${opts.think} s on average between an answer and their next request ` +
        `(about ${Math.round(opts.users / opts.think)} req/s); the target < ${P95_TARGET_MS} ms is PostgreSQL's.`,
    );
  }
  if (opts.json) {
    const out: BenchRow[] = rows.map(({ bare: _bare, ...row }) => row);
    fs.mkdirSync(path.dirname(path.resolve(opts.json)), { recursive: true });
    fs.writeFileSync(opts.json, `${JSON.stringify({ scenarios: out, fanout: fanouts }, null, 2)}\n`);
    log(`Results written to ${opts.json}`);
  }
  const missed = rows.filter((r) => r.ratio < TARGET);
  log(
    `Summary: ${rows.length - missed.length} of ${rows.length} rows meet app/bare ≥ ${TARGET} (scale ${opts.scale})` +
      (missed.length
        ? `; missed: ${missed.map((r) => `${r.name} on ${r.database} (${r.ratio.toFixed(2)})`).join(', ')}`
        : ''),
  );
  const slow = rows.filter(missesP95);
  if (opts.users > 0 && opts.kinds.includes('postgres')) {
    log(
      `Summary: ${rows.filter((r) => r.database === 'postgres').length - slow.length} PostgreSQL rows have p95 < ${P95_TARGET_MS} ms at ${opts.users} users` +
        (slow.length ? `; missed: ${slow.map((r) => `${r.name} (${ms(r.usersP95Ms!)} ms)`).join(', ')}` : ''),
    );
  }
  const lateFanout = fanouts.filter((f) => f.p95Ms >= FANOUT_TARGET_MS || f.missed > 0);
  if (opts.check && (missed.length > 0 || slow.length > 0 || lateFanout.length > 0)) process.exitCode = 2;
}

main().catch(async (err: unknown) => {
  await cleanUp();
  process.stderr.write(
    err instanceof UsageError
      ? `${err.message}\n\n${USAGE}\n`
      : `\nbench failed: ${(err as Error).stack ?? String(err)}\n`,
  );
  process.exit(1);
});
