import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DevelopmentAction,
  DevelopmentActionInput,
  DevelopmentActionUpdate,
  DevelopmentCheckinInput,
  DevelopmentEvidence,
  DevelopmentEvidenceFileQuery,
  DevelopmentEvidenceInput,
  DevelopmentGoal,
  DevelopmentGoalInput,
  DevelopmentGoalUpdate,
  DevelopmentPersonParams,
  DevelopmentPlan,
  DevelopmentPlanUpdate,
  ErrorBody,
  IdParams,
  StaleGoalList,
} from '@groeipad/contracts';
import { ctxOf } from '../../platform/http/context.ts';
import * as actions from './development.actions.ts';
import * as evidence from './development.evidence.ts';
import * as service from './development.service.ts';
import { acceptRawFile, evidenceFileRouteOptions, sendEvidenceFile, uploadedBytes } from './development.upload.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody };
const tags = ['ontwikkeling'];
const PlanHead = z.object({ ambition: z.string(), version: z.number().int() });

export const developmentRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.authenticate };

  app.get('/api/development/me', { ...auth, schema: { tags, response: { 200: DevelopmentPlan, ...errors } } }, (req) =>
    service.getMyPlan(ctxOf(req)),
  );
  app.get(
    '/api/people/:personId/development',
    { ...auth, schema: { tags, params: DevelopmentPersonParams, response: { 200: DevelopmentPlan, ...errors } } },
    (req) => service.getPersonPlan(ctxOf(req), req.params.personId),
  );
  app.put(
    '/api/development/me/plan',
    { ...auth, schema: { tags, body: DevelopmentPlanUpdate, response: { 200: PlanHead, ...errors } } },
    (req) => service.updateAmbition(ctxOf(req), req.body),
  );
  app.get(
    '/api/development/stale-goals',
    { ...auth, schema: { tags, response: { 200: StaleGoalList, ...errors } } },
    (req) => service.listStaleGoals(ctxOf(req)),
  );

  app.post(
    '/api/development/goals',
    { ...auth, schema: { tags, body: DevelopmentGoalInput, response: { 201: DevelopmentGoal, ...errors } } },
    async (req, reply) => reply.code(201).send(await service.createGoal(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/development/goals/:id',
    {
      ...auth,
      schema: { tags, params: IdParams, body: DevelopmentGoalUpdate, response: { 200: DevelopmentGoal, ...errors } },
    },
    (req) => service.updateGoal(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/development/goals/:id',
    { ...auth, schema: { tags, params: IdParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await service.deleteGoal(ctxOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/development/goals/:id/checkins',
    {
      ...auth,
      schema: { tags, params: IdParams, body: DevelopmentCheckinInput, response: { 201: DevelopmentGoal, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await actions.addCheckin(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/development/actions',
    { ...auth, schema: { tags, body: DevelopmentActionInput, response: { 201: DevelopmentAction, ...errors } } },
    async (req, reply) => reply.code(201).send(await actions.createAction(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/development/actions/:id',
    {
      ...auth,
      schema: {
        tags,
        params: IdParams,
        body: DevelopmentActionUpdate,
        response: { 200: DevelopmentAction, ...errors },
      },
    },
    (req) => actions.updateAction(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/development/actions/:id',
    { ...auth, schema: { tags, params: IdParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await actions.deleteAction(ctxOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/development/evidence',
    { ...auth, schema: { tags, body: DevelopmentEvidenceInput, response: { 201: DevelopmentEvidence, ...errors } } },
    async (req, reply) => reply.code(201).send(await evidence.addEvidence(ctxOf(req), req.body)),
  );
  app.delete(
    '/api/development/evidence/:id',
    { ...auth, schema: { tags, params: IdParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await evidence.deleteEvidence(ctxOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get('/api/development/evidence/:id/file', { ...auth, schema: { tags, params: IdParams } }, async (req, reply) =>
    sendEvidenceFile(reply, await evidence.getEvidenceFile(ctxOf(req), req.params.id)),
  );

  // The upload takes the file itself as the body, so it lives in its own scope with a raw-bytes parser.
  // Signed in before the body is read: nobody without a session gets to send 10 MB.
  await app.register(async (scope) => {
    acceptRawFile(scope);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/development/evidence/file',
      {
        onRequest: app.authenticate,
        ...evidenceFileRouteOptions,
        schema: { tags, querystring: DevelopmentEvidenceFileQuery, response: { 201: DevelopmentEvidence, ...errors } },
      },
      async (req, reply) =>
        reply.code(201).send(await evidence.addFileEvidence(ctxOf(req), req.query, uploadedBytes(req))),
    );
  });
};
