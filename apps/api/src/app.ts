import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { fastifySSE } from '@fastify/sse';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Health } from '@groeipad/contracts';
import { createAuthenticate } from './platform/http/authenticate.ts';
import type { AppDeps } from './platform/http/context.ts';
import { registerErrorHandling } from './platform/http/error-handler.ts';
import { createLogger } from './platform/logger.ts';
import { pingDatabase } from './platform/db/client.ts';
import { createLiveHub } from './platform/live/index.ts';
import { authRoutes, resolveSession } from './modules/auth/index.ts';
import { organisationRoutes } from './modules/organisation/index.ts';
import { meRoutes } from './modules/me/index.ts';
import { importsRoutes } from './modules/imports/index.ts';
import { ssoRoutes } from './modules/sso/index.ts';
import { cycleRoutes } from './modules/cycle/index.ts';
import { conversationsRoutes } from './modules/conversations/index.ts';
import { feedbackRoutes } from './modules/feedback/index.ts';
import { developmentRoutes } from './modules/development/index.ts';
import { barometerRoutes } from './modules/barometer/index.ts';
import { teamRoutes } from './modules/team/index.ts';
import { visitsRoutes } from './modules/visits/index.ts';
import { preparationsRoutes } from './modules/preparations/index.ts';
import { programmeRoutes } from './modules/programme/index.ts';

z.config(z.locales.nl());

export type RouteInfo = { method: string; url: string; public: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session; every other /api route must refuse anonymous callers. */
    public?: boolean;
    /** What a 413 says on this route, e.g. the size limit of an upload. */
    tooLargeMessage?: string;
  }
  interface FastifyInstance {
    apiRoutes: RouteInfo[];
  }
}

export type BuildOptions = { logger?: boolean };

/** Builds the whole HTTP app on the given dependencies; tests call this in-process. */
export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: createLogger(opts.logger === false ? 'silent' : config.logLevel),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  app.decorateRequest('actor', null);
  const routes: RouteInfo[] = [];
  app.decorate('apiRoutes', routes);
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/') || r.url.startsWith('/api/docs')) return;
    for (const method of [r.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: r.url, public: r.config?.public === true });
    }
  });

  const dist = config.webDistDir;
  const indexHtml =
    dist && fs.existsSync(path.join(dist, 'index.html')) ? fs.readFileSync(path.join(dist, 'index.html')) : null;
  const sendIndex = (_req: unknown, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
  registerErrorHandling(app, indexHtml ? sendIndex : undefined);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables through style attributes; scripts stay strict.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, { global: false });
  // Live streams: a heartbeat comment every 25 s keeps proxies from closing an idle stream.
  await app.register(fastifySSE, { heartbeatInterval: 25_000 });
  const live = createLiveHub(deps.database, app.log);
  app.decorate('live', live);
  app.addHook('onClose', () => live.close());

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Groeipad API',
        version: deps.version,
        description: 'De API van Groeipad. Alle teksten zijn Nederlands.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gp_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());

  app.decorate(
    'authenticate',
    createAuthenticate((token, now) => resolveSession(deps.database.db, token, now)),
  );

  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['platform'], response: { 200: Health } } },
    async () => {
      await pingDatabase(deps.database.db);
      return { status: 'ok' as const, database: deps.database.kind, version: deps.version };
    },
  );

  await app.register(authRoutes);
  await app.register(meRoutes);
  await app.register(organisationRoutes);
  await app.register(importsRoutes);
  await app.register(ssoRoutes);
  await app.register(cycleRoutes);
  await app.register(conversationsRoutes);
  await app.register(feedbackRoutes);
  await app.register(developmentRoutes);
  await app.register(barometerRoutes);
  await app.register(teamRoutes);
  await app.register(visitsRoutes);
  await app.register(preparationsRoutes);
  await app.register(programmeRoutes);

  if (dist && indexHtml) {
    await app.register(fastifyStatic, {
      root: path.resolve(dist),
      index: false,
      setHeaders(reply, filePath) {
        // Fingerprinted assets never change: cache them for a year.
        if (filePath.includes(`${path.sep}assets${path.sep}`))
          reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    app.get('/', sendIndex);
  }

  return app;
}
