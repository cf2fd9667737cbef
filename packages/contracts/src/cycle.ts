import { z } from 'zod';
import { Id } from './common.ts';
import { Role } from './organisation.ts';

// Contracts of the cycle module: a school's conversation cycle (settings, school years, kinds, rules, forms),
// the leidinggevende's overview and the school's coverage.

const name = z.string().trim().min(1, 'Vul een naam in').max(200, 'Gebruik hoogstens 200 tekens');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Vul een datum in (jjjj-mm-dd)');
const version = z.number().int().min(0);

/** The standard kinds of conversation; 'eigen' is a school's own kind. */
export const ConversationKindKey = z.enum([
  'planning',
  'voortgang',
  'functionering',
  'beoordeling',
  'loopbaan',
  'waardering',
  'eigen',
]);
export type ConversationKindKey = z.infer<typeof ConversationKindKey>;

/** 'reflection': the employee fills it in before the conversation; 'questions': what the manager will ask. */
export const FormPurpose = z.enum(['reflection', 'questions']);
export type FormPurpose = z.infer<typeof FormPurpose>;

export const SchoolSettings = z.object({
  schoolId: Id,
  minGroupSize: z.number().int(),
  minTextGroupSize: z.number().int(),
  retentionMonths: z.number().int(),
  reminderDays: z.number().int(),
  /** 0 while the school still runs on the defaults. */
  version: z.number().int(),
});
export type SchoolSettings = z.infer<typeof SchoolSettings>;

/** PUT /api/schools/:schoolId/settings. `version` is 0 for the first save. */
export const SchoolSettingsInput = z
  .object({
    minGroupSize: z.number().int().min(3, 'Minimaal 3: kleinere groepen zijn te herleiden tot personen').max(50),
    minTextGroupSize: z.number().int().min(3, 'Minimaal 3').max(50),
    retentionMonths: z.number().int().min(1, 'Minimaal 1 maand').max(120, 'Hoogstens 120 maanden'),
    reminderDays: z.number().int().min(0, 'Niet negatief').max(30, 'Hoogstens 30 dagen'),
    version,
  })
  .strict();
export type SchoolSettingsInput = z.infer<typeof SchoolSettingsInput>;

