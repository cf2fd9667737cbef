import { z } from 'zod';
import { Id } from './common.ts';
import { Role } from './organisation.ts';

/** The fields a staff import can fill, in the order a mapping screen shows them. */
export const ImportField = z.enum([
  'employeeNumber',
  'firstName',
  'infix',
  'lastName',
  'email',
  'school',
  'team',
  'jobTitle',
  'role',
  'manager',
]);
export type ImportField = z.infer<typeof ImportField>;

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = [
  'employeeNumber',
  'firstName',
  'lastName',
  'email',
  'school',
];

/** Which column of the file (by its header text) feeds each field; unmapped fields are left out. */
export const ImportMapping = z.partialRecord(ImportField, z.string().min(1).max(200));
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportUpload = z.object({
  id: Id,
  filename: z.string(),
  columns: z.array(z.string()),
  rowCount: z.number().int(),
  sample: z.array(z.array(z.string())),
  suggestedMapping: ImportMapping,
});
export type ImportUpload = z.infer<typeof ImportUpload>;

export const ImportOptions = z
  .object({
    mapping: ImportMapping,
    /** Mark active people with a personeelsnummer who are not in the file as uit dienst. */
    deactivateMissing: z.boolean().default(false),
  })
  .strict();
export type ImportOptions = z.infer<typeof ImportOptions>;

export const ImportAction = z.enum(['create', 'update', 'unchanged', 'error']);
export type ImportAction = z.infer<typeof ImportAction>;

export const ImportRowResult = z.object({
  /** The line in the file (1 is the header). */
  line: z.number().int(),
  employeeNumber: z.string(),
  name: z.string(),
  action: ImportAction,
  errors: z.array(z.string()),
  changes: z.array(z.string()),
});
export type ImportRowResult = z.infer<typeof ImportRowResult>;

export const ImportSummary = z.object({
  rows: z.number().int(),
  people: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  errors: z.number().int(),
  deactivate: z.number().int(),
  newSchools: z.array(z.string()),
  newTeams: z.array(z.string()),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportPreview = z.object({
  id: Id,
  summary: ImportSummary,
  /** Rows with errors or changes first; at most 1,000. */
  rows: z.array(ImportRowResult),
  truncated: z.boolean(),
  deactivated: z.array(z.object({ id: Id, name: z.string(), employeeNumber: z.string().nullable() })),
  canCommit: z.boolean(),
  /** Roles derived from the function when no role column is mapped. */
  derivedRoles: z.record(z.string(), Role),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({ id: Id, summary: ImportSummary });
export type ImportResult = z.infer<typeof ImportResult>;

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 50_000;
