import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EVIDENCE_FILE_MAX_BYTES } from '@groeipad/contracts';
import { fieldError } from '../../platform/http/errors.ts';
import { contentDisposition, FILE_TOO_LARGE } from './development.files.ts';
import type { EvidenceFileContent } from './development.file-store.ts';

// HTTP helpers for evidence files, for this module's routes and for another module's (a conversation's
// evidence). An upload is the raw request body, as the staff import does: no multipart parser, the browser
// sends the File itself with upload progress, and the server decides the kind from the content.

/**
 * Makes every route of this (encapsulated) Fastify scope take its body as raw bytes, whatever the
 * Content-Type, up to 10 MB. Register the upload route inside `app.register(async (scope) => …)` so the
 * scope's JSON routes are not affected, with `onRequest: app.authenticate` so the body is read only for a
 * signed-in caller.
 */
export function acceptRawFile(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: EVIDENCE_FILE_MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );
}

/** Route options for an upload route: the 10 MB limit and its Dutch 413 message. */
export const evidenceFileRouteOptions = {
  bodyLimit: EVIDENCE_FILE_MAX_BYTES,
  config: { tooLargeMessage: FILE_TOO_LARGE },
};

/** The uploaded bytes; a missing or empty body is a 400 on `file`. */
export function uploadedBytes(req: FastifyRequest): Buffer {
  const body = req.body;
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw fieldError('file', 'Kies een bestand om te uploaden; dit bestand is leeg.');
  }
  return body;
}

/**
 * Sends a stored file as a download only: `attachment` with a safe name, the media type the server decided
 * when it was stored, nosniff, and a sandboxing CSP, so no file ever runs as a page of the app.
 */
export function sendEvidenceFile(reply: FastifyReply, file: EvidenceFileContent): FastifyReply {
  return reply
    .header('content-type', file.mediaType)
    .header('content-length', file.bytes.length)
    .header('content-disposition', contentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}
