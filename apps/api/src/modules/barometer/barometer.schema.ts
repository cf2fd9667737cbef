import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { boards, people, schools, teams } from '../organisation/organisation.schema.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

// The barometer: a short anonymous questionnaire a team answers every 2 or 4 weeks. Who answered (participation)
// and what was answered (responses) live in separate tables with nothing that links them: no person, no time,
// no order (see docs/anonimiteit.md).

/** A question of the barometer. kind scale: 1–5 with "weet niet"; kind text: an open answer. */
export type BarometerQuestion = { id: string; text: string; kind: 'scale' | 'text' };

/** A team's barometer settings: its own questions on top of the standard set, the rhythm and the minimums. */
export const barometerSettings = pgTable('barometer_settings', {
  id: uuid('id').primaryKey().defaultRandom(),
  boardId: uuid('board_id')
    .notNull()
    .references(() => boards.id),
  teamId: uuid('team_id')
    .notNull()
    .unique()
    .references(() => teams.id),
  /** Every 2 or 4 weeks. */
  intervalWeeks: integer('interval_weeks').notNull().default(2),
  /** Open the next round by itself when the interval has passed since the last one (a daily job). */
  autoOpen: boolean('auto_open').notNull().default(false),
  /** How many days a round opened by the rhythm stays open. */
  roundDays: integer('round_days').notNull().default(7),
  extraQuestions: jsonb('extra_questions').$type<BarometerQuestion[]>().notNull().default([]),
  /** Never below the school's minimum (and never below 3). */
  minGroupSize: integer('min_group_size').notNull().default(3),
  minTextGroupSize: integer('min_text_group_size').notNull().default(5),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

/**
 * One round of one team. A school can start rounds for all its teams at once (campaign_id groups them), but
 * results are the team's: shared_at is set only when the team chooses to show a closed round to its school.
 * status: open | closed. questions: the set as it was when the round opened.
 */
export const barometerRounds = pgTable(
  'barometer_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    campaignId: uuid('campaign_id'),
    questions: jsonb('questions').$type<BarometerQuestion[]>().notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    minGroupSize: integer('min_group_size').notNull().default(3),
    minTextGroupSize: integer('min_text_group_size').notNull().default(5),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    sharedBy: uuid('shared_by').references(() => people.id),
    createdBy: uuid('created_by').references(() => people.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('barometer_rounds_team').on(t.teamId, t.opensOn)],
);

/**
 * Who is asked and whether they answered: so nobody answers twice and reminders go only to those who did not.
 * Deliberately no time of answering: it would order the answers like the responses.
 */
export const barometerParticipation = pgTable(
  'barometer_participation',
  {
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    roundId: uuid('round_id')
      .notNull()
      .references(() => barometerRounds.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    answered: boolean('answered').notNull().default(false),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.personId] })],
);

/**
 * The answers, with nothing about the person: no person id, no time, a random id. Rewritten in random order
 * when the round closes, so not even the physical order reflects the order of answering.
 */
export const barometerResponses = pgTable(
  'barometer_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    roundId: uuid('round_id')
      .notNull()
      .references(() => barometerRounds.id, { onDelete: 'cascade' }),
    scores: jsonb('scores').$type<Record<string, number | 'dk'>>().notNull(),
    texts: jsonb('texts').$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [index('barometer_responses_round').on(t.roundId)],
);
