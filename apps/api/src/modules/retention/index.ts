/** Deletes reports, feedback and development plans of people who left, after the school's retention period. */
export { applyRetention, type RetentionResult } from './retention.service.ts';
