import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, sessionFor, startTestApp, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
let admin: Awaited<ReturnType<typeof sessionFor>>;

beforeAll(async () => {
  env = await startTestApp();
  const board = await createBoard(env.database);
  admin = await sessionFor(env.database, board.byRole('beheerder').id);
});
afterAll(() => env.close());

describe('health and docs', () => {
  it('reports the database in use', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: env.database.kind, version: 'test' });
  });

  it('serves OpenAPI 3 generated from the contracts', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/admin/people');
    const alias = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(alias.json().paths).toEqual(doc.paths);
  });

  it('sets security headers', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });
});

describe('bad input never gives a 500', () => {
  const post = (payload: string, contentType = 'application/json') =>
    env.app.inject({
      method: 'POST',
      url: '/api/admin/people',
      headers: { ...admin.headers, 'content-type': contentType },
      payload,
    });

  it.each([
    ['malformed JSON', '{"firstName": ', 400, 'validation'],
    ['wrong types', JSON.stringify({ firstName: 1, lastName: [], email: true }), 400, 'validation'],
    [
      'unknown fields',
      JSON.stringify({ firstName: 'A', lastName: 'B', email: 'a@b.nl', isAdmin: true }),
      400,
      'validation',
    ],
    ['an empty body', '', 400, 'validation'],
  ])('%s → %i', async (_name, payload, status, code) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('names the unknown field', async () => {
    const res = await post(JSON.stringify({ firstName: 'A', lastName: 'B', email: 'a@b.nl', isAdmin: true }));
    expect(JSON.stringify(res.json().error.details)).toContain('isAdmin');
  });

  it('refuses an oversized body with 413', async () => {
    const res = await post(JSON.stringify({ firstName: 'x'.repeat(2 * 1024 * 1024), lastName: 'B', email: 'a@b.nl' }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('refuses another content type with a JSON error', async () => {
    const res = await post('firstName=A', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('validation');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/bestaat-niet' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('refuses a malformed id with 400', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/admin/people/123', headers: admin.headers });
    expect(res.statusCode).toBe(400);
  });

  it('refuses out-of-range paging with 400', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/admin/people?pageSize=100000',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(400);
  });
});
