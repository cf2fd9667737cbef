// Contracts of the team module: the team's own board (teambord) and its short board sessions (bordsessies).
import { z } from 'zod';
import { Id } from './common.ts';
import { Role } from './organisation.ts';

// PostgreSQL text cannot hold a NUL character; refuse it here instead of failing in the database.
const noNul = (v: string) => !v.includes('\u0000');
const NUL_MESSAGE = 'Deze tekst bevat een teken dat niet kan worden opgeslagen.';
const text = (max: number) => z.string().trim().max(max, `Maximaal ${max} tekens.`).refine(noNul, NUL_MESSAGE);
const required = (max: number, empty: string) =>
  z.string().trim().min(1, empty).max(max, `Maximaal ${max} tekens.`).refine(noNul, NUL_MESSAGE);
const isoDate = z.iso
  .date('Gebruik een datum als 2026-03-31.')
  .refine((v) => v >= '2000-01-01' && v <= '2999-12-31', 'Kies een datum tussen 2000 en 2999.');
const version = z.number().int().min(1);
const measure = z
  .number('Vul een getal in.')
  .min(-1_000_000_000, 'Dit getal is te klein.')
  .max(1_000_000_000, 'Dit getal is te groot.');

// ---------------------------------------------------------------------------------------------
// Parts

/** The standard parts every board starts with, in their first order. */
export const TEAM_STANDARD_PARTS = ['programme', 'planning', 'goals', 'actions', 'team'] as const;
export type TeamStandardPart = (typeof TEAM_STANDARD_PARTS)[number];
/** A team's own part has this prefix before a uuid; it holds notes. */
export const TEAM_OWN_PART_PREFIX = 'own-';
export const TEAM_MAX_OWN_PARTS = 8;

const OWN_KEY = /^own-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const TeamPartKey = z
  .string()
  .refine(
    (k) => (TEAM_STANDARD_PARTS as readonly string[]).includes(k) || OWN_KEY.test(k),
    'Onbekend onderdeel van het bord.',
  );

export function isOwnPartKey(key: string): boolean {
  return OWN_KEY.test(key);
}

/** A part as the team arranged it. An empty title on a standard part means its usual name (in the reader's language). */
export const TeamBoardPart = z.object({ key: TeamPartKey, title: text(60), hidden: z.boolean() }).strict();
export type TeamBoardPart = z.infer<typeof TeamBoardPart>;

/** The parts in their new order: every standard part once (hidden is fine), own parts named and at most eight. */
export const TeamBoardParts = z.array(TeamBoardPart).superRefine((parts, ctx) => {
  const seen = new Set<string>();
  parts.forEach((p, i) => {
    if (seen.has(p.key))
      ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'Dit onderdeel staat er twee keer in.' });
    seen.add(p.key);
    if (isOwnPartKey(p.key) && p.title === '')
      ctx.addIssue({ code: 'custom', path: [i, 'title'], message: 'Geef je eigen onderdeel een naam.' });
  });
  for (const key of TEAM_STANDARD_PARTS) {
    if (!seen.has(key))
      ctx.addIssue({ code: 'custom', path: [], message: 'Een standaardonderdeel kun je verbergen, niet weghalen.' });
  }
  if (parts.filter((p) => isOwnPartKey(p.key)).length > TEAM_MAX_OWN_PARTS)
    ctx.addIssue({ code: 'custom', path: [], message: `Maximaal ${TEAM_MAX_OWN_PARTS} eigen onderdelen.` });
});

export const TeamBoardSettings = z.object({
  id: Id,
  parts: z.array(TeamBoardPart),
  /** The rhythm: board sessions per week (teachers weekly, support staff daily). */
  sessionsPerWeek: z.number().int(),
  sessionMinutes: z.number().int(),
  visitsPerWeek: z.number().int(),
  preparationsPerWeek: z.number().int(),
  version: z.number().int(),
});
export type TeamBoardSettings = z.infer<typeof TeamBoardSettings>;

