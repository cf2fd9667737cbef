import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  createBoard,
  createPerson,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';

let env: TestEnv;
let board: TestBoard;
let admin: Session;

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  admin = await sessionFor(env.database, board.byRole('beheerder').id);
});
afterAll(() => env.close());

const get = (url: string, s: Session) => env.app.inject({ method: 'GET', url, headers: s.headers });
const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, s: Session, payload?: unknown) =>
  env.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('staff list', () => {
  it('pages through the whole board for a beheerder, sorted by last name', async () => {
    const first = await get('/api/admin/people?pageSize=5', admin);
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.total).toBe(board.people.length);
    expect(body.items).toHaveLength(5);
    const second = (await get('/api/admin/people?pageSize=5&page=2', admin)).json();
    const ids = new Set([...body.items, ...second.items].map((p: { id: string }) => p.id));
    expect(ids.size).toBe(10);
  });

  it('searches on name, e-mail and employee number, several words at once', async () => {
    const target = board.byRole('teamleider');
    const byEmail = (await get(`/api/admin/people?search=${encodeURIComponent(target.email)}`, admin)).json();
    expect(byEmail.items.map((p: { id: string }) => p.id)).toEqual([target.id]);
    const byNumber = (await get(`/api/admin/people?search=${target.employeeNumber}`, admin)).json();
    expect(byNumber.items[0].id).toBe(target.id);
    const byWords = (
      await get(`/api/admin/people?search=${encodeURIComponent(`${target.lastName} ${target.firstName}`)}`, admin)
    ).json();
    expect(byWords.items.map((p: { id: string }) => p.id)).toContain(target.id);
  });

  it('treats LIKE wildcards in a search as text', async () => {
    const res = (await get('/api/admin/people?search=%25', admin)).json();
    expect(res.total).toBe(0);
  });

  it('filters by school and team', async () => {
    const team = board.teams.find((t) => t.name === 'Exact')!;
    const res = (await get(`/api/admin/people?teamId=${team.id}`, admin)).json();
    expect(res.total).toBe(5); // teamleider + 4
    const zuid = board.schools.find((s) => s.name === 'School Zuid')!;
    const bySchool = (await get(`/api/admin/people?schoolId=${zuid.id}&pageSize=200`, admin)).json();
    expect(bySchool.items.every((p: { schools: string[] }) => p.schools.includes('School Zuid'))).toBe(true);
  });

  it('limits a schoolleider to their own school', async () => {
    const leader = await sessionFor(env.database, board.byRole('schoolleider', 'School Zuid').id);
    const res = (await get('/api/admin/people?pageSize=200', leader)).json();
    expect(res.total).toBeGreaterThan(0);
    expect(res.items.every((p: { schools: string[] }) => p.schools.includes('School Zuid'))).toBe(true);
    const noord = board.byRole('teamleider', 'School Noord');
    expect((await get(`/api/admin/people/${noord.id}`, leader)).statusCode).toBe(404);
  });

  it('refuses a docent', async () => {
    const docent = await sessionFor(env.database, board.byRole('docent').id);
    expect((await get('/api/admin/people', docent)).statusCode).toBe(403);
  });
});

describe('editing people', () => {
  it('creates a person and refuses a duplicate e-mail with a field message', async () => {
    const email = `nieuw-${Date.now()}@${board.domain}`;
    const created = await send('POST', '/api/admin/people', admin, {
      firstName: 'Nina',
      infix: 'van',
      lastName: 'Dam',
      email: email.toUpperCase(),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ displayName: 'Nina van Dam', email, hasPassword: false });
    const dup = await send('POST', '/api/admin/people', admin, { firstName: 'Ander', lastName: 'Iemand', email });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0].path).toBe('email');
  });

  it('detects a concurrent edit instead of overwriting it', async () => {
    const person = await createPerson(env.database, board);
    const v = (await get(`/api/admin/people/${person.id}`, admin)).json().version;
    const a = await send('PATCH', `/api/admin/people/${person.id}`, admin, { jobTitle: 'Docent biologie', version: v });
    expect(a.statusCode).toBe(200);
    const b = await send('PATCH', `/api/admin/people/${person.id}`, admin, {
      jobTitle: 'Docent scheikunde',
      version: v,
    });
    expect(b.statusCode).toBe(409);
    expect((await get(`/api/admin/people/${person.id}`, admin)).json().jobTitle).toBe('Docent biologie');
  });

  it('lets HR edit but not grant roles', async () => {
    const hr = await sessionFor(env.database, board.byRole('hr').id);
    expect((await get('/api/me', hr)).json().abilities).toEqual({
      createPeople: true,
      manageRoles: false,
      manageStructure: false,
      importStaff: false,
      readOutbox: false,
      readAuditLog: false,
      configureSso: false,
    });
    const person = await createPerson(env.database, board);
    const detail = (await get(`/api/admin/people/${person.id}`, hr)).json();
    expect(detail.abilities).toEqual({ edit: true, manageRoles: false, deactivate: true });
    const res = await send('POST', `/api/admin/people/${person.id}/memberships`, hr, { role: 'beheerder' });
    expect(res.statusCode).toBe(403);
  });

  it('keeps a schoolleider read-only', async () => {
    const leader = await sessionFor(env.database, board.byRole('schoolleider', 'School Zuid').id);
    const target = board.byRole('oop');
    const detail = await get(`/api/admin/people/${target.id}`, leader);
    expect(detail.json().abilities.edit).toBe(false);
    const res = await send('PATCH', `/api/admin/people/${target.id}`, leader, {
      jobTitle: 'x',
      version: detail.json().version,
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses to deactivate yourself', async () => {
    const me = board.byRole('beheerder');
    const v = (await get(`/api/admin/people/${me.id}`, admin)).json().version;
    const res = await send('PATCH', `/api/admin/people/${me.id}`, admin, { active: false, version: v });
    expect(res.statusCode).toBe(400);
  });
});

