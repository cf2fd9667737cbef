/** The team barometer: a short anonymous questionnaire every few weeks, guarded results for the team itself. */
export { barometerRoutes } from './barometer.routes.ts';
/** Home tasks: "Vul de barometer in" for open rounds the person was asked for and did not answer. */
export { findBarometerTasks, exportBarometer, type BarometerExport } from './barometer.tasks.ts';
/** Daily jobs: close rounds whose last day passed (sealing their answers), and one reminder before closing. */
export { closeExpiredRounds as closeExpiredBarometerRounds } from './rounds.service.ts';
export { sendBarometerReminders } from './barometer.jobs.ts';
export * as barometerTables from './barometer.schema.ts';
/** The standard questions (the demo board's rounds use them). */
export { STANDARD_QUESTIONS as STANDARD_BAROMETER_QUESTIONS } from './barometer.questions.ts';
