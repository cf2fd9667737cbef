/** 360° feedback: questionnaires, rounds, invitations, anonymous answers and guarded results. */
export { feedbackRoutes } from './feedback.routes.ts';
/** Home tasks: feedback the person was asked to give, and their own rounds about to close. */
export { findFeedbackTasks } from './feedback.tasks.ts';
/** Closes open rounds whose closing date has passed (a daily job); returns how many it closed. */
export { closeExpiredRounds } from './round-closing.service.ts';
/** A person's rounds with counts only (title, status, closing date, answered/invited). */
export { findFeedbackSummary } from './rounds.service.ts';
/** A person's rounds and their guarded results, for the person's own data export. */
export { exportFeedback, type FeedbackExport } from './results.service.ts';
/** The ready questionnaires (werkplekbegeleider, docent, oop), e.g. for demo data. */
export { FEEDBACK_TEMPLATES } from './feedback.templates.ts';
export * as feedbackTables from './feedback.schema.ts';
