import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';

type LoggedRequest = { method?: string; url?: string; id?: string };

/**
 * Structured JSON logs with request ids and no personal data beyond ids: the query string (which can hold an
 * e-mail address or a token), the client address, cookies and bodies never reach the log.
 */
export function createLogger(level: string): FastifyBaseLogger {
  return pino({
    level,
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, path: req.url?.split('?')[0] }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    redact: {
      paths: ['req.headers', 'res.headers', '*.password', '*.token', '*.email'],
      censor: '[verborgen]',
    },
  });
}
