import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConversationAccessGrant,
  ConversationAccessGrants,
  ConversationAccessInput,
  ConversationAccessParams,
  ConversationCancelInput,
  ConversationCorrectionInput,
  ConversationDetail,
  ConversationPage,
  ConversationPlanInput,
  ConversationPlanOptions,
  ConversationPreparationInput,
  ConversationReportInput,
  ConversationRescheduleInput,
  ConversationShareInput,
  ConversationSharePeople,
  ConversationSharePeopleQuery,
  ConversationSignInput,
  ConversationsQuery,
  ConversationVersionInput,
  ErrorBody,
  Id,
  IdParams,
} from '@groeipad/contracts';
import { ctxOf } from '../../platform/http/context.ts';
import { registerEvidenceRoutes } from './evidence.routes.ts';
import * as planning from './planning.service.ts';
import * as preparation from './preparation.service.ts';
import * as service from './conversations.service.ts';
import * as sharing from './sharing.service.ts';
import * as report from './report.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['gesprekken'];
const detail = { 200: ConversationDetail, ...errors };

export const conversationsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.authenticate };

  app.get(
    '/api/conversations',
    { ...auth, schema: { tags, querystring: ConversationsQuery, response: { 200: ConversationPage, ...errors } } },
    (req) => service.listConversations(ctxOf(req), req.query),
  );
  app.get(
    '/api/conversations/plan-options',
    { ...auth, schema: { tags, response: { 200: ConversationPlanOptions, ...errors } } },
    (req) => service.planOptions(ctxOf(req)),
  );
  app.post(
    '/api/conversations',
    { ...auth, schema: { tags, body: ConversationPlanInput, response: { 201: ConversationDetail, ...errors } } },
    async (req, reply) => reply.code(201).send(await planning.planConversation(ctxOf(req), req.body)),
  );
  app.get('/api/conversations/:id', { ...auth, schema: { tags, params: IdParams, response: detail } }, (req) =>
    service.getConversation(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/conversations/:id/reschedule',
    { ...auth, schema: { tags, params: IdParams, body: ConversationRescheduleInput, response: detail } },
    (req) => planning.rescheduleConversation(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/conversations/:id/cancel',
    { ...auth, schema: { tags, params: IdParams, body: ConversationCancelInput, response: detail } },
    (req) => planning.cancelConversation(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/conversations/:id/held',
    { ...auth, schema: { tags, params: IdParams, body: ConversationVersionInput, response: detail } },
    (req) => planning.markHeld(ctxOf(req), req.params.id, req.body.version),
  );
  app.post(
    '/api/conversations/:id/close',
    { ...auth, schema: { tags, params: IdParams, body: ConversationVersionInput, response: detail } },
    (req) => report.closeConversation(ctxOf(req), req.params.id, req.body.version),
  );
  app.put(
    '/api/conversations/:id/preparation',
    { ...auth, schema: { tags, params: IdParams, body: ConversationPreparationInput, response: detail } },
    (req) => preparation.savePreparation(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/conversations/:id/preparation/share',
    { ...auth, schema: { tags, params: IdParams, body: ConversationVersionInput, response: detail } },
    (req) => preparation.sharePreparation(ctxOf(req), req.params.id, req.body.version),
  );
  await registerEvidenceRoutes(base);
  app.put(
    '/api/conversations/:id/report',
    { ...auth, schema: { tags, params: IdParams, body: ConversationReportInput, response: detail } },
    (req) => report.saveReport(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/conversations/:id/report/sign',
    { ...auth, schema: { tags, params: IdParams, body: ConversationSignInput, response: detail } },
    (req) => report.signReport(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/conversations/:id/report/corrections',
    {
      ...auth,
      schema: {
        tags,
        params: IdParams,
        body: ConversationCorrectionInput,
        response: { 201: ConversationDetail, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await report.requestCorrection(ctxOf(req), req.params.id, req.body.reason)),
  );
  app.get(
    '/api/conversations/:id/report.pdf',
    {
      ...auth,
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({ revision: z.coerce.number().int().min(1).max(1000).optional() }).strict(),
      },
    },
    async (req, reply) => {
      const { filename, pdf } = await report.reportPdf(ctxOf(req), req.params.id, req.query.revision);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
  app.get(
    '/api/conversations/:id/share-candidates',
    {
      ...auth,
      schema: {
        tags,
        params: IdParams,
        querystring: ConversationSharePeopleQuery,
        response: { 200: ConversationSharePeople, ...errors },
      },
    },
    (req) => sharing.searchSharePeople(ctxOf(req), req.params.id, req.query.search),
  );
  app.post(
    '/api/conversations/:id/shares',
    {
      ...auth,
      schema: {
        tags,
        params: IdParams,
        body: ConversationShareInput,
        response: { 201: ConversationDetail, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await sharing.addShare(ctxOf(req), req.params.id, req.body.personId)),
  );
  app.delete(
    '/api/conversations/:id/shares/:personId',
    { ...auth, schema: { tags, params: z.object({ id: Id, personId: Id }).strict(), response: detail } },
    (req) => sharing.removeShare(ctxOf(req), req.params.id, req.params.personId),
  );
  app.post(
    '/api/people/:personId/conversation-access',
    {
      ...auth,
      schema: {
        tags,
        params: z.object({ personId: Id }).strict(),
        body: ConversationAccessInput,
        response: { 201: ConversationAccessGrant, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await sharing.grantHrAccess(ctxOf(req), req.params.personId, req.body.reason)),
  );
  app.get(
    '/api/people/:personId/conversation-access',
    {
      ...auth,
      schema: {
        tags,
        params: z.object({ personId: Id }).strict(),
        response: { 200: ConversationAccessGrants, ...errors },
      },
    },
    (req) => sharing.findOwnHrAccess(ctxOf(req), req.params.personId),
  );
  app.delete(
    '/api/people/:personId/conversation-access/:id',
    {
      ...auth,
      schema: { tags, params: ConversationAccessParams, response: { 200: ConversationAccessGrant, ...errors } },
    },
    (req) => sharing.endHrAccess(ctxOf(req), req.params.personId, req.params.id),
  );
};
