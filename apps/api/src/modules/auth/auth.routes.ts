import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, LoginInput, PasswordResetRequest, SetPasswordInput } from '@groeipad/contracts';
import { actorOf, SESSION_COOKIE } from '../../platform/http/authenticate.ts';
import { nowOf } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { canEditPeople } from '../organisation/index.ts';
import * as service from './auth.service.ts';
import { setSessionCookie } from './auth.cookies.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const tags = ['auth'];
const Ok = z.object({ ok: z.literal(true) });

export const authRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const deps = (now: Date) => ({ db: app.deps.database.db, now, config: app.deps.config, mailer: app.deps.mailer });

  app.post(
    '/api/auth/login',
    {
      // Per address, generous enough for a school behind one NAT at 8:15; the per-account lockout stops guessing.
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags, body: LoginInput, response: { 200: Ok, ...errors } },
    },
    async (req, reply) => {
      const { token } = await service.login(deps(nowOf(req)), req.body, {
        userAgent: req.headers['user-agent'] ?? null,
        ip: req.ip,
      });
      setSessionCookie(reply, app.deps.config, token);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/logout',
    { preValidation: app.authenticate, schema: { tags, response: { 200: Ok, ...errors } } },
    async (req, reply) => {
      await service.logout(app.deps.database.db, actorOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    {
      preValidation: app.authenticate,
      schema: { tags, response: { 200: z.object({ sessions: z.number().int() }), ...errors } },
    },
    async (req, reply) => {
      const sessions = await service.logoutEverywhere(app.deps.database.db, actorOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { sessions };
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { public: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: { tags, body: PasswordResetRequest, response: { 202: Ok, ...errors } },
    },
    async (req, reply) => {
      await service.requestPasswordReset(deps(nowOf(req)), req.body.email);
      return reply.code(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/token',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        body: z.object({ token: z.string().min(20).max(200) }).strict(),
        response: { 200: z.object({ purpose: z.string() }), ...errors },
      },
    },
    (req) => service.checkToken(app.deps.database.db, req.body.token, nowOf(req)),
  );

  app.post(
    '/api/auth/password',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, body: SetPasswordInput, response: { 200: Ok, ...errors } },
    },
    async (req) => {
      await service.setPasswordWithToken(deps(nowOf(req)), req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/admin/people/:id/invitation',
    {
      preValidation: app.authenticate,
      schema: { tags: ['beheer'], params: IdParams, response: { 202: Ok, ...errors } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canEditPeople(actor)) throw new AppError('forbidden');
      await service.sendInvitation(deps(nowOf(req)), actor, req.params.id);
      return reply.code(202).send({ ok: true as const });
    },
  );
};
