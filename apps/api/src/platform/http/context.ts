import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../actor.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Mailer } from '../mail/mailer.ts';
import { actorOf } from './authenticate.ts';

/** What the app is built from; tests pass their own. */
export type AppDeps = {
  database: Database;
  config: Config;
  mailer: Mailer;
  version: string;
  /** A clock that tests can set. */
  now?: () => Date;
};

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export function nowOf(req: FastifyRequest): Date {
  return req.server.deps.now?.() ?? new Date();
}

/** The service context of an authenticated request. */
export function ctxOf(req: FastifyRequest): Ctx {
  const { database, config, mailer } = req.server.deps;
  return { db: database.db, actor: actorOf(req), now: nowOf(req), config, mailer, ip: req.ip };
}
