import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  latestMailTo,
  createBoard,
  createPerson,
  sessionFor,
  startTestApp,
  TEST_PASSWORD,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { MAX_FAILED_LOGINS } from './auth.service.ts';

let env: TestEnv;
let board: TestBoard;

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
});
afterAll(() => env.close());

const login = (email: string, password: string) =>
  env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return String(first).split(';')[0]!;
}

describe('login', () => {
  it('opens a session with a safe cookie and answers /api/me', async () => {
    const person = await createPerson(env.database, board, {
      roles: [{ role: 'docent', schoolId: board.schools[0]!.id }],
    });
    const res = await login(person.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const me = await env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieOf(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: person.id, roles: ['docent'] });
    expect(me.json().nav).not.toContain('beheer');
    expect(Object.values(me.json().abilities).every((v) => v === false)).toBe(true);
  });

  it('gives the same 401 for a wrong password and an unknown e-mail', async () => {
    const person = await createPerson(env.database, board);
    const wrong = await login(person.email, 'niet-het-wachtwoord');
    const unknown = await login(`niemand@${board.domain}`, TEST_PASSWORD);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('refuses an inactive person', async () => {
    const person = await createPerson(env.database, board, { active: false });
    expect((await login(person.email, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const person = await createPerson(env.database, board);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) expect((await login(person.email, 'fout')).statusCode).toBe(401);
    const locked = await login(person.email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('rate_limited');
    const entries = await env.database.db.select().from(auditLog).where(eq(auditLog.subjectPersonId, person.id));
    expect(entries.map((e) => e.action)).toContain('auth.locked');
  });

  it('rejects bad input with field messages, not a 500', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toContain('password');
  });
});

describe('sessions', () => {
  it('requires the CSRF token on changes', async () => {
    const person = await createPerson(env.database, board);
    const s = await sessionFor(env.database, person.id);
    const without = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(without.statusCode).toBe(403);
    const wrong = await env.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'nope' },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(ok.statusCode).toBe(200);
    const after = await env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('refuses an expired session', async () => {
    const person = await createPerson(env.database, board);
    const s = await sessionFor(env.database, person.id);
    await env.database.query("update sessions set expires_at = now() - interval '1 minute' where person_id = $1", [
      person.id,
    ]);
    const res = await env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(401);
  });

  it('logs out everywhere', async () => {
    const person = await createPerson(env.database, board);
    const a = await sessionFor(env.database, person.id);
    const b = await sessionFor(env.database, person.id);
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/logout-everywhere', headers: a.headers });
    expect(res.json()).toEqual({ sessions: 2 });
    expect((await env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: b.cookie } })).statusCode).toBe(
      401,
    );
  });

  it('ends the sessions of a person who is made inactive', async () => {
    const person = await createPerson(env.database, board);
    const s = await sessionFor(env.database, person.id);
    const admin = await sessionFor(env.database, board.byRole('beheerder').id);
    const detail = await env.app.inject({
      method: 'GET',
      url: `/api/admin/people/${person.id}`,
      headers: admin.headers,
    });
    const res = await env.app.inject({
      method: 'PATCH',
      url: `/api/admin/people/${person.id}`,
      headers: admin.headers,
      payload: { active: false, version: detail.json().version },
    });
    expect(res.statusCode).toBe(200);
    expect((await env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: s.cookie } })).statusCode).toBe(
      401,
    );
  });
});

const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

describe('password reset and invitations', () => {
  it('resets a password through a link that works once', async () => {
    const person = await createPerson(env.database, board);
    const req = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: person.email },
    });
    expect(req.statusCode).toBe(202);
    const mail = await latestMailTo(env.database, person.email);
    expect(mail?.subject).toMatch(/wachtwoord/i);
    const token = tokenIn(mail!.text);
    expect((await env.app.inject({ method: 'POST', url: '/api/auth/token', payload: { token } })).json()).toEqual({
      purpose: 'reset',
    });
    const set = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { token, password: 'een-nieuw-wachtwoord' },
    });
    expect(set.statusCode).toBe(200);
    expect((await login(person.email, 'een-nieuw-wachtwoord')).statusCode).toBe(200);
    expect((await login(person.email, TEST_PASSWORD)).statusCode).toBe(401);
    const again = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { token, password: 'nog-een-wachtwoord' },
    });
    expect(again.statusCode).toBe(404);
  });

  it('answers 202 for an unknown address and sends nothing', async () => {
    const email = `onbekend@${board.domain}`;
    expect(
      (await env.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } })).statusCode,
    ).toBe(202);
    expect(await latestMailTo(env.database, email)).toBeUndefined();
  });

  it('refuses a short password with a field message', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { token: 'x'.repeat(43), password: 'kort' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.password');
  });

  it('lets an admin invite a person, who then chooses a password', async () => {
    const person = await createPerson(env.database, board);
    const admin = await sessionFor(env.database, board.byRole('beheerder').id);
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/admin/people/${person.id}/invitation`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(202);
    const token = tokenIn((await latestMailTo(env.database, person.email))!.text);
    const set = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { token, password: 'mijn-eigen-wachtwoord' },
    });
    expect(set.statusCode).toBe(200);
    expect((await login(person.email, 'mijn-eigen-wachtwoord')).statusCode).toBe(200);
  });

  it('does not let a docent send invitations', async () => {
    const docent = await sessionFor(env.database, board.byRole('docent').id);
    const person = await createPerson(env.database, board);
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/admin/people/${person.id}/invitation`,
      headers: docent.headers,
    });
    expect(res.statusCode).toBe(403);
  });
});
