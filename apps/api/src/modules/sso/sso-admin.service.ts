import {
  type SsoConfig,
  type SsoConfigInput,
  type SsoProvider,
  type SsoTestInput,
  type SsoTestResult,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Config } from '../../platform/config.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { describeDiscoveryError, discover } from './oidc.ts';
import { sealSecret } from './secret-box.ts';
import { canManageSso, issuerProblem } from './sso.policy.ts';
import * as repo from './sso.repository.ts';
import { readSecret, redirectUriOf } from './sso.service.ts';

// The beheerder's side of SSO: read, save and test a board's configuration.

const NO_SECRET_KEY =
  'Het clientgeheim kan niet veilig worden opgeslagen: GROEIPAD_SECRET_KEY is niet ingesteld. ' +
  'Vraag de systeembeheerder een sleutel in te stellen (32 bytes, base64, bijvoorbeeld met "openssl rand -base64 32") ' +
  'en sla de instellingen daarna opnieuw op.';

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

/** Tells the login page whether to offer (or insist on) SSO for this address. */
