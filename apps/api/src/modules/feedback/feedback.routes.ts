import type { FastifyPluginAsync } from 'fastify';

export const feedbackRoutes: FastifyPluginAsync = async () => {};
