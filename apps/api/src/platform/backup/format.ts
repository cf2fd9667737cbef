/** The backup file: gzip'd JSON lines. Header, then per table a table line and its rows, then an end line. */
export const BACKUP_FORMAT = 'groeipad-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** One applied drizzle migration: the journal tag, the `when` drizzle orders by, and the file's sha256. */
export type MigrationRef = { tag: string | null; createdAt: number; hash: string };

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  database: 'pglite' | 'postgres';
  migrations: MigrationRef[];
  tables: string[];
};

/** Announces the next `rows` lines, each one `row_to_json` of a row of `table`. */
export type TableLine = { table: string; columns: string[]; rows: number };

export type EndLine = { end: true; tables: number; rows: number };

export type Progress = { table: string; rows: number; total: number; done: boolean };
export type OnProgress = (p: Progress) => void;

export type BackupSummary = {
  database: 'pglite' | 'postgres';
  tables: number;
  rows: number;
  bytes: number;
  seconds: number;
};

/** A refusal or failure with a message meant for the person running the command (Dutch). */
export class BackupError extends Error {}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The columns of a foreign key, enough to order the rows of a table that references itself. */
export type ForeignKeyLike = { childColumns: string[]; parentColumns: string[] };
