import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import {
  ssoFailurePath,
  type SsoCallbackQuery,
  type SsoConfig,
  type SsoConfigInput,
  type SsoDiscovery,
  type SsoFailureReason,
  type SsoProvider,
  type SsoStartQuery,
  type SsoTestInput,
  type SsoTestResult,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { openSession } from '../auth/index.ts';
import { describeDiscoveryError, discover, providerConfig } from './oidc.ts';
import { openSecret, sealSecret } from './secret-box.ts';
import {
  canManageSso,
  emailFromClaims,
  isDomainAllowed,
  issuerProblem,
  reasonForProviderError,
  safeReturnTo,
  type Claims,
} from './sso.policy.ts';
import * as repo from './sso.repository.ts';

export type SsoDeps = { db: Db; now: Date; config: Config };
export type RequestMeta = { userAgent: string | null; ip: string | undefined };

/** How long a person has at the provider before the sign-in must start again. */
export const STATE_TTL_MS = 10 * 60_000;
const STATE_KEEP_MS = 24 * 3600_000;
export const SSO_SCOPES = 'openid email profile';

const NO_SECRET_KEY =
  'Het clientgeheim kan niet veilig worden opgeslagen: GROEIPAD_SECRET_KEY is niet ingesteld. ' +
  'Vraag de systeembeheerder een sleutel in te stellen (32 bytes, base64, bijvoorbeeld met "openssl rand -base64 32") ' +
  'en sla de instellingen daarna opnieuw op.';

const hashOf = (value: string) => createHash('sha256').update(value).digest('base64url');

export function redirectUriOf(config: Config): string {
  return `${config.publicUrl}/api/auth/sso/callback`;
}

function present(row: repo.SsoConfigRow, config: Config): SsoConfig {
  return {
    provider: row.provider as SsoProvider,
    displayName: row.displayName,
    issuer: row.issuer,
    clientId: row.clientId,
    hasSecret: row.clientSecretEnc !== null,
    enabled: row.enabled,
    required: row.required,
    allowedDomains: row.allowedDomains,
    redirectUri: redirectUriOf(config),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The stored client secret in plaintext; null when there is none or it cannot be read with this key. */
function readSecret(row: repo.SsoConfigRow, config: Config): { secret: string | null; readable: boolean } {
  if (!row.clientSecretEnc) return { secret: null, readable: true };
  if (!config.secretKey) return { secret: null, readable: false };
  const secret = openSecret(config.secretKey, row.clientSecretEnc, row.boardId);
  return { secret, readable: secret !== null };
}

function requireManager(ctx: Ctx) {
  if (!canManageSso(ctx.actor)) throw new AppError('forbidden', 'Alleen een beheerder kan single sign-on instellen.');
}

// ---------------------------------------------------------------------------------------------
// Admin

export async function getSsoConfig(ctx: Ctx): Promise<SsoConfig | null> {
  requireManager(ctx);
  const row = await repo.findConfig(ctx.db, ctx.actor.boardId);
  return row ? present(row, ctx.config) : null;
}

/**
 * Saves the board's SSO configuration after checking, over the network, that the issuer publishes
 * a valid OpenID configuration. `version` guards against overwriting someone else's change.
 */
export async function saveSsoConfig(ctx: Ctx, input: SsoConfigInput): Promise<SsoConfig> {
  requireManager(ctx);
  const boardId = ctx.actor.boardId;
  const problem = issuerProblem(input.provider, input.issuer, ctx.config.env);
  if (problem) throw fieldError('issuer', problem);
  if (input.required && !input.enabled) {
    throw fieldError('required', 'Single sign-on kan alleen verplicht zijn als het ook aan staat.');
  }
  if (typeof input.clientSecret === 'string' && !ctx.config.secretKey)
    throw new AppError('conflict', NO_SECRET_KEY, { reason: 'secret_key_missing' });

  const current = await repo.findConfig(ctx.db, boardId);
  if ((current?.version ?? 0) !== input.version) throw new AppError('conflict', undefined, { reason: 'stale' });
  const willHaveSecret =
    typeof input.clientSecret === 'string' || (input.clientSecret === undefined && current?.clientSecretEnc != null);
  if (input.enabled && input.provider !== 'oidc' && !willHaveSecret) {
    throw fieldError('clientSecret', 'Vul het clientgeheim in; Microsoft en Google geven zonder geheim geen toegang.');
  }

  let issuer: string;
  try {
    const discovered = await discover({ issuer: input.issuer, clientId: input.clientId, secret: null }, ctx.config.env);
    // Store the issuer exactly as the provider spells it, so ID token checks compare like with like.
    issuer = discovered.serverMetadata().issuer;
  } catch (err) {
    throw fieldError('issuer', describeDiscoveryError(input.issuer, err));
  }

  const sealed =
    typeof input.clientSecret === 'string' ? sealSecret(ctx.config.secretKey!, input.clientSecret, boardId) : undefined;
  const values = {
    provider: input.provider,
    displayName: input.displayName,
    issuer,
    clientId: input.clientId,
    ...(sealed !== undefined
      ? { clientSecretEnc: sealed }
      : input.clientSecret === null
        ? { clientSecretEnc: null }
        : {}),
    enabled: input.enabled,
    allowedDomains: [...new Set(input.allowedDomains)],
    updatedBy: ctx.actor.personId,
    updatedAt: ctx.now,
  };

  await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockConfig(tx, boardId);
    const ok = locked
      ? locked.version === input.version && (await repo.updateConfig(tx, boardId, input.version, values))
      : input.version === 0 && (await repo.insertConfig(tx, { boardId, ...values, createdAt: ctx.now }));
    if (!ok) throw new AppError('conflict', undefined, { reason: 'stale' });
    await repo.setBoardSsoRequired(tx, boardId, input.required, ctx.now);
    await audit(tx, {
      boardId,
      actorId: ctx.actor.personId,
      action: 'sso.configured',
      targetType: 'sso_config',
      targetId: boardId,
      details: {
        provider: input.provider,
        issuer,
        clientId: input.clientId,
        enabled: input.enabled,
        required: input.required,
        allowedDomains: values.allowedDomains,
        secret: sealed !== undefined ? 'replaced' : input.clientSecret === null ? 'removed' : 'unchanged',
      },
    });
  });
  const row = await repo.findConfig(ctx.db, boardId);
  return present(row!, ctx.config);
}

/** Checks an issuer (the given one, or the saved one) and says in Dutch what works or what does not. */
export async function testSsoConfig(ctx: Ctx, input: SsoTestInput): Promise<SsoTestResult> {
  requireManager(ctx);
  const saved = await repo.findConfig(ctx.db, ctx.actor.boardId);
  const base = { redirectUri: redirectUriOf(ctx.config), secretKeyConfigured: Boolean(ctx.config.secretKey) };
  const issuer = input.issuer ?? saved?.issuer;
  if (!issuer) return { ok: false, issuer: null, message: 'Vul eerst een issuer-URL in.', ...base };
  const provider = input.issuer ? 'oidc' : ((saved?.provider ?? 'oidc') as SsoProvider);
  const problem = issuerProblem(provider, issuer, ctx.config.env);
  if (problem) return { ok: false, issuer, message: problem, ...base };
  try {
    const discovered = await discover(
      { issuer, clientId: saved?.clientId ?? 'groeipad', secret: null },
      ctx.config.env,
    );
    const found = discovered.serverMetadata().issuer;
    const notes = [`De identiteitsprovider ${found} is bereikbaar en geeft een geldige OpenID Connect-configuratie.`];
    notes.push(`Registreer daar de redirect-URI ${base.redirectUri}.`);
    if (saved && !input.issuer && saved.clientSecretEnc && !readSecret(saved, ctx.config).readable) {
      notes.push(
        'Let op: het opgeslagen clientgeheim is met de huidige GROEIPAD_SECRET_KEY niet te lezen. Vul het opnieuw in.',
      );
      return { ok: false, issuer: found, message: notes.join(' '), ...base };
    }
    return { ok: true, issuer: found, message: notes.join(' '), ...base };
  } catch (err) {
    return { ok: false, issuer, message: describeDiscoveryError(issuer, err), ...base };
  }
}

// ---------------------------------------------------------------------------------------------
// Sign-in

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

/** Tells the login page whether to offer (or insist on) SSO for this address. */
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
