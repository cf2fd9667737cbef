// Contracts of the development module: the POP (development plan) and the personal action plan.
import { z } from 'zod';
import { Id } from './common.ts';

export const DevelopmentGoalStatus = z.enum(['open', 'on_track', 'behind', 'achieved', 'stopped']);
export type DevelopmentGoalStatus = z.infer<typeof DevelopmentGoalStatus>;

/** 'conversation' goals came from agreements both signed; their title and measure stay as agreed. */
export const DevelopmentGoalSource = z.enum(['own', 'conversation']);
export type DevelopmentGoalSource = z.infer<typeof DevelopmentGoalSource>;

// PostgreSQL text cannot hold a NUL character; refuse it here instead of failing in the database.
const noNul = (v: string) => !v.includes('\u0000');
const NUL_MESSAGE = 'Deze tekst bevat een teken dat niet kan worden opgeslagen.';
const title = z.string().trim().min(1, 'Vul een titel in.').max(200, 'Maximaal 200 tekens.').refine(noNul, NUL_MESSAGE);
const longText = z.string().trim().max(4000, 'Maximaal 4000 tekens.').refine(noNul, NUL_MESSAGE);
const isoDate = z.iso
  .date('Gebruik een datum als 2026-03-31.')
  .refine((v) => v >= '1900-01-01' && v <= '2999-12-31', 'Kies een datum tussen 1900 en 2999.');

/** Only web links: a javascript: or data: address could run code in the reader's browser. */
export const DevelopmentEvidenceUrl = z
  .string()
  .trim()
  .max(2000, 'Maximaal 2000 tekens.')
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'Gebruik een link die begint met https:// of http://.');

export const DevelopmentPerson = z.object({ id: Id, displayName: z.string() });
export type DevelopmentPerson = z.infer<typeof DevelopmentPerson>;

export const DevelopmentAction = z.object({
  id: Id,
  goalId: Id.nullable(),
  conversationId: Id.nullable(),
  title: z.string(),
  owner: DevelopmentPerson,
  dueOn: z.string().nullable(),
  doneAt: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean(), toggle: z.boolean(), delete: z.boolean() }),
});
export type DevelopmentAction = z.infer<typeof DevelopmentAction>;

export const DevelopmentCheckin = z.object({
  id: Id,
  status: DevelopmentGoalStatus,
  note: z.string(),
  author: DevelopmentPerson,
  createdAt: z.string(),
});
export type DevelopmentCheckin = z.infer<typeof DevelopmentCheckin>;

/** Evidence files: at most 10 MB, and only these kinds (checked on the content, not only the name). */
export const EVIDENCE_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_FILE_EXTENSIONS = [
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'webp',
  'gif',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'txt',
] as const;

/** What is shown of a stored file; the bytes come from GET /api/development/evidence/:id/file. */
export const DevelopmentEvidenceFile = z.object({
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
});
export type DevelopmentEvidenceFile = z.infer<typeof DevelopmentEvidenceFile>;

export const DevelopmentEvidence = z.object({
  id: Id,
  goalId: Id.nullable(),
  conversationId: Id.nullable(),
  feedbackRoundId: Id.nullable(),
  /** The linked feedback round's title, so the plan can say "bij feedbackronde …". */
  feedbackRoundTitle: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  url: z.string().nullable(),
  file: DevelopmentEvidenceFile.nullable(),
  createdAt: z.string(),
  abilities: z.object({ delete: z.boolean() }),
});
export type DevelopmentEvidence = z.infer<typeof DevelopmentEvidence>;

export const DevelopmentGoal = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  measure: z.string(),
  targetDate: z.string().nullable(),
  status: DevelopmentGoalStatus,
  source: DevelopmentGoalSource,
  conversationId: Id.nullable(),
  progressEvidence: z.string(),
  visibleToManager: z.boolean(),
  createdAt: z.string(),
  lastProgressAt: z.string().nullable(),
  /** Still running and no progress reported for 8 weeks. */
  isStale: z.boolean(),
  version: z.number().int(),
  actions: z.array(DevelopmentAction),
  /** Latest first. */
  checkins: z.array(DevelopmentCheckin),
  evidence: z.array(DevelopmentEvidence),
  abilities: z.object({
    edit: z.boolean(),
    /** Title, description, measure and target date; not for goals agreed in a conversation. */
    editText: z.boolean(),
    changeVisibility: z.boolean(),
    delete: z.boolean(),
    checkin: z.boolean(),
    addAction: z.boolean(),
    addEvidence: z.boolean(),
  }),
});
export type DevelopmentGoal = z.infer<typeof DevelopmentGoal>;

