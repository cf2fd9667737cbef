import type { SsoConfig, SsoProvider } from '@groeipad/contracts';

export const PROVIDERS: readonly SsoProvider[] = ['microsoft', 'google', 'oidc'];
const GOOGLE_ISSUER = 'https://accounts.google.com';
export const DEFAULT_NAME: Record<SsoProvider, string> = { microsoft: 'Microsoft', google: 'Google', oidc: '' };
const MICROSOFT_ISSUER = /^https:\/\/login\.microsoftonline\.com\/([^/]+)\/v2\.0\/?$/;

export type SsoFormValues = {
  provider: SsoProvider;
  tenantId: string;
  issuer: string;
  displayName: string;
  clientId: string;
  clientSecret: string;
  replaceSecret: boolean;
  allowedDomains: string[];
  enabled: boolean;
  required: boolean;
};

export function valuesOf(config: SsoConfig | null): SsoFormValues {
  if (!config) {
    return {
      provider: 'microsoft',
      tenantId: '',
      issuer: '',
      displayName: DEFAULT_NAME.microsoft,
      clientId: '',
      clientSecret: '',
      replaceSecret: true,
      allowedDomains: [],
      enabled: false,
      required: false,
    };
  }
  return {
    provider: config.provider,
    tenantId: MICROSOFT_ISSUER.exec(config.issuer)?.[1] ?? '',
    issuer: config.issuer,
    displayName: config.displayName,
    clientId: config.clientId,
    clientSecret: '',
    replaceSecret: !config.hasSecret,
    allowedDomains: config.allowedDomains,
    enabled: config.enabled,
    required: config.required,
  };
}

/** The issuer the form stands for: built from the tenant for Microsoft, fixed for Google. */
export function issuerOf(v: SsoFormValues): string {
  if (v.provider === 'microsoft')
    return v.tenantId.trim() ? `https://login.microsoftonline.com/${v.tenantId.trim()}/v2.0` : '';
  if (v.provider === 'google') return GOOGLE_ISSUER;
  return v.issuer.trim();
}
