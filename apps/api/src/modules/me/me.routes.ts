import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery, ErrorBody, Me, OutboxPage, PageQuery } from '@groeipad/contracts';
import { ctxOf } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { canReadAuditLog, canReadOutbox, getMe } from '../organisation/index.ts';
import { canManageSso } from '../sso/index.ts';
import { findAuditEntries, findOutbox } from './me.repository.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const meRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.authenticate };

  app.get('/api/me', { ...auth, schema: { tags: ['me'], response: { 200: Me, ...errors } } }, async (req) => {
    const ctx = ctxOf(req);
    const me = await getMe(ctx.db, ctx.actor);
    return { ...me, abilities: { ...me.abilities, configureSso: canManageSso(ctx.actor) } };
  });

  // Everything the audit log holds about me: who signed in as me, who changed my roles, who read my files.
  app.get(
    '/api/me/audit',
    { ...auth, schema: { tags: ['me'], querystring: PageQuery.strict(), response: { 200: AuditPage, ...errors } } },
    (req) => {
      const ctx = ctxOf(req);
      return findAuditEntries(
        ctx.db,
        { boardId: ctx.actor.boardId, subjectPersonId: ctx.actor.personId },
        req.query.page,
        req.query.pageSize,
      );
    },
  );

  app.get(
    '/api/admin/audit',
    { ...auth, schema: { tags: ['beheer'], querystring: AuditQuery, response: { 200: AuditPage, ...errors } } },
    (req) => {
      const ctx = ctxOf(req);
      if (!canReadAuditLog(ctx.actor)) throw new AppError('forbidden');
      return findAuditEntries(
        ctx.db,
        { boardId: ctx.actor.boardId, subjectPersonId: req.query.personId },
        req.query.page,
        req.query.pageSize,
      );
    },
  );

  app.get(
    '/api/admin/outbox',
    {
      ...auth,
      schema: { tags: ['beheer'], querystring: PageQuery.strict(), response: { 200: OutboxPage, ...errors } },
    },
    (req) => {
      const ctx = ctxOf(req);
      if (!canReadOutbox(ctx.actor)) throw new AppError('forbidden');
      return findOutbox(ctx.db, ctx.actor.boardId, req.query.page, req.query.pageSize);
    },
  );
};
