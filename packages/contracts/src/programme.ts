// Contracts of the programme module: a team's 8-week programme, the progress meter (voortgangsmeter) the team
// scores itself with, and the school's year plan with its kick-off, linking sessions and cross-school pizzasessies.
import { z } from 'zod';
import { Id } from './common.ts';

const noNul = (v: string) => !v.includes('\u0000');
const NUL_MESSAGE = 'Deze tekst bevat een teken dat niet kan worden opgeslagen.';
const text = (max: number) => z.string().trim().max(max, `Maximaal ${max} tekens.`).refine(noNul, NUL_MESSAGE);
const required = (max: number, empty: string) =>
  z.string().trim().min(1, empty).max(max, `Maximaal ${max} tekens.`).refine(noNul, NUL_MESSAGE);
const isoDate = z.iso
  .date('Gebruik een datum als 2026-03-31.')
  .refine((v) => v >= '2000-01-01' && v <= '2999-12-31', 'Kies een datum tussen 2000 en 2999.');
const instant = z.iso.datetime({ offset: true, message: 'Kies een datum en tijd.' });
const TeamRef = z.object({ id: Id, name: z.string() });

// The interventions the progress meter scores, and its two phases.
export const PROGRESS_INTERVENTIONS = ['session', 'visits', 'preparation'] as const;
export const ProgressIntervention = z.enum(PROGRESS_INTERVENTIONS);
export type ProgressIntervention = z.infer<typeof ProgressIntervention>;

/** start: the first eight weeks (getting started, building safety); deepening: after them (depth and effect). */
export const PROGRESS_PHASES = ['start', 'deepening'] as const;
export const ProgressPhase = z.enum(PROGRESS_PHASES);
export type ProgressPhase = z.infer<typeof ProgressPhase>;

// ---------------------------------------------------------------------------------------------
// The 8-week programme

export const PROGRAMME_LENGTH_WEEKS = 8;

/** The topic of each week's team session, in order (texts in the web app's locale files). */
export const PROGRAMME_TOPICS = [
  'start',
  'goals',
  'visits',
  'preparation',
  'actions',
  'barometer',
  'effect',
  'linking',
] as const;
export type ProgrammeTopic = (typeof PROGRAMME_TOPICS)[number];

/** What a week asks of the team besides its team session: board sessions, visits, joint preparations, barometer. */
export const ProgrammeTodo = z.object({
  boardSessions: z.number().int(),
  visits: z.number().int(),
  preparations: z.number().int(),
  barometer: z.boolean(),
});
export type ProgrammeTodo = z.infer<typeof ProgrammeTodo>;

/** The template every programme is laid out from: one entry per week, week 1 first. */
export const PROGRAMME_TEMPLATE: readonly { topic: ProgrammeTopic; todo: ProgrammeTodo }[] = [
  { topic: 'start', todo: { boardSessions: 1, visits: 0, preparations: 0, barometer: false } },
  { topic: 'goals', todo: { boardSessions: 1, visits: 0, preparations: 0, barometer: true } },
  { topic: 'visits', todo: { boardSessions: 1, visits: 2, preparations: 0, barometer: false } },
  { topic: 'preparation', todo: { boardSessions: 1, visits: 2, preparations: 1, barometer: false } },
  { topic: 'actions', todo: { boardSessions: 1, visits: 3, preparations: 1, barometer: true } },
  { topic: 'barometer', todo: { boardSessions: 1, visits: 3, preparations: 2, barometer: false } },
  { topic: 'effect', todo: { boardSessions: 1, visits: 3, preparations: 2, barometer: true } },
  { topic: 'linking', todo: { boardSessions: 1, visits: 3, preparations: 2, barometer: false } },
];

/** upcoming: not begun; current: this week; done: the team session was held; missed: past without it. */
export const ProgrammeWeekStatus = z.enum(['upcoming', 'current', 'done', 'missed']);
export type ProgrammeWeekStatus = z.infer<typeof ProgrammeWeekStatus>;

