/** Single sign-on through OpenID Connect (Entra ID, Google, any OIDC provider), configured per board. */
export { ssoRoutes } from './sso.routes.ts';
/** Who may configure a board's sign-in. */
export { canManageSso } from './sso.policy.ts';
