import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  createBoard,
  createPerson,
  sessionFor,
  startTestApp,
  TEST_PASSWORD,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { signInAtProvider, startTestProvider, type TestProvider } from './oidc-test-provider.ts';
import { ssoConfigs, ssoLoginStates } from './sso.schema.ts';

// A real OpenID provider on loopback; the app reaches it over HTTP, as it would reach Entra ID or Google.
let env: TestEnv;
let op: TestProvider;
let redirectUri: string;
let ipCounter = 0;
/** Each request from its own address, so the sign-in rate limits never interfere between tests. */
const nextIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

beforeAll(async () => {
  env = await startTestApp({ secretKey: randomBytes(32) });
  redirectUri = `${env.config.publicUrl}/api/auth/sso/callback`;
  op = await startTestProvider(redirectUri);
});
afterAll(async () => {
  await op?.close();
  await env?.close();
});

function cookieValue(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const raw = res.headers['set-cookie'];
  const all = (Array.isArray(raw) ? raw : [raw]).filter(Boolean).map(String);
  const found = all.find((c) => c.startsWith(`${name}=`));
  return found?.split(';')[0]!.slice(name.length + 1);
}
function setCookieOf(res: { headers: Record<string, unknown> }, name: string): string {
  const raw = res.headers['set-cookie'];
  return (Array.isArray(raw) ? raw : [raw]).map(String).find((c) => c.startsWith(`${name}=`)) ?? '';
}

async function configure(board: TestBoard, overrides: Record<string, unknown> = {}) {
  const admin = await sessionFor(env.database, board.byRole('beheerder').id);
  const current = await env.app.inject({ method: 'GET', url: '/api/admin/sso', headers: admin.headers });
  const res = await env.app.inject({
    method: 'PUT',
    url: '/api/admin/sso',
    headers: admin.headers,
    payload: {
      provider: 'oidc',
      displayName: 'Schoolaccount',
      issuer: op.issuer,
      clientId: op.clientId,
      clientSecret: op.clientSecret,
      enabled: true,
      required: false,
      allowedDomains: [],
      version: current.json()?.version ?? 0,
      ...overrides,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { admin, config: res.json() };
}

const inject = (opts: { url: string; cookie?: string; ip?: string }) =>
  env.app.inject({
    method: 'GET',
    url: opts.url,
    remoteAddress: opts.ip ?? nextIp(),
    headers: opts.cookie ? { cookie: opts.cookie } : {},
  });

/** The whole sign-in as a browser does it: start, the provider's pages, and the callback. */
async function startSignIn(query: string) {
  const ip = nextIp();
  const start = await inject({ url: `/api/auth/sso/start?${query}`, ip });
  expect(start.statusCode).toBe(302);
  return { ip, location: String(start.headers.location), binding: cookieValue(start, 'gp_sso'), start };
}
async function signIn(email: string, login: string, claims: Record<string, unknown>, query = '') {
  op.accounts.set(login, claims);
  const s = await startSignIn(`email=${encodeURIComponent(email)}${query}`);
  expect(s.location.startsWith(op.issuer)).toBe(true);
  const callback = await signInAtProvider(s.location, login, redirectUri);
  const res = await inject({ url: callback.pathname + callback.search, cookie: `gp_sso=${s.binding}`, ip: s.ip });
  return { res, callback, binding: s.binding!, ip: s.ip };
}
const loginName = () => `acc-${randomBytes(4).toString('hex')}`;

async function auditFor(boardId: string, action: string) {
  return env.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.boardId, boardId), eq(auditLog.action, action)));
}

