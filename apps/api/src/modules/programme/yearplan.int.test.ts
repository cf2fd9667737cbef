import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createBoard,
  createPerson,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';

// The school's year plan and the board's pizzasessies: who reads and manages them, registrations once and while
// places are left, who sees the registrants.

let env: TestEnv;
let board: TestBoard;
let other: TestBoard;
const as: Record<string, Session> = {};
let noord: string;
let zuid: string;

const NOW = new Date('2030-03-13T10:00:00Z');

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  other = await createBoard(env.database);
  noord = board.schools.find((s) => s.name === 'School Noord')!.id;
  zuid = board.schools.find((s) => s.name === 'School Zuid')!.id;
  const exact = board.teams.find((t) => t.name === 'Exact')!.id;
  const docenten = [
    ...new Set(board.memberships.filter((m) => m.teamId === exact && m.role === 'docent').map((m) => m.personId)),
  ];
  const student = await createPerson(env.database, board, {
    roles: [{ role: 'student', schoolId: noord, teamId: exact }],
  });
  const people: Record<string, string> = {
    docent: docenten[0]!,
    docent2: docenten[1]!,
    docent3: docenten[2]!,
    zuidStaff: board.memberships.find((m) => m.schoolId === zuid && m.role === 'docent')!.personId,
    schoolleider: board.byRole('schoolleider', 'School Noord').id,
    otherSchoolleider: board.byRole('schoolleider', 'School Zuid').id,
    beheerder: board.byRole('beheerder').id,
    student: student.id,
    otherBoard: other.byRole('schoolleider').id,
  };
  for (const [who, id] of Object.entries(people)) as[who] = await sessionFor(env.database, id);
});
afterAll(() => env.close());
beforeEach(() => {
  env.app.deps.now = () => NOW;
});

const get = (url: string, s: Session) => env.app.inject({ method: 'GET', url, headers: s.headers });
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, s: Session, payload?: unknown) =>
  env.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

const kickoff = () => ({
  schoolId: noord,
  kind: 'kickoff',
  title: 'Kick-off teamleren',
  description: '',
  startsAt: '2030-04-01T15:00:00+02:00',
  endsAt: null,
  location: 'Aula',
  capacity: null,
});
const pizza = (capacity: number | null) => ({
  schoolId: null,
  kind: 'pizza',
  title: 'Pizzasessie april',
  description: 'Successen en vragen uit de teams',
  startsAt: '2030-04-10T17:00:00+02:00',
  endsAt: '2030-04-10T19:00:00+02:00',
  location: 'Bestuurskantoor',
  capacity,
});

describe('the year plan', () => {
  it("is managed by the school's leadership and read by its staff; others get 404", async () => {
    const created = await send('POST', '/api/year-plan/events', as.schoolleider!, kickoff());
    expect(created.statusCode, created.body).toBe(201);
    const plan = await get('/api/year-plan', as.schoolleider!);
    expect(plan.statusCode).toBe(200);
    expect(plan.json()).toMatchObject({
      school: { id: noord },
      abilities: { manage: true },
      from: '2029-08-01',
      to: '2030-07-31',
    });
    expect(plan.json().events.map((e: { kind: string }) => e.kind)).toEqual(['kickoff']);
    const staff = await get(`/api/year-plan?schoolId=${noord}`, as.docent!);
    expect(staff.statusCode).toBe(200);
    expect(staff.json().abilities.manage).toBe(false);
    expect(staff.json().events[0].abilities.delete).toBe(false);
    for (const who of ['otherSchoolleider', 'zuidStaff', 'student', 'otherBoard', 'beheerder'])
      expect((await get(`/api/year-plan?schoolId=${noord}`, as[who]!)).statusCode, who).toBe(404);
    expect((await get('/api/year-plan', as.beheerder!)).statusCode).toBe(404);
    expect((await get('/api/year-plan', as.otherSchoolleider!)).json().school.id).toBe(zuid);
  });

  it('refuses a change by staff (403) and by another school or board (404); deletes by the leadership', async () => {
    expect((await send('POST', '/api/year-plan/events', as.docent!, kickoff())).statusCode).toBe(403);
    expect((await send('POST', '/api/year-plan/events', as.otherSchoolleider!, kickoff())).statusCode).toBe(404);
    expect((await send('POST', '/api/year-plan/events', as.otherBoard!, kickoff())).statusCode).toBe(404);
    const bad = await send('POST', '/api/year-plan/events', as.schoolleider!, { ...kickoff(), schoolId: null });
    expect(bad.statusCode).toBe(400);
    const past = await send('POST', '/api/year-plan/events', as.schoolleider!, {
      ...kickoff(),
      startsAt: '2030-01-01T10:00:00+01:00',
    });
    expect(past.statusCode).toBe(400);
    const event = (
      await send('POST', '/api/year-plan/events', as.schoolleider!, { ...kickoff(), kind: 'other', title: 'Studiedag' })
    ).json();
    expect((await send('DELETE', `/api/year-plan/events/${event.id}`, as.docent!)).statusCode).toBe(403);
    expect((await send('DELETE', `/api/year-plan/events/${event.id}`, as.otherSchoolleider!)).statusCode).toBe(404);
    expect((await send('DELETE', `/api/year-plan/events/${event.id}`, as.otherBoard!)).statusCode).toBe(404);
    expect((await send('DELETE', `/api/year-plan/events/${event.id}`, as.schoolleider!)).statusCode).toBe(204);
  });
});

