/** Boards, schools, teams, people, roles and line management. */
export { organisationRoutes } from './organisation.routes.ts';
/** The signed-in person's place in the organisation. */
export { getMe } from './organisation.service.ts';
/** A board and its first beheerder, for a fresh installation. */
export { createBoardWithAdmin } from './structure.service.ts';
/** Navigation and admin-area rules other modules reuse. */
export { canReadAuditLog, canReadOutbox, canEditPeople, canManageRoles } from './organisation.policy.ts';
export { displayName, searchTextOf } from './names.ts';
export * as organisationTables from './organisation.schema.ts';
