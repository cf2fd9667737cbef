// The schema index drizzle-kit reads; each table lives with the module that owns it.
export * from './platform/audit/audit.schema.ts';
export * from './platform/mail/mail.schema.ts';
export * from './modules/organisation/organisation.schema.ts';
export * from './modules/auth/auth.schema.ts';
export * from './modules/imports/imports.schema.ts';
export * from './modules/sso/sso.schema.ts';
export * from './modules/cycle/cycle.schema.ts';
export * from './modules/conversations/conversations.schema.ts';
export * from './modules/development/development.schema.ts';
export * from './modules/feedback/feedback.schema.ts';
export * from './modules/team/team.schema.ts';
export * from './modules/barometer/barometer.schema.ts';
export * from './modules/visits/visits.schema.ts';
export * from './modules/preparations/preparations.schema.ts';
export * from './modules/programme/programme.schema.ts';