export const SchoolYearPeriod = z.object({
  id: Id,
  position: z.number().int(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});
export type SchoolYearPeriod = z.infer<typeof SchoolYearPeriod>;

export const SchoolYear = z.object({
  id: Id,
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  periods: z.array(SchoolYearPeriod),
  /** Whether conversations are linked to it (then it cannot be deleted). */
  inUse: z.boolean(),
  version: z.number().int(),
});
export type SchoolYear = z.infer<typeof SchoolYear>;

export const SchoolYearPeriodInput = z.object({ name, startsOn: day, endsOn: day }).strict();
export type SchoolYearPeriodInput = z.infer<typeof SchoolYearPeriodInput>;

export const SchoolYearInput = z
  .object({
    name: name.max(40, 'Gebruik hoogstens 40 tekens'),
    startsOn: day,
    endsOn: day,
    periods: z.array(SchoolYearPeriodInput).min(1, 'Geef minstens één periode').max(12, 'Hoogstens 12 periodes'),
  })
  .strict();
export type SchoolYearInput = z.infer<typeof SchoolYearInput>;
export const SchoolYearUpdate = SchoolYearInput.extend({ version }).strict();
export type SchoolYearUpdate = z.infer<typeof SchoolYearUpdate>;

export const FormItem = z.object({ id: z.string(), text: z.string(), help: z.string().optional() });
export type FormItem = z.infer<typeof FormItem>;

export const ConversationForm = z.object({
  id: Id,
  purpose: FormPurpose,
  name: z.string(),
  role: Role.nullable(),
  templateKey: z.string().nullable(),
  items: z.array(FormItem),
  active: z.boolean(),
  version: z.number().int(),
});
export type ConversationForm = z.infer<typeof ConversationForm>;

export const FormItemInput = z
  .object({
    id: z.string().trim().min(1).max(40).optional(),
    text: z.string().trim().min(1, 'Vul de vraag in').max(500, 'Gebruik hoogstens 500 tekens'),
    help: z.string().trim().max(1000).optional(),
  })
  .strict();
export const ConversationFormInput = z
  .object({
    purpose: FormPurpose,
    name,
    role: Role.nullable().optional(),
    items: z.array(FormItemInput).min(1, 'Geef minstens één vraag').max(40, 'Hoogstens 40 vragen'),
  })
  .strict();
export type ConversationFormInput = z.infer<typeof ConversationFormInput>;
export const ConversationFormUpdate = ConversationFormInput.omit({ purpose: true })
  .partial()
  .extend({ active: z.boolean().optional(), version })
  .strict();
export type ConversationFormUpdate = z.infer<typeof ConversationFormUpdate>;

export const ConversationKind = z.object({
  id: Id,
  key: ConversationKindKey,
  name: z.string(),
  description: z.string(),
  reflectionFormId: Id.nullable(),
  questionFormId: Id.nullable(),
  position: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type ConversationKind = z.infer<typeof ConversationKind>;

export const ConversationKindInput = z
  .object({
    key: ConversationKindKey.default('eigen'),
    name,
    description: z.string().trim().max(1000, 'Gebruik hoogstens 1000 tekens').default(''),
    reflectionFormId: Id.nullable().optional(),
    questionFormId: Id.nullable().optional(),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict();
export type ConversationKindInput = z.infer<typeof ConversationKindInput>;
export const ConversationKindUpdate = z
  .object({
    name: name.optional(),
    description: z.string().trim().max(1000, 'Gebruik hoogstens 1000 tekens').optional(),
    reflectionFormId: Id.nullable().optional(),
    questionFormId: Id.nullable().optional(),
    position: z.number().int().min(0).max(1000).optional(),
    active: z.boolean().optional(),
    version,
  })
  .strict();
export type ConversationKindUpdate = z.infer<typeof ConversationKindUpdate>;

export const CycleRule = z.object({
  id: Id,
  kindId: Id,
  roles: z.array(Role),
  teamIds: z.array(Id),
  everyYears: z.number().int(),
  periodPosition: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type CycleRule = z.infer<typeof CycleRule>;

export const CycleRuleInput = z
  .object({
    kindId: Id,
    roles: z.array(Role).max(20).default([]),
    teamIds: z.array(Id).max(200).default([]),
    everyYears: z.number().int().min(1, 'Minimaal elk jaar').max(10, 'Hoogstens eens per 10 jaar').default(1),
    periodPosition: z.number().int().min(1, 'Kies een periode').max(12, 'Kies een periode').default(1),
    active: z.boolean().optional(),
  })
  .strict();
export type CycleRuleInput = z.infer<typeof CycleRuleInput>;
export const CycleRuleUpdate = z
  .object({
    roles: z.array(Role).max(20).optional(),
    teamIds: z.array(Id).max(200).optional(),
    everyYears: z.number().int().min(1, 'Minimaal elk jaar').max(10, 'Hoogstens eens per 10 jaar').optional(),
    periodPosition: z.number().int().min(1, 'Kies een periode').max(12, 'Kies een periode').optional(),
    active: z.boolean().optional(),
    version,
  })
  .strict();
export type CycleRuleUpdate = z.infer<typeof CycleRuleUpdate>;

export const CycleAbilities = z.object({ edit: z.boolean(), applyDefaults: z.boolean() });
export type CycleAbilities = z.infer<typeof CycleAbilities>;

/** GET /api/schools/:schoolId/cycle: everything the configuration screen shows. Every change returns it too. */
export const CycleConfig = z.object({
  school: z.object({ id: Id, name: z.string() }),
  settings: SchoolSettings,
  years: z.array(SchoolYear),
  kinds: z.array(ConversationKind),
  rules: z.array(CycleRule),
  forms: z.array(ConversationForm),
  teams: z.array(z.object({ id: Id, name: z.string() })),
  abilities: CycleAbilities,
});
export type CycleConfig = z.infer<typeof CycleConfig>;

/** GET /api/cycle/schools: the schools whose cycle the person may see. */
export const CycleSchoolList = z.object({
  items: z.array(z.object({ id: Id, name: z.string(), configured: z.boolean(), abilities: CycleAbilities })),
});
export type CycleSchoolList = z.infer<typeof CycleSchoolList>;

export const SchoolYearQuery = z.object({ schoolYearId: Id.optional() }).strict();
export type SchoolYearQuery = z.infer<typeof SchoolYearQuery>;

/**
 * Where one person stands for one kind in a school year.
 * done: held this year; planned: scheduled, not yet held; overdue: neither and the period has ended;
 * due: neither, still in time; not_due: an every-N-years kind held recently enough.
 */
export const CycleStatus = z.enum(['done', 'planned', 'overdue', 'due', 'not_due']);
export type CycleStatus = z.infer<typeof CycleStatus>;

export const CycleItem = z.object({
  kindId: Id,
  kindName: z.string(),
  status: CycleStatus,
  /** The day by which it is due (end of the rule's period); for not_due the day it is next due. */
  dueOn: z.string(),
  conversationId: Id.nullable(),
  scheduledAt: z.string().nullable(),
});
export type CycleItem = z.infer<typeof CycleItem>;

export const CycleStatusCounts = z.object({
  done: z.number().int(),
  planned: z.number().int(),
  overdue: z.number().int(),
  due: z.number().int(),
  not_due: z.number().int(),
});
export type CycleStatusCounts = z.infer<typeof CycleStatusCounts>;

/** GET /api/cycle/overview: the leidinggevende's direct reports and where each stands. */
export const CycleOverview = z.object({
  schoolYear: z.object({ id: Id, name: z.string(), startsOn: z.string(), endsOn: z.string() }).nullable(),
  /** School years to choose from (by name, across the schools of the reports). */
  years: z.array(z.object({ id: Id, name: z.string() })),
  people: z.array(
    z.object({
      id: Id,
      displayName: z.string(),
      jobTitle: z.string().nullable(),
      schoolName: z.string(),
      teamNames: z.array(z.string()),
      items: z.array(CycleItem),
    }),
  ),
  /** Direct reports in a school that has no cycle (no year or no rules) yet. */
  unconfigured: z.array(z.object({ id: Id, displayName: z.string(), schoolName: z.string() })),
  counts: CycleStatusCounts,
});
export type CycleOverview = z.infer<typeof CycleOverview>;

export const CoverageCell = z.object({
  kindId: Id,
  applicable: z.number().int(),
  done: z.number().int(),
  planned: z.number().int(),
  overdue: z.number().int(),
  due: z.number().int(),
  notDue: z.number().int(),
  /** done / applicable (not_due excluded), rounded; null when nobody is due. */
  percentDone: z.number().int().nullable(),
});
export type CoverageCell = z.infer<typeof CoverageCell>;

/** GET /api/schools/:schoolId/cycle/coverage: numbers per team and kind, never contents. */
export const CycleCoverage = z.object({
  school: z.object({ id: Id, name: z.string() }),
  schoolYear: z.object({ id: Id, name: z.string(), startsOn: z.string(), endsOn: z.string() }).nullable(),
  years: z.array(z.object({ id: Id, name: z.string() })),
  kinds: z.array(
    z.object({
      id: Id,
      name: z.string(),
      /**
       * When the kind's conversations belong to a period of the shown year that has not started yet (its rules'
       * earliest period): that period. Low numbers for it are then no backlog yet.
       */
      upcoming: z.object({ periodName: z.string(), startsOn: z.string() }).nullable(),
    }),
  ),
  teams: z.array(z.object({ id: Id.nullable(), name: z.string(), cells: z.array(CoverageCell) })),
  total: z.array(CoverageCell),
  /** Active staff to whom a rule applies but who have no leidinggevende. */
  withoutManager: z.array(
    z.object({ id: Id, displayName: z.string(), teamNames: z.array(z.string()), href: z.string().nullable() }),
  ),
  configured: z.boolean(),
  abilities: CycleAbilities,
});
export type CycleCoverage = z.infer<typeof CycleCoverage>;
