import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { boards, people, schools, teams } from '../organisation/organisation.schema.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

// The 8-week programme a team runs, the progress meter (voortgangsmeter) the team scores itself with, and the
// school's year plan with its kick-off, linking sessions and the monthly cross-school pizzasessies.

/**
 * A team's 8-week programme, started on a date (a Monday). It ends with a linking session with the next team.
 * status: running | finished | stopped.
 */
export const teamProgrammes = pgTable(
  'team_programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    nextTeamId: uuid('next_team_id').references(() => teams.id),
    status: text('status').notNull().default('running'),
    /** Set when the team or school leadership stops the programme before its end, with their reason. */
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    stoppedReason: text('stopped_reason'),
    stoppedBy: uuid('stopped_by').references(() => people.id),
    createdBy: uuid('created_by').references(() => people.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('team_programmes_team').on(t.teamId, t.startsOn)],
);

/** What happened in one programme week: when the weekly team session was held, and a note. */
export const teamProgrammeWeeks = pgTable(
  'team_programme_weeks',
  {
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => teamProgrammes.id, { onDelete: 'cascade' }),
    week: integer('week').notNull(),
    sessionHeldOn: date('session_held_on', { mode: 'string' }),
    note: text('note').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => people.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.week] })],
);

/**
 * The team's own score (1–5) per criterion of one intervention in one phase, on a day.
 * intervention: session | visits | preparation. phase: start (the first 8 weeks) | deepening.
 */
export const teamProgressScores = pgTable(
  'team_progress_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    intervention: text('intervention').notNull(),
    phase: text('phase').notNull(),
    scoredOn: date('scored_on', { mode: 'string' }).notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('team_progress_scores_team').on(t.teamId, t.intervention, t.scoredOn)],
);

/**
 * A date in the school's year plan. school_id null: for the whole board (a cross-school pizzasessie).
 * kind: kickoff | linking | pizza | other. A linking session joins `team_id` (finishing) with `other_team_id`.
 */
export const yearPlanEvents = pgTable(
  'year_plan_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    schoolId: uuid('school_id').references(() => schools.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    location: text('location').notNull().default(''),
    /** Places for registrations; null: no limit. */
    capacity: integer('capacity'),
    teamId: uuid('team_id').references(() => teams.id),
    otherTeamId: uuid('other_team_id').references(() => teams.id),
    /** Extra details per kind, e.g. the topic list of a pizzasessie. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by').references(() => people.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('year_plan_events_board').on(t.boardId, t.startsAt)],
);

export const yearPlanRegistrations = pgTable(
  'year_plan_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => yearPlanEvents.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('year_plan_registrations_once').on(t.eventId, t.personId)],
);