describe('pizzasessies', () => {
  it('are organised by school leaders or the beheerder, for the whole board', async () => {
    expect((await send('POST', '/api/year-plan/events', as.docent!, pizza(10))).statusCode).toBe(403);
    expect((await send('POST', '/api/year-plan/events', as.student!, pizza(10))).statusCode).toBe(404);
    const res = await send('POST', '/api/year-plan/events', as.beheerder!, pizza(10));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ schoolId: null, kind: 'pizza', capacity: 10, registered: 0, registrants: [] });
    const mine = await get('/api/pizza-sessions', as.zuidStaff!);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().abilities.create).toBe(false);
    expect(mine.json().items.some((e: { id: string }) => e.id === res.json().id)).toBe(true);
    expect((await get('/api/pizza-sessions', as.student!)).statusCode).toBe(404);
    expect((await get('/api/pizza-sessions', as.otherBoard!)).json().items).toEqual([]);
  });

  it('take a registration once, refuse it when full (409), and show the organiser who comes', async () => {
    const event = (await send('POST', '/api/year-plan/events', as.otherSchoolleider!, pizza(2))).json();
    const url = `/api/year-plan/events/${event.id}/registration`;
    const first = await send('PUT', url, as.docent!);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ registered: 1, registeredByMe: true, registrants: null });
    const twice = await send('PUT', url, as.docent!);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('al aangemeld');
    expect((await send('PUT', url, as.zuidStaff!)).statusCode).toBe(200);
    const full = await send('PUT', url, as.docent2!);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toContain('vol');
    expect((await send('PUT', url, as.otherBoard!)).statusCode).toBe(404);
    expect((await send('PUT', url, as.student!)).statusCode).toBe(404);

    const organiser = (await get('/api/pizza-sessions', as.schoolleider!))
      .json()
      .items.find((e: { id: string }) => e.id === event.id);
    expect(organiser.registrants).toHaveLength(2);
    expect(organiser.registered).toBe(2);

    const left = await send('DELETE', url, as.docent!);
    expect(left.json()).toMatchObject({ registered: 1, registeredByMe: false });
    expect((await send('PUT', url, as.docent2!)).statusCode).toBe(200);
  });

  it('queue registrations for the last place: exactly one of several at once gets it', async () => {
    const event = (await send('POST', '/api/year-plan/events', as.schoolleider!, pizza(1))).json();
    const url = `/api/year-plan/events/${event.id}/registration`;
    const results = await Promise.all(['docent', 'docent2', 'docent3'].map((who) => send('PUT', url, as[who]!)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });

  it('show in the year plan of every school, and are deleted by an organiser only', async () => {
    const event = (
      await send('POST', '/api/year-plan/events', as.schoolleider!, { ...pizza(null), title: 'Pizzasessie mei' })
    ).json();
    const plan = (await get('/api/year-plan', as.zuidStaff!)).json();
    expect(plan.events.some((e: { id: string }) => e.id === event.id)).toBe(true);
    expect((await send('DELETE', `/api/year-plan/events/${event.id}`, as.docent!)).statusCode).toBe(403);
    expect((await send('DELETE', `/api/year-plan/events/${event.id}`, as.otherBoard!)).statusCode).toBe(404);
    expect((await send('DELETE', `/api/year-plan/events/${event.id}`, as.beheerder!)).statusCode).toBe(204);
  });
});
