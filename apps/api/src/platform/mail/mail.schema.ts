import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every message Groeipad sends is kept here; without SMTP it is the only place it goes. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    status: text('status').notNull().default('stored'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_outbox_board_created').on(t.boardId, t.createdAt)],
);
