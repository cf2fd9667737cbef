import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { boards, people, schools } from '../organisation/organisation.schema.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** An answer scale: values are 1..labels.length; a "weet niet" option is kept apart and never averaged. */
export type FeedbackScale = { labels: string[]; dontKnowLabel: string | null };
export type FeedbackItem = { id: string; type: 'scale' | 'open'; text: string };
export type FeedbackSection = { id: string; title: string; items: FeedbackItem[] };
export type FeedbackInstrument = {
  name: string;
  description: string;
  scale: FeedbackScale;
  sections: FeedbackSection[];
  raterGroups: string[];
};

/** A 360° questionnaire a school built or copied from a template. status: draft | published | archived. */
export const feedbackQuestionnaires = pgTable(
  'feedback_questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    templateKey: text('template_key'),
    scale: jsonb('scale').$type<FeedbackScale>().notNull(),
    sections: jsonb('sections').$type<FeedbackSection[]>().notNull(),
    raterGroups: text('rater_groups').array().notNull(),
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by').references(() => people.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('feedback_questionnaires_school').on(t.schoolId)],
);

/**
 * One person's round of 360° feedback. The instrument is copied in, so later edits of the questionnaire
 * never change what raters answered. Results exist only once the round is closed. status: open | closed.
 */
export const feedbackRounds = pgTable(
  'feedback_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => people.id),
    questionnaireId: uuid('questionnaire_id').references(() => feedbackQuestionnaires.id),
    instrument: jsonb('instrument').$type<FeedbackInstrument>().notNull(),
    title: text('title').notNull(),
    message: text('message').notNull().default(''),
    status: text('status').notNull().default('open'),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** The school's minimums when the round started: a later change does not reveal an old round. */
    minGroupSize: integer('min_group_size').notNull(),
    minTextGroupSize: integer('min_text_group_size').notNull(),
    sharedWithManagerAt: timestamp('shared_with_manager_at', { withTimezone: true }),
    /** The conversation the employee attached the results to (no FK: owned by the conversations module). */
    conversationId: uuid('conversation_id'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('feedback_rounds_subject').on(t.subjectId)],
);

/**
 * Who was asked (participation). A colleague has person_id; an outsider only a name and an e-mail address.
 * Holds no link to the answer: status turns 'answered' and nothing else. status: pending | answered | revoked.
 */
export const feedbackInvitations = pgTable(
  'feedback_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    roundId: uuid('round_id')
      .notNull()
      .references(() => feedbackRounds.id, { onDelete: 'cascade' }),
    raterGroup: text('rater_group').notNull(),
    personId: uuid('person_id').references(() => people.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** SHA-256 of the single-use link's token. */
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('feedback_invitations_round').on(t.roundId), index('feedback_invitations_person').on(t.personId)],
);

/**
 * One rater's answers. No person, no invitation, no timestamp: only the round and the rater group.
 * Scores by item id are 1..n or 'dk' (weet niet / n.v.t.); open answers by item id.
 */
export const feedbackResponses = pgTable(
  'feedback_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    roundId: uuid('round_id')
      .notNull()
      .references(() => feedbackRounds.id, { onDelete: 'cascade' }),
    raterGroup: text('rater_group').notNull(),
    scores: jsonb('scores').$type<Record<string, number | 'dk'>>().notNull(),
    openAnswers: jsonb('open_answers').$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [index('feedback_responses_round').on(t.roundId)],
);
