/** The team barometer: a short anonymous questionnaire every few weeks, guarded results for the team itself. */
export { barometerRoutes } from './barometer.routes.ts';
/**
 * Home tasks: "Vul de barometer in" for open rounds the person was asked for and did not answer; "Start de
 * barometer" for their teams that open rounds by hand when the rhythm says the next one is due.
 */
export { findBarometerTasks, exportBarometer, type BarometerExport } from './barometer.tasks.ts';
/**
 * Daily jobs: close rounds whose last day passed (sealing their answers), open the rounds the teams' rhythm asks
 * for (at BAROMETER_AUTO_OPEN_CRON, before the morning's reminders), and one reminder before closing.
 */
export {
  closeExpiredRounds as closeExpiredBarometerRounds,
  openDueRounds as openDueBarometerRounds,
} from './rounds.service.ts';
export { BAROMETER_AUTO_OPEN_CRON } from './barometer.rules.ts';
export { sendBarometerReminders } from './barometer.jobs.ts';
export * as barometerTables from './barometer.schema.ts';
/** The standard questions (the demo board's rounds use them). */
export { STANDARD_QUESTIONS as STANDARD_BAROMETER_QUESTIONS } from './barometer.questions.ts';
