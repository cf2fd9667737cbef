/** The signed-in person's own views: /api/me, what the audit log holds about them; and the admin log views. */
export { meRoutes } from './me.routes.ts';
