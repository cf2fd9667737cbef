import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import {
  ssoFailurePath,
  type SsoCallbackQuery,
  type SsoDiscovery,
  type SsoFailureReason,
  type SsoProvider,
  type SsoStartQuery,
} from '@groeipad/contracts';
import { audit } from '../../platform/audit/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import { openSession } from '../auth/index.ts';
import { providerConfig } from './oidc.ts';
import { openSecret } from './secret-box.ts';
import { emailFromClaims, isDomainAllowed, reasonForProviderError, safeReturnTo, type Claims } from './sso.policy.ts';
import * as repo from './sso.repository.ts';

export type SsoDeps = { db: Db; now: Date; config: Config };
export type RequestMeta = { userAgent: string | null; ip: string | undefined };

/** How long a person has at the provider before the sign-in must start again. */
export const STATE_TTL_MS = 10 * 60_000;
const STATE_KEEP_MS = 24 * 3600_000;
export const SSO_SCOPES = 'openid email profile';

const hashOf = (value: string) => createHash('sha256').update(value).digest('base64url');

export function redirectUriOf(config: Config): string {
  return `${config.publicUrl}/api/auth/sso/callback`;
}

/** The client secret, decrypted; `readable` is false when the key changed since it was stored. */
export function readSecret(row: repo.SsoConfigRow, config: Config): { secret: string | null; readable: boolean } {
  if (!row.clientSecretEnc) return { secret: null, readable: true };
  if (!config.secretKey) return { secret: null, readable: false };
  const secret = openSecret(config.secretKey, row.clientSecretEnc, row.boardId);
  return { secret, readable: secret !== null };
}

/**
 * The board an address signs in with: the board of the person with that address, otherwise the one
 * board whose enabled SSO claims its domain (so unknown addresses at a school's domain get the same
 * answer as known ones).
 */
async function boardForEmail(db: Db, email: string): Promise<string | null> {
  const normalised = email.trim().toLowerCase();
  const at = normalised.lastIndexOf('@');
  if (at < 1 || at === normalised.length - 1) return null;
  const byPerson = await repo.findBoardIdByPersonEmail(db, normalised);
  if (byPerson) return byPerson;
  const byDomain = await repo.findBoardIdsByDomain(db, normalised.slice(at + 1));
  return byDomain.length === 1 ? byDomain[0]! : null;
}

export async function discoverSso(deps: SsoDeps, email: string): Promise<SsoDiscovery> {
  const boardId = await boardForEmail(deps.db, email);
  const row = boardId ? await repo.findConfig(deps.db, boardId) : null;
  if (!row?.enabled) return { sso: false, required: false };
  return { sso: true, required: row.required, providerName: row.displayName };
}

export type SsoOutcome = {
  /** Where to send the browser: the provider, a path in the app, or /inloggen?sso=<reason>. */
  location: string;
  /** A new session token, after a successful callback. */
  sessionToken?: string;
  /** The browser-binding cookie value, after a successful start. */
  binding?: string;
  failure?: { reason: SsoFailureReason; detail: string };
};

async function fail(
  deps: SsoDeps,
  reason: SsoFailureReason,
  detail: string,
  known: { boardId: string | null; personId?: string | undefined; details?: Record<string, unknown> },
  meta: RequestMeta,
): Promise<SsoOutcome> {
  if (known.boardId) {
    await audit(deps.db, {
      boardId: known.boardId,
      actorId: null,
      action: 'sso.login_failed',
      subjectPersonId: known.personId ?? null,
      details: { reason, detail, ip: meta.ip, ...known.details },
    });
  }
  return { location: ssoFailurePath(reason), failure: { reason, detail } };
}

/** Starts a sign-in: remembers state, nonce and PKCE verifier, and returns the provider's URL. */
export async function startSsoLogin(deps: SsoDeps, query: SsoStartQuery, meta: RequestMeta): Promise<SsoOutcome> {
  const { db, now, config } = deps;
  const boardId = query.board
    ? await repo.findBoardIdBySlug(db, query.board)
    : query.email
      ? await boardForEmail(db, query.email)
      : null;
  const row = boardId ? await repo.findConfig(db, boardId) : null;
  // Unknown address, unknown board, no SSO: one and the same answer.
  if (!row?.enabled)
    return { location: ssoFailurePath('unavailable'), failure: { reason: 'unavailable', detail: 'no_sso' } };
  const known = { boardId: row.boardId };
  const { secret, readable } = readSecret(row, config);
  if (!readable) return fail(deps, 'unavailable', 'secret_unreadable', known, meta);
  let provider: client.Configuration;
  try {
    provider = await providerConfig({ issuer: row.issuer, clientId: row.clientId, secret }, config.env);
  } catch (err) {
    return fail(deps, 'unavailable', 'discovery_failed', { ...known, details: { error: errorText(err) } }, meta);
  }

  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const binding = randomBytes(32).toString('base64url');
  await repo.deleteOldLoginStates(db, new Date(now.getTime() - STATE_KEEP_MS));
  await repo.insertLoginState(db, {
    id: hashOf(state),
    boardId: row.boardId,
    bindingHash: hashOf(binding),
    nonce,
    codeVerifier,
    returnTo: safeReturnTo(query.returnTo),
    expiresAt: new Date(now.getTime() + STATE_TTL_MS),
    createdAt: now,
  });
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: redirectUriOf(config),
    scope: SSO_SCOPES,
    response_type: 'code',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...(query.email ? { login_hint: query.email } : {}),
  });
  return { location: url.href, binding };
}

