/** The development plan (POP) and personal action plan: routes under /api/development. */
export { developmentRoutes } from './development.routes.ts';
/** Turns a signed report's agreements into goals and actions; idempotent per conversation. */
export { addAgreedGoals, type AgreedGoalsInput } from './development.agreements.ts';
/** Open actions and stale goals of reports, for the home page's task list. */
export { findDevelopmentTasks } from './development.tasks.ts';
/** Everything of a person's plan, private goals included, for their own data export. */
export { exportDevelopment } from './development.service.ts';
/**
 * Checks (≤ 10 MB, allowed kind judged on the content) and stores an evidence file; set the returned `fileId`
 * on the evidence row created in the same transaction. Deleting that evidence row deletes the file.
 */
export {
  readEvidenceFile,
  storeEvidenceFile,
  type EvidenceFileContent,
  type StoreEvidenceFileInput,
  type StoredFile,
} from './development.file-store.ts';
/** The pure file rules (kind judged on the content, a safe name), for another module that keeps files of its own. */
export { cleanFileName, detectFile, FILE_TOO_LARGE } from './development.files.ts';
/** For another module's upload and download routes of evidence files (raw body, 10 MB, safe download headers). */
export { acceptRawFile, evidenceFileRouteOptions, sendEvidenceFile, uploadedBytes } from './development.upload.ts';
export * as developmentTables from './development.schema.ts';
