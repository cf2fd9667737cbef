/** Single sign-on through OpenID Connect (Entra ID, Google, any OIDC provider), configured per board. */
export { ssoRoutes } from './sso.routes.ts';
