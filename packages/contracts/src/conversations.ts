// Contracts of the conversations module.
import { z } from 'zod';
import { Id, PageQuery, pageOf } from './common.ts';
import { DevelopmentEvidenceFile } from './development.ts';

export const ConversationState = z.enum([
  'planned',
  'preparing',
  'held',
  'report_draft',
  'agreed',
  'closed',
  'cancelled',
]);
export type ConversationState = z.infer<typeof ConversationState>;

const day = z.iso.date();
const longText = z.string().max(5000);
const shortText = z.string().trim().max(300);
const reason = z.string().trim().min(3).max(1000);
const version = z.number().int().min(0);

export const ConversationPerson = z.object({ id: Id, displayName: z.string() });
export type ConversationPerson = z.infer<typeof ConversationPerson>;

/** Why someone can see a conversation; shown on the page as "wie kan dit zien". */
export const ConversationViewerReason = z.enum(['employee', 'manager', 'line_manager', 'shared', 'hr_grant']);
export type ConversationViewerReason = z.infer<typeof ConversationViewerReason>;
export const ConversationViewer = z.object({
  id: Id,
  displayName: z.string(),
  reasons: z.array(ConversationViewerReason),
  /** For an HR grant: when it ends. */
  until: z.string().nullable(),
});
export type ConversationViewer = z.infer<typeof ConversationViewer>;

export const ConversationPlanInput = z
  .object({
    employeeId: Id,
    kindId: Id,
    scheduledAt: z.iso.datetime({ offset: true }),
    durationMinutes: z.number().int().min(10).max(480),
    location: shortText,
    preparationDueOn: day.nullable().optional(),
  })
  .strict();
export type ConversationPlanInput = z.infer<typeof ConversationPlanInput>;

export const ConversationRescheduleInput = z
  .object({
    scheduledAt: z.iso.datetime({ offset: true }),
    durationMinutes: z.number().int().min(10).max(480).optional(),
    location: shortText.optional(),
    reason,
    version,
  })
  .strict();
export type ConversationRescheduleInput = z.infer<typeof ConversationRescheduleInput>;

export const ConversationCancelInput = z.object({ reason, version }).strict();
export type ConversationCancelInput = z.infer<typeof ConversationCancelInput>;

export const ConversationVersionInput = z.object({ version }).strict();
export type ConversationVersionInput = z.infer<typeof ConversationVersionInput>;

export const ConversationPreparationInput = z
  .object({ answers: z.record(z.string().max(100), longText), version })
  .strict();
export type ConversationPreparationInput = z.infer<typeof ConversationPreparationInput>;

export const ConversationEvidenceInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(2000).default(''),
    url: z
      .url({ protocol: /^https?$/, error: 'Gebruik een link die begint met https:// of http://.' })
      .max(2000)
      .nullable()
      .optional(),
  })
  .strict();
export type ConversationEvidenceInput = z.infer<typeof ConversationEvidenceInput>;

/**
 * POST /api/conversations/:id/evidence/file: the file is the raw request body (any Content-Type; the server
 * decides the kind from the content), the rest is in the query string.
 */
export const ConversationEvidenceFileQuery = z
  .object({
    fileName: z.string().trim().min(1, 'Geef de bestandsnaam mee.').max(255, 'Maximaal 255 tekens.'),
    title: z
      .string()
      .trim()
      .min(1, 'Vul een titel in.')
      .max(200, 'Maximaal 200 tekens.')
      .refine((v) => !v.includes('\u0000'), 'Deze tekst bevat een teken dat niet kan worden opgeslagen.'),
    description: z
      .string()
      .max(2000, 'Maximaal 2000 tekens.')
      .refine((v) => !v.includes('\u0000'), 'Deze tekst bevat een teken dat niet kan worden opgeslagen.')
      .default(''),
  })
  .strict();
export type ConversationEvidenceFileQuery = z.infer<typeof ConversationEvidenceFileQuery>;

export const ReportAgreementAction = z
  .object({
    id: z.string().max(100).optional(),
    title: z.string().trim().min(1, 'Geef de actie een titel').max(300),
    owner: z.enum(['employee', 'manager']),
    dueOn: day.nullable(),
  })
  .strict();
export type ReportAgreementAction = z.infer<typeof ReportAgreementAction>;

