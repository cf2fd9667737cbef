import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  Preparation,
  PreparationInput,
  PreparationList,
  PreparationParams,
  PreparationTeamParams,
  PreparationUpdate,
  PreparationVersionBody,
  PreparationWork,
} from '@groeipad/contracts';
import { ctxOf } from '../../platform/http/context.ts';
import { libraryRoutes } from './library.routes.ts';
import * as service from './preparations.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['preparations'];

/** Joint preparations under /api/teams/:teamId/preparations and the team library under /api/teams/:teamId/library. */
export const preparationsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.authenticate };
  const one = { ...auth, schema: { tags, params: PreparationParams } };

  app.get(
    '/api/teams/:teamId/preparations',
    { ...auth, schema: { tags, params: PreparationTeamParams, response: { 200: PreparationList, ...errors } } },
    (req) => service.listPreparations(ctxOf(req), req.params.teamId),
  );
  app.post(
    '/api/teams/:teamId/preparations',
    {
      ...auth,
      schema: {
        tags,
        params: PreparationTeamParams,
        body: PreparationInput,
        response: { 201: Preparation, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createPreparation(ctxOf(req), req.params.teamId, req.body)),
  );
  app.get(
    '/api/teams/:teamId/preparations/:preparationId',
    { ...one, schema: { ...one.schema, response: { 200: Preparation, ...errors } } },
    (req) => service.getPreparation(ctxOf(req), req.params.teamId, req.params.preparationId),
  );
  app.patch(
    '/api/teams/:teamId/preparations/:preparationId',
    { ...one, schema: { ...one.schema, body: PreparationUpdate, response: { 200: Preparation, ...errors } } },
    (req) => service.updatePreparation(ctxOf(req), req.params.teamId, req.params.preparationId, req.body),
  );
  app.put(
    '/api/teams/:teamId/preparations/:preparationId/work',
    { ...one, schema: { ...one.schema, body: PreparationWork, response: { 200: Preparation, ...errors } } },
    (req) => service.savePreparationWork(ctxOf(req), req.params.teamId, req.params.preparationId, req.body),
  );
  app.post(
    '/api/teams/:teamId/preparations/:preparationId/done',
    { ...one, schema: { ...one.schema, body: PreparationVersionBody, response: { 200: Preparation, ...errors } } },
    (req) => service.markPreparationDone(ctxOf(req), req.params.teamId, req.params.preparationId, req.body),
  );
  app.post(
    '/api/teams/:teamId/preparations/:preparationId/cancel',
    { ...one, schema: { ...one.schema, body: PreparationVersionBody, response: { 200: Preparation, ...errors } } },
    (req) => service.cancelPreparation(ctxOf(req), req.params.teamId, req.params.preparationId, req.body),
  );

  await app.register(libraryRoutes);
};
