// Contracts of the visits module: the team's own forms (kijkwijzers and preparation forms, one builder) and visits
// (werkbezoek / lesbezoek) with the follow-up talk along the feedback model.
import { z } from 'zod';
import { Id } from './common.ts';

const noNul = (v: string) => !v.includes('\u0000');
const NUL_MESSAGE = 'Deze tekst bevat een teken dat niet kan worden opgeslagen.';
const text = (max: number) => z.string().trim().max(max, `Maximaal ${max} tekens.`).refine(noNul, NUL_MESSAGE);
const required = (max: number, empty: string) =>
  z.string().trim().min(1, empty).max(max, `Maximaal ${max} tekens.`).refine(noNul, NUL_MESSAGE);
const version = z.number().int().min(1);

// ---------------------------------------------------------------------------------------------
// Forms

export const TEAM_FORM_PURPOSES = ['visit', 'preparation'] as const;
export const TeamFormPurpose = z.enum(TEAM_FORM_PURPOSES);
export type TeamFormPurpose = z.infer<typeof TeamFormPurpose>;

/** heading: a section title (no answer); scale: 1–4 or "niet gezien"; text: open; check: yes/no; choice: one option. */
export const TEAM_FORM_FIELD_KINDS = ['heading', 'scale', 'text', 'check', 'choice'] as const;
export const TeamFormFieldKind = z.enum(TEAM_FORM_FIELD_KINDS);
export type TeamFormFieldKind = z.infer<typeof TeamFormFieldKind>;

export const TEAM_FORM_MAX_FIELDS = 60;
export const TEAM_FORM_MAX_OPTIONS = 12;
/** The scale runs from 1 to this number. */
export const TEAM_FORM_SCALE_MAX = 4;
export const TEAM_FORM_TEXT_ANSWER_MAX = 4000;

/** Answers are kept per field id, so ids are short, stable and unique within the form. */
const FIELD_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const TeamFormFieldInput = z
  .object({
    id: z.string().regex(FIELD_ID, 'Een veld-id bestaat uit kleine letters, cijfers en streepjes (hooguit 40).'),
    kind: TeamFormFieldKind,
    label: required(300, 'Geef dit veld een tekst.'),
    help: text(500).optional(),
    options: z
      .array(required(120, 'Een keuze mag niet leeg zijn.'))
      .max(TEAM_FORM_MAX_OPTIONS, `Hooguit ${TEAM_FORM_MAX_OPTIONS} keuzes.`)
      .optional(),
  })
  .strict();
export type TeamFormFieldInput = z.infer<typeof TeamFormFieldInput>;

export const isAnswerable = (kind: TeamFormFieldKind) => kind !== 'heading';

/** The fields of a form: at least one answerable, unique ids, options for (and only for) a choice. */
export const TeamFormFields = z
  .array(TeamFormFieldInput)
  .max(TEAM_FORM_MAX_FIELDS, `Hooguit ${TEAM_FORM_MAX_FIELDS} velden.`)
  .superRefine((fields, ctx) => {
    if (!fields.some((f) => isAnswerable(f.kind)))
      ctx.addIssue({ code: 'custom', path: [], message: 'Zet minstens één vraag op het formulier.' });
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'Dit veld-id staat er twee keer.' });
      seen.add(f.id);
      if (f.kind === 'choice') {
        const options = f.options ?? [];
        if (options.length < 2)
          ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'Geef minstens twee keuzes.' });
        if (new Set(options).size !== options.length)
          ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'Elke keuze maar één keer.' });
      } else if (f.options && f.options.length > 0) {
        ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'Alleen een keuzevraag heeft keuzes.' });
      }
    });
  });

export const TeamFormField = z.object({
  id: z.string(),
  kind: TeamFormFieldKind,
  label: z.string(),
  help: z.string().optional(),
  options: z.array(z.string()).optional(),
});
export type TeamFormField = z.infer<typeof TeamFormField>;