export const ProgrammeWeek = z.object({
  week: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  topic: z.enum(PROGRAMME_TOPICS),
  todo: ProgrammeTodo,
  status: ProgrammeWeekStatus,
  sessionHeldOn: z.string().nullable(),
  note: z.string(),
  /** What happened in the week: board sessions held, visits observed or discussed, preparations done. */
  counts: z.object({ boardSessions: z.number().int(), visits: z.number().int(), preparations: z.number().int() }),
  /** 0 while nothing was recorded for the week. */
  version: z.number().int(),
});
export type ProgrammeWeek = z.infer<typeof ProgrammeWeek>;

export const ProgrammeStatus = z.enum(['running', 'finished', 'stopped']);
export type ProgrammeStatus = z.infer<typeof ProgrammeStatus>;

export const LinkingSession = z.object({ id: Id, startsAt: z.string(), location: z.string(), otherTeam: TeamRef });
export type LinkingSession = z.infer<typeof LinkingSession>;

export const TeamProgramme = z.object({
  id: Id,
  startsOn: z.string(),
  endsOn: z.string(),
  status: ProgrammeStatus,
  /** 0 before the start, 1–8 during the programme, 9 after it (the lasting rhythm). */
  currentWeek: z.number().int(),
  nextTeam: TeamRef.nullable(),
  linking: LinkingSession.nullable(),
  weeks: z.array(ProgrammeWeek),
  version: z.number().int(),
});
export type TeamProgramme = z.infer<typeof TeamProgramme>;

export const ProgressLatest = z.object({
  intervention: ProgressIntervention,
  phase: ProgressPhase,
  scoredOn: z.string(),
  average: z.number(),
});
export type ProgressLatest = z.infer<typeof ProgressLatest>;

/** A programme the team or school leadership stopped before its end, and why. */
export const StoppedProgramme = z.object({
  id: Id,
  startsOn: z.string(),
  stoppedAt: z.string(),
  reason: z.string(),
  /** Who stopped it; null when that person is no longer known. */
  stoppedBy: z.string().nullable(),
});
export type StoppedProgramme = z.infer<typeof StoppedProgramme>;

export const TeamProgrammeView = z.object({
  team: z.object({ id: Id, name: z.string(), schoolId: Id, schoolName: z.string() }),
  /**
   * record: members note what happened; lead: the teamleider or school leadership start it and plan the linking;
   * stop: lead, and the programme is running (not past its eighth week).
   */
  abilities: z.object({ record: z.boolean(), lead: z.boolean(), stop: z.boolean() }),
  /** The team's latest programme that was not stopped. */
  programme: TeamProgramme.nullable(),
  /** The latest stopped programme, when no programme was started after it was stopped. */
  stopped: StoppedProgramme.nullable(),
  /** The other teams of the school, for the linking session. */
  otherTeams: z.array(TeamRef),
  latestProgress: z.array(ProgressLatest),
  today: z.string(),
});
export type TeamProgrammeView = z.infer<typeof TeamProgrammeView>;

export const ProgrammeStartInput = z.object({ startsOn: isoDate }).strict();
export type ProgrammeStartInput = z.infer<typeof ProgrammeStartInput>;

/** What happened in a week of the programme; version 0 for a week nothing was noted for yet. */
export const ProgrammeWeekInput = z
  .object({
    week: z.number().int().min(1).max(PROGRAMME_LENGTH_WEEKS),
    sessionHeldOn: isoDate.nullable(),
    note: text(1000),
    version: z.number().int().min(0),
  })
  .strict();
export type ProgrammeWeekInput = z.infer<typeof ProgrammeWeekInput>;

/** Stops the running programme (its id and version as the reader saw them), with a short reason. */
export const ProgrammeStopInput = z
  .object({ programmeId: Id, reason: required(200, 'Geef een reden.'), version: z.number().int().min(1) })
  .strict();
export type ProgrammeStopInput = z.infer<typeof ProgrammeStopInput>;

