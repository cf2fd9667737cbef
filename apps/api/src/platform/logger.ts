import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';

/** Structured JSON logs; cookies, tokens and passwords never reach them. */
export function createLogger(level: string): FastifyBaseLogger {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[verborgen]',
    },
  });
}
