import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const boards = pgTable('boards', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  ssoRequired: boolean('sso_required').notNull().default(false),
  ...timestamps,
});

export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    brin: text('brin'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [unique('schools_board_name').on(t.boardId, t.name)],
);

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('onderwijs'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [unique('teams_school_name').on(t.schoolId, t.name), index('teams_board').on(t.boardId)],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    employeeNumber: text('employee_number'),
    firstName: text('first_name').notNull(),
    infix: text('infix'),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    jobTitle: text('job_title'),
    /** A work phone number, shown to the person's team on the team board. */
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    leftAt: timestamp('left_at', { withTimezone: true }),
    passwordHash: text('password_hash'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** Lower-cased "first infix last email number" for the staff search. */
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('people_email').on(sql`lower(${t.email})`),
    uniqueIndex('people_board_employee_number').on(t.boardId, t.employeeNumber),
    index('people_board_name').on(t.boardId, t.lastName, t.firstName),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').notNull(),
    schoolId: uuid('school_id').references(() => schools.id),
    teamId: uuid('team_id').references(() => teams.id),
    /** 'import' when a staff import created it; an import never removes a 'manual' one. */
    source: text('source').notNull().default('manual'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('memberships_unique').on(t.personId, t.role, t.schoolId, t.teamId).nullsNotDistinct(),
    index('memberships_person').on(t.personId),
    index('memberships_school').on(t.schoolId),
    index('memberships_team').on(t.teamId),
  ],
);

/** Line management is explicit: who is leidinggevende of whom. */
export const lineManagers = pgTable(
  'line_managers',
  {
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    managerId: uuid('manager_id')
      .notNull()
      .references(() => people.id),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => people.id),
    source: text('source').notNull().default('manual'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.managerId, t.employeeId] }), index('line_managers_employee').on(t.employeeId)],
);
