/** Visits (werkbezoek / lesbezoek) and the team's forms: routes under /api/teams/:teamId/forms and /visits. */
export { visitsRoutes } from './visits.routes.ts';
/** The starting forms a team can begin from (also used by the demo). */
export { TEAM_FORM_EXAMPLES } from './visits.examples.ts';
export * as visitsTables from './visits.schema.ts';