function errorText(err: unknown): string {
  if (err instanceof client.ClientError && err.code) return `${err.code}: ${err.message}`.slice(0, 300);
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 300);
  return 'unknown error';
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Finishes a sign-in: checks state and browser, exchanges the code, validates the ID token (issuer,
 * audience, nonce, signature) and opens a session for the active person of that board with the
 * provider's e-mail address. Every refusal becomes a redirect with a reason, never an error page.
 */
export async function finishSsoLogin(
  deps: SsoDeps,
  callbackUrl: URL,
  query: SsoCallbackQuery,
  bindingCookie: string | undefined,
  meta: RequestMeta,
): Promise<SsoOutcome> {
  const { db, now, config } = deps;
  if (!query.state) return fail(deps, 'failed', 'missing_state', { boardId: null }, meta);
  const stateRow = await repo.findLoginState(db, hashOf(query.state));
  if (!stateRow) return fail(deps, 'failed', 'unknown_state', { boardId: null }, meta);
  const known = { boardId: stateRow.boardId };
  // The state must come back to the browser that started the sign-in, or someone could slip a
  // sign-in of their own account into another person's browser.
  if (!bindingCookie || !sameHash(hashOf(bindingCookie), stateRow.bindingHash)) {
    return fail(deps, 'failed', 'browser_mismatch', known, meta);
  }
  if (stateRow.usedAt) return fail(deps, 'expired', 'state_reused', known, meta);
  if (!(await repo.consumeLoginState(db, stateRow.id, now))) return fail(deps, 'expired', 'state_reused', known, meta);
  if (stateRow.expiresAt <= now) return fail(deps, 'expired', 'state_expired', known, meta);
  if (query.error) {
    return fail(
      deps,
      reasonForProviderError(query.error),
      'provider_error',
      {
        ...known,
        details: { error: query.error.slice(0, 100), description: query.error_description?.slice(0, 300) },
      },
      meta,
    );
  }

  const row = await repo.findConfig(db, stateRow.boardId);
  if (!row?.enabled) return fail(deps, 'unavailable', 'sso_disabled', known, meta);
  const { secret, readable } = readSecret(row, config);
  if (!readable) return fail(deps, 'unavailable', 'secret_unreadable', known, meta);

  let claims: Claims;
  try {
    const provider = await providerConfig({ issuer: row.issuer, clientId: row.clientId, secret }, config.env);
    const tokens = await client.authorizationCodeGrant(provider, callbackUrl, {
      pkceCodeVerifier: stateRow.codeVerifier,
      expectedState: query.state,
      expectedNonce: stateRow.nonce,
      idTokenExpected: true,
    });
    claims = { ...(tokens.claims() ?? {}) };
    const hasAddress = typeof claims.email === 'string' || typeof claims.preferred_username === 'string';
    if (
      !hasAddress &&
      tokens.access_token &&
      provider.serverMetadata().userinfo_endpoint &&
      typeof claims.sub === 'string'
    ) {
      // Some providers put the address only in UserInfo; the ID token's claims still win.
      const info = await client.fetchUserInfo(provider, tokens.access_token, claims.sub);
      claims = { ...info, ...claims };
    }
  } catch (err) {
    return fail(deps, 'failed', 'token_exchange', { ...known, details: { error: errorText(err) } }, meta);
  }

  const found = emailFromClaims(row.provider as SsoProvider, claims);
  if ('reason' in found) {
    return fail(deps, found.reason, 'no_usable_email', { ...known, details: { sub: String(claims.sub) } }, meta);
  }
  if (!isDomainAllowed(found.email, row.allowedDomains)) {
    return fail(deps, 'domain_not_allowed', 'domain_not_allowed', { ...known, details: { email: found.email } }, meta);
  }
  const person = await repo.findBoardPersonByEmail(db, row.boardId, found.email);
  if (!person?.active) {
    return fail(
      deps,
      'no_account',
      person ? 'person_inactive' : 'person_unknown',
      { ...known, personId: person?.id, details: { email: found.email } },
      meta,
    );
  }
  const sessionToken = await openSession(db, person, { ...meta, method: 'sso' }, now);
  return { location: stateRow.returnTo, sessionToken };
}
