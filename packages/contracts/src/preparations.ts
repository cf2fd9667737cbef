// Contracts of joint preparation (gezamenlijke werk-/lesvoorbereiding) and the team library where its products
// (standard procedures, checklists, lesson designs) are kept in versions.
import { z } from 'zod';
import { Id } from './common.ts';

const noNul = (v: string) => !v.includes('\u0000');
const NUL_MESSAGE = 'Deze tekst bevat een teken dat niet kan worden opgeslagen.';
const text = (max: number) => z.string().trim().max(max, `Maximaal ${max} tekens.`).refine(noNul, NUL_MESSAGE);
const required = (max: number, empty: string) =>
  z.string().trim().min(1, empty).max(max, `Maximaal ${max} tekens.`).refine(noNul, NUL_MESSAGE);
const version = z.number().int().min(1);
const instant = z.iso.datetime({ offset: true, message: 'Kies een datum en tijd.' });

// ---------------------------------------------------------------------------------------------
// The form a preparation is filled on (a snapshot of one of the team's forms)

export const PREPARATION_FIELD_KINDS = ['heading', 'scale', 'text', 'check', 'choice'] as const;

/** One field of the form as it was when the preparation was planned. */
export const PreparationFormField = z.object({
  id: z.string(),
  kind: z.enum(PREPARATION_FIELD_KINDS),
  label: z.string(),
  help: z.string().optional(),
  options: z.array(z.string()).optional(),
});
export type PreparationFormField = z.infer<typeof PreparationFormField>;

/** An answer per field id: 1–4 for scale, text for text and choice, true/false for check; null = left open. */
export const PreparationAnswers = z.record(
  z.string().max(100),
  z.union([
    z.string().max(4000, 'Maximaal 4000 tekens.').refine(noNul, NUL_MESSAGE),
    z.number(),
    z.boolean(),
    z.null(),
  ]),
);
export type PreparationAnswers = z.infer<typeof PreparationAnswers>;

/** A team form of purpose 'preparation' to choose from when planning. */
export const PreparationFormOption = z.object({ id: Id, title: z.string(), fieldCount: z.number().int() });
export type PreparationFormOption = z.infer<typeof PreparationFormOption>;

// ---------------------------------------------------------------------------------------------
// Preparations

export const PREPARATION_KINDS = ['lesson', 'work'] as const;
export type PreparationKind = (typeof PREPARATION_KINDS)[number];
export const PREPARATION_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type PreparationStatus = (typeof PREPARATION_STATUSES)[number];
/** A duo or small group: the planner and one to five colleagues. */
export const PREPARATION_MIN_PEOPLE = 2;
export const PREPARATION_MAX_PEOPLE = 6;
export const PREPARATION_MIN_MINUTES = 5;
export const PREPARATION_MAX_MINUTES = 240;

const duration = z
  .number('Vul een aantal minuten in.')
  .int('Vul hele minuten in.')
  .min(PREPARATION_MIN_MINUTES, `Minimaal ${PREPARATION_MIN_MINUTES} minuten.`)
  .max(PREPARATION_MAX_MINUTES, `Maximaal ${PREPARATION_MAX_MINUTES} minuten.`);
const people = z
  .array(Id)
  .min(PREPARATION_MIN_PEOPLE, 'Kies minstens één collega om samen mee voor te bereiden.')
  .max(PREPARATION_MAX_PEOPLE, `Met maximaal ${PREPARATION_MAX_PEOPLE} mensen (jij meegeteld).`);

export const PreparationPerson = z.object({ id: Id, displayName: z.string() });
export type PreparationPerson = z.infer<typeof PreparationPerson>;

export const PreparationGoalRef = z.object({ id: Id, title: z.string() });
export type PreparationGoalRef = z.infer<typeof PreparationGoalRef>;

/** A preparation in the team's list. */
export const PreparationSummary = z.object({
  id: Id,
  title: z.string(),
  kind: z.enum(PREPARATION_KINDS),
  plannedAt: z.string(),
  /** The Dutch school day of `plannedAt` (yyyy-mm-dd). */
  day: z.string(),
  durationMinutes: z.number().int(),
  status: z.enum(PREPARATION_STATUSES),
  participants: z.array(PreparationPerson),
  goal: PreparationGoalRef.nullable(),
  formTitle: z.string(),
  hasResult: z.boolean(),
  version: z.number().int(),
});
export type PreparationSummary = z.infer<typeof PreparationSummary>;

/** One preparation with its form, the answers and the result. */
export const Preparation = PreparationSummary.extend({
  teamId: Id,
  formId: Id.nullable(),
  formFields: z.array(PreparationFormField),
  answers: PreparationAnswers,
  result: z.string(),
  doneAt: z.string().nullable(),
  createdBy: PreparationPerson.nullable(),
  /** edit: a participant (fills, records, reschedules, cancels); saveToLibrary: a team member, once it is done. */
  abilities: z.object({ edit: z.boolean(), saveToLibrary: z.boolean() }),
});
export type Preparation = z.infer<typeof Preparation>;

/** The team's preparations, and what planning one needs: colleagues, goals and forms. */
export const PreparationList = z.object({
  team: z.object({ id: Id, name: z.string() }),
  /** Monday of this week (yyyy-mm-dd), so the page splits this week from later ones as the server sees the day. */
  weekStart: z.string(),
  today: z.string(),
  items: z.array(PreparationSummary),
  members: z.array(PreparationPerson),
  goals: z.array(PreparationGoalRef),
  forms: z.array(PreparationFormOption),
  abilities: z.object({ create: z.boolean() }),
});
export type PreparationList = z.infer<typeof PreparationList>;

