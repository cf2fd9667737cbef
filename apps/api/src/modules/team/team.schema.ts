import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { boards, people, teams } from '../organisation/organisation.schema.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

// Team practice: the team's own board (teambord) and its short stand-up sessions (bordsessies).
// `board_id` is the tenant (the school board) as everywhere; the whiteboard is a "team board".

/**
 * One part of the team board as the team arranged it. Standard parts have a fixed key (programme, planning,
 * goals, actions, team); a team's own part has key `own-<uuid>` and holds notes (team_board_items.part_key).
 */
export type TeamBoardPart = { key: string; title: string; hidden: boolean };

/** One board per team, created on first use with the standard parts. */
export const teamBoards = pgTable('team_boards', {
  id: uuid('id').primaryKey().defaultRandom(),
  boardId: uuid('board_id')
    .notNull()
    .references(() => boards.id),
  teamId: uuid('team_id')
    .notNull()
    .unique()
    .references(() => teams.id),
  /** The parts in the order the team chose. */
  parts: jsonb('parts').$type<TeamBoardPart[]>().notNull(),
  /** The team's rhythm: board sessions per week (teachers weekly, support staff daily). */
  sessionsPerWeek: integer('sessions_per_week').notNull().default(1),
  sessionMinutes: integer('session_minutes').notNull().default(15),
  /** The team's own norm: visits and joint preparations per week, for the planning part's counts. */
  visitsPerWeek: integer('visits_per_week').notNull().default(2),
  preparationsPerWeek: integer('preparations_per_week').notNull().default(1),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

/** A measurable team goal: values entered over time draw a chart with the target line. status: active | achieved | stopped. */
export const teamGoals = pgTable(
  'team_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    unit: text('unit').notNull().default(''),
    startValue: doublePrecision('start_value'),
    targetValue: doublePrecision('target_value').notNull(),
    targetDate: date('target_date', { mode: 'string' }),
    ownerId: uuid('owner_id').references(() => people.id),
    status: text('status').notNull().default('active'),
    position: integer('position').notNull().default(0),
    createdBy: uuid('created_by').references(() => people.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('team_goals_team').on(t.teamId)],
);

export const teamGoalValues = pgTable(
  'team_goal_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => teamGoals.id, { onDelete: 'cascade' }),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('team_goal_values_goal').on(t.goalId, t.measuredOn)],
);

/**
 * An improvement action (verbeteractie): what, who, when, status and next step. status: todo | doing | done
 * (the board's columns); "behind schedule" is derived from due_on. Done actions can be celebrated and archived.
 */
export const teamActions = pgTable(
  'team_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    goalId: uuid('goal_id').references(() => teamGoals.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    ownerId: uuid('owner_id').references(() => people.id),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status').notNull().default('todo'),
    nextStep: text('next_step').notNull().default(''),
    /** Raised as a help request: the session's agenda asks for it. */
    helpWanted: boolean('help_wanted').notNull().default(false),
    position: integer('position').notNull().default(0),
    doneAt: timestamp('done_at', { withTimezone: true }),
    celebratedAt: timestamp('celebrated_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('team_actions_team').on(t.teamId, t.archivedAt)],
);

/**
 * Short texts on the board: kind success | parking | norm | note. Notes belong to a team's own part (part_key);
 * the others to their standard part. Archived ones leave the board but stay in the history.
 */
export const teamBoardItems = pgTable(
  'team_board_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    kind: text('kind').notNull(),
    partKey: text('part_key'),
    body: text('body').notNull(),
    position: integer('position').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('team_board_items_team').on(t.teamId, t.kind)],
);

/**
 * A board session (bordsessie). The mood check-in keeps counts only: who tapped which face is never stored.
 * started_at/ended_at drive the session screen's timer.
 */
export const teamSessions = pgTable(
  'team_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    moodPositive: integer('mood_positive').notNull().default(0),
    moodNeutral: integer('mood_neutral').notNull().default(0),
    moodNegative: integer('mood_negative').notNull().default(0),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by').references(() => people.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('team_sessions_team').on(t.teamId, t.heldOn)],
);

/** Who was at a session: registered in a tap, for the board's "% of the team present". */
export const teamSessionAttendance = pgTable(
  'team_session_attendance',
  {
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => teamSessions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] })],
);
