import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { boards, people, schools } from '../organisation/organisation.schema.ts';
import { conversationForms, conversationKinds, schoolYears } from '../cycle/cycle.schema.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * One conversation between an employee and their leidinggevende.
 * state: planned → preparing → held → report_draft → agreed → closed (or cancelled).
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    schoolYearId: uuid('school_year_id').references(() => schoolYears.id),
    kindId: uuid('kind_id')
      .notNull()
      .references(() => conversationKinds.id),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => people.id),
    managerId: uuid('manager_id')
      .notNull()
      .references(() => people.id),
    state: text('state').notNull().default('planned'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(45),
    location: text('location').notNull().default(''),
    preparationDueOn: date('preparation_due_on', { mode: 'string' }),
    reflectionFormId: uuid('reflection_form_id').references(() => conversationForms.id),
    questionFormId: uuid('question_form_id').references(() => conversationForms.id),
    /** The employee's self-reflection: answers by form item id. */
    preparation: jsonb('preparation').$type<Record<string, string>>().notNull().default({}),
    preparationSharedAt: timestamp('preparation_shared_at', { withTimezone: true }),
    heldAt: timestamp('held_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    cancelledReason: text('cancelled_reason'),
    prepReminderSentAt: timestamp('prep_reminder_sent_at', { withTimezone: true }),
    signReminderSentAt: timestamp('sign_reminder_sent_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => people.id),
    ...timestamps,
  },
  (t) => [
    index('conversations_employee').on(t.employeeId, t.scheduledAt),
    index('conversations_manager').on(t.managerId, t.scheduledAt),
    index('conversations_school_year').on(t.schoolId, t.schoolYearId),
  ],
);

/** Every change of state, reschedule, share and signature, with who and when. */
export const conversationEvents = pgTable(
  'conversation_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => people.id),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('conversation_events_conversation').on(t.conversationId, t.createdAt)],
);

/** An agreement as recorded in a report; on agreement it becomes a goal in the development plan. */
export type ReportAgreement = {
  id: string;
  title: string;
  description: string;
  measure: string;
  targetDate: string | null;
  actions: { id: string; title: string; owner: 'employee' | 'manager'; dueOn: string | null }[];
};

/** The report of a conversation; a correction after signing is a new revision that supersedes the locked one. */
export const conversationReports = pgTable(
  'conversation_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull().default(1),
    supersedesId: uuid('supersedes_id'),
    correctionReason: text('correction_reason'),
    goingWell: text('going_well').notNull().default(''),
    toDevelop: text('to_develop').notNull().default(''),
    employeeNeeds: text('employee_needs').notNull().default(''),
    managerOffers: text('manager_offers').notNull().default(''),
    /** How both will see progress next time: which feedback the employee collects. */
    progressEvidence: text('progress_evidence').notNull().default(''),
    nextDate: date('next_date', { mode: 'string' }),
    agreements: jsonb('agreements').$type<ReportAgreement[]>().notNull().default([]),
    employeeView: text('employee_view').notNull().default(''),
    employeeDisagrees: boolean('employee_disagrees').notNull().default(false),
    employeeSignedAt: timestamp('employee_signed_at', { withTimezone: true }),
    managerSignedAt: timestamp('manager_signed_at', { withTimezone: true }),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [unique('conversation_reports_revision').on(t.conversationId, t.revision)],
);

/** People the employee explicitly shares a conversation with (e.g. a coach or second manager). */
export const conversationShares = pgTable(
  'conversation_shares',
  {
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    grantedBy: uuid('granted_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.personId] })],
);

/** HR reads a person's conversations only with a stated reason, for a limited time; each grant is audited. */
export const hrAccessGrants = pgTable(
  'hr_access_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    hrPersonId: uuid('hr_person_id')
      .notNull()
      .references(() => people.id),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => people.id),
    reason: text('reason').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hr_access_grants_lookup').on(t.hrPersonId, t.employeeId, t.expiresAt)],
);
