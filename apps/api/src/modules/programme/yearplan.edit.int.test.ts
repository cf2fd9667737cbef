import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createBoard,
  createPerson,
  latestMailTo,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';

// Editing dates of the year plan: for whoever may create one of its kind (the school's leadership; for a pizzasessie
// any organiser), over the version they saw (409 with the date as it is now), with the same checks as creating
// (400 with field messages). A pizzasessie keeps places for everyone registered; a linking session moves on its
// programme's page only. And the home task of a pizzasessie one registered for in the coming week.

let env: TestEnv;
let board: TestBoard;
let other: TestBoard;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};
let noord: string;
let exactId: string;
let talenId: string;

const NOW = new Date('2030-03-13T10:00:00Z'); // a Wednesday

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  other = await createBoard(env.database);
  noord = board.schools.find((s) => s.name === 'School Noord')!.id;
  exactId = board.teams.find((t) => t.name === 'Exact')!.id;
  talenId = board.teams.find((t) => t.name === 'Talen')!.id;
  const zuid = board.schools.find((s) => s.name === 'School Zuid')!.id;
  const docenten = [
    ...new Set(board.memberships.filter((m) => m.teamId === exactId && m.role === 'docent').map((m) => m.personId)),
  ];
  const student = await createPerson(env.database, board, {
    roles: [{ role: 'student', schoolId: noord, teamId: exactId }],
  });
  Object.assign(ids, {
    docent: docenten[0]!,
    docent2: docenten[1]!,
    docent3: docenten[2]!,
    zuidStaff: board.memberships.find((m) => m.schoolId === zuid && m.role === 'docent')!.personId,
    schoolleider: board.byRole('schoolleider', 'School Noord').id,
    otherSchoolleider: board.byRole('schoolleider', 'School Zuid').id,
    beheerder: board.byRole('beheerder').id,
    student: student.id,
    otherBoard: other.byRole('schoolleider').id,
    otherBoardStaff: other.memberships.find((m) => m.role === 'docent')!.personId,
  });
  for (const [who, id] of Object.entries(ids)) as[who] = await sessionFor(env.database, id);
});
afterAll(() => env.close());
beforeEach(() => {
  env.app.deps.now = () => NOW;
});

const get = (url: string, s: Session) => env.app.inject({ method: 'GET', url, headers: s.headers });
const send = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, s: Session, payload?: unknown) =>
  env.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const emailOf = (personId: string) => board.people.find((p) => p.id === personId)!.email;

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
const pizza = (capacity: number | null, startsAt = '2030-04-10T17:00:00+02:00') => ({
  schoolId: null,
  kind: 'pizza',
  title: 'Pizzasessie april',
  description: 'Successen en vragen uit de teams',
  startsAt,
  endsAt: null,
  location: 'Bestuurskantoor',
  capacity,
});
/** The editable fields of an event as the API returned it, with changes. */
const edit = (event: Record<string, unknown>, changes: Record<string, unknown> = {}) => ({
  kind: event.kind,
  title: event.title,
  description: event.description,
  startsAt: event.startsAt,
  endsAt: event.endsAt,
  location: event.location,
  capacity: event.capacity,
  version: event.version,
  ...changes,
});

