/** Sign-in, sessions, invitations and password resets. */
export { authRoutes } from './auth.routes.ts';
/** The session resolver the `authenticate` preHandler uses. */
export { resolveSession } from './auth.service.ts';
export { hashPassword } from './passwords.ts';
