/**
 * Deletes reports, feedback and development plans of people who left, and empties the visits in which they were
 * observed, after the school's retention period.
 */
export { applyRetention, type RetentionResult } from './retention.service.ts';