export const ReportAgreementInput = z
  .object({
    id: z.string().max(100).optional(),
    title: z.string().trim().min(1, 'Geef het doel een titel').max(300),
    description: z.string().max(3000),
    measure: z.string().trim().min(1, 'Beschrijf hoe je merkt dat het doel bereikt is').max(1000),
    targetDate: day.nullable(),
    actions: z.array(ReportAgreementAction).max(20),
  })
  .strict();
export type ReportAgreementInput = z.infer<typeof ReportAgreementInput>;

/** Manager's fields and employee's fields in one body; each side may send only its own. */
export const ConversationReportInput = z
  .object({
    version,
    goingWell: longText.optional(),
    toDevelop: longText.optional(),
    employeeNeeds: longText.optional(),
    managerOffers: longText.optional(),
    progressEvidence: longText.optional(),
    nextDate: day.nullable().optional(),
    agreements: z.array(ReportAgreementInput).max(20).optional(),
    employeeView: longText.optional(),
    employeeDisagrees: z.boolean().optional(),
  })
  .strict();
export type ConversationReportInput = z.infer<typeof ConversationReportInput>;

export const ConversationSignInput = z.object({ version, disagrees: z.boolean().optional() }).strict();
export type ConversationSignInput = z.infer<typeof ConversationSignInput>;

export const ConversationCorrectionInput = z.object({ reason }).strict();
export type ConversationCorrectionInput = z.infer<typeof ConversationCorrectionInput>;

export const ConversationShareInput = z.object({ personId: Id }).strict();
export type ConversationShareInput = z.infer<typeof ConversationShareInput>;

export const ConversationAccessInput = z.object({ reason: z.string().trim().min(10).max(1000) }).strict();
export type ConversationAccessInput = z.infer<typeof ConversationAccessInput>;
/** One HR access grant: HR may read the person's conversations until expiresAt (earlier when ended early). */
export const ConversationAccessGrant = z.object({
  id: Id,
  employeeId: Id,
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
});
export type ConversationAccessGrant = z.infer<typeof ConversationAccessGrant>;
/** The reader's own unexpired grants for one person (the HR page, to see and end them). */
export const ConversationAccessGrants = z.object({ items: z.array(ConversationAccessGrant) });
export type ConversationAccessGrants = z.infer<typeof ConversationAccessGrants>;
export const ConversationAccessParams = z.object({ personId: Id, id: Id }).strict();

/** For the employee: who from HR had access to their conversations, when and why. */
export const ConversationHrAccess = z.object({
  id: Id,
  hr: ConversationPerson,
  reason: z.string(),
  grantedAt: z.string(),
  /** When the access ended or ends; the moment HR ended it when they did so early. */
  until: z.string(),
  active: z.boolean(),
});
export type ConversationHrAccess = z.infer<typeof ConversationHrAccess>;

export const ConversationFormItem = z.object({ id: z.string(), text: z.string(), help: z.string().optional() });
export const ConversationFormView = z.object({ id: Id, name: z.string(), items: z.array(ConversationFormItem) });
export type ConversationFormView = z.infer<typeof ConversationFormView>;

export const ConversationReport = z.object({
  id: Id,
  revision: z.number().int(),
  supersedesId: Id.nullable(),
  correctionReason: z.string().nullable(),
  goingWell: z.string(),
  toDevelop: z.string(),
  employeeNeeds: z.string(),
  managerOffers: z.string(),
  progressEvidence: z.string(),
  nextDate: z.string().nullable(),
  agreements: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      measure: z.string(),
      targetDate: z.string().nullable(),
      actions: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          owner: z.enum(['employee', 'manager']),
          dueOn: z.string().nullable(),
        }),
      ),
    }),
  ),
  employeeView: z.string(),
  employeeDisagrees: z.boolean(),
  employeeSignedAt: z.string().nullable(),
  managerSignedAt: z.string().nullable(),
  lockedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ConversationReport = z.infer<typeof ConversationReport>;

