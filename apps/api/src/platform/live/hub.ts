import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database, Db } from '../db/client.ts';

// Live updates across app processes: a change is announced with PostgreSQL's NOTIFY (PGlite has the same), every
// process LISTENs on one channel and hands the topic to the open streams that follow it. The payload is only a
// topic such as `team:<id>`: clients fetch what changed through the normal, permission-checked routes.

export const LIVE_CHANNEL = 'groeipad_live';

/**
 * Announces that something under `topic` changed. Call it with the transaction that makes the change: a NOTIFY in
 * a transaction is sent when it commits, and not at all when it rolls back.
 */
export async function publishChange(db: Db, topic: string): Promise<void> {
  await db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${topic})`);
}

/** `resync`: the connection to the database was lost and is back; changes may have been missed. */
export type LiveEvent = { topic: string; at: number; resync: boolean };
export type LiveListener = (event: LiveEvent) => void;

export type LiveHub = {
  /** Follows a topic; resolves once this process listens on the database, so no later change is missed. */
  subscribe(topic: string, listener: LiveListener): Promise<() => void>;
  /** The number of subscriptions, over all topics. */
  size(): number;
  close(): Promise<void>;
};

type Log = { warn(obj: object, msg: string): void };

/** One hub per app process. It connects to the database on the first subscription, not before. */
export function createLiveHub(database: Database, log?: Log): LiveHub {
  const byTopic = new Map<string, Set<LiveListener>>();
  let count = 0;
  let started: Promise<void> | null = null;
  let stop: (() => Promise<void>) | null = null;
  let closed = false;

  const dispatch = (topic: string, resync = false) => {
    const event = { topic, at: Date.now(), resync };
    for (const listener of byTopic.get(topic) ?? []) {
      try {
        listener(event);
      } catch (err) {
        log?.warn({ err: (err as Error).message, topic }, 'live listener failed');
      }
    }
  };
  const resyncAll = () => {
    for (const topic of byTopic.keys()) dispatch(topic, true);
  };

  async function listenPglite() {
    const unlisten = await database.pglite!.listen(LIVE_CHANNEL, (payload) => dispatch(payload));
    stop = () => unlisten();
  }

  async function listenPostgres() {
    let client: pg.Client | null = null;
    let retry: NodeJS.Timeout | null = null;
    let delay = 500;
    const connect = async (): Promise<void> => {
      const c = new pg.Client(database.pool!.options);
      c.on('notification', (msg) => {
        if (msg.channel === LIVE_CHANNEL && msg.payload) dispatch(msg.payload);
      });
      c.on('error', (err) => {
        log?.warn({ err: err.message }, 'live connection lost; reconnecting');
        void c.end().catch(() => {});
        if (client === c) reconnect();
      });
      c.on('end', () => {
        if (client === c) reconnect();
      });
      await c.connect();
      await c.query(`listen ${LIVE_CHANNEL}`);
      client = c;
      delay = 500;
    };
    const reconnect = () => {
      client = null;
      if (closed || retry) return;
      retry = setTimeout(() => {
        retry = null;
        connect().then(resyncAll, (err: Error) => {
          log?.warn({ err: err.message }, 'live reconnect failed');
          delay = Math.min(delay * 2, 30_000);
          reconnect();
        });
      }, delay);
      retry.unref();
    };
    await connect();
    stop = async () => {
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    };
  }

  return {
    async subscribe(topic, listener) {
      if (closed) throw new Error('live hub is closed');
      started ??= (database.pglite ? listenPglite() : listenPostgres()).catch((err: unknown) => {
        started = null;
        throw err;
      });
      await started;
      let set = byTopic.get(topic);
      if (!set) byTopic.set(topic, (set = new Set()));
      // A wrapper per subscription, so the same function can follow a topic twice and leave once.
      const entry: LiveListener = (e) => listener(e);
      set.add(entry);
      count++;
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        count--;
        set.delete(entry);
        if (set.size === 0 && byTopic.get(topic) === set) byTopic.delete(topic);
      };
    },
    size: () => count,
    async close() {
      closed = true;
      byTopic.clear();
      count = 0;
      if (started) await started.catch(() => {});
      await stop?.();
    },
  };
}
