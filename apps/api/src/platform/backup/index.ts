/** Backup and restore of every app table, on PGlite and PostgreSQL alike (see docs/operations/backup.md). */
export { backupDatabase } from './backup.ts';
export { assertRestorable, readBackupHeader, restoreDatabase } from './restore.ts';
export { BackupError, type BackupHeader, type BackupSummary, type OnProgress, type Progress } from './format.ts';
