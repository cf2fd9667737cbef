// `npm run bench:import`: how long the staff import takes for a large HR file (default 10,000 rows), on
// PGlite and PostgreSQL: upload (parse), preview (plan against the board), commit, and a second preview of
// the same file (everything unchanged). The target for the preview is under 5 s. A measurement, not a test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../apps/api/src/app.ts';
import { loadConfig } from '../apps/api/src/platform/config.ts';
import { migrateDatabase, openDatabase, type Database } from '../apps/api/src/platform/db/client.ts';
import { createMailer } from '../apps/api/src/platform/mail/mailer.ts';
import { hashPassword } from '../apps/api/src/modules/auth/index.ts';
import { DEMO_SPEC, seedBoard } from '../apps/api/src/modules/demo/index.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const rows = Number(flag('rows') ?? 10_000);
const which = flag('db') ?? 'both';
const TARGET_MS = 5000;

/** An HR export: 40 schools, teams of ~10, a teamleider per team as leidinggevende. */
function hrFile(count: number, tag: string): Buffer {
  const lines = ['Personeelsnummer;Voornaam;Tussenvoegsel;Achternaam;E-mail;School;Team;Functie;Leidinggevende'];
  for (let i = 0; i < count; i++) {
    const school = `School ${(i % 40) + 1}`;
    const team = `Team ${Math.floor(i / 400) + 1}`;
    const lead = i % 10 === 0;
    const teamLead = i - (i % 10);
    lines.push(
      [
        `${tag}${i}`,
        `Voornaam${i}`,
        i % 3 === 0 ? 'van' : '',
        `Achternaam${i}`,
        `p${i}.${tag}@import.bench`,
        school,
        team,
        lead ? 'Teamleider' : 'Leraar LB',
        lead ? '' : `${tag}${teamLead}`,
      ].join(';'),
    );
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

async function measure(database: Database, label: string) {
  const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', GROEIPAD_DEMO: 'false' }) };
  const mailer = createMailer({ from: config.mailFrom });
  const app = await buildApp({ database, config, mailer, version: 'bench' }, { logger: false });
  const tag = `b${Date.now().toString(36)}`;
  await seedBoard(
    database.db,
    { ...DEMO_SPEC, slug: `import-${tag}`, domain: `${tag}.import.bench`, seed: Date.now() % 1e9 },
    await hashPassword('bench-wachtwoord'),
  );
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: `beheer@${tag}.import.bench`, password: 'bench-wachtwoord' },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const me = (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json<{ csrfToken: string }>();
  const headers = { cookie, 'x-csrf-token': me.csrfToken };
  const file = hrFile(rows, tag);

  const time = async <T>(work: () => Promise<T>) => {
    const t = performance.now();
    const result = await work();
    return { result, ms: performance.now() - t };
  };
  const upload = () =>
    app.inject({
      method: 'POST',
      url: '/api/admin/imports?filename=hr.csv',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: file,
    });
  const up = await time(upload);
  const { id, suggestedMapping } = up.result.json<{ id: string; suggestedMapping: object }>();
  const body = { mapping: suggestedMapping, deactivateMissing: false };
  const preview = await time(() =>
    app.inject({ method: 'POST', url: `/api/admin/imports/${id}/preview`, headers, payload: body }),
  );
  const commit = await time(() =>
    app.inject({ method: 'POST', url: `/api/admin/imports/${id}/commit`, headers, payload: body }),
  );
  const up2 = await upload();
  const again = await time(() =>
    app.inject({
      method: 'POST',
      url: `/api/admin/imports/${up2.json<{ id: string }>().id}/preview`,
      headers,
      payload: body,
    }),
  );
  const summary = preview.result.json<{ summary: { create: number; errors: number } }>().summary;
  const unchanged = again.result.json<{ summary: { unchanged: number } }>().summary.unchanged;
  if (commit.result.statusCode !== 200 || summary.errors > 0)
    throw new Error(`import failed: ${commit.result.body.slice(0, 300)}`);
  await app.close();
  mailer.close();
  return {
    label,
    upload: up.ms,
    preview: preview.ms,
    commit: commit.ms,
    again: again.ms,
    created: summary.create,
    unchanged,
  };
}

const results: Awaited<ReturnType<typeof measure>>[] = [];
const cleanups: (() => void)[] = [];
try {
  if (which !== 'postgres') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-import-bench-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const database = await openDatabase({ dataDir: dir });
    await migrateDatabase(database);
    results.push(await measure(database, 'pglite'));
    await database.close();
  }
  if (which !== 'pglite') {
    let url = process.env.DATABASE_URL;
    if (!url) {
      const r = spawnSync('bash', ['scripts/pg-throwaway.sh', 'start'], { cwd: root, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      const env = Object.fromEntries([...r.stdout.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
      url = env.TEST_DATABASE_URL!;
      cleanups.push(() => spawnSync('bash', ['scripts/pg-throwaway.sh', 'stop', env.GP_PG_DIR!], { cwd: root }));
    }
    const database = await openDatabase({ databaseUrl: url });
    await migrateDatabase(database);
    results.push(await measure(database, 'postgres'));
    await database.close();
  }
} finally {
  for (const c of cleanups.reverse()) c();
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
process.stdout.write(`\nStaff import of ${rows} rows\n`);
process.stdout.write('database  upload   preview  commit   re-preview  created  unchanged  preview < 5 s\n');
for (const r of results) {
  process.stdout.write(
    `${r.label.padEnd(9)} ${s(r.upload).padEnd(8)} ${s(r.preview).padEnd(8)} ${s(r.commit).padEnd(8)} ${s(r.again).padEnd(11)} ${String(r.created).padEnd(8)} ${String(r.unchanged).padEnd(10)} ${r.preview < TARGET_MS && r.again < TARGET_MS ? 'yes' : 'NO'}\n`,
  );
}