export const TeamBoardUpdate = z
  .object({
    version,
    parts: TeamBoardParts.optional(),
    sessionsPerWeek: z.number().int().min(1, 'Minstens 1 per week.').max(5, 'Hooguit 5 per week.').optional(),
    sessionMinutes: z.number().int().min(5, 'Minstens 5 minuten.').max(60, 'Hooguit 60 minuten.').optional(),
    visitsPerWeek: z.number().int().min(0).max(50, 'Hooguit 50 per week.').optional(),
    preparationsPerWeek: z.number().int().min(0).max(50, 'Hooguit 50 per week.').optional(),
  })
  .strict();
export type TeamBoardUpdate = z.infer<typeof TeamBoardUpdate>;

// ---------------------------------------------------------------------------------------------
// People

export const TeamPerson = z.object({ id: Id, displayName: z.string() });
export type TeamPerson = z.infer<typeof TeamPerson>;

/** A member of the team with their contact details; the coach and the teamleider are marked. */
export const TeamMember = z.object({
  id: Id,
  displayName: z.string(),
  email: z.string(),
  /** A work phone number, when the school registered one. */
  phone: z.string().nullable(),
  roles: z.array(Role),
  coach: z.boolean(),
  lead: z.boolean(),
});
export type TeamMember = z.infer<typeof TeamMember>;

// ---------------------------------------------------------------------------------------------
// Goals

export const TeamGoalStatus = z.enum(['active', 'achieved', 'stopped']);
export type TeamGoalStatus = z.infer<typeof TeamGoalStatus>;

export const TeamGoalValue = z.object({ id: Id, measuredOn: z.string(), value: z.number(), note: z.string() });
export type TeamGoalValue = z.infer<typeof TeamGoalValue>;

export const TeamGoal = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  unit: z.string(),
  startValue: z.number().nullable(),
  targetValue: z.number(),
  targetDate: z.string().nullable(),
  owner: TeamPerson.nullable(),
  status: TeamGoalStatus,
  position: z.number().int(),
  /** Oldest first. */
  values: z.array(TeamGoalValue),
  /** The latest value (by date), else the start value. */
  current: z.number().nullable(),
  version: z.number().int(),
});
export type TeamGoal = z.infer<typeof TeamGoal>;

export const TeamGoalInput = z
  .object({
    title: required(200, 'Vul een doel in.'),
    description: text(2000).optional(),
    unit: text(20).optional(),
    startValue: measure.nullable().optional(),
    targetValue: measure,
    targetDate: isoDate.nullable().optional(),
    ownerId: Id.nullable().optional(),
  })
  .strict();
export type TeamGoalInput = z.infer<typeof TeamGoalInput>;

export const TeamGoalUpdate = TeamGoalInput.partial().extend({ status: TeamGoalStatus.optional(), version }).strict();
export type TeamGoalUpdate = z.infer<typeof TeamGoalUpdate>;

export const TeamGoalValueInput = z
  .object({ measuredOn: isoDate, value: measure, note: text(500).optional() })
  .strict();
export type TeamGoalValueInput = z.infer<typeof TeamGoalValueInput>;

// ---------------------------------------------------------------------------------------------
// Improvement actions

/** The board's columns. "Behind schedule" is not a status: it follows from the due date. */
export const TeamActionStatus = z.enum(['todo', 'doing', 'done']);
export type TeamActionStatus = z.infer<typeof TeamActionStatus>;

export const TeamAction = z.object({
  id: Id,
  title: z.string(),
  goalId: Id.nullable(),
  owner: TeamPerson.nullable(),
  dueOn: z.string().nullable(),
  status: TeamActionStatus,
  nextStep: z.string(),
  helpWanted: z.boolean(),
  position: z.number().int(),
  doneAt: z.string().nullable(),
  celebratedAt: z.string().nullable(),
  /** Not done and past its due date (at the school's today). */
  behindSchedule: z.boolean(),
  version: z.number().int(),
});
export type TeamAction = z.infer<typeof TeamAction>;

export const TeamActionInput = z
  .object({
    title: required(200, 'Vul in wat er moet gebeuren.'),
    ownerId: Id.nullable().optional(),
    dueOn: isoDate.nullable().optional(),
    nextStep: text(500).optional(),
    helpWanted: z.boolean().optional(),
    goalId: Id.nullable().optional(),
    status: TeamActionStatus.optional(),
  })
  .strict();
export type TeamActionInput = z.infer<typeof TeamActionInput>;

export const TeamActionUpdate = TeamActionInput.omit({ status: true }).partial().extend({ version }).strict();
export type TeamActionUpdate = z.infer<typeof TeamActionUpdate>;