export const TeamForm = z.object({
  id: Id,
  teamId: Id,
  purpose: TeamFormPurpose,
  title: z.string(),
  description: z.string(),
  fields: z.array(TeamFormField),
  archived: z.boolean(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TeamForm = z.infer<typeof TeamForm>;

export const TeamFormList = z.object({ items: z.array(TeamForm), abilities: z.object({ edit: z.boolean() }) });
export type TeamFormList = z.infer<typeof TeamFormList>;

export const TeamFormListQuery = z
  .object({ purpose: TeamFormPurpose.optional(), archived: z.enum(['true', 'false']).optional() })
  .strict();
export type TeamFormListQuery = z.infer<typeof TeamFormListQuery>;

export const TeamFormInput = z
  .object({
    purpose: TeamFormPurpose,
    title: required(120, 'Geef het formulier een titel.'),
    description: text(1000).optional(),
    fields: TeamFormFields,
  })
  .strict();
export type TeamFormInput = z.infer<typeof TeamFormInput>;

export const TeamFormUpdate = TeamFormInput.omit({ purpose: true }).extend({ version }).strict();
export type TeamFormUpdate = z.infer<typeof TeamFormUpdate>;

/** A starting form the team can begin from ("begin vanuit een voorbeeld"). */
export const TeamFormExample = z.object({
  key: z.string(),
  purpose: TeamFormPurpose,
  title: z.string(),
  description: z.string(),
  fields: z.array(TeamFormField),
});
export type TeamFormExample = z.infer<typeof TeamFormExample>;
export const TeamFormExampleList = z.object({ items: z.array(TeamFormExample) });
export type TeamFormExampleList = z.infer<typeof TeamFormExampleList>;

// ---------------------------------------------------------------------------------------------
// Answers

/** An answer per field id: a number for scale, text for text and choice, true/false for check; null = not seen. */
export const TeamFormAnswers = z.record(
  z.string().max(40),
  z.union([
    z.string().max(TEAM_FORM_TEXT_ANSWER_MAX, `Maximaal ${TEAM_FORM_TEXT_ANSWER_MAX} tekens.`),
    z.number(),
    z.boolean(),
    z.null(),
  ]),
);
export type TeamFormAnswers = z.infer<typeof TeamFormAnswers>;

export type AnswerProblem = { fieldId: string; message: string };

/**
 * Checks answers against the fields they are for (a visit's snapshot): only answerable fields, a whole number
 * 1–4 for a scale, text for an open question, true/false for a check, one of the options for a choice; null or
 * an empty text is "not answered". Returns the problems (none when all is well).
 */
export function checkAnswers(fields: readonly TeamFormField[], answers: TeamFormAnswers): AnswerProblem[] {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const problems: AnswerProblem[] = [];
  for (const [fieldId, value] of Object.entries(answers)) {
    const field = byId.get(fieldId);
    if (!field || !isAnswerable(field.kind)) {
      problems.push({ fieldId, message: 'Deze vraag staat niet op het formulier.' });
      continue;
    }
    if (value === null) continue;
    const ok =
      (field.kind === 'scale' &&
        typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= 1 &&
        value <= TEAM_FORM_SCALE_MAX) ||
      (field.kind === 'text' && typeof value === 'string' && noNul(value)) ||
      (field.kind === 'check' && typeof value === 'boolean') ||
      (field.kind === 'choice' && typeof value === 'string' && (value === '' || (field.options ?? []).includes(value)));
    if (!ok) problems.push({ fieldId, message: answerMessage(field.kind) });
  }
  return problems;
}

function answerMessage(kind: TeamFormFieldKind): string {
  switch (kind) {
    case 'scale':
      return `Kies een score van 1 tot en met ${TEAM_FORM_SCALE_MAX}, of 'niet gezien'.`;
    case 'check':
      return 'Kies ja of nee.';
    case 'choice':
      return 'Kies een van de mogelijkheden.';
    default:
      return 'Vul een tekst in.';
  }
}

// ---------------------------------------------------------------------------------------------
// Visits

export const VISIT_KINDS = ['lesson', 'work', 'meeting'] as const;
export const VisitKind = z.enum(VISIT_KINDS);
export type VisitKind = z.infer<typeof VisitKind>;

/** planned → observed (the observer says the visit happened) → discussed (the talk is recorded); or cancelled. */
export const VisitStatus = z.enum(['planned', 'observed', 'discussed', 'cancelled']);
export type VisitStatus = z.infer<typeof VisitStatus>;

export const VISIT_MIN_MINUTES = 5;
export const VISIT_MAX_MINUTES = 240;

export const VisitPerson = z.object({ id: Id, displayName: z.string() });
export type VisitPerson = z.infer<typeof VisitPerson>;

/** What the team sees of a visit: who visits whom, when, what kind. Never the content. */
export const VisitSummary = z.object({
  id: Id,
  teamId: Id,
  observer: VisitPerson,
  observed: VisitPerson,
  kind: VisitKind,
  scheduledAt: z.string(),
  /** The school's day of the visit, and the Monday of its week. */
  day: z.string(),
  weekStart: z.string(),
  durationMinutes: z.number().int(),
  status: VisitStatus,
  /** It was moved after planning; why is for the two of them (VisitDetail.rescheduledReason). */
  rescheduled: z.boolean(),
  /** The actor is the observer or the observed person, so the visit page opens for them. */
  mine: z.boolean(),
});
export type VisitSummary = z.infer<typeof VisitSummary>;

export const VisitList = z.object({
  items: z.array(VisitSummary),
  team: z.object({ id: Id, name: z.string() }),
  members: z.array(VisitPerson),
  /** Who may plan here: a member of the team (the school's leadership sees only counts, on the board). */
  abilities: z.object({ plan: z.boolean() }),
  today: z.string(),
  thisWeek: z.string(),
});
export type VisitList = z.infer<typeof VisitList>;

export const VisitFeedback = z.object({
  observation: z.string(),
  effect: z.string(),
  reaction: z.string(),
  suggestions: z.string(),
  recordedAt: z.string().nullable(),
  recordedBy: VisitPerson.nullable(),
});
export type VisitFeedback = z.infer<typeof VisitFeedback>;

/** The whole visit, only for the observer, the observed person and (after sharing) the observed person's leidinggevende. */
export const VisitDetail = VisitSummary.extend({
  location: z.string(),
  learningQuestion: z.string(),
  form: z.object({ id: Id.nullable(), title: z.string(), fields: z.array(TeamFormField) }),
  answers: TeamFormAnswers,
  observedAt: z.string().nullable(),
  feedback: VisitFeedback,
  teamGoal: z.object({ id: Id, title: z.string() }).nullable(),
  developmentGoal: z.object({ id: Id, title: z.string() }).nullable(),
  cancelledReason: z.string().nullable(),
  /** When it was last moved (moment, duration or place) and why; the reason only for the two of them. */
  rescheduledAt: z.string().nullable(),
  rescheduledReason: z.string().nullable(),
  sharedAt: z.string().nullable(),
  /** When a leidinggevende first read it since it was (last) shared. */
  sharedReadAt: z.string().nullable(),
  /** The evidence in the observed person's plan made from this visit, if any. */
  evidenceId: Id.nullable(),
  /** observer | observed | manager (reads a shared visit). */
  role: z.enum(['observer', 'observed', 'manager']),
  abilities: z.object({
    edit: z.boolean(),
    answer: z.boolean(),
    markDone: z.boolean(),
    feedback: z.boolean(),
    share: z.boolean(),
    addEvidence: z.boolean(),
  }),
  version: z.number().int(),
});
export type VisitDetail = z.infer<typeof VisitDetail>;

const scheduledAt = z.iso.datetime({ offset: true, message: 'Kies een datum en tijd.' });
const minutes = z
  .number('Vul een aantal minuten in.')
  .int('Vul hele minuten in.')
  .min(VISIT_MIN_MINUTES, `Minstens ${VISIT_MIN_MINUTES} minuten.`)
  .max(VISIT_MAX_MINUTES, `Hooguit ${VISIT_MAX_MINUTES} minuten.`);

export const VisitInput = z
  .object({
    observerId: Id,
    observedId: Id,
    kind: VisitKind,
    scheduledAt,
    durationMinutes: minutes,
    location: text(200).optional(),
    learningQuestion: text(1000).optional(),
    formId: Id,
    teamGoalId: Id.nullable().optional(),
    developmentGoalId: Id.nullable().optional(),
  })
  .strict();
export type VisitInput = z.infer<typeof VisitInput>;

export const VISIT_RESCHEDULE_REASON_MAX = 300;

/**
 * Reschedule or change the plan while the visit is planned. A change of moment, duration or place moves the visit:
 * `reason` (optional) says why, and the other of the two is told by mail.
 */
export const VisitUpdate = z
  .object({
    version,
    kind: VisitKind.optional(),
    scheduledAt: scheduledAt.optional(),
    durationMinutes: minutes.optional(),
    location: text(200).optional(),
    learningQuestion: text(1000).optional(),
    teamGoalId: Id.nullable().optional(),
    developmentGoalId: Id.nullable().optional(),
    reason: text(VISIT_RESCHEDULE_REASON_MAX).optional(),
  })
  .strict();
export type VisitUpdate = z.infer<typeof VisitUpdate>;

export const VisitCancel = z.object({ version, reason: required(500, 'Vul een reden in.') }).strict();
export type VisitCancel = z.infer<typeof VisitCancel>;

export const VisitAnswersInput = z.object({ version, answers: TeamFormAnswers }).strict();
export type VisitAnswersInput = z.infer<typeof VisitAnswersInput>;

export const VisitFeedbackInput = z
  .object({
    version,
    observation: text(4000),
    effect: text(4000),
    reaction: text(4000),
    suggestions: text(4000),
  })
  .strict();
export type VisitFeedbackInput = z.infer<typeof VisitFeedbackInput>;

export const VisitShareInput = z.object({ version, shared: z.boolean() }).strict();
export type VisitShareInput = z.infer<typeof VisitShareInput>;

/** A visit shared with me as leidinggevende of the observed person: who, when, what kind, read yet. No content. */
export const SharedVisit = z.object({
  id: Id,
  team: z.object({ id: Id, name: z.string() }),
  observer: VisitPerson,
  observed: VisitPerson,
  kind: VisitKind,
  scheduledAt: z.string(),
  day: z.string(),
  status: VisitStatus,
  sharedAt: z.string(),
  /** When a leidinggevende first read it since it was shared; null = not read yet. */
  readAt: z.string().nullable(),
});
export type SharedVisit = z.infer<typeof SharedVisit>;

export const SharedVisitList = z.object({ items: z.array(SharedVisit) });
export type SharedVisitList = z.infer<typeof SharedVisitList>;

export const VisitVersionBody = z.object({ version }).strict();
export type VisitVersionBody = z.infer<typeof VisitVersionBody>;

// Path parameters
export const TeamFormParams = z.object({ teamId: Id, formId: Id }).strict();
export const VisitParams = z.object({ teamId: Id, visitId: Id }).strict();
