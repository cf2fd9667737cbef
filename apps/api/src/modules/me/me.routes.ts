import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditPage, AuditQuery, ErrorBody, HomeTask, Me, OutboxPage, PageQuery } from '@groeipad/contracts';
import { ctxOf } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { canReadAuditLog, canReadOutbox, getMe } from '../organisation/index.ts';
import { canManageSso } from '../sso/index.ts';
import { findConversationTasks } from '../conversations/index.ts';
import { findCycleTasks } from '../cycle/index.ts';
import { findDevelopmentTasks } from '../development/index.ts';
import { findFeedbackTasks } from '../feedback/index.ts';
import { findBarometerTasks } from '../barometer/index.ts';
import { findTeamTasks } from '../team/index.ts';
import { findPizzaTasks } from '../programme/index.ts';
import { findVisitTasks } from '../visits/index.ts';
import { findAuditEntries, findOutbox } from './me.repository.ts';
import { buildPersonalExport } from './me.export.ts';
import { renderPersonalExportPdf } from './me.export-pdf.ts';

const TaskList = z.object({ items: z.array(HomeTask) });

/** Soonest first; undated tasks after the dated ones, in the order the modules gave them. */
function byDueDate(a: HomeTask, b: HomeTask): number {
  if (a.dueOn === b.dueOn) return 0;
  if (a.dueOn === null) return 1;
  if (b.dueOn === null) return -1;
  return a.dueOn < b.dueOn ? -1 : 1;
}

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const meRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.authenticate };

  app.get('/api/me', { ...auth, schema: { tags: ['me'], response: { 200: Me, ...errors } } }, async (req) => {
    const ctx = ctxOf(req);
    const me = await getMe(ctx.db, ctx.actor);
    return { ...me, abilities: { ...me.abilities, configureSso: canManageSso(ctx.actor) } };
  });

  // What needs me now: every module adds its own tasks; the home page shows them soonest first.
  app.get(
    '/api/me/tasks',
    { ...auth, schema: { tags: ['me'], response: { 200: TaskList, ...errors } } },
    async (req) => {
      const { db, actor, now } = ctxOf(req);
      const lists = await Promise.all([
        findConversationTasks(db, actor, now),
        findCycleTasks(db, actor, now),
        findFeedbackTasks(db, actor, now),
        findDevelopmentTasks(db, actor, now),
        findBarometerTasks(db, actor, now),
        findTeamTasks(db, actor, now),
        findPizzaTasks(db, actor, now),
        findVisitTasks(db, actor, now),
      ]);
      return { items: lists.flat().sort(byDueDate) };
    },
  );

  // Everything Groeipad holds about me, to keep or take elsewhere (AVG): JSON, or a readable PDF.
  app.get('/api/me/export.json', { ...auth, schema: { tags: ['me'] } }, async (req, reply) => {
    const data = await buildPersonalExport(ctxOf(req));
    return reply
      .header(
        'content-disposition',
        `attachment; filename="groeipad-mijn-gegevens-${data.exportedAt.slice(0, 10)}.json"`,
      )
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });
  app.get('/api/me/export.pdf', { ...auth, schema: { tags: ['me'] } }, async (req, reply) => {
    const data = await buildPersonalExport(ctxOf(req));
    const pdf = await renderPersonalExportPdf(data);
    return reply
      .header(
        'content-disposition',
        `attachment; filename="groeipad-mijn-gegevens-${data.exportedAt.slice(0, 10)}.pdf"`,
      )
      .header('cache-control', 'no-store')
      .type('application/pdf')
      .send(pdf);
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