describe('roles and line management', () => {
  it('grants and revokes a team role, deriving the school from the team, and audits both', async () => {
    const person = await createPerson(env.database, board);
    const team = board.teams.find((t) => t.name === 'Talen')!;
    const granted = await send('POST', `/api/admin/people/${person.id}/memberships`, admin, {
      role: 'coach',
      teamId: team.id,
    });
    expect(granted.statusCode).toBe(201);
    const m = granted.json().memberships[0];
    expect(m).toMatchObject({ role: 'coach', teamName: 'Talen', schoolName: 'School Noord' });
    const dup = await send('POST', `/api/admin/people/${person.id}/memberships`, admin, {
      role: 'coach',
      teamId: team.id,
    });
    expect(dup.statusCode).toBe(409);
    const revoked = await send('DELETE', `/api/admin/people/${person.id}/memberships/${m.id}`, admin);
    expect(revoked.json().memberships).toEqual([]);
    const log = await env.database.query<{ action: string }>(
      'select action from audit_log where subject_person_id = $1 order by id',
      [person.id],
    );
    expect(log.map((r) => r.action)).toEqual(['role.granted', 'role.revoked']);
  });

  it('requires a school for school roles and none for board roles', async () => {
    const person = await createPerson(env.database, board);
    const noSchool = await send('POST', `/api/admin/people/${person.id}/memberships`, admin, { role: 'docent' });
    expect(noSchool.statusCode).toBe(400);
    expect(noSchool.json().error.details[0].path).toBe('schoolId');
    const boardRole = await send('POST', `/api/admin/people/${person.id}/memberships`, admin, {
      role: 'hr',
      schoolId: board.schools[0]!.id,
    });
    expect(boardRole.statusCode).toBe(400);
  });

  it('sets leidinggevenden explicitly and shows them on /api/me', async () => {
    const person = await createPerson(env.database, board, {
      roles: [{ role: 'docent', schoolId: board.schools[0]!.id }],
    });
    const manager = board.byRole('teamleider');
    const res = await send('PUT', `/api/admin/people/${person.id}/managers`, admin, { managerIds: [manager.id] });
    expect(res.json().managers.map((m: { id: string }) => m.id)).toEqual([manager.id]);
    const me = (await get('/api/me', await sessionFor(env.database, person.id))).json();
    expect(me.managers[0].id).toBe(manager.id);
    const self = await send('PUT', `/api/admin/people/${person.id}/managers`, admin, { managerIds: [person.id] });
    expect(self.statusCode).toBe(400);
  });
});

describe('schools and teams', () => {
  it('creates a school and a team, and refuses duplicates', async () => {
    const name = `School ${Date.now()}`;
    const school = await send('POST', '/api/admin/schools', admin, { name, kind: 'po', brin: '99ZZ' });
    expect(school.statusCode).toBe(201);
    expect((await send('POST', '/api/admin/schools', admin, { name, kind: 'po' })).statusCode).toBe(409);
    const team = await send('POST', '/api/admin/teams', admin, {
      schoolId: school.json().id,
      name: 'Groep 1-2',
      kind: 'onderwijs',
    });
    expect(team.statusCode).toBe(201);
    expect(team.json()).toMatchObject({ schoolName: name, memberCount: 0 });
    const renamed = await send('PATCH', `/api/admin/teams/${team.json().id}`, admin, {
      name: 'Kleuters',
      version: team.json().version,
    });
    expect(renamed.json().name).toBe('Kleuters');
    const stale = await send('PATCH', `/api/admin/teams/${team.json().id}`, admin, {
      name: 'Peuters',
      version: team.json().version,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('checks the BRIN format', async () => {
    const res = await send('POST', '/api/admin/schools', admin, { name: 'Foute BRIN', kind: 'po', brin: 'abc' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.brin');
  });
});

describe('audit log', () => {
  it('is append-only in the database itself', async () => {
    await expect(env.database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(env.database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('shows a person the entries about themselves only', async () => {
    const person = await createPerson(env.database, board);
    await send('PUT', `/api/admin/people/${person.id}/managers`, admin, {
      managerIds: [board.byRole('teamleider').id],
    });
    const mine = (await get('/api/me/audit', await sessionFor(env.database, person.id))).json();
    expect(mine.items.map((e: { action: string }) => e.action)).toEqual(['managers.changed']);
    expect(mine.items[0].actorName).toBeTruthy();
  });

  it('keeps the board-wide log and the outbox for the beheerder', async () => {
    const docent = await sessionFor(env.database, board.byRole('docent').id);
    expect((await get('/api/admin/audit', docent)).statusCode).toBe(403);
    expect((await get('/api/admin/outbox', docent)).statusCode).toBe(403);
    expect((await get('/api/admin/audit', admin)).statusCode).toBe(200);
  });
});
