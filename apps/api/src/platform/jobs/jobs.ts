import { fromPglite, PgBoss } from 'pg-boss';
import type { Database } from '../db/client.ts';
import { SCHOOL_TIME_ZONE } from '../time.ts';

/** A recurring task: pg-boss runs it on its cron schedule (Europe/Amsterdam), once across all app processes. */
export type JobDefinition = {
  name: string;
  cron: string;
  run: (now: Date) => Promise<unknown>;
};

export type Jobs = {
  /** Puts one run of a job on the queue now, besides its schedule. */
  enqueue(name: string): Promise<void>;
  /** The cron schedules pg-boss holds, by job name. */
  schedules(): Promise<Record<string, string>>;
  stop(): Promise<void>;
};

const SCHEMA = 'pgboss';

type JobLog = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };

/** Starts pg-boss on the app's own database (PGlite through its adapter, or PostgreSQL) and schedules the jobs. */
export async function startJobs(
  database: Database,
  opts: { databaseUrl?: string | undefined; definitions: JobDefinition[]; log: JobLog },
): Promise<Jobs> {
  const boss = database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', schema: SCHEMA })
    : new PgBoss({ connectionString: opts.databaseUrl!, schema: SCHEMA, max: 3 });
  boss.on('error', (err: Error) => opts.log.error({ err: err.message }, 'job queue error'));
  await boss.start();
  for (const def of opts.definitions) {
    await boss.createQueue(def.name);
    await boss.schedule(def.name, def.cron, null, { tz: SCHOOL_TIME_ZONE });
    await boss.work(def.name, { pollingIntervalSeconds: 1 }, async () => {
      const started = performance.now();
      const result = await def.run(new Date());
      opts.log.info({ job: def.name, ms: Math.round(performance.now() - started), result }, 'job done');
    });
  }
  return {
    async enqueue(name) {
      await boss.send(name, null);
    },
    async schedules() {
      const list = await boss.getSchedules();
      return Object.fromEntries(list.map((s) => [s.name, s.cron]));
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
