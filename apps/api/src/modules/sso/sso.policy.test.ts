import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.ts';
import { loadConfig } from '../../platform/config.ts';
import { openSecret, sealSecret } from './secret-box.ts';
import {
  canManageSso,
  emailFromClaims,
  isDomainAllowed,
  issuerProblem,
  reasonForProviderError,
  safeReturnTo,
} from './sso.policy.ts';

const actor = (...roles: Actor['memberships'][number]['role'][]): Actor => ({
  personId: 'p',
  boardId: 'b',
  sessionId: 's',
  csrfToken: 'c',
  memberships: roles.map((role) => ({ role, schoolId: null, teamId: null })),
});

describe('canManageSso', () => {
  it.each([
    [['beheerder'], true],
    [['hr'], false],
    [['bestuurder'], false],
    [['docent', 'schoolleider'], false],
    [[], false],
  ] as const)('%j → %s', (roles, expected) => {
    expect(canManageSso(actor(...roles))).toBe(expected);
  });
});

describe('issuerProblem', () => {
  it.each([
    ['microsoft', 'https://login.microsoftonline.com/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab/v2.0', 'production', null],
    ['microsoft', 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0', 'production', null],
    ['microsoft', 'https://login.microsoftonline.com/common/v2.0', 'production', /tenant-id/],
    ['microsoft', 'https://login.microsoftonline.com/organizations/v2.0', 'production', /tenant-id/],
    ['microsoft', 'https://login.microsoftonline.com/abc', 'production', /v2\.0/],
    ['microsoft', 'https://accounts.google.com', 'production', /microsoftonline/],
    ['google', 'https://accounts.google.com', 'production', null],
    ['google', 'https://accounts.google.com/', 'production', null],
    ['google', 'https://login.microsoftonline.com/x/v2.0', 'production', /accounts\.google\.com/],
    ['oidc', 'https://idp.school.nl/realms/personeel', 'production', null],
    ['oidc', 'http://idp.school.nl', 'production', /https/],
    ['oidc', 'http://127.0.0.1:8080', 'production', null],
    ['oidc', 'http://localhost:8080', 'development', null],
    ['oidc', 'http://idp.school.nl', 'test', null],
    ['oidc', 'https://idp.school.nl/?a=1', 'production', /zonder/],
    ['oidc', 'https://user:pw@idp.school.nl', 'production', /zonder/],
    ['oidc', 'geen url', 'production', /geldige URL/],
  ] as const)('%s %s (%s)', (provider, issuer, env, expected) => {
    const problem = issuerProblem(provider, issuer, env);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('safeReturnTo', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['/gesprekken', '/gesprekken'],
    ['/beheer/medewerkers?page=2#top', '/beheer/medewerkers?page=2#top'],
    ['//evil.example.com/x', '/'],
    ['/\\evil.example.com', '/'],
    ['https://evil.example.com/', '/'],
    ['javascript:alert(1)', '/'],
    ['gesprekken', '/'],
    ['/a\nb', '/'],
    ['/a\tb', '/'],
    ['/' + 'x'.repeat(600), '/'],
  ])('%j → %j', (raw, expected) => {
    expect(safeReturnTo(raw)).toBe(expected);
  });
});

describe('emailFromClaims', () => {
  it.each([
    ['google', { email: 'Jan@School.nl', email_verified: true }, { email: 'jan@school.nl' }],
    ['google', { email: 'jan@school.nl' }, { email: 'jan@school.nl' }],
    ['google', { email: 'jan@school.nl', email_verified: false }, { reason: 'email_unverified' }],
    ['oidc', { email: 'jan@school.nl', email_verified: 'false' }, { reason: 'email_unverified' }],
    ['microsoft', { preferred_username: 'Jan@School.nl' }, { email: 'jan@school.nl' }],
    ['microsoft', { upn: 'jan@school.nl' }, { email: 'jan@school.nl' }],
    ['microsoft', { email: 'jan@school.nl', preferred_username: 'other@school.nl' }, { email: 'jan@school.nl' }],
    ['microsoft', { preferred_username: 'jan' }, { reason: 'no_account' }],
    ['oidc', { preferred_username: 'jan@school.nl' }, { reason: 'no_account' }],
    ['google', { preferred_username: 'jan@school.nl' }, { reason: 'no_account' }],
    ['google', { email: 42 }, { reason: 'no_account' }],
    ['google', {}, { reason: 'no_account' }],
  ] as const)('%s %j', (provider, claims, expected) => {
    expect(emailFromClaims(provider, claims)).toEqual(expected);
  });
});

describe('isDomainAllowed', () => {
  it.each([
    ['jan@school.nl', [], true],
    ['jan@school.nl', ['school.nl'], true],
    ['jan@School.NL', ['school.nl'], true],
    ['jan@sub.school.nl', ['school.nl'], false],
    ['jan@evilschool.nl', ['school.nl'], false],
    ['jan@school.nl', ['andere.nl', 'school.nl'], true],
  ] as const)('%s in %j → %s', (email, domains, expected) => {
    expect(isDomainAllowed(email, domains)).toBe(expected);
  });
});

describe('reasonForProviderError', () => {
  it.each([
    ['access_denied', 'cancelled'],
    ['consent_required', 'cancelled'],
    ['server_error', 'failed'],
    ['invalid_request', 'failed'],
  ])('%s → %s', (error, reason) => {
    expect(reasonForProviderError(error)).toBe(reason);
  });
});

describe('secret box', () => {
  const key = randomBytes(32);
  it('round-trips, and refuses another key, another board or a tampered value', () => {
    const sealed = sealSecret(key, 'geheim-123', 'board-a');
    expect(sealed).not.toContain('geheim');
    expect(openSecret(key, sealed, 'board-a')).toBe('geheim-123');
    expect(openSecret(randomBytes(32), sealed, 'board-a')).toBeNull();
    expect(openSecret(key, sealed, 'board-b')).toBeNull();
    const parts = sealed.split('.');
    expect(openSecret(key, [parts[0], parts[1], parts[2]!.slice(0, 8), parts[3]].join('.'), 'board-a')).toBeNull();
    expect(openSecret(key, 'v1.x', 'board-a')).toBeNull();
    expect(sealSecret(key, 'geheim-123', 'board-a')).not.toBe(sealed);
  });
});

describe('GROEIPAD_SECRET_KEY', () => {
  it('is optional, and must be 32 bytes in base64 when set', () => {
    expect(loadConfig({}).secretKey).toBeUndefined();
    const key = randomBytes(32);
    expect(loadConfig({ GROEIPAD_SECRET_KEY: key.toString('base64') }).secretKey).toEqual(key);
    for (const bad of [randomBytes(16).toString('base64'), 'geen-sleutel!', 'x'.repeat(44)]) {
      expect(() => loadConfig({ GROEIPAD_SECRET_KEY: bad })).toThrow(/GROEIPAD_SECRET_KEY: moet 32 bytes/);
    }
  });
});