export const ProgrammeLinkingInput = z
  .object({ nextTeamId: Id, startsAt: instant, location: text(200), version: z.number().int().min(1) })
  .strict();
export type ProgrammeLinkingInput = z.infer<typeof ProgrammeLinkingInput>;

// ---------------------------------------------------------------------------------------------
// The progress meter

/** 1 onvoldoende, 2 matig, 3 voldoende, 4 ruim voldoende, 5 goed. */
export const PROGRESS_LEVELS = [1, 2, 3, 4, 5] as const;

/** The criteria per intervention and phase, as keys (texts in the web app's locale files). */
export const PROGRESS_CRITERIA: Record<ProgressIntervention, Record<ProgressPhase, readonly string[]>> = {
  session: {
    start: ['onTime', 'everyone', 'agenda', 'actionsClear', 'boardCurrent'],
    deepening: ['goalsLead', 'helpAsked', 'followThrough', 'celebrate', 'shared'],
  },
  visits: {
    start: ['planned', 'learningQuestion', 'feedbackModel', 'safe'],
    deepening: ['everyone', 'effect', 'goalLinked', 'variety', 'invite'],
  },
  preparation: {
    start: ['planned', 'form', 'together', 'result'],
    deepening: ['library', 'used', 'goalLinked', 'effect', 'routine'],
  },
};

/** Why a set of scores does not fit the criteria of its intervention and phase, or null when it does. */
export function progressScoresProblem(
  intervention: ProgressIntervention,
  phase: ProgressPhase,
  scores: Record<string, number>,
): string | null {
  const criteria = PROGRESS_CRITERIA[intervention][phase];
  const keys = Object.keys(scores);
  if (keys.some((k) => !criteria.includes(k))) return 'Deze vraag hoort niet bij deze fase.';
  if (criteria.some((c) => !(c in scores))) return 'Geef bij elk punt een score van 1 tot en met 5.';
  if (Object.values(scores).some((v) => !Number.isInteger(v) || v < 1 || v > 5)) return 'Een score is 1, 2, 3, 4 of 5.';
  return null;
}

export const ProgressScoreInput = z
  .object({
    intervention: ProgressIntervention,
    phase: ProgressPhase,
    scoredOn: isoDate,
    scores: z.record(
      z.string().max(40),
      z.number().int().min(1, 'Een score is 1 tot en met 5.').max(5, 'Een score is 1 tot en met 5.'),
    ),
    note: text(1000),
  })
  .strict()
  .superRefine((v, ctx) => {
    const problem = progressScoresProblem(v.intervention, v.phase, v.scores);
    if (problem) ctx.addIssue({ code: 'custom', path: ['scores'], message: problem });
  });
export type ProgressScoreInput = z.infer<typeof ProgressScoreInput>;

export const ProgressScore = z.object({
  id: Id,
  intervention: ProgressIntervention,
  phase: ProgressPhase,
  scoredOn: z.string(),
  scores: z.record(z.string(), z.number()),
  average: z.number(),
  note: z.string(),
  by: z.string().nullable(),
});
export type ProgressScore = z.infer<typeof ProgressScore>;

export const TeamProgress = z.object({
  team: z.object({ id: Id, name: z.string() }),
  abilities: z.object({ score: z.boolean() }),
  /** The phase the team is in: the first eight weeks of its programme, or the deepening phase after them. */
  currentPhase: ProgressPhase,
  /** Oldest first. */
  scores: z.array(ProgressScore),
});
export type TeamProgress = z.infer<typeof TeamProgress>;

// ---------------------------------------------------------------------------------------------
// The year plan and the pizzasessies

export const YEAR_PLAN_KINDS = ['kickoff', 'linking', 'pizza', 'other'] as const;
export const YearPlanKind = z.enum(YEAR_PLAN_KINDS);
export type YearPlanKind = z.infer<typeof YearPlanKind>;

