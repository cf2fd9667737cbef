import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { boards, people, teams } from '../organisation/organisation.schema.ts';
import { developmentGoals } from '../development/development.schema.ts';
import { teamGoals } from '../team/team.schema.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

// Visits (werkbezoek / lesbezoek) and the team's own forms: the observation form (kijkwijzer) a visitor fills
// during a visit, and the form a duo fills for a joint preparation. Both kinds are built in one form builder.

/**
 * One field of a team form. kind: heading (a section title, no answer) | scale (1–4 with "niet gezien") | text
 * (an open answer) | check (seen / not seen) | choice (one of `options`).
 */
export type TeamFormField = {
  id: string;
  kind: 'heading' | 'scale' | 'text' | 'check' | 'choice';
  label: string;
  help?: string;
  options?: string[];
};

/** An answer per field id: a number for scale, text for text and choice, true/false for check; null = not seen. */
export type TeamFormAnswers = Record<string, string | number | boolean | null>;

/** A team's form. purpose: visit | preparation. Editing bumps `version`; a visit keeps the fields it was planned with. */
export const teamForms = pgTable(
  'team_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    purpose: text('purpose').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    fields: jsonb('fields').$type<TeamFormField[]>().notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('team_forms_team').on(t.teamId, t.purpose)],
);

/**
 * A visit: an observer visits an observed colleague of the same team around the observed person's learning
 * question, fills the form, and both record the follow-up talk along the feedback model (observation, effect,
 * reaction, suggestions). The team sees who visits whom and when; the learning question, the answers and the talk
 * are for the two of them, unless the observed person shares them with their leidinggevende.
 * kind: lesson | work | meeting. status: planned | observed | discussed | cancelled.
 */
export const teamVisits = pgTable(
  'team_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    observerId: uuid('observer_id')
      .notNull()
      .references(() => people.id),
    observedId: uuid('observed_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind').notNull().default('lesson'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(30),
    location: text('location').notNull().default(''),
    learningQuestion: text('learning_question').notNull().default(''),
    formId: uuid('form_id').references(() => teamForms.id, { onDelete: 'set null' }),
    /** The form as it was when the visit was planned: later edits to the form do not change this visit. */
    formTitle: text('form_title').notNull().default(''),
    formFields: jsonb('form_fields').$type<TeamFormField[]>().notNull().default([]),
    teamGoalId: uuid('team_goal_id').references(() => teamGoals.id, { onDelete: 'set null' }),
    developmentGoalId: uuid('development_goal_id').references(() => developmentGoals.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('planned'),
    answers: jsonb('answers').$type<TeamFormAnswers>().notNull().default({}),
    observedAt: timestamp('observed_at', { withTimezone: true }),
    feedbackObservation: text('feedback_observation').notNull().default(''),
    feedbackEffect: text('feedback_effect').notNull().default(''),
    feedbackReaction: text('feedback_reaction').notNull().default(''),
    feedbackSuggestions: text('feedback_suggestions').notNull().default(''),
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
    feedbackBy: uuid('feedback_by').references(() => people.id),
    /** Set by the observed person only: their leidinggevende may then read the visit. */
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    /** When a leidinggevende first read the visit since it was (last) shared: ends their home task. */
    sharedReadAt: timestamp('shared_read_at', { withTimezone: true }),
    /** The reason given at the last reschedule, and when. */
    rescheduledReason: text('rescheduled_reason'),
    rescheduledAt: timestamp('rescheduled_at', { withTimezone: true }),
    cancelledReason: text('cancelled_reason'),
    createdBy: uuid('created_by').references(() => people.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('team_visits_team').on(t.teamId, t.scheduledAt),
    index('team_visits_observer').on(t.observerId),
    index('team_visits_observed').on(t.observedId),
  ],
);
