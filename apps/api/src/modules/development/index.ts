export { developmentRoutes } from './development.routes.ts';
export * as developmentTables from './development.schema.ts';
