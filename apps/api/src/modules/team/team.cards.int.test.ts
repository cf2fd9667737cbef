import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createBoard,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';

// The cards on the board: parts, goals with values, improvement actions through the columns, short texts; and that
// two people changing one card never overwrite each other silently.

let env: TestEnv;
let board: TestBoard;
let teamId: string;
let otherTeamMember: string;
let lead: Session;
let docent: Session;
let docentId: string;

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  const team = board.teams.find((x) => x.name === 'Exact')!;
  teamId = team.id;
  const members = board.memberships.filter((m) => m.teamId === teamId);
  docentId = members.find((m) => m.role === 'docent')!.personId;
  lead = await sessionFor(env.database, members.find((m) => m.role === 'teamleider')!.personId);
  docent = await sessionFor(env.database, docentId);
  const talen = board.teams.find((x) => x.name === 'Talen')!;
  otherTeamMember = board.memberships.find((m) => m.teamId === talen.id && m.role === 'docent')!.personId;
});
afterAll(() => env.close());
afterEach(() => {
  env.app.deps.now = undefined;
});

const url = (rest: string) => `/api/teams/${teamId}${rest}`;
const get = (rest: string, s: Session = lead) => env.app.inject({ method: 'GET', url: url(rest), headers: s.headers });
const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', rest: string, s: Session, payload?: unknown) =>
  env.app.inject({
    method,
    url: url(rest),
    headers: s.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const boardNow = async () => (await get('/board')).json();

describe('the parts of the board', () => {
  it('can be reordered, renamed, hidden and extended with an own part; removing that part archives its notes', async () => {
    const start = (await boardNow()).board;
    const own = `own-${crypto.randomUUID()}`;
    const parts = [
      { key: 'actions', title: '', hidden: false },
      { key: 'goals', title: 'Waar we naartoe werken', hidden: false },
      { key: 'programme', title: '', hidden: true },
      { key: 'planning', title: '', hidden: false },
      { key: 'team', title: '', hidden: false },
      { key: own, title: 'Rekenresultaten', hidden: false },
    ];
    const res = await send('PATCH', '/board', docent, { version: start.version, parts, sessionsPerWeek: 5 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ parts, sessionsPerWeek: 5, version: start.version + 1 });

    const note = await send('POST', '/items', docent, { kind: 'note', partKey: own, body: '62% voldoendes in 3B' });
    expect(note.statusCode, note.body).toBe(201);
    expect((await boardNow()).items.some((i: { id: string }) => i.id === note.json().id)).toBe(true);

    const without = parts.filter((p) => p.key !== own);
    const removed = await send('PATCH', '/board', docent, { version: start.version + 1, parts: without });
    expect(removed.statusCode).toBe(200);
    expect((await boardNow()).items.some((i: { id: string }) => i.id === note.json().id)).toBe(false);
  });

  it('refuses to drop a standard part, a nameless own part, a duplicate and a stale version', async () => {
    const { board: settings } = await boardNow();
    const base = settings.parts.filter((p: { key: string }) => p.key !== 'team');
    const dropped = await send('PATCH', '/board', docent, { version: settings.version, parts: base });
    expect(dropped.statusCode).toBe(400);
    expect(dropped.json().error.details[0].message).toMatch(/verbergen/);
    const nameless = await send('PATCH', '/board', docent, {
      version: settings.version,
      parts: [...settings.parts, { key: `own-${crypto.randomUUID()}`, title: ' ', hidden: false }],
    });
    expect(nameless.statusCode).toBe(400);
    const twice = await send('PATCH', '/board', docent, {
      version: settings.version,
      parts: [...settings.parts, settings.parts[0]],
    });
    expect(twice.statusCode).toBe(400);
    const unknown = await send('PATCH', '/board', docent, {
      version: settings.version,
      parts: [...settings.parts, { key: 'barometer-x', title: 'x', hidden: false }],
    });
    expect(unknown.statusCode).toBe(400);
    const stale = await send('PATCH', '/board', docent, { version: settings.version - 1, sessionsPerWeek: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ reason: 'stale', current: settings });
  });

  it('refuses a note outside an own part, and a part key on other texts', async () => {
    const res = await send('POST', '/items', docent, { kind: 'note', body: 'Los' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'partKey', message: expect.any(String) }]);
    const missing = await send('POST', '/items', docent, {
      kind: 'note',
      partKey: `own-${crypto.randomUUID()}`,
      body: 'Nergens',
    });
    expect(missing.statusCode).toBe(400);
    const success = await send('POST', '/items', docent, { kind: 'success', partKey: 'team', body: 'Feest' });
    expect(success.statusCode).toBe(400);
  });
});

describe('team goals', () => {
  it('hold a target and values over time, oldest first, with the latest as the current value', async () => {
    const created = await send('POST', '/goals', lead, {
      title: 'Meer leerlingen halen een voldoende voor rekenen',
      unit: '%',
      startValue: 55,
      targetValue: 80,
      targetDate: '2030-06-30',
      ownerId: docentId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const goal = created.json();
    expect(goal).toMatchObject({ current: 55, values: [], owner: { id: docentId }, status: 'active', version: 1 });

    await send('POST', `/goals/${goal.id}/values`, docent, { measuredOn: '2030-02-01', value: 62 });
    const second = await send('POST', `/goals/${goal.id}/values`, docent, {
      measuredOn: '2030-01-15',
      value: 58,
      note: 'Na de eerste toets',
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().values.map((v: { value: number }) => v.value)).toEqual([58, 62]);
    expect(second.json().current).toBe(62);
    // A value does not make an open edit of the goal stale.
    expect(second.json().version).toBe(1);

    const onBoard = (await boardNow()).goals.find((g: { id: string }) => g.id === goal.id);
    expect(onBoard.values).toHaveLength(2);

    const removed = await send('DELETE', `/goals/${goal.id}/values/${second.json().values[1].id}`, docent);
    expect(removed.json().current).toBe(58);
  });

  it('refuses an owner from outside the team and values that are not numbers', async () => {
    const res = await send('POST', '/goals', lead, { title: 'Doel', targetValue: 10, ownerId: otherTeamMember });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'ownerId', message: 'Kies iemand uit het team.' }]);
    const empty = await send('POST', '/goals', lead, { title: '  ', targetValue: 'veel' });
    expect(empty.statusCode).toBe(400);
    const paths = empty
      .json()
      .error.details.map((d: { path: string }) => d.path)
      .sort();
    expect(paths).toEqual(['body.targetValue', 'body.title']);
  });

  it('gives the second editor a 409 with the goal as the first one left it', async () => {
    const goal = (await send('POST', '/goals', lead, { title: 'Minder klachten', targetValue: 2 })).json();
    const first = await send('PATCH', `/goals/${goal.id}`, lead, { version: 1, title: 'Minder klachten van ouders' });
    expect(first.statusCode).toBe(200);
    const second = await send('PATCH', `/goals/${goal.id}`, docent, { version: 1, title: 'Minder klachten, sneller' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toBe('Iemand anders heeft dit net aangepast.');
    expect(second.json().error.details.current).toMatchObject({ title: 'Minder klachten van ouders', version: 2 });

    const stopped = await send('PATCH', `/goals/${goal.id}`, docent, { version: 2, status: 'stopped' });
    expect(stopped.statusCode).toBe(200);
    expect((await boardNow()).goals.some((g: { id: string }) => g.id === goal.id)).toBe(false);
    expect((await send('DELETE', `/goals/${goal.id}`, docent)).statusCode).toBe(204);
    expect((await send('DELETE', `/goals/${goal.id}`, docent)).statusCode).toBe(404);
  });
});

describe('improvement actions', () => {
  const columns = async () => {
    const actions = (await boardNow()).actions as { title: string; status: string }[];
    const of = (status: string) => actions.filter((a) => a.status === status).map((a) => a.title);
    return { todo: of('todo'), doing: of('doing'), done: of('done') };
  };

  it('move through the columns to a place, keeping the order of both columns', async () => {
    const add = async (title: string) => (await send('POST', '/actions', docent, { title })).json();
    const a = await add('Checklist ouderavond');
    const b = await add('Toetsrooster delen');
    const c = await add('Nieuwe rekenmethode proberen');
    expect((await columns()).todo).toEqual([a.title, b.title, c.title]);

    const moved = await send('POST', `/actions/${c.id}/move`, docent, { version: c.version, status: 'doing' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'doing', position: 0, version: c.version + 1 });
    const up = await send('POST', `/actions/${b.id}/move`, docent, { version: b.version, status: 'todo', position: 0 });
    expect(up.json().position).toBe(0);
    expect(await columns()).toMatchObject({ todo: [b.title, a.title], doing: [c.title] });

    // A neighbour's renumbering leaves its version alone, so an open edit of it still saves.
    const edit = await send('PATCH', `/actions/${a.id}`, docent, { version: a.version, nextStep: 'Mail sturen' });
    expect(edit.statusCode).toBe(200);

    const done = await send('POST', `/actions/${c.id}/move`, docent, { version: c.version + 1, status: 'done' });
    expect(done.json().doneAt).not.toBeNull();
    const back = await send('POST', `/actions/${c.id}/move`, docent, { version: c.version + 2, status: 'doing' });
    expect(back.json()).toMatchObject({ doneAt: null, celebratedAt: null });
  });

  it('are behind schedule when not done and past their due date', async () => {
    env.app.deps.now = () => new Date('2030-03-11T10:00:00Z');
    const late = (await send('POST', '/actions', docent, { title: 'Te laat', dueOn: '2030-03-10' })).json();
    const onTime = (await send('POST', '/actions', docent, { title: 'Op tijd', dueOn: '2030-03-11' })).json();
    expect(late.behindSchedule).toBe(true);
    expect(onTime.behindSchedule).toBe(false);
    const done = await send('POST', `/actions/${late.id}/move`, docent, { version: late.version, status: 'done' });
    expect(done.json().behindSchedule).toBe(false);
  });

  it('are celebrated when done, then archived off the board', async () => {
    const action = (await send('POST', '/actions', docent, { title: 'Leerlingen stellen zelf doelen' })).json();
    const early = await send('POST', `/actions/${action.id}/celebrate`, docent, { version: action.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details).toEqual({ reason: 'not_done' });

    const done = (
      await send('POST', `/actions/${action.id}/move`, docent, { version: action.version, status: 'done' })
    ).json();
    const party = await send('POST', `/actions/${action.id}/celebrate`, lead, { version: done.version });
    expect(party.statusCode).toBe(200);
    expect(party.json().celebratedAt).not.toBeNull();

    const stale = await send('POST', `/actions/${action.id}/archive`, lead, { version: done.version });
    expect(stale.statusCode).toBe(409);
    const archived = await send('POST', `/actions/${action.id}/archive`, lead, { version: party.json().version });
    expect(archived.statusCode).toBe(204);
    expect((await boardNow()).actions.some((a: { id: string }) => a.id === action.id)).toBe(false);
    const again = await send('PATCH', `/actions/${action.id}`, lead, { version: party.json().version + 1, title: 'x' });
    expect(again.statusCode).toBe(404);
  });

  it("keep both people's text apart: the second save is a 409 carrying the first one's card", async () => {
    const action = (await send('POST', '/actions', docent, { title: 'Huiswerkbeleid', nextStep: '' })).json();
    const mine = await send('PATCH', `/actions/${action.id}`, docent, {
      version: action.version,
      nextStep: 'Voorstel schrijven',
    });
    expect(mine.statusCode).toBe(200);
    const theirs = await send('PATCH', `/actions/${action.id}`, lead, {
      version: action.version,
      nextStep: 'Eerst peilen in het team',
    });
    expect(theirs.statusCode).toBe(409);
    expect(theirs.json().error.details).toEqual({ reason: 'stale', current: mine.json() });
    const moveStale = await send('POST', `/actions/${action.id}/move`, lead, {
      version: action.version,
      status: 'doing',
    });
    expect(moveStale.statusCode).toBe(409);
  });

  it('refuses an owner or goal from outside the team', async () => {
    const res = await send('POST', '/actions', docent, { title: 'Iets', ownerId: otherTeamMember });
    expect(res.statusCode).toBe(400);
    const goal = await send('POST', '/actions', docent, { title: 'Iets', goalId: crypto.randomUUID() });
    expect(goal.statusCode).toBe(400);
    expect(goal.json().error.details).toEqual([{ path: 'goalId', message: 'Kies een doel van dit bord.' }]);
  });
});

describe('successes, parked discussions and norms', () => {
  it('are added, edited with a version, archived and deleted', async () => {
    const norm = (await send('POST', '/items', docent, { kind: 'norm', body: 'We beginnen op tijd' })).json();
    expect(norm).toMatchObject({ kind: 'norm', partKey: null, version: 1 });
    const edited = await send('PATCH', `/items/${norm.id}`, lead, {
      version: 1,
      body: 'We beginnen en eindigen op tijd',
    });
    expect(edited.json().version).toBe(2);
    const stale = await send('PATCH', `/items/${norm.id}`, docent, { version: 1, body: 'Anders' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.body).toBe('We beginnen en eindigen op tijd');
    expect((await send('POST', `/items/${norm.id}/archive`, docent, { version: 2 })).statusCode).toBe(204);
    expect((await boardNow()).items.some((i: { id: string }) => i.id === norm.id)).toBe(false);
    expect((await send('PATCH', `/items/${norm.id}`, docent, { version: 2, body: 'x' })).statusCode).toBe(404);

    const parked = (await send('POST', '/items', docent, { kind: 'parking', body: 'Toetsbeleid' })).json();
    expect((await send('DELETE', `/items/${parked.id}`, docent)).statusCode).toBe(204);
    const tooLong = await send('POST', '/items', docent, { kind: 'success', body: 'x'.repeat(1001) });
    expect(tooLong.statusCode).toBe(400);
  });
});