describe("editing a school's date", () => {
  it('is for its leadership: 403 for its staff, 404 for other schools, boards and pupils', async () => {
    const event = (await send('POST', '/api/year-plan/events', as.schoolleider!, kickoff())).json();
    expect(event.abilities).toEqual({ edit: true, delete: true, register: false });
    const staffView = (await get(`/api/year-plan?schoolId=${noord}`, as.docent!)).json();
    expect(staffView.events.find((e: { id: string }) => e.id === event.id).abilities.edit).toBe(false);

    const url = `/api/year-plan/events/${event.id}`;
    const body = edit(event, { title: 'Kick-off teamleren (nieuw)' });
    expect((await send('PATCH', url, as.docent!, body)).statusCode).toBe(403);
    for (const who of ['otherSchoolleider', 'zuidStaff', 'beheerder', 'student', 'otherBoard'])
      expect((await send('PATCH', url, as[who]!, body)).statusCode, who).toBe(404);

    const res = await send('PATCH', url, as.schoolleider!, {
      ...body,
      kind: 'other',
      startsAt: '2030-04-02T14:00:00+02:00',
      endsAt: '2030-04-02T16:00:00+02:00',
      location: 'Lokaal 12',
      description: 'Met de teamleiders',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: event.id,
      kind: 'other',
      title: 'Kick-off teamleren (nieuw)',
      startsAt: '2030-04-02T12:00:00.000Z',
      endsAt: '2030-04-02T14:00:00.000Z',
      location: 'Lokaal 12',
      description: 'Met de teamleiders',
      capacity: null,
      version: event.version + 1,
    });
  });

  it('is a 409 over a stale version, with the date as it is now', async () => {
    const event = (await send('POST', '/api/year-plan/events', as.schoolleider!, kickoff())).json();
    const url = `/api/year-plan/events/${event.id}`;
    expect((await send('PATCH', url, as.schoolleider!, edit(event, { title: 'Eerste versie' }))).statusCode).toBe(200);
    const stale = await send('PATCH', url, as.schoolleider!, edit(event, { title: 'Tweede versie' }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toMatchObject({
      reason: 'stale',
      current: { id: event.id, title: 'Eerste versie', version: event.version + 1 },
    });
  });

  it('checks its input as creating does (400 with field messages)', async () => {
    const event = (await send('POST', '/api/year-plan/events', as.schoolleider!, kickoff())).json();
    const url = `/api/year-plan/events/${event.id}`;
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '  ' }, 'body.title'],
      [{ endsAt: '2030-04-01T14:00:00+02:00' }, 'body.endsAt'],
      [{ startsAt: 'morgen' }, 'body.startsAt'],
      [{ capacity: 0 }, 'body.capacity'],
      [{ location: 'x'.repeat(201) }, 'body.location'],
      [{ kind: 'linking' }, 'body.kind'],
      [{ schoolId: noord }, ''],
      [{ version: undefined }, 'body.version'],
      [{ startsAt: '2030-01-06T10:00:00+01:00' }, 'startsAt'],
      [{ kind: 'pizza' }, 'kind'],
    ];
    for (const [changes, path] of cases) {
      const res = await send('PATCH', url, as.schoolleider!, edit(event, changes));
      expect(res.statusCode, JSON.stringify(changes)).toBe(400);
      if (path) expect(res.json().error.details[0].path, JSON.stringify(changes)).toBe(path);
    }
    const pastMove = await send('PATCH', url, as.schoolleider!, edit(event, { startsAt: '2030-01-06T10:00:00+01:00' }));
    expect(pastMove.json().error.message).toBe('Kies een moment dat nog komt.');
  });

  it('leaves the moment of a date that has passed as it was, and edits the rest', async () => {
    const event = (
      await send('POST', '/api/year-plan/events', as.schoolleider!, {
        ...kickoff(),
        startsAt: '2030-03-14T15:00:00+01:00',
      })
    ).json();
    env.app.deps.now = () => new Date('2030-03-20T10:00:00Z');
    const res = await send(
      'PATCH',
      `/api/year-plan/events/${event.id}`,
      as.schoolleider!,
      edit(event, { description: 'Verslag volgt' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().description).toBe('Verslag volgt');
  });

  it('refuses a linking session: it moves on the programme page (409), and says so', async () => {
    const started = await send('POST', `/api/teams/${exactId}/programme`, as.schoolleider!, { startsOn: '2030-03-11' });
    expect(started.statusCode, started.body).toBe(201);
    const planned = await send('POST', `/api/teams/${exactId}/programme/linking`, as.schoolleider!, {
      nextTeamId: talenId,
      startsAt: '2030-05-02T15:00:00+02:00',
      location: 'Aula',
      version: started.json().programme.version,
    });
    expect(planned.statusCode, planned.body).toBe(200);
    const plan = (await get(`/api/year-plan?schoolId=${noord}`, as.schoolleider!)).json();
    const linking = plan.events.find((e: { kind: string }) => e.kind === 'linking');
    expect(linking.abilities).toEqual({ edit: false, delete: true, register: false });
    const url = `/api/year-plan/events/${linking.id}`;
    const res = await send('PATCH', url, as.schoolleider!, edit(linking, { kind: 'other', title: 'Verplaatst' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('programmapagina');
    expect(res.json().error.details).toEqual({ reason: 'linking', teamId: exactId });
    expect((await send('PATCH', url, as.docent!, edit(linking, { kind: 'other' }))).statusCode).toBe(403);
  });
});

describe('editing a pizzasessie', () => {
  it('is for any organiser: 403 for staff, 404 for pupils and other boards', async () => {
    const event = (await send('POST', '/api/year-plan/events', as.beheerder!, pizza(10))).json();
    const url = `/api/year-plan/events/${event.id}`;
    const list = (await get('/api/pizza-sessions', as.docent!)).json();
    expect(list.items.find((e: { id: string }) => e.id === event.id).abilities).toEqual({
      edit: false,
      delete: false,
      register: true,
    });
    expect((await send('PATCH', url, as.docent!, edit(event, { title: 'Van mij' }))).statusCode).toBe(403);
    expect((await send('PATCH', url, as.student!, edit(event, { title: 'Van mij' }))).statusCode).toBe(404);
    expect((await send('PATCH', url, as.otherBoard!, edit(event, { title: 'Van mij' }))).statusCode).toBe(404);
    const res = await send('PATCH', url, as.otherSchoolleider!, edit(event, { title: 'Pizzasessie: bezoeken' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Pizzasessie: bezoeken', kind: 'pizza', schoolId: null, capacity: 10 });
    const kind = await send('PATCH', url, as.otherSchoolleider!, edit(res.json(), { kind: 'kickoff' }));
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details[0]).toMatchObject({
      path: 'kind',
      message: 'Een pizzasessie blijft een pizzasessie.',
    });
  });

  it('keeps a place for everyone registered, and tells them by mail when it moves', async () => {
    const event = (await send('POST', '/api/year-plan/events', as.schoolleider!, pizza(5))).json();
    const url = `/api/year-plan/events/${event.id}`;
    for (const who of ['docent', 'docent2', 'schoolleider'])
      expect((await send('PUT', `${url}/registration`, as[who]!)).statusCode, who).toBe(200);
    const current = (await get('/api/pizza-sessions', as.schoolleider!))
      .json()
      .items.find((e: { id: string }) => e.id === event.id);
    const tooFew = await send('PATCH', url, as.schoolleider!, edit(current, { capacity: 2 }));
    expect(tooFew.statusCode).toBe(400);
    expect(tooFew.json().error.details[0].path).toBe('capacity');
    expect(tooFew.json().error.message).toContain('al 3 aanmeldingen');
    const exact = await send('PATCH', url, as.schoolleider!, edit(current, { capacity: 3 }));
    expect(exact.statusCode, exact.body).toBe(200);
    expect(exact.json()).toMatchObject({ capacity: 3, registered: 3 });
    // Full now: a fourth registration is refused.
    expect((await send('PUT', `${url}/registration`, as.docent3!)).statusCode).toBe(409);

    const moved = await send(
      'PATCH',
      url,
      as.schoolleider!,
      edit(exact.json(), { capacity: null, startsAt: '2030-04-17T17:00:00+02:00', location: 'Aula Noord' }),
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ capacity: null, startsAt: '2030-04-17T15:00:00.000Z', registered: 3 });
    for (const who of ['docent', 'docent2']) {
      const mail = await latestMailTo(env.database, emailOf(ids[who]!));
      expect(mail?.subject, who).toBe('Pizzasessie gewijzigd: Pizzasessie april');
      expect(mail!.text).toContain('woensdag 17 april 2030 om 17:00 (was woensdag 10 april 2030 om 17:00)');
      expect(mail!.text).toContain('Waar: Aula Noord (was Bestuurskantoor)');
    }
    // The organiser who moved it is not told what they did; nobody is told of a change of text only.
    expect(await latestMailTo(env.database, emailOf(ids.schoolleider!))).toBeUndefined();
    const before = await latestMailTo(env.database, emailOf(ids.docent!));
    const retitled = await send('PATCH', url, as.schoolleider!, edit(moved.json(), { title: 'Pizza!' }));
    expect(retitled.statusCode).toBe(200);
    expect((await latestMailTo(env.database, emailOf(ids.docent!)))!.id).toBe(before!.id);
  });
});

describe('the home task of a pizzasessie', () => {
  const tasksOf = async (who: string) =>
    (await get('/api/me/tasks', as[who]!)).json().items.filter((t: { kind: string }) => t.kind === 'pizza_session');

  it('shows a pizzasessie one registered for in the coming seven days, and no other', async () => {
    const soon = (
      await send('POST', '/api/year-plan/events', as.beheerder!, pizza(null, '2030-03-16T17:00:00+01:00'))
    ).json();
    const later = (
      await send('POST', '/api/year-plan/events', as.beheerder!, pizza(null, '2030-03-21T10:30:00+01:00'))
    ).json();
    const notMine = (
      await send('POST', '/api/year-plan/events', as.beheerder!, pizza(null, '2030-03-15T17:00:00+01:00'))
    ).json();
    for (const event of [soon, later])
      expect((await send('PUT', `/api/year-plan/events/${event.id}/registration`, as.zuidStaff!)).statusCode).toBe(200);
    expect((await send('PUT', `/api/year-plan/events/${notMine.id}/registration`, as.docent3!)).statusCode).toBe(200);

    expect(await tasksOf('zuidStaff')).toEqual([
      {
        key: `pizza:${soon.id}`,
        kind: 'pizza_session',
        params: { title: 'Pizzasessie april', time: '17:00', location: 'Bestuurskantoor', context: 'place' },
        dueOn: '2030-03-16',
        href: '/team/pizzasessies',
      },
    ]);
    // A week later the first has begun and the second is near.
    env.app.deps.now = () => new Date('2030-03-16T16:30:00Z');
    expect((await tasksOf('zuidStaff')).map((t: { key: string }) => t.key)).toEqual([`pizza:${later.id}`]);
    env.app.deps.now = () => NOW;
    // Registered elsewhere: not someone else's task; gone once unregistered.
    expect((await tasksOf('otherBoardStaff')).length).toBe(0);
    expect((await tasksOf('docent2')).some((t: { key: string }) => t.key === `pizza:${notMine.id}`)).toBe(false);
    expect((await tasksOf('docent3')).map((t: { key: string }) => t.key)).toContain(`pizza:${notMine.id}`);
    await send('DELETE', `/api/year-plan/events/${soon.id}/registration`, as.zuidStaff!);
    expect(await tasksOf('zuidStaff')).toEqual([]);
  });
});
