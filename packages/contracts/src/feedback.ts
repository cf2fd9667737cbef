// Contracts of the feedback module: 360° questionnaires, rounds, invitations, answers and guarded results.
import { z } from 'zod';
import { Id } from './common.ts';

/** Who gives feedback. 'self' and 'leidinggevende' are named sources; every other group is anonymous. */
export const RaterGroup = z.enum([
  'self',
  'leidinggevende',
  'collega',
  'student',
  'leerling',
  'schoolopleider',
  'ouder',
  'extern',
]);
export type RaterGroup = z.infer<typeof RaterGroup>;

/** Groups whose answers are shown as theirs, beside the guarded anonymous groups. */
export const NAMED_RATER_GROUPS: readonly RaterGroup[] = ['self', 'leidinggevende'];

const text = (max: number) => z.string().trim().min(1).max(max);
const itemId = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9_-]+$/, 'Alleen kleine letters, cijfers, - en _.');

export const FeedbackScale = z
  .object({
    labels: z.array(text(60)),
    dontKnowLabel: z.string().trim().min(1).max(60).nullable(),
  })
  .strict();
export type FeedbackScale = z.infer<typeof FeedbackScale>;

export const FeedbackItemType = z.enum(['scale', 'open']);
export type FeedbackItemType = z.infer<typeof FeedbackItemType>;

export const FeedbackItem = z.object({ id: itemId, type: FeedbackItemType, text: text(500) }).strict();
export type FeedbackItem = z.infer<typeof FeedbackItem>;

export const FeedbackSection = z
  .object({ id: itemId, title: text(200), items: z.array(FeedbackItem).max(60) })
  .strict();
export type FeedbackSection = z.infer<typeof FeedbackSection>;

export const FeedbackInstrument = z
  .object({
    name: text(200),
    description: z.string().trim().max(2000),
    scale: FeedbackScale,
    sections: z.array(FeedbackSection).max(20),
    raterGroups: z.array(RaterGroup).max(8),
  })
  .strict();
export type FeedbackInstrument = z.infer<typeof FeedbackInstrument>;

export const QuestionnaireStatus = z.enum(['draft', 'published', 'archived']);
export type QuestionnaireStatus = z.infer<typeof QuestionnaireStatus>;

export const FeedbackTemplateKey = z.enum(['werkplekbegeleider', 'docent', 'oop']);
export type FeedbackTemplateKey = z.infer<typeof FeedbackTemplateKey>;

export const FeedbackTemplateSummary = z.object({
  key: FeedbackTemplateKey,
  name: z.string(),
  description: z.string(),
  items: z.number().int(),
});
export type FeedbackTemplateSummary = z.infer<typeof FeedbackTemplateSummary>;

export const FeedbackQuestionnaireSummary = z.object({
  id: Id,
  schoolId: Id,
  schoolName: z.string(),
  name: z.string(),
  description: z.string(),
  status: QuestionnaireStatus,
  templateKey: z.string().nullable(),
  items: z.number().int(),
  raterGroups: z.array(RaterGroup),
  updatedAt: z.string(),
});
export type FeedbackQuestionnaireSummary = z.infer<typeof FeedbackQuestionnaireSummary>;

export const FeedbackQuestionnairesQuery = z
  .object({
    schoolId: Id.optional(),
    /** 'published' lists what a staff member may start a round with; 'all' what a school leader manages. */
    status: z.enum(['published', 'all']).default('all'),
  })
  .strict();
export type FeedbackQuestionnairesQuery = z.infer<typeof FeedbackQuestionnairesQuery>;

export const FeedbackQuestionnaireList = z.object({
  items: z.array(FeedbackQuestionnaireSummary),
  templates: z.array(FeedbackTemplateSummary),
  /** Schools in which the caller may build questionnaires. */
  manageableSchools: z.array(z.object({ id: Id, name: z.string() })),
});
export type FeedbackQuestionnaireList = z.infer<typeof FeedbackQuestionnaireList>;

export const FeedbackQuestionnaire = FeedbackQuestionnaireSummary.extend({
  scale: FeedbackScale,
  sections: z.array(FeedbackSection),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean(), publish: z.boolean(), archive: z.boolean() }),
});
export type FeedbackQuestionnaire = z.infer<typeof FeedbackQuestionnaire>;

