import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { boards, people, teams } from '../organisation/organisation.schema.ts';
import { bytea } from '../development/development.schema.ts';
import { teamGoals } from '../team/team.schema.ts';
import { teamForms, type TeamFormAnswers, type TeamFormField } from '../visits/visits.schema.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

// Joint preparation (gezamenlijke werk-/lesvoorbereiding) and the team library where its products are kept.

/**
 * A joint preparation by a duo or small group of one team, on a team form, linked to a board goal.
 * kind: lesson | work. status: planned | done | cancelled.
 */
export const teamPreparations = pgTable(
  'team_preparations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    title: text('title').notNull(),
    kind: text('kind').notNull().default('lesson'),
    plannedAt: timestamp('planned_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(45),
    formId: uuid('form_id').references(() => teamForms.id, { onDelete: 'set null' }),
    formTitle: text('form_title').notNull().default(''),
    formFields: jsonb('form_fields').$type<TeamFormField[]>().notNull().default([]),
    answers: jsonb('answers').$type<TeamFormAnswers>().notNull().default({}),
    result: text('result').notNull().default(''),
    teamGoalId: uuid('team_goal_id').references(() => teamGoals.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('planned'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('team_preparations_team').on(t.teamId, t.plannedAt)],
);

export const teamPreparationMembers = pgTable(
  'team_preparation_members',
  {
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    preparationId: uuid('preparation_id')
      .notNull()
      .references(() => teamPreparations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
  },
  (t) => [
    primaryKey({ columns: [t.preparationId, t.personId] }),
    index('team_preparation_members_person').on(t.personId),
  ],
);

/**
 * A product in the team's library (a standard procedure, checklist, lesson design). Its content lives in
 * versions; `current_version` is the newest number. kind: procedure | checklist | lesson_design | other.
 */
export const teamLibraryItems = pgTable(
  'team_library_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    title: text('title').notNull(),
    kind: text('kind').notNull().default('procedure'),
    teamGoalId: uuid('team_goal_id').references(() => teamGoals.id, { onDelete: 'set null' }),
    preparationId: uuid('preparation_id').references(() => teamPreparations.id, { onDelete: 'set null' }),
    currentVersion: integer('current_version').notNull().default(1),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('team_library_items_team').on(t.teamId, t.archivedAt)],
);

/** One version of a library product: a text and optionally a file. Versions are never changed, only added. */
export const teamLibraryVersions = pgTable(
  'team_library_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => teamLibraryItems.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    body: text('body').notNull().default(''),
    /** What changed in this version. */
    note: text('note').notNull().default(''),
    fileName: text('file_name'),
    mediaType: text('media_type'),
    size: integer('size'),
    sha256: text('sha256'),
    bytes: bytea('bytes'),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('team_library_versions_number').on(t.itemId, t.number)],
);
