// Contracts of the barometer: a team's short anonymous questionnaire every few weeks, its guarded results and
// the trend over closed rounds. Results belong to the team; a school leader sees only rounds a team shared.
import { z } from 'zod';
import { Id } from './common.ts';

/** The answer scale: 1–5 from "helemaal oneens" to "helemaal eens", plus "weet niet" ('dk'). */
export const BAROMETER_SCALE_MAX = 5;
export const BAROMETER_MAX_OWN_QUESTIONS = 5;
/** How long a round runs: at least a day, at most four weeks. */
export const BAROMETER_MAX_DAYS = 28;
/**
 * How long a round opened by the team's rhythm stays open: at least 3 days (the one reminder goes out 2 days
 * before closing, never on the day a round opens), at most two weeks (the shortest rhythm).
 */
export const BAROMETER_ROUND_DAYS_MIN = 3;
export const BAROMETER_ROUND_DAYS_MAX = 14;

export const BarometerQuestionKind = z.enum(['scale', 'text']);
export type BarometerQuestionKind = z.infer<typeof BarometerQuestionKind>;

export const BarometerQuestion = z.object({
  id: z.string(),
  text: z.string(),
  kind: BarometerQuestionKind,
  /** One of the standard questions (the web app may show it in the reader's language). */
  standard: z.boolean(),
});
export type BarometerQuestion = z.infer<typeof BarometerQuestion>;

const OWN_ID = /^own-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const noNul = (v: string) => !v.includes('\u0000');

/** A question the team adds itself; a new one has no id yet (the server gives it one). */
export const BarometerOwnQuestionInput = z
  .object({
    id: z.string().regex(OWN_ID, 'Onbekende vraag.').optional(),
    text: z
      .string()
      .trim()
      .min(1, 'Schrijf de vraag op.')
      .max(300, 'Maximaal 300 tekens.')
      .refine(noNul, 'Deze tekst bevat een teken dat niet kan worden opgeslagen.'),
    kind: BarometerQuestionKind,
  })
  .strict();
export type BarometerOwnQuestionInput = z.infer<typeof BarometerOwnQuestionInput>;

export const BarometerSettings = z.object({
  /** 2 or 4: the rhythm the team keeps; the next round is due that many weeks after the last one opened. */
  intervalWeeks: z.number().int(),
  /** Open the next round by itself (a daily job in the early morning) when it is due. */
  autoOpen: z.boolean(),
  /** How many days a round opened by the rhythm stays open. */
  roundDays: z.number().int(),
  extraQuestions: z.array(BarometerQuestion),
  minGroupSize: z.number().int(),
  minTextGroupSize: z.number().int(),
  /** The school's floors (cycle settings): the team can go higher, never lower. */
  schoolMinGroupSize: z.number().int(),
  schoolMinTextGroupSize: z.number().int(),
  /** 0 while the team kept the defaults. */
  version: z.number().int(),
});
export type BarometerSettings = z.infer<typeof BarometerSettings>;

export const BarometerSettingsUpdate = z
  .object({
    version: z.number().int().min(0),
    intervalWeeks: z.union([z.literal(2), z.literal(4)], 'Kies elke 2 of elke 4 weken.'),
    /** Left out: kept as it is. */
    autoOpen: z.boolean('Kies aan of uit.').optional(),
    /** Left out: kept as it is. */
    roundDays: z
      .number('Vul een aantal dagen in.')
      .int('Vul een heel aantal dagen in.')
      .min(BAROMETER_ROUND_DAYS_MIN, `Minimaal ${BAROMETER_ROUND_DAYS_MIN} dagen.`)
      .max(BAROMETER_ROUND_DAYS_MAX, `Maximaal ${BAROMETER_ROUND_DAYS_MAX} dagen.`)
      .optional(),
    extraQuestions: z
      .array(BarometerOwnQuestionInput)
      .max(BAROMETER_MAX_OWN_QUESTIONS, `Maximaal ${BAROMETER_MAX_OWN_QUESTIONS} eigen vragen.`),
    minGroupSize: z
      .number('Vul een getal in.')
      .int('Vul een heel getal in.')
      .min(3, 'Minimaal 3.')
      .max(50, 'Maximaal 50.'),
    minTextGroupSize: z
      .number('Vul een getal in.')
      .int('Vul een heel getal in.')
      .min(3, 'Minimaal 3.')
      .max(50, 'Maximaal 50.'),
  })
  .strict();
export type BarometerSettingsUpdate = z.infer<typeof BarometerSettingsUpdate>;

export const BarometerRoundCreate = z
  .object({
    closesInDays: z
      .number('Vul een aantal dagen in.')
      .int('Vul een heel aantal dagen in.')
      .min(1, 'Minimaal 1 dag.')
      .max(BAROMETER_MAX_DAYS, `Maximaal ${BAROMETER_MAX_DAYS} dagen.`)
      .default(7),
  })
  .strict();
export type BarometerRoundCreate = z.input<typeof BarometerRoundCreate>;

/** The round that is open now, as a team member sees it: participation counts, never answers. */
export const BarometerOpenRound = z.object({
  id: Id,
  opensOn: z.string(),
  closesOn: z.string(),
  /** Started for all teams of the school at once. */
  fromSchool: z.boolean(),
  invited: z.number().int(),
  answered: z.number().int(),
  /** Whether I was asked (I was in the team when it opened) and whether I answered. */
  invitedMe: z.boolean(),
  answeredByMe: z.boolean(),
});
export type BarometerOpenRound = z.infer<typeof BarometerOpenRound>;

