import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { openDatabase } from '../db/client.ts';
import { startJobs } from './jobs.ts';

const url = process.env.TEST_DATABASE_URL;
const engines = [{ name: 'PGlite', url: undefined }, ...(url ? [{ name: 'PostgreSQL', url }] : [])];

describe.each(engines)('jobs on $name (pg-boss)', ({ url: databaseUrl }) => {
  it('schedules each job and runs one put on the queue', async () => {
    const database = await openDatabase(databaseUrl ? { databaseUrl } : { memory: true });
    const runs: Date[] = [];
    let done!: () => void;
    const ran = new Promise<void>((resolve) => (done = resolve));
    const jobs = await startJobs(database, {
      databaseUrl,
      log: createLogger('silent'),
      definitions: [
        {
          name: 'test-job',
          cron: '15 6 * * *',
          run: async (now) => {
            runs.push(now);
            done();
          },
        },
      ],
    });
    try {
      expect(await jobs.schedules()).toEqual({ 'test-job': '15 6 * * *' });
      await jobs.enqueue('test-job');
      await ran;
      expect(runs).toHaveLength(1);
    } finally {
      await jobs.stop();
      await database.close();
    }
  }, 30_000);
});
