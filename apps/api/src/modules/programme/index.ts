/**
 * The 8-week programme of a team, its progress meter (voortgangsmeter), and the school's year plan with the board's
 * pizzasessies: routes under /api/teams/:teamId/programme, /api/teams/:teamId/progress, /api/year-plan and
 * /api/pizza-sessions.
 */
export { programmeRoutes } from './programme.routes.ts';
export * as programmeTables from './programme.schema.ts';