export const YearPlanEvent = z.object({
  id: Id,
  /** null: for the whole board (a pizzasessie). */
  schoolId: Id.nullable(),
  kind: YearPlanKind,
  title: z.string(),
  description: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  location: z.string(),
  capacity: z.number().int().nullable(),
  team: TeamRef.nullable(),
  otherTeam: TeamRef.nullable(),
  registered: z.number().int(),
  registeredByMe: z.boolean(),
  /** Who registered, for the organisers only (school leadership and the beheerder); null for others. */
  registrants: z.array(z.object({ id: Id, displayName: z.string() })).nullable(),
  /** edit: who may create an event of its kind (a linking session moves on its programme's page, not here). */
  abilities: z.object({ edit: z.boolean(), delete: z.boolean(), register: z.boolean() }),
  version: z.number().int(),
});
export type YearPlanEvent = z.infer<typeof YearPlanEvent>;

export const YearPlanProgramme = z.object({
  id: Id,
  team: TeamRef,
  startsOn: z.string(),
  endsOn: z.string(),
  status: ProgrammeStatus,
  currentWeek: z.number().int(),
  nextTeam: TeamRef.nullable(),
});
export type YearPlanProgramme = z.infer<typeof YearPlanProgramme>;

export const YearPlan = z.object({
  school: z.object({ id: Id, name: z.string() }),
  /** The schools whose plan the reader may open. */
  schools: z.array(z.object({ id: Id, name: z.string() })),
  abilities: z.object({ manage: z.boolean() }),
  /** The first and last day shown: the school year around today (1 August to 31 July). */
  from: z.string(),
  to: z.string(),
  programmes: z.array(YearPlanProgramme),
  /** The school's own dates and the board's pizzasessies, soonest first. */
  events: z.array(YearPlanEvent),
});
export type YearPlan = z.infer<typeof YearPlan>;

export const YearPlanQuery = z.object({ schoolId: Id.optional() }).strict();

const yearPlanEventFields = {
  kind: z.enum(['kickoff', 'pizza', 'other']),
  title: required(200, 'Geef een titel.'),
  description: text(2000),
  startsAt: instant,
  endsAt: instant.nullable(),
  location: text(200),
  capacity: z.number().int().min(1, 'Minstens 1 plaats.').max(500, 'Maximaal 500 plaatsen.').nullable(),
};

const endsAfterStart = (v: { startsAt: string; endsAt: string | null }, ctx: z.RefinementCtx) => {
  if (v.endsAt && Date.parse(v.endsAt) <= Date.parse(v.startsAt))
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Het einde ligt na het begin.' });
};

export const YearPlanEventInput = z
  .object({
    /** null for a pizzasessie: it is for the whole board. */
    schoolId: Id.nullable(),
    ...yearPlanEventFields,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'pizza' && v.schoolId !== null)
      ctx.addIssue({ code: 'custom', path: ['schoolId'], message: 'Een pizzasessie is voor het hele bestuur.' });
    if (v.kind !== 'pizza' && v.schoolId === null)
      ctx.addIssue({ code: 'custom', path: ['schoolId'], message: 'Kies de school.' });
    endsAfterStart(v, ctx);
  });
export type YearPlanEventInput = z.infer<typeof YearPlanEventInput>;

/**
 * Changes to a date, over the version the editor saw. It stays in its school (or, a pizzasessie, the board): a
 * school's date switches between kick-off and other, a pizzasessie stays one.
 */
export const YearPlanEventUpdate = z
  .object({ ...yearPlanEventFields, version: z.number().int().min(1) })
  .strict()
  .superRefine(endsAfterStart);
export type YearPlanEventUpdate = z.infer<typeof YearPlanEventUpdate>;

export const YearPlanEventParams = z.object({ id: Id }).strict();

export const PizzaList = z.object({
  abilities: z.object({ create: z.boolean() }),
  /** Upcoming pizzasessies of the board, soonest first. */
  items: z.array(YearPlanEvent),
});
export type PizzaList = z.infer<typeof PizzaList>;