export const ConversationEvent = z.object({
  id: Id,
  type: z.string(),
  actor: ConversationPerson.nullable(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type ConversationEvent = z.infer<typeof ConversationEvent>;

export const ConversationAbilities = z.object({
  reschedule: z.boolean(),
  cancel: z.boolean(),
  editPreparation: z.boolean(),
  sharePreparation: z.boolean(),
  markHeld: z.boolean(),
  writeReport: z.boolean(),
  writeEmployeeView: z.boolean(),
  sign: z.boolean(),
  requestCorrection: z.boolean(),
  close: z.boolean(),
  manageShares: z.boolean(),
  manageEvidence: z.boolean(),
  downloadPdf: z.boolean(),
});
export type ConversationAbilities = z.infer<typeof ConversationAbilities>;

export const ConversationSide = z.enum(['employee', 'manager', 'viewer']);
export type ConversationSide = z.infer<typeof ConversationSide>;

export const ConversationDetail = z.object({
  id: Id,
  state: ConversationState,
  kind: z.object({ id: Id, name: z.string(), key: z.string() }),
  school: z.object({ id: Id, name: z.string() }),
  schoolYear: z.object({ id: Id, name: z.string() }).nullable(),
  employee: ConversationPerson,
  manager: ConversationPerson,
  scheduledAt: z.string(),
  durationMinutes: z.number().int(),
  location: z.string(),
  preparationDueOn: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  heldAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /**
   * Set while only the clock stops the manager from marking it held: the moment they can (a quarter of an
   * hour before the start). Null when they can now, or never will.
   */
  heldFrom: z.string().nullable(),
  /** The side the reader is on; "viewer" for line managers, shared people and HR. */
  side: ConversationSide,
  preparation: z.object({
    form: ConversationFormView.nullable(),
    /** Null when the reader may not see the answers yet (not shared). */
    answers: z.record(z.string(), z.string()).nullable(),
    sharedAt: z.string().nullable(),
  }),
  questions: ConversationFormView.nullable(),
  evidence: z.array(
    z.object({
      id: Id,
      title: z.string(),
      description: z.string(),
      url: z.string().nullable(),
      /** Name, type and size of an uploaded file; download it from GET …/evidence/:evidenceId/file. */
      file: DevelopmentEvidenceFile.nullable(),
      createdAt: z.string(),
    }),
  ),
  feedbackRounds: z.array(
    z.object({ id: Id, title: z.string(), status: z.string(), closedAt: z.string().nullable(), href: z.string() }),
  ),
  report: ConversationReport.nullable(),
  revisions: z.array(
    z.object({
      id: Id,
      revision: z.number().int(),
      lockedAt: z.string().nullable(),
      correctionReason: z.string().nullable(),
    }),
  ),
  viewers: z.array(ConversationViewer),
  /** HR access to the employee's conversations, newest first; only the employee receives it (else empty). */
  hrAccess: z.array(ConversationHrAccess),
  shares: z.array(ConversationPerson),
  events: z.array(ConversationEvent),
  version: z.number().int(),
  abilities: ConversationAbilities,
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

export const ConversationListRole = z.enum(['employee', 'manager']);
export const ConversationsQuery = PageQuery.extend({
  role: ConversationListRole.default('employee'),
  state: ConversationState.optional(),
  schoolYearId: Id.optional(),
  /** Conversations of one employee that the reader may see (line manager, HR with a grant). */
  employeeId: Id.optional(),
  /** From today on ('upcoming'), before today ('past'), or not finished yet whatever the date ('open'). */
  when: z.enum(['upcoming', 'past', 'open', 'all']).default('all'),
}).strict();
export type ConversationsQuery = z.infer<typeof ConversationsQuery>;

export const ConversationSummary = z.object({
  id: Id,
  state: ConversationState,
  kindName: z.string(),
  schoolName: z.string(),
  employee: ConversationPerson,
  manager: ConversationPerson,
  scheduledAt: z.string(),
  durationMinutes: z.number().int(),
  location: z.string(),
  preparationDueOn: z.string().nullable(),
  preparationShared: z.boolean(),
  employeeSigned: z.boolean(),
  managerSigned: z.boolean(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;
export const ConversationPage = pageOf(ConversationSummary);
export type ConversationPage = z.infer<typeof ConversationPage>;

/** What the plan form offers: the reader's direct reports and, per report, the kinds they can have. */
export const ConversationPlanOptions = z.object({
  employees: z.array(
    ConversationPerson.extend({
      kinds: z.array(z.object({ id: Id, name: z.string(), schoolName: z.string() })),
    }),
  ),
});
export type ConversationPlanOptions = z.infer<typeof ConversationPlanOptions>;

export const ConversationSharePeopleQuery = z.object({ search: z.string().trim().max(100).default('') }).strict();
export type ConversationSharePeopleQuery = z.infer<typeof ConversationSharePeopleQuery>;
export const ConversationSharePeople = z.object({ items: z.array(ConversationPerson.extend({ email: z.string() })) });
export type ConversationSharePeople = z.infer<typeof ConversationSharePeople>;
