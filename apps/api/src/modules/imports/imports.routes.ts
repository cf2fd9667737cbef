import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  IdParams,
  IMPORT_MAX_BYTES,
  ImportOptions,
  ImportPreview,
  ImportResult,
  ImportUpload,
} from '@groeipad/contracts';
import { ctxOf } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as service from './imports.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody };
const tags = ['beheer'];
const FILE_TYPES = [
  'text/csv',
  'application/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

const CommitBody = ImportOptions.extend({
  expected: z
    .object({ create: z.number().int(), update: z.number().int(), deactivate: z.number().int() })
    .strict()
    .optional(),
}).strict();

export const importsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.authenticate };

  // The file is the request body itself (CSV or XLSX), so no multipart parsing is needed.
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/admin/imports',
    {
      ...auth,
      bodyLimit: IMPORT_MAX_BYTES,
      config: {
        tooLargeMessage: `Het bestand is groter dan ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Splits het bestand of sla het op als CSV.`,
      },
      schema: {
        tags,
        querystring: z.object({ filename: z.string().trim().min(1).max(200).default('personeel.csv') }).strict(),
        response: { 201: ImportUpload, ...errors },
      },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        throw new AppError('validation', 'Stuur het bestand (CSV of XLSX) als inhoud van het verzoek.');
      }
      return reply.code(201).send(await service.uploadStaffFile(ctxOf(req), req.query.filename, req.body));
    },
  );

  app.post(
    '/api/admin/imports/:id/preview',
    { ...auth, schema: { tags, params: IdParams, body: ImportOptions, response: { 200: ImportPreview, ...errors } } },
    (req) => service.previewImport(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/admin/imports/:id/commit',
    { ...auth, schema: { tags, params: IdParams, body: CommitBody, response: { 200: ImportResult, ...errors } } },
    (req) => service.commitImport(ctxOf(req), req.params.id, req.body),
  );
};
