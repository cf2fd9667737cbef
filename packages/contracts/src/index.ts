export * from './common.ts';
export * from './organisation.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './imports.ts';
export * from './sso.ts';
