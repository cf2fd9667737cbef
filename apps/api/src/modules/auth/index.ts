/** Sign-in, sessions, invitations and password resets. */
export { authRoutes } from './auth.routes.ts';
/** The session resolver the `authenticate` preHandler uses. */
export { resolveSession } from './auth.service.ts';
export { hashPassword } from './passwords.ts';
/** An invitation link by e-mail; also used when a board is created from the command line. */
export { issueInvitation } from './auth.service.ts';
/** Opens a session for someone already authenticated (used by SSO); same cookie, same audit entry. */
export { openSession, SESSION_MAX_MS, type SessionMeta } from './auth.service.ts';
export { setSessionCookie } from './auth.cookies.ts';