/** To another column (or another place in the same one); position counts from 0 at the top, default the bottom. */
export const TeamActionMove = z
  .object({ version, status: TeamActionStatus, position: z.number().int().min(0).max(10_000).optional() })
  .strict();
export type TeamActionMove = z.infer<typeof TeamActionMove>;

/** For a change that needs nothing but the version the user saw: celebrate, archive. */
export const TeamVersionBody = z.object({ version }).strict();
export type TeamVersionBody = z.infer<typeof TeamVersionBody>;

// ---------------------------------------------------------------------------------------------
// Short texts on the board

/** success: something to celebrate; parking: a discussion for later; norm: an agreement; note: on an own part. */
export const TeamItemKind = z.enum(['success', 'parking', 'norm', 'note']);
export type TeamItemKind = z.infer<typeof TeamItemKind>;

export const TeamBoardItem = z.object({
  id: Id,
  kind: TeamItemKind,
  partKey: z.string().nullable(),
  body: z.string(),
  position: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type TeamBoardItem = z.infer<typeof TeamBoardItem>;

export const TeamItemInput = z
  .object({
    kind: TeamItemKind,
    body: required(1000, 'Vul een tekst in.'),
    /** Only for a note: the own part it belongs to. */
    partKey: TeamPartKey.nullable().optional(),
  })
  .strict();
export type TeamItemInput = z.infer<typeof TeamItemInput>;

export const TeamItemUpdate = z.object({ version, body: required(1000, 'Vul een tekst in.') }).strict();
export type TeamItemUpdate = z.infer<typeof TeamItemUpdate>;

// ---------------------------------------------------------------------------------------------
// Board sessions

export const TeamMood = z.enum(['positive', 'neutral', 'negative']);
export type TeamMood = z.infer<typeof TeamMood>;

/** Only counts: who tapped which face is never stored. */
export const TeamMoodCounts = z.object({
  positive: z.number().int(),
  neutral: z.number().int(),
  negative: z.number().int(),
});
export type TeamMoodCounts = z.infer<typeof TeamMoodCounts>;

export const TeamSession = z.object({
  id: Id,
  heldOn: z.string(),
  /** Every screen counts the 15 minutes from here, so they all show the same time. */
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  mood: TeamMoodCounts,
  notes: z.string(),
  /** The members registered as present. */
  attendance: z.array(Id),
  version: z.number().int(),
});
export type TeamSession = z.infer<typeof TeamSession>;

export const TeamSessionUpdate = z
  .object({ version, notes: text(4000).optional(), ended: z.literal(true).optional() })
  .strict();
export type TeamSessionUpdate = z.infer<typeof TeamSessionUpdate>;

/** One tap on a face; `undo` takes a mistaken tap back. */
export const TeamMoodInput = z.object({ mood: TeamMood, undo: z.boolean().optional() }).strict();
export type TeamMoodInput = z.infer<typeof TeamMoodInput>;

// ---------------------------------------------------------------------------------------------
// Rhythm and planning

/** One week (Monday to Sunday) of the last eight: sessions held against the rhythm, and who was there. */
export const TeamWeekStats = z.object({
  weekStart: z.string(),
  sessions: z.number().int(),
  /** The rhythm for that week; 0 for a week before the board existed. */
  expected: z.number().int(),
  /** Present members over all sessions that week, as a whole percentage; null without sessions. */
  attendancePercent: z.number().int().nullable(),
});
export type TeamWeekStats = z.infer<typeof TeamWeekStats>;

export const TeamBoardStats = z.object({
  /** Eight weeks, oldest first; the last one is this week (so far). */
  weeks: z.array(TeamWeekStats),
  sessionsHeld: z.number().int(),
  sessionsExpected: z.number().int(),
  attendancePercent: z.number().int().nullable(),
});
export type TeamBoardStats = z.infer<typeof TeamBoardStats>;

/** Visits held (observed or discussed) and joint preparations done in a week, by the school day they were planned on. */
export const TeamPracticeWeek = z.object({
  weekStart: z.string(),
  visits: z.number().int(),
  preparations: z.number().int(),
});
export type TeamPracticeWeek = z.infer<typeof TeamPracticeWeek>;

export const TeamPlannedSession = z.object({
  id: Id,
  heldOn: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  present: z.number().int(),
});
export type TeamPlannedSession = z.infer<typeof TeamPlannedSession>;

/** A visit on the planning part: who visits whom and when, never what happens in it. */
export const TeamPlannedVisit = z.object({
  id: Id,
  kind: z.enum(['lesson', 'work', 'meeting']),
  scheduledAt: z.string(),
  day: z.string(),
  durationMinutes: z.number().int(),
  /** planned | observed | discussed (cancelled visits leave the planning). */
  status: z.enum(['planned', 'observed', 'discussed']),
  observer: TeamPerson,
  observed: TeamPerson,
});
export type TeamPlannedVisit = z.infer<typeof TeamPlannedVisit>;

/** A joint preparation on the planning part. */
export const TeamPlannedPreparation = z.object({
  id: Id,
  title: z.string(),
  kind: z.string(),
  plannedAt: z.string(),
  day: z.string(),
  durationMinutes: z.number().int(),
  status: z.enum(['planned', 'done']),
  people: z.array(TeamPerson),
});
export type TeamPlannedPreparation = z.infer<typeof TeamPlannedPreparation>;

/**
 * A week of the planning part: board sessions, visits and joint preparations. School leadership looking along
 * gets no visits here (only the counts in `practice`).
 */
export const TeamPlanningWeek = z.object({
  weekStart: z.string(),
  sessions: z.array(TeamPlannedSession),
  visits: z.array(TeamPlannedVisit),
  preparations: z.array(TeamPlannedPreparation),
});
export type TeamPlanningWeek = z.infer<typeof TeamPlanningWeek>;

// ---------------------------------------------------------------------------------------------
// The whole board in one response

export const TeamBoard = z.object({
  team: z.object({ id: Id, name: z.string(), schoolId: Id, schoolName: z.string() }),
  board: TeamBoardSettings,
  abilities: z.object({ edit: z.boolean() }),
  /** Running and achieved goals; stopped ones leave the board. */
  goals: z.array(TeamGoal),
  /** Actions not archived, by column and position. */
  actions: z.array(TeamAction),
  items: z.array(TeamBoardItem),
  members: z.array(TeamMember),
  /** Today's session while it runs. */
  openSession: TeamSession.nullable(),
  /** The mood counts of the latest session of the last eight weeks. */
  latestMood: TeamMoodCounts.extend({ heldOn: z.string() }).nullable(),
  stats: TeamBoardStats,
  /** This week and next week. */
  planning: z.object({ weeks: z.array(TeamPlanningWeek) }),
  /** The same eight weeks as `stats`: visits held and joint preparations done, against the team's norm. */
  practice: z.object({ weeks: z.array(TeamPracticeWeek) }),
  /** The school's today (Europe/Amsterdam) and the server's clock, so screens agree on the timer. */
  today: z.string(),
  serverTime: z.string(),
});
export type TeamBoard = z.infer<typeof TeamBoard>;

export const TeamSummary = z.object({
  id: Id,
  name: z.string(),
  schoolId: Id,
  schoolName: z.string(),
  /** I am in this team (my boards come first); otherwise I see it as school leadership. */
  member: z.boolean(),
});
export type TeamSummary = z.infer<typeof TeamSummary>;

export const TeamBoardList = z.object({ items: z.array(TeamSummary) });
export type TeamBoardList = z.infer<typeof TeamBoardList>;

/** What a 409 on a card carries: the card as it is now, so the user can compare and re-apply. */
export type TeamConflictDetails<T> = { reason: 'stale'; current: T };

// Path parameters
export const TeamParams = z.object({ teamId: Id }).strict();
export const TeamGoalParams = z.object({ teamId: Id, goalId: Id }).strict();
export const TeamGoalValueParams = z.object({ teamId: Id, goalId: Id, valueId: Id }).strict();
export const TeamActionParams = z.object({ teamId: Id, actionId: Id }).strict();
export const TeamItemParams = z.object({ teamId: Id, itemId: Id }).strict();
export const TeamSessionParams = z.object({ teamId: Id, sessionId: Id }).strict();
export const TeamAttendanceParams = z.object({ teamId: Id, sessionId: Id, personId: Id }).strict();
