import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  FeedbackAnswer,
  FeedbackColleagueList,
  FeedbackColleagueQuery,
  FeedbackConversationInput,
  FeedbackExportQuery,
  FeedbackForm,
  FeedbackInviteInput,
  FeedbackOk,
  FeedbackQuestionnaire,
  FeedbackQuestionnaireCreate,
  FeedbackQuestionnaireList,
  FeedbackQuestionnairesQuery,
  FeedbackQuestionnaireUpdate,
  FeedbackResults,
  FeedbackRoundCreate,
  FeedbackRoundDetail,
  FeedbackRoundList,
  FeedbackTokenParams,
  FeedbackVersionInput,
  IdParams,
  SharedFeedbackRoundList,
} from '@groeipad/contracts';
import { ctxOf, nowOf } from '../../platform/http/context.ts';
import * as invitations from './invitations.service.ts';
import * as questionnaires from './questionnaires.service.ts';
import * as respond from './respond.service.ts';
import * as results from './results.service.ts';
import * as closing from './round-closing.service.ts';
import * as rounds from './rounds.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const tags = ['feedback'];

export const feedbackRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.authenticate };
  const detail = { 200: FeedbackRoundDetail, ...errors };

  // Questionnaires: built by school leaders, listed by every staff member of the school once published.
  app.get(
    '/api/feedback/questionnaires',
    {
      ...auth,
      schema: {
        tags,
        querystring: FeedbackQuestionnairesQuery,
        response: { 200: FeedbackQuestionnaireList, ...errors },
      },
    },
    (req) => questionnaires.listQuestionnaires(ctxOf(req), req.query),
  );
  app.post(
    '/api/feedback/questionnaires',
    {
      ...auth,
      schema: { tags, body: FeedbackQuestionnaireCreate, response: { 201: FeedbackQuestionnaire, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await questionnaires.createQuestionnaire(ctxOf(req), req.body)),
  );
  app.get(
    '/api/feedback/questionnaires/:id',
    { ...auth, schema: { tags, params: IdParams, response: { 200: FeedbackQuestionnaire, ...errors } } },
    (req) => questionnaires.getQuestionnaire(ctxOf(req), req.params.id),
  );
  app.put(
    '/api/feedback/questionnaires/:id',
    {
      ...auth,
      schema: {
        tags,
        params: IdParams,
        body: FeedbackQuestionnaireUpdate,
        response: { 200: FeedbackQuestionnaire, ...errors },
      },
    },
    (req) => questionnaires.updateQuestionnaire(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/feedback/questionnaires/:id/publish',
    {
      ...auth,
      schema: {
        tags,
        params: IdParams,
        body: FeedbackVersionInput,
        response: { 200: FeedbackQuestionnaire, ...errors },
      },
    },
    (req) => questionnaires.setQuestionnaireStatus(ctxOf(req), req.params.id, req.body.version, 'published'),
  );
  app.post(
    '/api/feedback/questionnaires/:id/archive',
    {
      ...auth,
      schema: {
        tags,
        params: IdParams,
        body: FeedbackVersionInput,
        response: { 200: FeedbackQuestionnaire, ...errors },
      },
    },
    (req) => questionnaires.setQuestionnaireStatus(ctxOf(req), req.params.id, req.body.version, 'archived'),
  );

  // Rounds: the employee's own.
  app.get(
    '/api/feedback/rounds',
    { ...auth, schema: { tags, response: { 200: FeedbackRoundList, ...errors } } },
    (req) => rounds.listMyRounds(ctxOf(req)),
  );
  app.get(
    '/api/feedback/shared',
    { ...auth, schema: { tags, response: { 200: SharedFeedbackRoundList, ...errors } } },
    (req) => rounds.listSharedRounds(ctxOf(req)),
  );
  app.get(
    '/api/feedback/colleagues',
    {
      ...auth,
      schema: { tags, querystring: FeedbackColleagueQuery, response: { 200: FeedbackColleagueList, ...errors } },
    },
    (req) => rounds.searchColleagues(ctxOf(req), req.query.search),
  );
  app.post(
    '/api/feedback/rounds',
    { ...auth, schema: { tags, body: FeedbackRoundCreate, response: { 201: FeedbackRoundDetail, ...errors } } },
    async (req, reply) => reply.code(201).send(await rounds.createRound(ctxOf(req), req.body)),
  );
  app.get('/api/feedback/rounds/:id', { ...auth, schema: { tags, params: IdParams, response: detail } }, (req) =>
    rounds.getRound(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/feedback/rounds/:id/invitations',
    { ...auth, schema: { tags, params: IdParams, body: FeedbackInviteInput, response: detail } },
    (req) => invitations.invite(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/feedback/invitations/:id/revoke',
    { ...auth, schema: { tags, params: IdParams, response: detail } },
    (req) => invitations.revokeInvitation(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/feedback/invitations/:id/resend',
    { ...auth, schema: { tags, params: IdParams, response: detail } },
    (req) => invitations.resendInvitation(ctxOf(req), req.params.id),
  );
  app.post('/api/feedback/rounds/:id/close', { ...auth, schema: { tags, params: IdParams, response: detail } }, (req) =>
    closing.closeRound(ctxOf(req), req.params.id),
  );
  app.post('/api/feedback/rounds/:id/share', { ...auth, schema: { tags, params: IdParams, response: detail } }, (req) =>
    rounds.setShared(ctxOf(req), req.params.id, true),
  );
  app.delete(
    '/api/feedback/rounds/:id/share',
    { ...auth, schema: { tags, params: IdParams, response: detail } },
    (req) => rounds.setShared(ctxOf(req), req.params.id, false),
  );
  app.put(
    '/api/feedback/rounds/:id/conversation',
    { ...auth, schema: { tags, params: IdParams, body: FeedbackConversationInput, response: detail } },
    (req) => rounds.attachConversation(ctxOf(req), req.params.id, req.body.conversationId),
  );
  app.get(
    '/api/feedback/rounds/:id/results',
    { ...auth, schema: { tags, params: IdParams, response: { 200: FeedbackResults, ...errors } } },
    (req) => results.getResults(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/feedback/rounds/:id/export',
    { ...auth, schema: { tags, params: IdParams, querystring: FeedbackExportQuery } },
    async (req, reply) => {
      const file = await results.exportResults(ctxOf(req), req.params.id, req.query.format);
      return reply
        .header('content-type', file.type)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  // Answering as a colleague with an account: the same form, in the app.
  app.get(
    '/api/feedback/invitations/:id/response',
    { ...auth, schema: { tags, params: IdParams, response: { 200: FeedbackForm, ...errors } } },
    (req) => respond.getFormForInvitation(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/feedback/invitations/:id/response',
    { ...auth, schema: { tags, params: IdParams, body: FeedbackAnswer, response: { 201: FeedbackOk, ...errors } } },
    async (req, reply) => {
      await respond.answerInvitation(ctxOf(req), req.params.id, req.body);
      return reply.code(201).send({ ok: true as const });
    },
  );

  // Answering through the e-mailed link: no account; the token is the only key, limited per address.
  const publicDeps = (req: Parameters<typeof nowOf>[0]) => ({ db: app.deps.database.db, now: nowOf(req) });
  app.get(
    '/api/feedback/respond/:token',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags, params: FeedbackTokenParams, response: { 200: FeedbackForm, ...errors } },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return respond.getFormByToken(publicDeps(req), req.params.token);
    },
  );
  app.post(
    '/api/feedback/respond/:token',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags, params: FeedbackTokenParams, body: FeedbackAnswer, response: { 201: FeedbackOk, ...errors } },
    },
    async (req, reply) => {
      await respond.answerByToken(publicDeps(req), req.params.token, req.body);
      return reply.code(201).send({ ok: true as const });
    },
  );
};
