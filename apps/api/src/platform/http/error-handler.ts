import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '@groeipad/contracts';
import { AppError, defaultMessage, type FieldError } from './errors.ts';

function body(code: ErrorCode, message: string, details?: unknown, requestId?: string): ErrorBody {
  return {
    error: { code, message, ...(details === undefined ? {} : { details }), ...(requestId ? { requestId } : {}) },
  };
}

/** Maps every error to `{ error: { code, message, details } }`; unknown errors become a 500 that leaks nothing. */
export function registerErrorHandling(
  app: FastifyInstance,
  /** Answers GET requests outside /api that match no file, e.g. with the SPA's index.html. */
  spaFallback?: (req: FastifyRequest, reply: FastifyReply) => unknown,
): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details: FieldError[] = err.validation.map((v) => {
        const where = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const params = v.params as { issue?: { code?: string; keys?: string[] } };
        const keys = params.issue?.code === 'unrecognized_keys' ? (params.issue.keys ?? []) : [];
        const path = [err.validationContext, where, keys.join(',')].filter(Boolean).join('.');
        return { path, message: v.message ?? 'ongeldig' };
      });
      return reply.code(400).send(body('validation', defaultMessage('validation'), details));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return reply.code(500).send(body('internal', defaultMessage('internal'), undefined, req.id));
    }
    const status = err.statusCode ?? 500;
    if (status === 413) {
      const message = req.routeOptions.config?.tooLargeMessage ?? defaultMessage('payload_too_large');
      return reply.code(413).send(body('payload_too_large', message));
    }
    if (status === 429) return reply.code(429).send(body('rate_limited', defaultMessage('rate_limited')));
    if (status === 415) {
      return reply.code(415).send(body('validation', 'Stuur de gegevens als JSON (Content-Type: application/json).'));
    }
    if (status >= 400 && status < 500) {
      // Malformed JSON, empty bodies and other client mistakes that Fastify itself detects.
      const message =
        err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError
          ? 'De JSON in het verzoek is ongeldig.'
          : defaultMessage('validation');
      return reply.code(400).send(body('validation', message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(body('internal', defaultMessage('internal'), undefined, req.id));
  });

  app.setNotFoundHandler((req, reply) => {
    if (spaFallback && req.method === 'GET' && !req.url.startsWith('/api')) return spaFallback(req, reply);
    return reply.code(404).send(body('not_found', `Onbekend adres: ${req.method} ${req.url.split('?')[0]}`));
  });
}
