export { feedbackRoutes } from './feedback.routes.ts';
export * as feedbackTables from './feedback.schema.ts';
