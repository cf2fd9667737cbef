import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  SsoCallbackQuery,
  SsoConfigInput,
  SsoConfigResponse,
  SsoConfig,
  SsoDiscoverQuery,
  SsoDiscovery,
  SsoStartQuery,
  SsoTestInput,
  SsoTestResult,
} from '@groeipad/contracts';
import { ctxOf, nowOf } from '../../platform/http/context.ts';
import { setSessionCookie } from '../auth/index.ts';
import * as admin from './sso-admin.service.ts';
import * as service from './sso.service.ts';

/** Ties a sign-in at the provider to the browser that started it. */
export const SSO_BINDING_COOKIE = 'gp_sso';
const BINDING_PATH = '/api/auth/sso';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const Redirect = z.null().describe('302 to the provider, to a path in the app or to /inloggen?sso=<reason>');

export const ssoRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.authenticate };
  const deps = (req: FastifyRequest) => ({ db: app.deps.database.db, now: nowOf(req), config: app.deps.config });
  const meta = (req: FastifyRequest) => ({ userAgent: req.headers['user-agent'] ?? null, ip: req.ip });

  function redirect(req: FastifyRequest, reply: FastifyReply, outcome: service.SsoOutcome) {
    if (outcome.failure) req.log.info({ sso: outcome.failure }, 'sso sign-in refused');
    // Nothing about a sign-in belongs in a cache or in the next site's Referer header.
    return reply
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .redirect(outcome.location, 302);
  }

  // --- admin -------------------------------------------------------------------------------

  app.get(
    '/api/admin/sso',
    { ...auth, schema: { tags: ['beheer'], response: { 200: SsoConfigResponse, ...errors } } },
    (req) => admin.getSsoConfig(ctxOf(req)),
  );

  app.put(
    '/api/admin/sso',
    { ...auth, schema: { tags: ['beheer'], body: SsoConfigInput, response: { 200: SsoConfig, ...errors } } },
    (req) => admin.saveSsoConfig(ctxOf(req), req.body),
  );

  app.post(
    '/api/admin/sso/test',
    { ...auth, schema: { tags: ['beheer'], body: SsoTestInput, response: { 200: SsoTestResult, ...errors } } },
    (req) => admin.testSsoConfig(ctxOf(req), req.body),
  );

  // --- sign-in (public: the person has no session yet) ---------------------------------------

  app.get(
    '/api/auth/sso/discover',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], querystring: SsoDiscoverQuery, response: { 200: SsoDiscovery, ...errors } },
    },
    (req) => service.discoverSso(deps(req), req.query.email),
  );

  app.get(
    '/api/auth/sso/start',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], querystring: SsoStartQuery, response: { 302: Redirect, ...errors } },
    },
    async (req, reply) => {
      const outcome = await service.startSsoLogin(deps(req), req.query, meta(req));
      if (outcome.binding) {
        reply.setCookie(SSO_BINDING_COOKIE, outcome.binding, {
          path: BINDING_PATH,
          httpOnly: true,
          // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
          sameSite: 'lax',
          secure: app.deps.config.secureCookies,
          maxAge: service.STATE_TTL_MS / 1000,
        });
      }
      return redirect(req, reply, outcome);
    },
  );

  app.get(
    '/api/auth/sso/callback',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], querystring: SsoCallbackQuery, response: { 302: Redirect, ...errors } },
    },
    async (req, reply) => {
      // The URL the provider redirected to, as registered: PUBLIC_URL, whatever Host the proxy passed on.
      const url = new URL(service.redirectUriOf(app.deps.config));
      url.search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      const outcome = await service.finishSsoLogin(
        deps(req),
        url,
        req.query,
        req.cookies[SSO_BINDING_COOKIE],
        meta(req),
      );
      reply.clearCookie(SSO_BINDING_COOKIE, { path: BINDING_PATH });
      if (outcome.sessionToken) {
        // The same cookie as password login (auth.routes.ts); sso.int.test.ts checks they stay alike.
        setSessionCookie(reply, app.deps.config, outcome.sessionToken);
      }
      return redirect(req, reply, outcome);
    },
  );
};