export const DevelopmentPlan = z.object({
  person: DevelopmentPerson,
  /** 'owner' on one's own plan; 'manager' for a leidinggevende reading a report's plan. */
  viewer: z.enum(['owner', 'manager']),
  /** The ambition is the owner's own words; a manager gets null. version 0: not written yet. */
  plan: z.object({ ambition: z.string().nullable(), version: z.number().int() }),
  goals: z.array(DevelopmentGoal),
  /** The personal action plan: actions without a goal (owner only). */
  quickActions: z.array(DevelopmentAction),
  /** Evidence not tied to a goal (owner only). */
  evidence: z.array(DevelopmentEvidence),
  abilities: z.object({
    editAmbition: z.boolean(),
    addGoal: z.boolean(),
    addQuickAction: z.boolean(),
    addEvidence: z.boolean(),
  }),
});
export type DevelopmentPlan = z.infer<typeof DevelopmentPlan>;

export const DevelopmentPlanUpdate = z.object({ ambition: longText, version: z.number().int().min(0) }).strict();
export type DevelopmentPlanUpdate = z.infer<typeof DevelopmentPlanUpdate>;

export const DevelopmentGoalInput = z
  .object({
    title,
    description: longText.optional(),
    measure: longText.optional(),
    targetDate: isoDate.nullable().optional(),
    progressEvidence: longText.optional(),
    visibleToManager: z.boolean().optional(),
  })
  .strict();
export type DevelopmentGoalInput = z.infer<typeof DevelopmentGoalInput>;

export const DevelopmentGoalUpdate = z
  .object({
    title: title.optional(),
    description: longText.optional(),
    measure: longText.optional(),
    targetDate: isoDate.nullable().optional(),
    progressEvidence: longText.optional(),
    visibleToManager: z.boolean().optional(),
    status: DevelopmentGoalStatus.optional(),
    version: z.number().int(),
  })
  .strict();
export type DevelopmentGoalUpdate = z.infer<typeof DevelopmentGoalUpdate>;

export const DevelopmentActionInput = z
  .object({
    /** Without a goal it is a quick action of the owner's personal action plan. */
    goalId: Id.nullable().optional(),
    title,
    dueOn: isoDate.nullable().optional(),
  })
  .strict();
export type DevelopmentActionInput = z.infer<typeof DevelopmentActionInput>;

export const DevelopmentActionUpdate = z
  .object({
    title: title.optional(),
    dueOn: isoDate.nullable().optional(),
    done: z.boolean().optional(),
    version: z.number().int(),
  })
  .strict();
export type DevelopmentActionUpdate = z.infer<typeof DevelopmentActionUpdate>;

export const DevelopmentCheckinInput = z
  .object({
    status: DevelopmentGoalStatus,
    note: z.string().trim().max(2000, 'Maximaal 2000 tekens.').refine(noNul, NUL_MESSAGE),
  })
  .strict();
export type DevelopmentCheckinInput = z.infer<typeof DevelopmentCheckinInput>;

export const DevelopmentEvidenceInput = z
  .object({
    title,
    description: longText.optional(),
    url: DevelopmentEvidenceUrl.nullable().optional(),
    goalId: Id.nullable().optional(),
    conversationId: Id.nullable().optional(),
    feedbackRoundId: Id.nullable().optional(),
  })
  .strict();
export type DevelopmentEvidenceInput = z.infer<typeof DevelopmentEvidenceInput>;

/**
 * POST /api/development/evidence/file: the file is the raw request body (any Content-Type; the server decides
 * the type from the content), everything else is in the query string.
 */
export const DevelopmentEvidenceFileQuery = z
  .object({
    fileName: z.string().trim().min(1, 'Geef de bestandsnaam mee.').max(255, 'Maximaal 255 tekens.'),
    title,
    description: longText.optional(),
    goalId: Id.optional(),
    conversationId: Id.optional(),
    feedbackRoundId: Id.optional(),
  })
  .strict();
export type DevelopmentEvidenceFileQuery = z.infer<typeof DevelopmentEvidenceFileQuery>;

export const DevelopmentPersonParams = z.object({ personId: Id }).strict();
export type DevelopmentPersonParams = z.infer<typeof DevelopmentPersonParams>;

export const StaleGoal = z.object({
  person: DevelopmentPerson,
  goalId: Id,
  goalTitle: z.string(),
  status: DevelopmentGoalStatus,
  lastProgressAt: z.string().nullable(),
  weeksSinceProgress: z.number().int(),
  href: z.string(),
});
export type StaleGoal = z.infer<typeof StaleGoal>;

export const StaleGoalList = z.object({ items: z.array(StaleGoal) });
export type StaleGoalList = z.infer<typeof StaleGoalList>;
