/** The team board (teambord) and its board sessions: routes under /api/teams. */
export { teamRoutes } from './team.routes.ts';
/** The person's improvement actions that are behind schedule, for the home page's task list. */
export { findTeamTasks } from './team.tasks.ts';
/** For the person's own data export: their actions, goals, board texts and session attendance. */
export { exportTeamBoard, type TeamBoardExport } from './team.export.ts';
export * as teamTables from './team.schema.ts';
/**
 * For other team-practice modules (visits, preparations): the team's access lock (404 for outsiders, 403 for school
 * leadership changing), a change in one transaction announced on the team's live topic, and the topic itself.
 */
export { changeTeam, loadTeam, loadTeamForEdit, topicOf } from './team.access.ts';
export { isTeamMember, teamAccess, type TeamAccess } from './team.policy.ts';
