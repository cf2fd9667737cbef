/** Joint preparation and the team library with versions: routes under /api/teams/:teamId/{preparations,library}. */
export { preparationsRoutes } from './preparations.routes.ts';
export * as preparationsTables from './preparations.schema.ts';
