import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { boards, schools } from '../organisation/organisation.schema.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A school's settings for the cycle and for every anonymous aggregate it shows. */
export const schoolSettings = pgTable(
  'school_settings',
  {
    schoolId: uuid('school_id')
      .primaryKey()
      .references(() => schools.id),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    /** Fewest respondents a shown group of scores may have; never below 3. */
    minGroupSize: integer('min_group_size').notNull().default(3),
    /** Fewest respondents a shown group of free-text answers may have; never below the score minimum. */
    minTextGroupSize: integer('min_text_group_size').notNull().default(5),
    /** Reports and feedback of people who left are deleted this many months after they left. */
    retentionMonths: integer('retention_months').notNull().default(24),
    /** Days before the preparation is due that the employee gets a reminder. */
    reminderDays: integer('reminder_days').notNull().default(3),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check('school_settings_min_group', sql`${t.minGroupSize} >= 3`),
    check('school_settings_min_text', sql`${t.minTextGroupSize} >= ${t.minGroupSize}`),
    check('school_settings_retention', sql`${t.retentionMonths} >= 1`),
  ],
);

/** A school year (e.g. 2026-2027) of one school, divided into periods. */
export const schoolYears = pgTable(
  'school_years',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('school_years_school_name').on(t.schoolId, t.name),
    index('school_years_school_start').on(t.schoolId, t.startsOn),
    check('school_years_range', sql`${t.startsOn} < ${t.endsOn}`),
  ],
);

export const schoolYearPeriods = pgTable(
  'school_year_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    yearId: uuid('year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'cascade' }),
    /** 1-based order within the year; cycle rules name the period by this position. */
    position: integer('position').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
  },
  (t) => [unique('school_year_periods_position').on(t.yearId, t.position)],
);

/** A form: the employee's self-reflection, or the questions the manager will ask. */
export type FormItem = { id: string; text: string; help?: string | undefined };

export const conversationForms = pgTable(
  'conversation_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** 'reflection' (the employee fills it in) or 'questions' (what the manager will ask). */
    purpose: text('purpose').notNull(),
    name: text('name').notNull(),
    /** Question sets may target a role (e.g. werkplekbegeleider); null means everyone. */
    role: text('role'),
    /** The template this form was copied from, if any. */
    templateKey: text('template_key'),
    items: jsonb('items').$type<FormItem[]>().notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [unique('conversation_forms_school_name').on(t.schoolId, t.purpose, t.name)],
);

/** A kind of conversation a school holds: planning, voortgang, beoordeling, ... or its own. */
export const conversationKinds = pgTable(
  'conversation_kinds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** planning | voortgang | functionering | beoordeling | loopbaan | waardering | eigen */
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    reflectionFormId: uuid('reflection_form_id').references(() => conversationForms.id),
    questionFormId: uuid('question_form_id').references(() => conversationForms.id),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [unique('conversation_kinds_school_name').on(t.schoolId, t.name)],
);

/** Who a kind applies to and how often: e.g. every docent, yearly in period 2; appraisal every 3rd year. */
export const cycleRules = pgTable(
  'cycle_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    kindId: uuid('kind_id')
      .notNull()
      .references(() => conversationKinds.id),
    /** Roles it applies to; empty means every staff member of the school. */
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Teams it applies to; empty means every team. */
    teamIds: uuid('team_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** 1 = every year, 3 = every third year. */
    everyYears: integer('every_years').notNull().default(1),
    /** The period (by position in the school year) by whose end the conversation is due. */
    periodPosition: integer('period_position').notNull().default(1),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('cycle_rules_school').on(t.schoolId),
    check('cycle_rules_every', sql`${t.everyYears} between 1 and 10`),
    check('cycle_rules_period', sql`${t.periodPosition} between 1 and 12`),
  ],
);
