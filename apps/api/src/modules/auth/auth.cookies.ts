import type { FastifyReply } from 'fastify';
import type { Config } from '../../platform/config.ts';
import { SESSION_COOKIE } from '../../platform/http/authenticate.ts';
import { SESSION_MAX_MS } from './auth.service.ts';

/** The one way a session cookie is set, for password and SSO sign-in alike. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    maxAge: SESSION_MAX_MS / 1000,
  });
}
