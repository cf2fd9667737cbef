import type { SsoFailureReason, SsoProvider } from '@groeipad/contracts';
import { hasRole, type Actor } from '../../platform/actor.ts';

/** Only the application admin configures how a whole board signs in. */
export function canManageSso(actor: Actor): boolean {
  return hasRole(actor, 'beheerder');
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost');
}

/** Plain http only for a provider on this machine, or in the test suite. */
export function isInsecureAllowed(url: URL, env: string): boolean {
  return url.protocol === 'http:' && (isLoopback(url) || env === 'test');
}

const ENTRA_GENERIC_TENANTS = new Set(['common', 'organizations', 'consumers']);

/** What is wrong with an issuer URL for this provider, in Dutch; null when it is fine. */
export function issuerProblem(provider: SsoProvider, issuer: string, env: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'Vul een geldige URL in.';
  }
  if (url.search || url.hash || url.username || url.password) {
    return 'Gebruik de issuer-URL zonder ?, # of inloggegevens.';
  }
  if (url.protocol !== 'https:' && !isInsecureAllowed(url, env)) {
    return 'De issuer moet met https:// beginnen.';
  }
  if (provider === 'microsoft') {
    const m = /^\/([^/]+)\/v2\.0\/?$/.exec(url.pathname);
    if (url.host !== 'login.microsoftonline.com' || !m) {
      return 'Voor Microsoft is de issuer https://login.microsoftonline.com/<tenant-id>/v2.0.';
    }
    if (ENTRA_GENERIC_TENANTS.has(m[1]!.toLowerCase())) {
      return 'Gebruik de tenant-id (Directory-id) van je eigen organisatie, niet "common", "organizations" of "consumers".';
    }
  }
  if (provider === 'google' && url.origin !== 'https://accounts.google.com') {
    return 'Voor Google is de issuer https://accounts.google.com.';
  }
  return null;
}

/** A path inside this app to land on after signing in; anything else becomes "/". */
export function safeReturnTo(raw: string | undefined | null): string {
  if (!raw || raw.length > 500) return '/';
  // Relative to this origin only: "/x", never "//host", "/\host", a scheme or control characters.
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if ([...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || c === '\\')) return '/';
  try {
    const url = new URL(raw, 'http://groeipad.invalid');
    if (url.origin !== 'http://groeipad.invalid') return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}

export type Claims = Record<string, unknown>;

/**
 * The e-mail address a provider vouches for. `email` first; Entra ID often leaves it out for work
 * accounts, so then its sign-in name (`preferred_username`, `upn`) when that is an address.
 */
export function emailFromClaims(
  provider: SsoProvider,
  claims: Claims,
): { email: string } | { reason: Extract<SsoFailureReason, 'no_account' | 'email_unverified'> } {
  const isAddress = (v: unknown): v is string => typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
  if (isAddress(claims.email)) {
    // Providers that say an address is unverified must not sign anyone in with it.
    if (claims.email_verified === false || claims.email_verified === 'false') return { reason: 'email_unverified' };
    return { email: claims.email.trim().toLowerCase() };
  }
  if (provider === 'microsoft') {
    for (const key of ['preferred_username', 'upn']) {
      const v = claims[key];
      if (isAddress(v)) return { email: v.trim().toLowerCase() };
    }
  }
  return { reason: 'no_account' };
}

/** Whether an address is in one of the allowed domains; an empty list allows every domain. */
export function isDomainAllowed(email: string, allowedDomains: readonly string[]): boolean {
  if (allowedDomains.length === 0) return true;
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return allowedDomains.some((d) => d.toLowerCase() === domain);
}

/** A provider's error in the callback: the person stopped, or something else went wrong. */
export function reasonForProviderError(error: string): SsoFailureReason {
  return error === 'access_denied' || error === 'consent_required' || error === 'interaction_required'
    ? 'cancelled'
    : 'failed';
}
