export { cycleRoutes } from './cycle.routes.ts';
export * as cycleTables from './cycle.schema.ts';
