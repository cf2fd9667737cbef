import type { FastifyPluginAsync } from 'fastify';

export const conversationsRoutes: FastifyPluginAsync = async () => {};
