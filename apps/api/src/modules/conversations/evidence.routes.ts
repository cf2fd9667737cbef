import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConversationDetail,
  ConversationEvidenceFileQuery,
  ConversationEvidenceInput,
  ErrorBody,
  Id,
  IdParams,
} from '@groeipad/contracts';
import { ctxOf } from '../../platform/http/context.ts';
import * as evidence from './evidence.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody };
const tags = ['gesprekken'];
// Not a uuid → 404 like any evidence one may not see (the route check of every API route relies on this).
const EvidenceParams = z.object({ id: Id, evidenceId: z.string().max(100) }).strict();

/** The employee's evidence for a conversation: a link or a file, removing it, and downloading a file. */
export async function registerEvidenceRoutes(app: FastifyInstance): Promise<void> {
  // Imported when the routes are registered, as in report.service.ts: the development module imports this
  // module's tables, and a static import would make a cycle that breaks start-up order.
  const { acceptRawFile, evidenceFileRouteOptions, sendEvidenceFile, uploadedBytes } =
    await import('../development/index.ts');
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.authenticate };

  typed.post(
    '/api/conversations/:id/evidence',
    {
      ...auth,
      schema: {
        tags,
        params: IdParams,
        body: ConversationEvidenceInput,
        response: { 201: ConversationDetail, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await evidence.addEvidence(ctxOf(req), req.params.id, req.body)),
  );
  typed.delete(
    '/api/conversations/:id/evidence/:evidenceId',
    { ...auth, schema: { tags, params: EvidenceParams, response: { 200: ConversationDetail, ...errors } } },
    (req) => evidence.removeEvidence(ctxOf(req), req.params.id, req.params.evidenceId),
  );
  typed.get(
    '/api/conversations/:id/evidence/:evidenceId/file',
    { ...auth, schema: { tags, params: EvidenceParams } },
    async (req, reply) =>
      sendEvidenceFile(reply, await evidence.getEvidenceFile(ctxOf(req), req.params.id, req.params.evidenceId)),
  );

  // The upload takes the file itself as the body, so it lives in its own scope with a raw-bytes parser. The
  // session, the CSRF token and the right to add evidence to this conversation are checked before the body
  // is read: nobody who may not add evidence gets to send 10 MB.
  await app.register(async (scope) => {
    acceptRawFile(scope);
    const mayAdd = async (req: FastifyRequest) =>
      evidence.assertMayAddEvidence(ctxOf(req), (req.params as { id: string }).id);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/conversations/:id/evidence/file',
      {
        onRequest: [app.authenticate, mayAdd],
        ...evidenceFileRouteOptions,
        schema: {
          tags,
          params: IdParams,
          querystring: ConversationEvidenceFileQuery,
          response: { 201: ConversationDetail, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await evidence.addFileEvidence(ctxOf(req), req.params.id, req.query, uploadedBytes(req))),
    );
  });
}
