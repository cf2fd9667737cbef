/** Conversations of the cycle: planning, preparation, report, signatures, PDF; routes under /api/conversations. */
export { conversationsRoutes } from './conversations.routes.ts';
/** The person's conversation tasks for the home page: prepare, write the report, sign it. */
/** The daily reminders (preparation due, report waiting for a signature); returns how many mails went out. */
/** Everything about a person's own conversations, for their data export. */
export { findConversationTasks, sendConversationReminders, exportConversations } from './conversations.jobs.ts';
export * as conversationsTables from './conversations.schema.ts';
