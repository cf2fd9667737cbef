import { z } from 'zod';

/** Which kind of OpenID provider a board signs in with. */
export const SsoProvider = z.enum(['microsoft', 'google', 'oidc']);
export type SsoProvider = z.infer<typeof SsoProvider>;

/**
 * Why a sign-in through SSO did not succeed; the API redirects to `/inloggen?sso=<reason>`.
 * - `unavailable`: no (enabled) SSO for this address or board, or the provider cannot be reached
 * - `no_account`: the provider vouched for an address that has no active account in this board
 * - `email_unverified`: the provider says the address is not verified
 * - `domain_not_allowed`: the address is outside the board's allowed e-mail domains
 * - `cancelled`: the person stopped or refused at the provider
 * - `expired`: the sign-in took too long, or the link was used before; start again
 * - `failed`: anything else (a tampered or foreign request, a provider error)
 */
export const SsoFailureReason = z.enum([
  'unavailable',
  'no_account',
  'email_unverified',
  'domain_not_allowed',
  'cancelled',
  'expired',
  'failed',
]);
export type SsoFailureReason = z.infer<typeof SsoFailureReason>;

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'Vul een domeinnaam in, zoals school.nl (zonder @)',
  );

/** A board's SSO configuration as the admin screen shows it; the client secret never leaves the server. */
export const SsoConfig = z.object({
  provider: SsoProvider,
  displayName: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  hasSecret: z.boolean(),
  enabled: z.boolean(),
  /** When true, only people with the beheerder role may still sign in with a password. */
  required: z.boolean(),
  allowedDomains: z.array(z.string()),
  /** The redirect URI to register at the provider. */
  redirectUri: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type SsoConfig = z.infer<typeof SsoConfig>;

/** GET /api/admin/sso: the configuration, or null when the board has none yet. */
export const SsoConfigResponse = SsoConfig.nullable();
export type SsoConfigResponse = z.infer<typeof SsoConfigResponse>;

/** PUT /api/admin/sso. `version` is 0 for the first save, then the version last read (409 when stale). */
export const SsoConfigInput = z
  .object({
    provider: SsoProvider,
    displayName: z.string().trim().min(1).max(100),
    issuer: z
      .url({ message: 'Vul een geldige URL in, zoals https://login.microsoftonline.com/<tenant>/v2.0' })
      .max(500),
    clientId: z.string().trim().min(1).max(500),
    /** Omitted: keep the stored secret. A string: replace it. null: remove it. */
    clientSecret: z.string().min(1).max(2000).nullable().optional(),
    enabled: z.boolean(),
    required: z.boolean(),
    allowedDomains: z.array(domain).max(50).default([]),
    version: z.number().int().min(0),
  })
  .strict();
export type SsoConfigInput = z.infer<typeof SsoConfigInput>;

/** POST /api/admin/sso/test: checks the given issuer, or the saved one when none is given. */
export const SsoTestInput = z
  .object({
    issuer: z.url({ message: 'Vul een geldige URL in' }).max(500).optional(),
  })
  .strict();
export type SsoTestInput = z.infer<typeof SsoTestInput>;

export const SsoTestResult = z.object({
  ok: z.boolean(),
  /** A Dutch sentence for the admin: what works, or what is wrong. */
  message: z.string(),
  issuer: z.string().nullable(),
  redirectUri: z.string(),
  /** Whether GROEIPAD_SECRET_KEY is set, so a client secret can be saved. */
  secretKeyConfigured: z.boolean(),
});
export type SsoTestResult = z.infer<typeof SsoTestResult>;

/** GET /api/auth/sso/discover?email= */
export const SsoDiscoverQuery = z.object({ email: z.string().trim().toLowerCase().min(1).max(254) }).strict();
export type SsoDiscoverQuery = z.infer<typeof SsoDiscoverQuery>;

/** The same shape for every address; `{ sso: false, required: false }` for unknown ones. */
export const SsoDiscovery = z.object({
  sso: z.boolean(),
  required: z.boolean(),
  /** E.g. "Microsoft" or the board's own name for it, for a button "Inloggen met …". */
  providerName: z.string().optional(),
});
export type SsoDiscovery = z.infer<typeof SsoDiscovery>;

/**
 * GET /api/auth/sso/start: a browser navigation that ends in a 302, either to the provider or to
 * `/inloggen?sso=unavailable`. `returnTo` must be a relative path such as `/gesprekken`.
 */
export const SsoStartQuery = z
  .object({
    email: z.string().trim().toLowerCase().max(254).optional(),
    board: z.string().trim().toLowerCase().max(100).optional(),
    returnTo: z.string().max(500).optional(),
  })
  .strict();
export type SsoStartQuery = z.infer<typeof SsoStartQuery>;

/**
 * GET /api/auth/sso/callback: what the provider sends back. Not strict, because providers add
 * parameters of their own (session_state, iss, hd, prompt, ...).
 */
export const SsoCallbackQuery = z.looseObject({
  // Generous limits: Entra ID's codes run to a few kilobytes.
  code: z.string().max(8000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(500).optional(),
  error_description: z.string().max(4000).optional(),
});
export type SsoCallbackQuery = z.infer<typeof SsoCallbackQuery>;

/** Where every SSO failure lands: the login page with the reason. */
export function ssoFailurePath(reason: SsoFailureReason): string {
  return `/inloggen?sso=${reason}`;
}
