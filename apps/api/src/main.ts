import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { migrateDatabase, openDatabase } from './platform/db/client.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { createMailer } from './platform/mail/mailer.ts';
import { jobDefinitions } from './jobs.ts';
import { startJobs, type Jobs } from './platform/jobs/jobs.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoIfEmpty } from './modules/demo/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

async function main() {
  const started = performance.now();
  const config = loadConfig();
  config.webDistDir ??= path.join(root, 'apps/web/dist');
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.join(config.dataDir) });
  await migrateDatabase(database);
  const seeded = config.demo ? await seedDemoIfEmpty(database.db) : null;
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  const app = await buildApp({ database, config, mailer, version });
  const jobs: Jobs | null = config.jobs
    ? await startJobs(database, {
        databaseUrl: config.databaseUrl,
        definitions: jobDefinitions({ database, config, mailer }),
        log: app.log,
      })
    : null;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await jobs?.stop();
      mailer.close();
      await database.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const ms = Math.round(performance.now() - started);
  const url = config.publicUrl;
  const lines = [
    '',
    `Groeipad ${version} draait op ${url}  (database: ${database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'}, gestart in ${ms} ms)`,
    `API-documentatie: ${url}/api/docs`,
  ];
  if (config.demo) {
    if (seeded)
      lines.push(
        `Demobestuur geladen: ${seeded.schools} scholen, ${seeded.teams} teams, ${seeded.people} medewerkers.`,
      );
    lines.push(`Demo-accounts (wachtwoord: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.email.padEnd(30)} ${a.role}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    process.stderr.write(`\n${err.message}\n\n`);
  } else {
    process.stderr.write(`\nGroeipad kon niet starten: ${(err as Error).stack ?? String(err)}\n\n`);
  }
  process.exit(1);
});