export const PreparationInput = z
  .object({
    title: required(200, 'Geef de voorbereiding een titel.'),
    kind: z.enum(PREPARATION_KINDS),
    plannedAt: instant,
    durationMinutes: duration,
    /** Everyone who prepares together; the planner is added when missing. */
    participantIds: z.array(Id).min(1, 'Kies minstens één collega om samen mee voor te bereiden.').max(6),
    teamGoalId: Id.nullable().optional(),
    formId: Id.nullable().optional(),
  })
  .strict();
export type PreparationInput = z.infer<typeof PreparationInput>;

/** Reschedule or change who takes part (while planned). */
export const PreparationUpdate = z
  .object({
    version,
    title: required(200, 'Geef de voorbereiding een titel.').optional(),
    kind: z.enum(PREPARATION_KINDS).optional(),
    plannedAt: instant.optional(),
    durationMinutes: duration.optional(),
    participantIds: people.optional(),
    teamGoalId: Id.nullable().optional(),
  })
  .strict();
export type PreparationUpdate = z.infer<typeof PreparationUpdate>;

/** What the participants filled in together and the result they wrote down. */
export const PreparationWork = z
  .object({ version, answers: PreparationAnswers.optional(), result: text(10_000).optional() })
  .strict();
export type PreparationWork = z.infer<typeof PreparationWork>;

export const PreparationVersionBody = z.object({ version }).strict();
export type PreparationVersionBody = z.infer<typeof PreparationVersionBody>;

export const PreparationParams = z.object({ teamId: Id, preparationId: Id }).strict();
export const PreparationTeamParams = z.object({ teamId: Id }).strict();

// ---------------------------------------------------------------------------------------------
// The team library

export const LIBRARY_KINDS = ['procedure', 'checklist', 'lesson_design', 'other'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

export const LibraryFile = z.object({ name: z.string(), mediaType: z.string(), size: z.number().int() });
export type LibraryFile = z.infer<typeof LibraryFile>;

/** One version: never changed after it was added. */
export const LibraryVersion = z.object({
  number: z.number().int(),
  note: z.string(),
  file: LibraryFile.nullable(),
  createdAt: z.string(),
  createdBy: PreparationPerson.nullable(),
});
export type LibraryVersion = z.infer<typeof LibraryVersion>;

export const LibraryVersionDetail = LibraryVersion.extend({ body: z.string() });
export type LibraryVersionDetail = z.infer<typeof LibraryVersionDetail>;

/** A product in the library's list, with its current version. */
export const LibraryItemSummary = z.object({
  id: Id,
  title: z.string(),
  kind: z.enum(LIBRARY_KINDS),
  goal: PreparationGoalRef.nullable(),
  preparation: z.object({ id: Id, title: z.string() }).nullable(),
  currentVersion: z.number().int(),
  current: LibraryVersion,
  archivedAt: z.string().nullable(),
  version: z.number().int(),
});
export type LibraryItemSummary = z.infer<typeof LibraryItemSummary>;

export const LibraryItem = LibraryItemSummary.extend({
  teamId: Id,
  body: z.string(),
  /** Newest first. */
  versions: z.array(LibraryVersion),
  abilities: z.object({ edit: z.boolean() }),
});
export type LibraryItem = z.infer<typeof LibraryItem>;

export const LibraryList = z.object({
  team: z.object({ id: Id, name: z.string() }),
  items: z.array(LibraryItemSummary),
  goals: z.array(PreparationGoalRef),
  abilities: z.object({ edit: z.boolean() }),
});
export type LibraryList = z.infer<typeof LibraryList>;

export const LibraryListQuery = z
  .object({
    kind: z.enum(LIBRARY_KINDS).optional(),
    goalId: Id.optional(),
    q: z.string().trim().max(100).optional(),
    archived: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type LibraryListQuery = z.infer<typeof LibraryListQuery>;

const note = (empty: string) => required(300, empty);

export const LibraryItemInput = z
  .object({
    title: required(200, 'Geef het product een titel.'),
    kind: z.enum(LIBRARY_KINDS),
    teamGoalId: Id.nullable().optional(),
    /** The done preparation it came from. */
    preparationId: Id.nullable().optional(),
    body: text(50_000),
    note: text(300).optional(),
  })
  .strict();
export type LibraryItemInput = z.infer<typeof LibraryItemInput>;

export const LibraryItemUpdate = z
  .object({
    version,
    title: required(200, 'Geef het product een titel.').optional(),
    kind: z.enum(LIBRARY_KINDS).optional(),
    teamGoalId: Id.nullable().optional(),
  })
  .strict();
export type LibraryItemUpdate = z.infer<typeof LibraryItemUpdate>;

/** A new version with a new text; the file of the current version stays unless `keepFile` is false. */
export const LibraryVersionInput = z
  .object({
    version,
    body: text(50_000),
    note: note('Schrijf kort op wat er in deze versie veranderd is.'),
    keepFile: z.boolean().optional(),
  })
  .strict();
export type LibraryVersionInput = z.infer<typeof LibraryVersionInput>;

/** A new version with a (new) file: the body is the file itself; the text of the current version stays. */
export const LibraryVersionFileQuery = z
  .object({
    version: z.coerce.number().int().min(1),
    note: note('Schrijf kort op wat er in deze versie veranderd is.'),
    fileName: required(255, 'Geef de naam van het bestand mee.'),
  })
  .strict();
export type LibraryVersionFileQuery = z.infer<typeof LibraryVersionFileQuery>;

export const LibraryVersionBody = z.object({ version }).strict();
export type LibraryVersionBody = z.infer<typeof LibraryVersionBody>;

export const LibraryItemParams = z.object({ teamId: Id, itemId: Id }).strict();
export const LibraryVersionParams = z
  .object({ teamId: Id, itemId: Id, number: z.coerce.number().int().min(1) })
  .strict();
