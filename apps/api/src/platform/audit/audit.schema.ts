import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only: a database trigger refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    boardId: uuid('board_id'),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    subjectPersonId: uuid('subject_person_id'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_board_at').on(t.boardId, t.at),
    index('audit_subject').on(t.subjectPersonId, t.at),
    index('audit_actor').on(t.actorId, t.at),
  ],
);