describe('sign-in through a real OpenID provider', () => {
  let board: TestBoard;
  beforeAll(async () => {
    board = await createBoard(env.database);
    await configure(board);
  });

  it('opens a working session, with the same cookie as password login, and logs it', async () => {
    const person = await createPerson(env.database, board, {
      roles: [{ role: 'docent', schoolId: board.schools[0]!.id }],
    });
    const { res } = await signIn(
      person.email,
      loginName(),
      {
        email: person.email.toUpperCase(),
        email_verified: true,
      },
      '&returnTo=%2Fgesprekken%3Ftab%3D2',
    );
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/gesprekken?tab=2');
    const token = cookieValue(res, 'gp_session');
    expect(token).toBeTruthy();
    const me = await env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `gp_session=${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(person.id);

    const password = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: nextIp(),
      payload: { email: person.email, password: TEST_PASSWORD },
    });
    const attrs = (c: string) =>
      c
        .split(';')
        .slice(1)
        .map((s) => s.trim())
        .filter((s) => !s.startsWith('Expires'))
        .sort();
    expect(attrs(setCookieOf(res, 'gp_session'))).toEqual(attrs(setCookieOf(password, 'gp_session')));

    const logins = (await auditFor(board.boardId, 'auth.login')).filter((e) => e.subjectPersonId === person.id);
    expect(logins.map((e) => (e.details as { method?: string }).method)).toContain('sso');
  });

  it('answers a reused state with "expired"', async () => {
    const person = await createPerson(env.database, board);
    const first = await signIn(person.email, loginName(), { email: person.email });
    expect(first.res.headers.location).toBe('/');
    const again = await inject({
      url: first.callback.pathname + first.callback.search,
      cookie: `gp_sso=${first.binding}`,
    });
    expect(again.statusCode).toBe(302);
    expect(again.headers.location).toBe('/inloggen?sso=expired');
    expect(cookieValue(again, 'gp_session')).toBeFalsy();
  });

  it('answers an expired state with "expired"', async () => {
    const person = await createPerson(env.database, board);
    const login = loginName();
    op.accounts.set(login, { email: person.email });
    const s = await startSignIn(`email=${encodeURIComponent(person.email)}`);
    const state = new URL(s.location).searchParams.get('state')!;
    await env.database.db
      .update(ssoLoginStates)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(ssoLoginStates.id, createHash('sha256').update(state).digest('base64url')));
    const callback = await signInAtProvider(s.location, login, redirectUri);
    const res = await inject({ url: callback.pathname + callback.search, cookie: `gp_sso=${s.binding}` });
    expect(res.headers.location).toBe('/inloggen?sso=expired');
  });

  it('refuses an ID token with another nonce', async () => {
    const person = await createPerson(env.database, board);
    const login = loginName();
    op.accounts.set(login, { email: person.email });
    const s = await startSignIn(`email=${encodeURIComponent(person.email)}`);
    const state = new URL(s.location).searchParams.get('state')!;
    await env.database.db
      .update(ssoLoginStates)
      .set({ nonce: 'een-andere-nonce' })
      .where(eq(ssoLoginStates.id, createHash('sha256').update(state).digest('base64url')));
    const callback = await signInAtProvider(s.location, login, redirectUri);
    const res = await inject({ url: callback.pathname + callback.search, cookie: `gp_sso=${s.binding}` });
    expect(res.headers.location).toBe('/inloggen?sso=failed');
    expect(cookieValue(res, 'gp_session')).toBeFalsy();
    const failures = await auditFor(board.boardId, 'sso.login_failed');
    expect(failures.some((f) => (f.details as { detail?: string }).detail === 'token_exchange')).toBe(true);
  });

  it('refuses a tampered state, and a callback in another browser', async () => {
    const person = await createPerson(env.database, board);
    const login = loginName();
    op.accounts.set(login, { email: person.email });
    const s = await startSignIn(`email=${encodeURIComponent(person.email)}`);
    const callback = await signInAtProvider(s.location, login, redirectUri);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'x'.repeat(43));
    const res = await inject({ url: tampered.pathname + tampered.search, cookie: `gp_sso=${s.binding}` });
    expect(res.headers.location).toBe('/inloggen?sso=failed');
    const otherBrowser = await inject({ url: callback.pathname + callback.search, cookie: 'gp_sso=iemand-anders' });
    expect(otherBrowser.headers.location).toBe('/inloggen?sso=failed');
    const noState = await inject({ url: '/api/auth/sso/callback?code=abc' });
    expect(noState.headers.location).toBe('/inloggen?sso=failed');
    // The right browser can still finish: a forged callback does not use up the state.
    const ok = await inject({ url: callback.pathname + callback.search, cookie: `gp_sso=${s.binding}` });
    expect(ok.headers.location).toBe('/');
  });

  it('reports a refusal at the provider as "cancelled"', async () => {
    const person = await createPerson(env.database, board);
    const s = await startSignIn(`email=${encodeURIComponent(person.email)}`);
    const state = new URL(s.location).searchParams.get('state')!;
    const res = await inject({
      url: `/api/auth/sso/callback?error=access_denied&state=${state}`,
      cookie: `gp_sso=${s.binding}`,
    });
    expect(res.headers.location).toBe('/inloggen?sso=cancelled');
  });

  it('says no_account for an address the board does not know, and for an inactive person', async () => {
    // Started from the board's own button (by slug): the provider knows the address, the board does not.
    const login = loginName();
    op.accounts.set(login, { email: `niemand-${randomBytes(3).toString('hex')}@${board.domain}` });
    const s = await startSignIn(`board=test-${board.tag}`);
    const callback = await signInAtProvider(s.location, login, redirectUri);
    const stranger = await inject({ url: callback.pathname + callback.search, cookie: `gp_sso=${s.binding}` });
    expect(stranger.headers.location).toBe('/inloggen?sso=no_account');

    const inactive = await createPerson(env.database, board, { active: false });
    const res = (await signIn(inactive.email, loginName(), { email: inactive.email })).res;
    expect(res.headers.location).toBe('/inloggen?sso=no_account');
    expect(cookieValue(res, 'gp_session')).toBeFalsy();
    const failures = await auditFor(board.boardId, 'sso.login_failed');
    expect(failures.some((f) => f.subjectPersonId === inactive.id)).toBe(true);
  });

  it('never signs in a person of another board with the same provider', async () => {
    const other = await createBoard(env.database);
    const outsider = await createPerson(env.database, other);
    // Started for this board (by slug), the provider vouches for an address from the other board.
    const login = loginName();
    op.accounts.set(login, { email: outsider.email });
    const s = await startSignIn(`board=test-${board.tag}`);
    const callback = await signInAtProvider(s.location, login, redirectUri);
    const res = await inject({ url: callback.pathname + callback.search, cookie: `gp_sso=${s.binding}` });
    expect(res.headers.location).toBe('/inloggen?sso=no_account');
  });

  it('refuses an address the provider marks unverified', async () => {
    const person = await createPerson(env.database, board);
    const { res } = await signIn(person.email, loginName(), { email: person.email, email_verified: false });
    expect(res.headers.location).toBe('/inloggen?sso=email_unverified');
  });

  it('keeps to the allowed domains', async () => {
    const restricted = await createBoard(env.database);
    await configure(restricted, { allowedDomains: ['elders.example.nl'] });
    const person = await createPerson(env.database, restricted);
    const { res } = await signIn(person.email, loginName(), { email: person.email });
    expect(res.headers.location).toBe('/inloggen?sso=domain_not_allowed');
  });

  it('never redirects to another site after signing in', async () => {
    const person = await createPerson(env.database, board);
    const { res } = await signIn(
      person.email,
      loginName(),
      { email: person.email },
      `&returnTo=${encodeURIComponent('//evil.example.com/x')}`,
    );
    expect(res.headers.location).toBe('/');
  });
});

describe('start and discover do not reveal who has an account', () => {
  it('answers an unknown address exactly like a board without SSO', async () => {
    const plain = await createBoard(env.database);
    const known = plain.byRole('docent');
    const unknown = `niemand-${randomBytes(3).toString('hex')}@nergens.example.nl`;
    for (const email of [known.email, unknown]) {
      const start = await inject({ url: `/api/auth/sso/start?email=${encodeURIComponent(email)}` });
      expect(start.statusCode).toBe(302);
      expect(start.headers.location).toBe('/inloggen?sso=unavailable');
      expect(cookieValue(start, 'gp_sso')).toBeFalsy();
      const d = await inject({ url: `/api/auth/sso/discover?email=${encodeURIComponent(email)}` });
      expect(d.json()).toEqual({ sso: false, required: false });
    }
  });

  it('offers SSO for known addresses and for unknown ones in an allowed domain', async () => {
    const board = await createBoard(env.database);
    await configure(board, { displayName: 'Microsoft', allowedDomains: [board.domain] });
    for (const email of [board.byRole('docent').email, `nieuw@${board.domain}`]) {
      const d = await inject({ url: `/api/auth/sso/discover?email=${encodeURIComponent(email)}` });
      expect(d.json()).toEqual({ sso: true, required: false, providerName: 'Microsoft' });
    }
  });
});

describe('a board that requires SSO', () => {
  it('refuses password login for a docent but lets the beheerder in (break-glass)', async () => {
    const board = await createBoard(env.database);
    await configure(board, { required: true });
    const login = (email: string) =>
      env.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: nextIp(),
        payload: { email, password: TEST_PASSWORD },
      });
    const docent = await login(board.byRole('docent').email);
    expect(docent.statusCode).toBe(403);
    expect(docent.json().error.message).toMatch(/single sign-on/);
    expect(cookieValue(docent, 'gp_session')).toBeFalsy();
    // A wrong password still reads as a wrong password: the refusal says nothing to a guesser.
    const wrong = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: nextIp(),
      payload: { email: board.byRole('docent').email, password: 'fout-wachtwoord' },
    });
    expect(wrong.statusCode).toBe(401);
    expect((await login(board.byRole('beheerder').email)).statusCode).toBe(200);
    const d = await inject({ url: `/api/auth/sso/discover?email=${encodeURIComponent(board.byRole('docent').email)}` });
    expect(d.json()).toEqual({ sso: true, required: true, providerName: 'Schoolaccount' });
    expect((await auditFor(board.boardId, 'auth.login_refused')).length).toBe(1);
  });
});

describe('admin API', () => {
  let board: TestBoard;
  beforeAll(async () => {
    board = await createBoard(env.database);
  });
  const put = (headers: Record<string, string>, payload: object) =>
    env.app.inject({ method: 'PUT', url: '/api/admin/sso', headers, payload });
  const valid = () => ({
    provider: 'oidc',
    displayName: 'Schoolaccount',
    issuer: op.issuer,
    clientId: op.clientId,
    clientSecret: op.clientSecret,
    enabled: true,
    required: false,
    allowedDomains: [],
    version: 0,
  });

  it('is for the beheerder only', async () => {
    const docent = await sessionFor(env.database, board.byRole('docent').id);
    expect((await env.app.inject({ method: 'GET', url: '/api/admin/sso', headers: docent.headers })).statusCode).toBe(
      403,
    );
    expect((await put(docent.headers, valid())).statusCode).toBe(403);
    const test = await env.app.inject({
      method: 'POST',
      url: '/api/admin/sso/test',
      headers: docent.headers,
      payload: {},
    });
    expect(test.statusCode).toBe(403);
  });

  it('saves, never returns the secret, stores it encrypted and logs the change', async () => {
    const admin = await sessionFor(env.database, board.byRole('beheerder').id);
    expect((await env.app.inject({ method: 'GET', url: '/api/admin/sso', headers: admin.headers })).json()).toBeNull();
    const res = await put(admin.headers, valid());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ hasSecret: true, version: 1, enabled: true, redirectUri });
    expect(res.body).not.toContain(op.clientSecret);
    const get = await env.app.inject({ method: 'GET', url: '/api/admin/sso', headers: admin.headers });
    expect(get.json()).toMatchObject({ hasSecret: true, issuer: op.issuer });
    expect(get.body).not.toContain(op.clientSecret);
    expect(get.json()).not.toHaveProperty('clientSecret');
    const [row] = await env.database.db.select().from(ssoConfigs).where(eq(ssoConfigs.boardId, board.boardId));
    expect(row!.clientSecretEnc).toBeTruthy();
    expect(row!.clientSecretEnc).not.toContain(op.clientSecret);
    const entries = await auditFor(board.boardId, 'sso.configured');
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0]!.details)).not.toContain(op.clientSecret);

    // Saving again without a secret keeps the stored one.
    const again = await put(admin.headers, { ...valid(), clientSecret: undefined, displayName: 'Nieuw', version: 1 });
    expect(again.json()).toMatchObject({ hasSecret: true, displayName: 'Nieuw', version: 2 });
  });

  it('refuses a stale version with 409', async () => {
    const admin = await sessionFor(env.database, board.byRole('beheerder').id);
    const current = (await env.app.inject({ method: 'GET', url: '/api/admin/sso', headers: admin.headers })).json();
    const stale = await put(admin.headers, { ...valid(), version: current.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');
    expect(stale.json().error.details).toEqual({ reason: 'stale' });
    const fresh = await createBoard(env.database);
    const freshAdmin = await sessionFor(env.database, fresh.byRole('beheerder').id);
    expect((await put(freshAdmin.headers, { ...valid(), version: 3 })).statusCode).toBe(409);
  });

  it('checks the issuer by discovery and answers a field message on issuer', async () => {
    const admin = await sessionFor(env.database, board.byRole('beheerder').id);
    const current = (await env.app.inject({ method: 'GET', url: '/api/admin/sso', headers: admin.headers })).json();
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const res = await put(admin.headers, {
      ...valid(),
      issuer: `http://127.0.0.1:${port}/geen-provider`,
      version: current.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'issuer', message: expect.stringMatching(/niet bereikbaar/) }]);
    const microsoft = await put(admin.headers, {
      ...valid(),
      provider: 'microsoft',
      issuer: 'https://login.microsoftonline.com/common/v2.0',
      version: current.version,
    });
    expect(microsoft.statusCode).toBe(400);
    expect(microsoft.json().error.details[0].path).toBe('issuer');
    const requiredOff = await put(admin.headers, {
      ...valid(),
      enabled: false,
      required: true,
      version: current.version,
    });
    expect(requiredOff.statusCode).toBe(400);
    expect(requiredOff.json().error.details[0].path).toBe('required');
    const unchanged = (await env.app.inject({ method: 'GET', url: '/api/admin/sso', headers: admin.headers })).json();
    expect(unchanged.version).toBe(current.version);
  });

  it('tests a provider and reports in Dutch', async () => {
    const admin = await sessionFor(env.database, board.byRole('beheerder').id);
    const ok = await env.app.inject({
      method: 'POST',
      url: '/api/admin/sso/test',
      headers: admin.headers,
      payload: {},
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, issuer: op.issuer, redirectUri, secretKeyConfigured: true });
    expect(ok.json().message).toMatch(/bereikbaar/);
    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/admin/sso/test',
      headers: admin.headers,
      payload: { issuer: `${op.issuer}/verkeerd` },
    });
    expect(bad.json()).toMatchObject({ ok: false });
    expect(bad.json().message).toMatch(/OpenID Connect|opgehaald/);
  });

  it('shows another board nothing of this configuration', async () => {
    const other = await createBoard(env.database);
    const intruder = await sessionFor(env.database, other.byRole('beheerder').id);
    const res = await env.app.inject({ method: 'GET', url: '/api/admin/sso', headers: intruder.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toBeNull();
  });

  it('refuses to store a secret without GROEIPAD_SECRET_KEY, with 409', async () => {
    const keyless = await startTestApp();
    try {
      const b = await createBoard(keyless.database);
      const admin = await sessionFor(keyless.database, b.byRole('beheerder').id);
      const res = await keyless.app.inject({
        method: 'PUT',
        url: '/api/admin/sso',
        headers: admin.headers,
        payload: valid(),
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details).toEqual({ reason: 'secret_key_missing' });
      expect(res.json().error.message).toMatch(/GROEIPAD_SECRET_KEY/);
      const rows = await keyless.database.db.select().from(ssoConfigs).where(eq(ssoConfigs.boardId, b.boardId));
      expect(rows).toHaveLength(0);
    } finally {
      await keyless.close();
    }
  });
});
