import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  LibraryItem,
  LibraryItemInput,
  LibraryItemParams,
  LibraryItemUpdate,
  LibraryList,
  LibraryListQuery,
  LibraryVersionBody,
  LibraryVersionDetail,
  LibraryVersionFileQuery,
  LibraryVersionInput,
  LibraryVersionParams,
  PreparationTeamParams,
} from '@groeipad/contracts';
import { ctxOf } from '../../platform/http/context.ts';
import { acceptRawFile, evidenceFileRouteOptions, sendEvidenceFile, uploadedBytes } from '../development/index.ts';
import * as service from './library.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['preparations'];

/** The team library: products, their versions (only ever added), and the files of versions. */
export const libraryRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.authenticate };

  app.get(
    '/api/teams/:teamId/library',
    {
      ...auth,
      schema: {
        tags,
        params: PreparationTeamParams,
        querystring: LibraryListQuery,
        response: { 200: LibraryList, ...errors },
      },
    },
    (req) => service.listLibrary(ctxOf(req), req.params.teamId, req.query),
  );
  app.post(
    '/api/teams/:teamId/library',
    {
      ...auth,
      schema: {
        tags,
        params: PreparationTeamParams,
        body: LibraryItemInput,
        response: { 201: LibraryItem, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createLibraryItem(ctxOf(req), req.params.teamId, req.body)),
  );
  app.get(
    '/api/teams/:teamId/library/:itemId',
    { ...auth, schema: { tags, params: LibraryItemParams, response: { 200: LibraryItem, ...errors } } },
    (req) => service.getLibraryItem(ctxOf(req), req.params.teamId, req.params.itemId),
  );
  app.patch(
    '/api/teams/:teamId/library/:itemId',
    {
      ...auth,
      schema: { tags, params: LibraryItemParams, body: LibraryItemUpdate, response: { 200: LibraryItem, ...errors } },
    },
    (req) => service.updateLibraryItem(ctxOf(req), req.params.teamId, req.params.itemId, req.body),
  );
  app.post(
    '/api/teams/:teamId/library/:itemId/archive',
    {
      ...auth,
      schema: { tags, params: LibraryItemParams, body: LibraryVersionBody, response: { 200: LibraryItem, ...errors } },
    },
    (req) => service.archiveLibraryItem(ctxOf(req), req.params.teamId, req.params.itemId, req.body),
  );
  app.post(
    '/api/teams/:teamId/library/:itemId/versions',
    {
      ...auth,
      schema: { tags, params: LibraryItemParams, body: LibraryVersionInput, response: { 201: LibraryItem, ...errors } },
    },
    async (req, reply) =>
      reply.code(201).send(await service.addLibraryVersion(ctxOf(req), req.params.teamId, req.params.itemId, req.body)),
  );
  app.get(
    '/api/teams/:teamId/library/:itemId/versions/:number',
    { ...auth, schema: { tags, params: LibraryVersionParams, response: { 200: LibraryVersionDetail, ...errors } } },
    (req) => service.getLibraryVersion(ctxOf(req), req.params.teamId, req.params.itemId, req.params.number),
  );
  app.get(
    '/api/teams/:teamId/library/:itemId/versions/:number/file',
    { ...auth, schema: { tags, params: LibraryVersionParams } },
    async (req, reply) =>
      sendEvidenceFile(
        reply,
        await service.getLibraryFile(ctxOf(req), req.params.teamId, req.params.itemId, req.params.number),
      ),
  );

  // A version with a file takes the file itself as the body, in its own scope with a raw-bytes parser. Who may add
  // a version is checked before the body is read.
  await app.register(async (scope) => {
    acceptRawFile(scope);
    const mayAdd = async (req: FastifyRequest) => {
      const { teamId, itemId } = req.params as { teamId: string; itemId: string };
      const ids = LibraryItemParams.safeParse({ teamId, itemId });
      if (ids.success) await service.assertMayAddVersion(ctxOf(req), teamId, itemId);
    };
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/teams/:teamId/library/:itemId/versions/file',
      {
        onRequest: [app.authenticate, mayAdd],
        ...evidenceFileRouteOptions,
        schema: {
          tags,
          params: LibraryItemParams,
          querystring: LibraryVersionFileQuery,
          response: { 201: LibraryItem, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await service.addLibraryFileVersion(
              ctxOf(req),
              req.params.teamId,
              req.params.itemId,
              req.query,
              uploadedBytes(req),
            ),
          ),
    );
  });
};
