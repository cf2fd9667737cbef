import type { FastifyPluginAsync } from 'fastify';

export const cycleRoutes: FastifyPluginAsync = async () => {};
