import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { LiveHub } from './hub.ts';

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveHub;
  }
}

/** How long one stream lives: then the browser reconnects, and its session and access are checked again. */
export const STREAM_MAX_AGE_MS = 10 * 60_000;

type Params = z.ZodObject<z.ZodRawShape>;

/**
 * A server-sent events route that follows one topic of the live hub. `authorize` checks the caller's access
 * (throw an AppError, e.g. not_found, to refuse: that is a normal JSON error, sent before the stream starts) and
 * names the topic. The stream then sends `ready` once, `change` on every change of the topic (also after a lost
 * database connection, when changes may have been missed), and a heartbeat comment in between.
 */
export function registerLiveStream<P extends Params>(
  base: FastifyInstance,
  opts: {
    url: string;
    params: P;
    tags: string[];
    authorize: (req: FastifyRequest<{ Params: z.infer<P> }>) => Promise<string>;
  },
): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    opts.url,
    {
      preValidation: app.authenticate,
      // 'manual': no Accept negotiation, so a refused caller gets the same 401/404 JSON as on any route.
      sse: { kind: 'manual' },
      schema: {
        tags: opts.tags,
        params: opts.params,
        description: 'Server-sent events: `change` each time something under this topic changes.',
      },
    },
    async (req, reply) => {
      const topic = await opts.authorize(req as FastifyRequest<{ Params: z.infer<P> }>);
      const sse = reply.sse;
      sse.keepAlive();
      const unsubscribe = await req.server.live.subscribe(topic, (event) => {
        if (sse.isConnected) sse.send({ event: 'change', data: { topic, resync: event.resync } }).catch(() => {});
      });
      const expire = setTimeout(() => sse.close(), STREAM_MAX_AGE_MS);
      expire.unref();
      sse.onClose(() => {
        clearTimeout(expire);
        unsubscribe();
      });
      await sse.send({ event: 'ready', data: { topic }, retry: 2000 });
    },
  );
}
