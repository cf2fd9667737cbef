/** The development plan (POP) and personal action plan: routes under /api/development. */
export { developmentRoutes } from './development.routes.ts';
/** Turns a signed report's agreements into goals and actions; idempotent per conversation. */
export { addAgreedGoals, type AgreedGoalsInput } from './development.agreements.ts';
/** Open actions and stale goals of reports, for the home page's task list. */
export { findDevelopmentTasks } from './development.tasks.ts';
/** Everything of a person's plan, private goals included, for their own data export. */
export { exportDevelopment } from './development.service.ts';
export * as developmentTables from './development.schema.ts';
