import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../actor.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'gp_session';
export const CSRF_HEADER = 'x-csrf-token';

export type SessionResolver = (token: string, now: Date) => Promise<Actor | null>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    authenticate: (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

/**
 * The route preHandler: a valid session cookie, and on every change the CSRF token that belongs to
 * that session (sent by the SPA in a header, which another site cannot set).
 */
export function createAuthenticate(resolve: SessionResolver) {
  return async function authenticate(req: FastifyRequest): Promise<void> {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('unauthenticated');
    const actor = await resolve(token, new Date());
    if (!actor) throw new AppError('unauthenticated', 'Je sessie is verlopen. Log opnieuw in.');
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== actor.csrfToken) {
        throw new AppError('forbidden', 'Ongeldig of ontbrekend CSRF-token. Laad de pagina opnieuw.');
      }
    }
    req.actor = actor;
  };
}

/** The actor of an authenticated request; routes call this after `app.authenticate`. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}
