import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../../../test/harness.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { issueInvitation } from '../auth/index.ts';
import { createBoardWithAdmin } from './index.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
});
afterAll(() => env.close());

describe('a fresh installation', () => {
  it('creates a board whose first beheerder accepts the invitation and manages it', async () => {
    const tag = randomBytes(4).toString('hex');
    const email = `beheer@${tag}.nieuw.nl`;
    const { adminId } = await createBoardWithAdmin(env.database.db, {
      name: `Stichting ${tag}`,
      slug: `s-${tag}`,
      admin: { firstName: 'Anna', lastName: 'Smit', email },
    });
    const mailer = createMailer({ from: env.config.mailFrom });
    const link = await issueInvitation(
      { db: env.database.db, now: new Date(), config: env.config, mailer },
      adminId,
      null,
    );
    const token = new URL(link).searchParams.get('token')!;
    const set = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { token, password: 'een-sterk-wachtwoord' },
    });
    expect(set.statusCode).toBe(200);
    const login = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'een-sterk-wachtwoord' },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const me = (await env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json();
    expect(me).toMatchObject({ roles: ['beheerder'], board: { name: `Stichting ${tag}` } });
    expect(me.nav).toContain('beheer');
    expect(me.abilities).toMatchObject({ manageStructure: true, importStaff: true });
  });

  it('refuses a short name that is taken, and an e-mail address that is in use', async () => {
    const tag = randomBytes(4).toString('hex');
    await createBoardWithAdmin(env.database.db, {
      name: 'A',
      slug: `dup-${tag}`,
      admin: { firstName: 'A', lastName: 'A', email: `a@${tag}.nl` },
    });
    await expect(
      createBoardWithAdmin(env.database.db, {
        name: 'B',
        slug: `dup-${tag}`,
        admin: { firstName: 'B', lastName: 'B', email: `b@${tag}.nl` },
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      createBoardWithAdmin(env.database.db, {
        name: 'C',
        slug: `c-${tag}`,
        admin: { firstName: 'C', lastName: 'C', email: `a@${tag}.nl` },
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});
