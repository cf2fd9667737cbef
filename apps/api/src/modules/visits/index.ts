/** Visits (werkbezoek / lesbezoek) and the team's forms: routes under /api/teams/:teamId/forms and /visits. */
export { visitsRoutes } from './visits.routes.ts';
/** For the home page: the shared visits a leidinggevende has not read yet. */
export { findVisitTasks } from './visits.tasks.ts';
/** The starting forms a team can begin from (also used by the demo). */
export { TEAM_FORM_EXAMPLES } from './visits.examples.ts';
export * as visitsTables from './visits.schema.ts';
/** For the person's own data export: their visits (as observer or observed) and the forms they made. */
export { exportVisits, labelAnswers, type LabelledAnswer, type VisitsExport } from './visits.export.ts';
