import type { FastifyPluginAsync } from 'fastify';

export const developmentRoutes: FastifyPluginAsync = async () => {};
