/** Joint preparation and the team library with versions: routes under /api/teams/:teamId/{preparations,library}. */
export { preparationsRoutes } from './preparations.routes.ts';
export * as preparationsTables from './preparations.schema.ts';
/** For the person's own data export: their joint preparations and the library versions they added. */
export { exportPreparations, type PreparationsExport } from './preparations.export.ts';
