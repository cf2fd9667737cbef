import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { fastifySSE } from '@fastify/sse';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase, type Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { registerErrorHandling } from '../http/error-handler.ts';
import { createLiveHub, publishChange, registerLiveStream, type LiveEvent } from './index.ts';

const url = process.env.TEST_DATABASE_URL;
const engines = [{ name: 'PGlite', url: undefined }, ...(url ? [{ name: 'PostgreSQL', url }] : [])];

/** Resolves with the events a listener got once `ms` passed without a new one. */
function collector() {
  const events: LiveEvent[] = [];
  const waiters: (() => void)[] = [];
  return {
    events,
    listener: (e: LiveEvent) => {
      events.push(e);
      waiters.splice(0).forEach((w) => w());
    },
    next: (timeoutMs = 3000) =>
      new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('no live event')), timeoutMs);
        waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      }),
  };
}

const quiet = (ms = 300) => new Promise((r) => setTimeout(r, ms));

describe.each(engines)('live updates on $name', ({ url: databaseUrl }) => {
  const open = (): Promise<Database> => openDatabase(databaseUrl ? { databaseUrl, poolSize: 2 } : { memory: true });

  it('delivers a change to the followers of its topic, after commit and never after rollback', async () => {
    const database = await open();
    const hub = createLiveHub(database);
    try {
      const a = collector();
      const b = collector();
      const offA = await hub.subscribe('team:a', a.listener);
      await hub.subscribe('team:b', b.listener);
      expect(hub.size()).toBe(2);

      let got = a.next();
      await publishChange(database.db, 'team:a');
      await got;
      expect(a.events.map((e) => [e.topic, e.resync])).toEqual([['team:a', false]]);

      // Rolled back: nothing. Committed: delivered once, after the commit.
      await database.db
        .transaction(async (tx) => {
          await publishChange(tx, 'team:a');
          throw new Error('undo');
        })
        .catch(() => {});
      await quiet();
      expect(a.events).toHaveLength(1);
      got = a.next();
      await database.db.transaction(async (tx) => {
        await publishChange(tx, 'team:a');
        await tx.execute(sql`select 1`);
      });
      await got;
      expect(a.events).toHaveLength(2);
      expect(b.events).toHaveLength(0);

      offA();
      offA(); // twice is harmless
      expect(hub.size()).toBe(1);
      await publishChange(database.db, 'team:a');
      await quiet();
      expect(a.events).toHaveLength(2);
    } finally {
      await hub.close();
      await database.close();
    }
  }, 20_000);

  it('streams changes as server-sent events and refuses callers the topic is not for', async () => {
    const database = await open();
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandling(app);
    await app.register(fastifySSE, { heartbeatInterval: 25_000 });
    const hub = createLiveHub(database);
    app.decorate('live', hub);
    app.decorate('authenticate', async () => {});
    registerLiveStream(app, {
      url: '/api/things/:id/events',
      params: z.object({ id: z.string() }).strict(),
      tags: ['test'],
      authorize: async (req) => {
        if (req.params.id !== 'mine') throw new AppError('not_found');
        return `thing:${req.params.id}`;
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    try {
      const refused = await fetch(`http://127.0.0.1:${port}/api/things/theirs/events`);
      expect(refused.status).toBe(404);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('not_found');

      const chunks: string[] = [];
      let onData = () => {};
      const req = http.get(`http://127.0.0.1:${port}/api/things/mine/events`, (res) => {
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          chunks.push(c);
          onData();
        });
      });
      const until = (text: string) =>
        new Promise<void>((resolve, reject) => {
          const t = setTimeout(() => reject(new Error(`no "${text}" in ${JSON.stringify(chunks)}`)), 3000);
          onData = () => {
            if (chunks.join('').includes(text)) {
              clearTimeout(t);
              resolve();
            }
          };
          onData();
        });
      await until('event: ready');
      expect(hub.size()).toBe(1);
      await publishChange(database.db, 'thing:other');
      await publishChange(database.db, 'thing:mine');
      await until('event: change');
      expect(chunks.join('')).toContain('"topic":"thing:mine"');
      expect(chunks.join('')).not.toContain('thing:other');

      // Closing the stream leaves the topic.
      req.destroy();
      await quiet();
      expect(hub.size()).toBe(0);
    } finally {
      await app.close();
      await hub.close();
      await database.close();
    }
  }, 20_000);

  it.runIf(databaseUrl)(
    'reconnects after losing its connection and tells followers to catch up',
    async () => {
      const database = await open();
      const hub = createLiveHub(database);
      try {
        const a = collector();
        await hub.subscribe('team:a', a.listener);
        const got = a.next(10_000);
        await database.query(
          `select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen groeipad_live%' and pid <> pg_backend_pid()`,
        );
        await got;
        expect(a.events[0]).toMatchObject({ topic: 'team:a', resync: true });
        const again = a.next();
        await publishChange(database.db, 'team:a');
        await again;
        expect(a.events.at(-1)).toMatchObject({ topic: 'team:a', resync: false });
      } finally {
        await hub.close();
        await database.close();
      }
    },
    20_000,
  );
});