export const FeedbackQuestionnaireCreate = z
  .object({
    schoolId: Id,
    /** Start from a ready template; without it, an empty questionnaire with a 4-point scale. */
    templateKey: FeedbackTemplateKey.optional(),
    name: text(200).optional(),
  })
  .strict();
export type FeedbackQuestionnaireCreate = z.infer<typeof FeedbackQuestionnaireCreate>;

export const FeedbackQuestionnaireUpdate = z
  .object({
    version: z.number().int(),
    name: text(200),
    description: z.string().trim().max(2000),
    scale: FeedbackScale,
    sections: z.array(FeedbackSection).max(20),
    raterGroups: z.array(RaterGroup).max(8),
  })
  .strict();
export type FeedbackQuestionnaireUpdate = z.infer<typeof FeedbackQuestionnaireUpdate>;

export const FeedbackVersionInput = z.object({ version: z.number().int() }).strict();
export type FeedbackVersionInput = z.infer<typeof FeedbackVersionInput>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Gebruik een datum als 2026-05-31.');

export const FeedbackRoundCreate = z
  .object({
    questionnaireId: Id,
    title: text(200),
    message: z.string().trim().max(2000).default(''),
    closesOn: isoDate,
  })
  .strict();
export type FeedbackRoundCreate = z.infer<typeof FeedbackRoundCreate>;

export const FeedbackRoundStatus = z.enum(['open', 'closed']);
export type FeedbackRoundStatus = z.infer<typeof FeedbackRoundStatus>;

export const FeedbackRoundSummary = z.object({
  id: Id,
  title: z.string(),
  status: FeedbackRoundStatus,
  closesOn: z.string(),
  closedAt: z.string().nullable(),
  questionnaireName: z.string(),
  invited: z.number().int(),
  answered: z.number().int(),
});
export type FeedbackRoundSummary = z.infer<typeof FeedbackRoundSummary>;

export const FeedbackRoundList = z.object({ items: z.array(FeedbackRoundSummary) });
export type FeedbackRoundList = z.infer<typeof FeedbackRoundList>;

/** A round someone shared with the caller as their leidinggevende. */
export const SharedFeedbackRound = FeedbackRoundSummary.extend({
  subject: z.object({ id: Id, displayName: z.string() }),
});
export const SharedFeedbackRoundList = z.object({ items: z.array(SharedFeedbackRound) });
export type SharedFeedbackRoundList = z.infer<typeof SharedFeedbackRoundList>;

