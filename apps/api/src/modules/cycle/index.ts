/** The conversation cycle of a school: settings, school years, kinds, rules, forms; overview and coverage. */
export { cycleRoutes } from './cycle.routes.ts';
export * as cycleTables from './cycle.schema.ts';
/** Sets a school up with the standard cycle (this year and next, six kinds, rules, forms); 409 when it has kinds. */
export { applyCycleDefaults, getSchoolSettings } from './cycle.service.ts';
/** Home tasks of a leidinggevende: plan the conversations that are overdue or due within six weeks. */
export { findCycleTasks } from './cycle-overview.service.ts';
/** Pure status rules, for modules that need to know where someone stands. */
export { deriveCycleStatus, HELD_STATES, OPEN_STATES } from './cycle-status.ts';
/** Who may see and change a school's cycle configuration. */
export { canViewCycle, canEditCycle } from './cycle.policy.ts';
/** The standard school year (1 August–31 July) with its three periods; the demo and benchmark boards use it. */
export { standardYear, schoolYearStartOf } from './cycle.templates.ts';
