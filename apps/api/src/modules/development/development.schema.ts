import {
  boolean,
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { boards, people } from '../organisation/organisation.schema.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

// The development plan (POP) and personal action plan. Kept apart from conversations: it is the
// start of the portfolio and stays with the person when they change school or manager.

export const developmentPlans = pgTable('development_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  boardId: uuid('board_id')
    .notNull()
    .references(() => boards.id),
  personId: uuid('person_id')
    .notNull()
    .unique()
    .references(() => people.id),
  /** In the person's own words: where they want to grow. */
  ambition: text('ambition').notNull().default(''),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

/** status: open | on_track | behind | achieved | stopped. source: own | conversation. */
export const developmentGoals = pgTable(
  'development_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** What makes it measurable: how you will know it is reached. */
    measure: text('measure').notNull().default(''),
    targetDate: date('target_date', { mode: 'string' }),
    status: text('status').notNull().default('open'),
    source: text('source').notNull().default('own'),
    /** The conversation whose agreements created it (no FK: the conversations module owns that table). */
    conversationId: uuid('conversation_id'),
    /** The feedback to collect so progress shows next time. */
    progressEvidence: text('progress_evidence').notNull().default(''),
    /** Own goals can be kept private; goals agreed in a conversation are always visible to the manager. */
    visibleToManager: boolean('visible_to_manager').notNull().default(true),
    lastProgressAt: timestamp('last_progress_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('development_goals_person').on(t.personId),
    index('development_goals_conversation').on(t.conversationId),
  ],
);

/** An action towards a goal, or a quick action of the personal action plan (goal_id null). */
export const developmentActions = pgTable(
  'development_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    goalId: uuid('goal_id').references(() => developmentGoals.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id'),
    title: text('title').notNull(),
    /** Who does it: the employee or their manager. */
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => people.id),
    dueOn: date('due_on', { mode: 'string' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('development_actions_person').on(t.personId), index('development_actions_owner').on(t.ownerId)],
);

/** A short check-in between conversations: a status and a note, by either side. */
export const developmentCheckins = pgTable(
  'development_checkins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => developmentGoals.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id),
    status: text('status').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('development_checkins_goal').on(t.goalId, t.createdAt)],
);

/** Binary data as a Buffer on both drivers (PGlite hands back a Uint8Array, node-postgres a Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * A file kept as evidence (a lesson plan, a certificate, a photo), stored in the database itself so backup,
 * restore, retention and both database engines need no second store. Deleting its evidence deletes it
 * (trigger in migration 0006), whichever module deletes the evidence.
 */
export const developmentFiles = pgTable(
  'development_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    /** Whose plan the file belongs to. */
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** The cleaned file name, shown and offered on download. */
    name: text('name').notNull(),
    /** Decided by the server from the content, never taken from the client. */
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('development_files_person').on(t.personId)],
);

/** Evidence: a description and a link or a file, optionally tied to a goal, a conversation or a feedback round. */
export const developmentEvidence = pgTable(
  'development_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    goalId: uuid('goal_id').references(() => developmentGoals.id, { onDelete: 'set null' }),
    conversationId: uuid('conversation_id'),
    feedbackRoundId: uuid('feedback_round_id'),
    /** A visit the person was observed in, added by them as evidence. */
    visitId: uuid('visit_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    url: text('url'),
    fileId: uuid('file_id').references(() => developmentFiles.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('development_evidence_person').on(t.personId), uniqueIndex('development_evidence_file').on(t.fileId)],
);
