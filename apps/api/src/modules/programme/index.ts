/**
 * The 8-week programme of a team, its progress meter (voortgangsmeter), and the school's year plan with the board's
 * pizzasessies: routes under /api/teams/:teamId/programme, /api/teams/:teamId/progress, /api/year-plan and
 * /api/pizza-sessions.
 */
export { programmeRoutes } from './programme.routes.ts';
/** The pizzasessies the person registered for in the next seven days, for the home page's task list. */
export { findPizzaTasks } from './yearplan.service.ts';
export * as programmeTables from './programme.schema.ts';
/** For the person's own data export: pizzasessie registrations, programme notes and progress scores. */
export { exportProgramme, type ProgrammeExport } from './programme.export.ts';