export const InvitationStatus = z.enum(['pending', 'answered', 'revoked']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const FeedbackInvitation = z.object({
  id: Id,
  name: z.string(),
  /** Only the subject of the round sees addresses. */
  email: z.string().nullable(),
  raterGroup: RaterGroup,
  colleague: z.boolean(),
  status: InvitationStatus,
  abilities: z.object({ revoke: z.boolean(), resend: z.boolean() }),
});
export type FeedbackInvitation = z.infer<typeof FeedbackInvitation>;

export const FeedbackGroupProgress = z.object({
  group: RaterGroup,
  invited: z.number().int(),
  answered: z.number().int(),
  /** Answers still needed before this group can be shown on its own (0 for named groups). */
  needed: z.number().int(),
});
export type FeedbackGroupProgress = z.infer<typeof FeedbackGroupProgress>;

export const FeedbackRoundDetail = z.object({
  id: Id,
  title: z.string(),
  message: z.string(),
  status: FeedbackRoundStatus,
  closesOn: z.string(),
  closedAt: z.string().nullable(),
  schoolName: z.string(),
  subject: z.object({ id: Id, displayName: z.string() }),
  instrument: FeedbackInstrument,
  minGroupSize: z.number().int(),
  minTextGroupSize: z.number().int(),
  groups: z.array(FeedbackGroupProgress),
  invitations: z.array(FeedbackInvitation),
  sharedWithManager: z.boolean(),
  conversationId: Id.nullable(),
  /** The subject's conversations the results can be attached to. */
  conversations: z.array(z.object({ id: Id, label: z.string(), scheduledAt: z.string() })),
  abilities: z.object({
    invite: z.boolean(),
    close: z.boolean(),
    share: z.boolean(),
    attach: z.boolean(),
    viewResults: z.boolean(),
    export: z.boolean(),
  }),
});
export type FeedbackRoundDetail = z.infer<typeof FeedbackRoundDetail>;

export const FeedbackInvitee = z.union([
  z.object({ personId: Id }).strict(),
  z.object({ name: text(200), email: z.email().max(320) }).strict(),
]);
export type FeedbackInvitee = z.infer<typeof FeedbackInvitee>;

export const FeedbackInviteInput = z
  .object({ invitees: z.array(FeedbackInvitee).min(1).max(50), raterGroup: RaterGroup })
  .strict();
export type FeedbackInviteInput = z.infer<typeof FeedbackInviteInput>;

export const FeedbackConversationInput = z.object({ conversationId: Id.nullable() }).strict();
export type FeedbackConversationInput = z.infer<typeof FeedbackConversationInput>;

export const FeedbackColleagueQuery = z.object({ search: z.string().trim().max(100).default('') }).strict();
export const FeedbackColleagueList = z.object({
  items: z.array(z.object({ id: Id, displayName: z.string(), jobTitle: z.string().nullable() })),
});
export type FeedbackColleagueList = z.infer<typeof FeedbackColleagueList>;

/** What a rater sees: the questions, whose feedback it is, and as whom they answer. */
export const FeedbackForm = z.object({
  title: z.string(),
  message: z.string(),
  subjectFirstName: z.string(),
  schoolName: z.string(),
  raterGroup: RaterGroup,
  closesOn: z.string(),
  instrument: FeedbackInstrument,
  /** Whether the rater's answers are shown anonymously within their group. */
  anonymous: z.boolean(),
});
export type FeedbackForm = z.infer<typeof FeedbackForm>;

export const FeedbackAnswer = z
  .object({
    scores: z.record(z.string().max(40), z.union([z.number().int(), z.literal('dk')])),
    open: z.record(z.string().max(40), z.string().max(4000)).default({}),
  })
  .strict();
export type FeedbackAnswer = z.infer<typeof FeedbackAnswer>;

export const FeedbackTokenParams = z.object({ token: z.string().min(20).max(100) }).strict();

export const FeedbackOk = z.object({ ok: z.literal(true) });

const Cell = z.object({
  group: z.string(),
  n: z.number().int(),
  dontKnow: z.number().int(),
  mean: z.number(),
  distribution: z.array(z.number().int()),
});
const Withheld = z.object({
  group: z.string(),
  reason: z.enum(['too_few', 'would_reveal']),
  missing: z.number().int(),
});
const NamedScore = z.union([z.number().int(), z.literal('dk')]).nullable();

export const FeedbackResultItem = z.object({
  id: z.string(),
  type: FeedbackItemType,
  text: z.string(),
  /** Scale items: guarded cells per shown group ('others' and 'all' included). */
  cells: z.array(Cell),
  withheld: z.array(Withheld),
  self: NamedScore,
  leidinggevende: NamedScore,
  /** Open items: guarded answers per shown group, shuffled, without dates. */
  answers: z.array(z.object({ group: z.string(), texts: z.array(z.string()) })),
  selfText: z.string().nullable(),
  leidinggevendeText: z.string().nullable(),
});
export type FeedbackResultItem = z.infer<typeof FeedbackResultItem>;

export const FeedbackResults = z.object({
  roundId: Id,
  title: z.string(),
  subjectName: z.string(),
  closedAt: z.string().nullable(),
  minGroupSize: z.number().int(),
  minTextGroupSize: z.number().int(),
  scale: FeedbackScale,
  groups: z.array(
    z.object({
      group: z.string(),
      status: z.enum(['shown', 'folded', 'withheld']),
      respondents: z.number().int(),
      missing: z.number().int(),
    }),
  ),
  /** The small groups folded together into 'others'. */
  others: z.array(z.string()),
  named: z.object({ self: z.boolean(), leidinggevende: z.boolean() }),
  sections: z.array(z.object({ id: z.string(), title: z.string(), items: z.array(FeedbackResultItem) })),
});
export type FeedbackResults = z.infer<typeof FeedbackResults>;

export const FeedbackExportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }).strict();
