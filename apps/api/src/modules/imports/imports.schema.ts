import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { boards, people } from '../organisation/organisation.schema.ts';

/**
 * An uploaded staff file between upload and commit. The parsed rows are personal data: they are
 * cleared when the import is committed, and uncommitted uploads are only kept for a short while.
 */
export const staffImports = pgTable(
  'staff_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => people.id),
    filename: text('filename').notNull(),
    columns: jsonb('columns').$type<string[]>().notNull(),
    rows: jsonb('rows').$type<string[][]>().notNull(),
    rowCount: integer('row_count').notNull(),
    status: text('status').notNull().default('uploaded'),
    summary: jsonb('summary').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [index('staff_imports_board').on(t.boardId, t.createdAt)],
);
