/** The team board (teambord) and its board sessions: routes under /api/teams. */
export { teamRoutes } from './team.routes.ts';
/** The person's improvement actions that are behind schedule, for the home page's task list. */
export { findTeamTasks } from './team.tasks.ts';
export * as teamTables from './team.schema.ts';
