import * as client from 'openid-client';
import { isInsecureAllowed } from './sso.policy.ts';

export type ProviderClient = { issuer: string; clientId: string; secret: string | null };

const DISCOVERY_TIMEOUT_S = 10;
const CACHE_MS = 10 * 60_000;
const cache = new Map<string, { at: number; config: Promise<client.Configuration> }>();

/**
 * The provider's metadata and this board's client, discovered once and kept for ten minutes per
 * (issuer, client) so a sign-in does not fetch the metadata twice.
 */
export function providerConfig(p: ProviderClient, env: string, now = Date.now()): Promise<client.Configuration> {
  const key = JSON.stringify([p.issuer, p.clientId, p.secret ?? '', env]);
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.config;
  const config = discover(p, env);
  cache.set(key, { at: now, config });
  // A failed discovery is not remembered: the next attempt tries again.
  config.catch(() => cache.delete(key));
  if (cache.size > 500) cache.delete(cache.keys().next().value!);
  return config;
}

/** Fetches the provider's /.well-known/openid-configuration and checks that its issuer matches. */
export async function discover(p: ProviderClient, env: string): Promise<client.Configuration> {
  const url = new URL(p.issuer);
  return client.discovery(
    url,
    p.clientId,
    p.secret ?? undefined,
    p.secret ? client.ClientSecretPost(p.secret) : client.None(),
    {
      timeout: DISCOVERY_TIMEOUT_S,
      ...(isInsecureAllowed(url, env) ? { execute: [client.allowInsecureRequests] } : {}),
    },
  );
}

function causeCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && !code.startsWith('OAUTH_')) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What went wrong with a discovery, in Dutch, for the admin screen. */
export function describeDiscoveryError(issuer: string, err: unknown): string {
  const where = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const name = err instanceof Error ? err.name : '';
  const code = err instanceof client.ClientError ? err.code : undefined;
  const cause = causeCode(err);
  if (name === 'TimeoutError' || name === 'AbortError' || cause === 'UND_ERR_CONNECT_TIMEOUT') {
    return `De identiteitsprovider reageerde niet op tijd (${where}).`;
  }
  if (cause === 'ENOTFOUND' || cause === 'EAI_AGAIN') {
    return `De server van de issuer is niet gevonden. Controleer de URL (${where}).`;
  }
  if (cause?.startsWith('ERR_TLS') || cause?.includes('CERT')) {
    return `Het certificaat van de identiteitsprovider wordt niet vertrouwd (${where}).`;
  }
  // fetch() itself failed: refused, reset, unreachable or a port that fetch never uses.
  if (cause === 'ECONNREFUSED' || cause === 'ECONNRESET' || cause === 'EHOSTUNREACH' || err instanceof TypeError) {
    return `De identiteitsprovider is niet bereikbaar (${where}).`;
  }
  if (code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED') {
    return 'De provider meldt een andere issuer dan ingevuld. Neem de issuer precies over uit de configuratie van de provider.';
  }
  if (
    code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' ||
    code === 'OAUTH_RESPONSE_IS_NOT_JSON' ||
    code === 'OAUTH_INVALID_RESPONSE'
  ) {
    return `Op ${where} staat geen geldige OpenID Connect-configuratie. Controleer de issuer-URL.`;
  }
  return `De configuratie van de identiteitsprovider kon niet worden opgehaald (${where}).`;
}

export function clearProviderCache(): void {
  cache.clear();
}