export const BarometerClosedRound = z.object({
  id: Id,
  opensOn: z.string(),
  closesOn: z.string(),
  closedAt: z.string().nullable(),
  invited: z.number().int(),
  answered: z.number().int(),
  /** Enough people answered for the results to be shown. */
  shown: z.boolean(),
  sharedAt: z.string().nullable(),
});
export type BarometerClosedRound = z.infer<typeof BarometerClosedRound>;

/** The mean per scale question of each closed round that passed the threshold; null where a question was withheld. */
export const BarometerTrend = z.object({
  questions: z.array(BarometerQuestion),
  points: z.array(
    z.object({
      roundId: Id,
      closesOn: z.string(),
      respondents: z.number().int(),
      means: z.record(z.string(), z.number().nullable()),
    }),
  ),
});
export type BarometerTrend = z.infer<typeof BarometerTrend>;

export const TeamBarometer = z.object({
  team: z.object({ id: Id, name: z.string(), schoolName: z.string() }),
  /** Staff in the team now: who would be asked if a round opened today. */
  memberCount: z.number().int(),
  settings: BarometerSettings,
  standardQuestions: z.array(BarometerQuestion),
  openRound: BarometerOpenRound.nullable(),
  closedRounds: z.array(BarometerClosedRound),
  trend: BarometerTrend,
  /**
   * The day of the next round by the team's rhythm, never before today: with automatic opening the day it opens
   * by itself, otherwise the suggested day. Null while a round is open.
   */
  nextRoundOn: z.string().nullable(),
  /**
   * The day the next round became due (the interval passed since the last one opened), when it is due now and no
   * round is open; null otherwise, and before the team's first round.
   */
  dueSince: z.string().nullable(),
  abilities: z.object({ start: z.boolean(), editSettings: z.boolean() }),
});
export type TeamBarometer = z.infer<typeof TeamBarometer>;

/** What the direct link shows: the questions of one open round and whether I still can answer. */
export const BarometerForm = z.object({
  roundId: Id,
  teamId: Id,
  teamName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(['open', 'closed']),
  questions: z.array(BarometerQuestion),
  invitedMe: z.boolean(),
  answeredByMe: z.boolean(),
  minGroupSize: z.number().int(),
  minTextGroupSize: z.number().int(),
});
export type BarometerForm = z.infer<typeof BarometerForm>;

export const BarometerAnswer = z
  .object({
    scores: z.record(z.string().max(60), z.union([z.number().int(), z.literal('dk')])),
    texts: z.record(z.string().max(60), z.string().max(2000, 'Maximaal 2000 tekens.')).default({}),
  })
  .strict();
export type BarometerAnswer = z.input<typeof BarometerAnswer>;

export const BarometerOk = z.object({ ok: z.literal(true) });

const Withheld = z.object({ reason: z.enum(['too_few', 'would_reveal']), missing: z.number().int() });

export const BarometerResultQuestion = z.object({
  id: z.string(),
  kind: BarometerQuestionKind,
  text: z.string(),
  standard: z.boolean(),
  /** Scale questions that reached the minimum of real answers ("weet niet" not counted). */
  score: z
    .object({
      n: z.number().int(),
      dontKnow: z.number().int(),
      mean: z.number(),
      /** Count per value: index 0 holds 1 ("helemaal oneens"). */
      distribution: z.array(z.number().int()),
    })
    .nullable(),
  /** Open questions that reached the text minimum: the answers in random order, without dates or names. */
  texts: z.array(z.string()).nullable(),
  /** Why this question is not shown, with how many answers were missing. */
  withheld: Withheld.nullable(),
});
export type BarometerResultQuestion = z.infer<typeof BarometerResultQuestion>;

export const BarometerResults = z.object({
  roundId: Id,
  teamId: Id,
  teamName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  closedAt: z.string().nullable(),
  sharedAt: z.string().nullable(),
  invited: z.number().int(),
  respondents: z.number().int(),
  minGroupSize: z.number().int(),
  minTextGroupSize: z.number().int(),
  /** False when fewer than the minimum answered: then nothing is shown at all. */
  shown: z.boolean(),
  /** How many more answers the round needed to be shown. */
  missing: z.number().int(),
  questions: z.array(BarometerResultQuestion),
  abilities: z.object({ share: z.boolean() }),
});
export type BarometerResults = z.infer<typeof BarometerResults>;

/** A school leader's view: which teams run a round, and only the rounds a team chose to share. */
export const SchoolBarometer = z.object({
  school: z.object({ id: Id, name: z.string() }),
  teams: z.array(
    z.object({
      id: Id,
      name: z.string(),
      hasMembers: z.boolean(),
      openRound: z.object({ closesOn: z.string() }).nullable(),
      sharedRounds: z.array(z.object({ id: Id, closesOn: z.string(), sharedAt: z.string() })),
    }),
  ),
  abilities: z.object({ start: z.boolean() }),
});
export type SchoolBarometer = z.infer<typeof SchoolBarometer>;

export const SchoolBarometerStart = z.object({
  campaignId: Id,
  started: z.array(z.object({ teamId: Id, teamName: z.string(), roundId: Id })),
  skipped: z.array(z.object({ teamId: Id, teamName: z.string(), reason: z.enum(['open_round', 'no_members']) })),
});
export type SchoolBarometerStart = z.infer<typeof SchoolBarometerStart>;

/** The barometer routes take no query parameters: no filter or breakdown of anonymous answers exists. */
export const BarometerNoQuery = z.object({}).strict();
