export { conversationsRoutes } from './conversations.routes.ts';
export * as conversationsTables from './conversations.schema.ts';
