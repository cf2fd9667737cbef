// `node bench/layers.ts`: where an app request's CPU time goes, without a database in the way.
// Every query's answer is recorded once from a real PGlite database, then replayed instantly, so what is
// timed is only the app's own work (per layer) and the bare route's. Single process, sequential requests.
import { parseArgs } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import Fastify from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { Me, PeoplePage, PeopleQuery } from '@groeipad/contracts';
import { buildApp } from '../apps/api/src/app.ts';
import { loadConfig } from '../apps/api/src/platform/config.ts';
import { migrateDatabase, openDatabase, type Database, type Db } from '../apps/api/src/platform/db/client.ts';
import { createMailer } from '../apps/api/src/platform/mail/mailer.ts';
import { hashPassword, resolveSession } from '../apps/api/src/modules/auth/index.ts';
import { seedBoard } from '../apps/api/src/modules/demo/index.ts';
import { getMe } from '../apps/api/src/modules/organisation/index.ts';
import { listPeople } from '../apps/api/src/modules/organisation/organisation.service.ts';
import { BENCH_PASSWORD, BENCH_SEED, benchBoardSpec } from './board.ts';
import { SCENARIOS, type RawQuery } from './scenarios.ts';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '2000' }, scale: { type: 'string', default: '0.1' } },
});
const N = Number(values.n);
const search = 'de';
// The beheerder's scenarios (me, people): the others sign in as other people and need the cycle history.
const scenarios = SCENARIOS.filter((s) => !s.as);
const scenarioOptions = { search, schoolId: '', roundId: '', teamId: '' };

async function time(label: string, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(300, N); i++) await fn();
  const started = performance.now();
  for (let i = 0; i < N; i++) await fn();
  const us = ((performance.now() - started) / N) * 1000;
  process.stdout.write(`  ${label.padEnd(58)} ${us.toFixed(0).padStart(6)} µs\n`);
  return us;
}

// A real database once, to record each query's answer by its SQL text.
const real = await openDatabase({ memory: true });
await migrateDatabase(real);
const spec = benchBoardSpec(Number(values.scale), BENCH_SEED);
await seedBoard(real.db, spec, await hashPassword(BENCH_PASSWORD));
const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', GROEIPAD_DEMO: 'false' });
const mailer = createMailer({ smtpUrl: undefined, from: config.mailFrom });
const realApp = await buildApp({ database: real, config, mailer, version: 'bench' }, { logger: false });
const login = await realApp.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { email: `beheer@${spec.domain}`, password: BENCH_PASSWORD },
});
const cookie = String(login.headers['set-cookie']).split(';')[0]!;
const token = cookie.slice('gp_session='.length);

const recorded = new Map<string, unknown>();
const client = real.pglite!;
const original = client.query.bind(client);
(client as unknown as { query: unknown }).query = async (text: string, params?: unknown[], opts?: object) => {
  const result = await original(text, params, opts);
  recorded.set(`${text}|${JSON.stringify(opts ?? {})}`, result);
  return result;
};
for (const s of scenarios) await realApp.inject({ url: s.path(scenarioOptions), headers: { cookie } });
for (const s of scenarios)
  await s.bare({
    query: async (t, p) => (await client.query<unknown[]>(t, p, { rowMode: 'array' })).rows,
    token,
    params: Object.fromEntries(new URL(`http://x${s.path(scenarioOptions)}`).searchParams),
  });

// The replaying driver: answers instantly from the recording.
const replayClient = {
  async query(text: string, _params?: unknown[], opts?: object) {
    const hit = recorded.get(`${text}|${JSON.stringify(opts ?? {})}`);
    if (!hit) throw new Error(`not recorded: ${text.slice(0, 80)}`);
    return hit;
  },
};
const replayDb = drizzle({ client: replayClient as unknown as PGlite }) as unknown as Db;
const replayRaw: RawQuery = async (text, params) =>
  ((await replayClient.query(text, params, { rowMode: 'array' })) as { rows: unknown[][] }).rows;
const replay: Database = {
  db: replayDb,
  kind: 'pglite',
  query: async () => [],
  close: async () => {},
};
const app = await buildApp({ database: replay, config, mailer, version: 'bench' }, { logger: false });
const bare = Fastify({ logger: false });
for (const s of scenarios) {
  bare.get(`/bare/${s.id}`, async (req, reply) => {
    const { status, body } = await s.bare({ query: replayRaw, token, params: req.query as Record<string, string> });
    return reply.code(status).send(body);
  });
}
await Promise.all([app.ready(), bare.ready()]);
const helloApp = Fastify({ logger: false });
helloApp.get('/hello', async () => ({ ok: true }));
await helloApp.ready();

process.stdout.write(`CPU per request with an instant database (${N} sequential requests, app.inject):\n`);
const now = new Date();
const actor = (await resolveSession(replayDb, token, now))!;
const ctx = { db: replayDb, actor, now, config, mailer };
const meSerialise = serializerCompiler({ schema: Me, method: 'GET', url: '/api/me' });
const peopleSerialise = serializerCompiler({ schema: PeoplePage, method: 'GET', url: '/api/admin/people' });
// The route adds configureSso to getMe's abilities; the serialiser checks the body the route sends.
const meRaw = await getMe(replayDb, actor);
const meBody = { ...meRaw, abilities: { ...meRaw.abilities, configureSso: false } };
const query = PeopleQuery.parse({ search, page: '1', pageSize: '50' });
const peopleBody = await listPeople(ctx, query);

for (const s of scenarios) {
  const path = s.path(scenarioOptions);
  process.stdout.write(`\n${s.name}\n`);
  const appUs = await time('app: whole request (inject)', () => app.inject({ url: path, headers: { cookie } }));
  const bareUs = await time('bare: whole request (inject)', () =>
    bare.inject({
      url: `/bare/${s.id}${path.slice(path.indexOf('?') >= 0 ? path.indexOf('?') : path.length)}`,
      headers: { cookie },
    }),
  );
  await time('  plain Fastify route answering {ok:true} (inject baseline)', () => helloApp.inject({ url: '/hello' }));
  await time('  bare handler alone (raw SQL calls, no HTTP)', () =>
    s.bare({ query: replayRaw, token, params: Object.fromEntries(new URL(`http://x${path}`).searchParams) }),
  );
  await time('  app: resolveSession (Drizzle: build SQL + map rows)', () =>
    resolveSession(replayDb, token, new Date()),
  );
  if (s.id === 'me') {
    await time('  app: getMe (Drizzle x5 + service)', () => getMe(replayDb, actor));
    await time('  app: response serialisation, zod encode + JSON', async () => meSerialise(meBody));
    await time('  (JSON.stringify alone)', async () => JSON.stringify(meBody));
  }
  if (s.id === 'people') {
    await time('  app: querystring validation (zod)', async () =>
      PeopleQuery.parse({ search, page: '1', pageSize: '50' }),
    );
    await time('  app: listPeople (Drizzle x3 + service)', () => listPeople(ctx, query));
    await time('  app: response serialisation, zod encode + JSON', async () => peopleSerialise(peopleBody));
    await time('  (JSON.stringify alone)', async () => JSON.stringify(peopleBody));
  }
  process.stdout.write(
    `  app costs ${(appUs / bareUs).toFixed(1)}x the bare route's CPU (${(appUs - bareUs).toFixed(0)} µs more)\n`,
  );
}
await Promise.all([app.close(), bare.close(), realApp.close(), helloApp.close()]);
mailer.close();
await real.close();
