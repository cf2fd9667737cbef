import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  createBoard,
  createPerson,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';
import { teamBoards } from './team.schema.ts';

// Who may open a team board and who may change it; the list of boards; the first read; live changes; home tasks.

let env: TestEnv;
let board: TestBoard;
let other: TestBoard;
let exactId: string;
let talenId: string;
const as: Record<string, Session> = {};

function teamOf(b: TestBoard, name: string) {
  const team = b.teams.find((x) => x.name === name)!;
  const members = b.memberships.filter((m) => m.teamId === team.id);
  const lead = members.find((m) => m.role === 'teamleider')!.personId;
  const coach = members.find((m) => m.role === 'coach')!.personId;
  const staff = [...new Set(members.filter((m) => m.role === 'docent').map((m) => m.personId))];
  return { id: team.id, schoolId: team.schoolId, lead, coach, staff };
}

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  other = await createBoard(env.database);
  const exact = teamOf(board, 'Exact');
  const talen = teamOf(board, 'Talen');
  exactId = exact.id;
  talenId = talen.id;
  const noord = exact.schoolId;
  const zuid = board.schools.find((s) => s.id !== noord)!.id;
  const student = await createPerson(env.database, board, {
    roles: [{ role: 'student', schoolId: noord, teamId: exactId }],
  });
  const hr = board.byRole('hr');
  const people: Record<string, string> = {
    docent: exact.staff.find((id) => id !== exact.coach)!,
    teamleider: exact.lead,
    coach: exact.coach,
    schoolleider: board.byRole('schoolleider', 'School Noord').id,
    mt_lid: board.byRole('mt_lid', 'School Noord').id,
    otherSchoolleider: board.byRole('schoolleider', 'School Zuid').id,
    otherTeam: talen.staff[0]!,
    beheerder: board.byRole('beheerder').id,
    hr: hr.id,
    student: student.id,
    otherBoardBeheerder: other.byRole('beheerder').id,
  };
  expect(zuid).toBeTruthy();
  for (const [who, id] of Object.entries(people)) as[who] = await sessionFor(env.database, id);
});
afterAll(() => env.close());
afterEach(() => {
  env.app.deps.now = undefined;
});

const get = (url: string, s: Session) => env.app.inject({ method: 'GET', url, headers: s.headers });
const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, s: Session, payload?: unknown) =>
  env.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('who opens a team board', () => {
  it.each(['docent', 'teamleider', 'coach'])('%s of the team sees and changes it', async (who) => {
    const res = await get(`/api/teams/${exactId}/board`, as[who]!);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().abilities).toEqual({ edit: true });
    const created = await send('POST', `/api/teams/${exactId}/items`, as[who]!, {
      kind: 'success',
      body: `Van ${who}`,
    });
    expect(created.statusCode, created.body).toBe(201);
  });

  it.each(['schoolleider', 'mt_lid'])('%s of the school looks along but changes nothing (403)', async (who) => {
    const res = await get(`/api/teams/${exactId}/board`, as[who]!);
    expect(res.statusCode).toBe(200);
    expect(res.json().abilities).toEqual({ edit: false });
    const attempts = [
      send('POST', `/api/teams/${exactId}/items`, as[who]!, { kind: 'success', body: 'Mag niet' }),
      send('POST', `/api/teams/${exactId}/actions`, as[who]!, { title: 'Mag niet' }),
      send('POST', `/api/teams/${exactId}/goals`, as[who]!, { title: 'Mag niet', targetValue: 1 }),
      send('PATCH', `/api/teams/${exactId}/board`, as[who]!, { version: 1, sessionsPerWeek: 2 }),
      send('POST', `/api/teams/${exactId}/sessions`, as[who]!),
    ];
    for (const res of await Promise.all(attempts)) expect(res.statusCode, res.body).toBe(403);
  });

  it.each(['otherSchoolleider', 'otherTeam', 'beheerder', 'hr', 'student', 'otherBoardBeheerder'])(
    '%s gets 404 on read, live stream and change',
    async (who) => {
      expect((await get(`/api/teams/${exactId}/board`, as[who]!)).statusCode).toBe(404);
      expect((await get(`/api/teams/${exactId}/board/events`, as[who]!)).statusCode).toBe(404);
      const change = await send('POST', `/api/teams/${exactId}/items`, as[who]!, { kind: 'norm', body: 'Mag niet' });
      expect(change.statusCode).toBe(404);
    },
  );

  it('refuses a board that does not exist and the board of another team', async () => {
    expect((await get(`/api/teams/${crypto.randomUUID()}/board`, as.docent!)).statusCode).toBe(404);
    expect((await get(`/api/teams/${talenId}/board`, as.docent!)).statusCode).toBe(404);
    expect((await get(`/api/teams/${other.teams[0]!.id}/board`, as.docent!)).statusCode).toBe(404);
    expect((await get('/api/teams/niet-een-id/board', as.docent!)).statusCode).toBe(400);
  });

  it('does not let a card of one team be changed through another team', async () => {
    const talenDocent = as.otherTeam!;
    const item = (
      await send('POST', `/api/teams/${talenId}/items`, talenDocent, { kind: 'norm', body: 'Op tijd' })
    ).json();
    // A member of Exact aims at Talen's card through Exact's board: not found there.
    const res = await send('PATCH', `/api/teams/${exactId}/items/${item.id}`, as.docent!, { version: 1, body: 'Weg' });
    expect(res.statusCode).toBe(404);
    const del = await send('DELETE', `/api/teams/${exactId}/items/${item.id}`, as.docent!);
    expect(del.statusCode).toBe(404);
  });
});

describe('the list of boards', () => {
  it('shows a member their own team', async () => {
    const res = await get('/api/teams/mine', as.docent!);
    expect(res.json().items).toEqual([
      { id: exactId, name: 'Exact', schoolId: expect.any(String), schoolName: 'School Noord', member: true },
    ]);
  });

  it("shows school leadership the school's teams, not other schools'", async () => {
    const names = (await get('/api/teams/mine', as.schoolleider!)).json().items.map((t: { name: string }) => t.name);
    expect(names).toEqual(['Exact', 'Talen']);
  });

  it('is empty for the beheerder and a student', async () => {
    expect((await get('/api/teams/mine', as.beheerder!)).json().items).toEqual([]);
    expect((await get('/api/teams/mine', as.student!)).json().items).toEqual([]);
  });
});

describe('the first read', () => {
  it('creates one board with the standard parts, also when two screens open it at once', async () => {
    const ids = teamOf(board, 'Talen');
    const first = await sessionFor(env.database, ids.staff[0]!);
    const second = await sessionFor(env.database, ids.lead);
    const [a, b] = await Promise.all([
      get(`/api/teams/${talenId}/board`, first),
      get(`/api/teams/${talenId}/board`, second),
    ]);
    expect(a.statusCode, a.body).toBe(200);
    expect(b.statusCode, b.body).toBe(200);
    expect(a.json().board.id).toBe(b.json().board.id);
    expect(a.json().board.parts.map((p: { key: string }) => p.key)).toEqual([
      'programme',
      'planning',
      'goals',
      'actions',
      'team',
    ]);
    const rows = await env.database.db
      .select()
      .from(teamBoards)
      .where(and(eq(teamBoards.boardId, board.boardId), eq(teamBoards.teamId, talenId)));
    expect(rows).toHaveLength(1);
  });

  it('shows members with their contact details and the coach and teamleider marked', async () => {
    const ids = teamOf(board, 'Exact');
    const body = (await get(`/api/teams/${exactId}/board`, as.docent!)).json();
    const byId = new Map(body.members.map((m: { id: string }) => [m.id, m]));
    expect(body.members).toHaveLength(1 + ids.staff.length);
    expect(byId.get(ids.coach)).toMatchObject({ coach: true, lead: false, email: expect.stringContaining('@') });
    expect(byId.get(ids.lead)).toMatchObject({ coach: false, lead: true, roles: ['teamleider'] });
    // The pupil placed in the team is not one of its staff.
    expect(body.members.some((m: { roles: string[] }) => m.roles.includes('student'))).toBe(false);
    expect(body.team).toMatchObject({ name: 'Exact', schoolName: 'School Noord' });
  });
});

describe('live changes', () => {
  it('announces every change of a board to its followers after the commit', async () => {
    const seen: string[] = [];
    const stop = await env.app.live.subscribe(`team:${exactId}`, (e) => seen.push(e.topic));
    try {
      const res = await send('POST', `/api/teams/${exactId}/items`, as.docent!, { kind: 'parking', body: 'Rooster' });
      expect(res.statusCode).toBe(201);
      await expect.poll(() => seen.length, { timeout: 2000 }).toBe(1);
      // A refused change announces nothing.
      await send('POST', `/api/teams/${exactId}/items`, as.docent!, { kind: 'parking', body: '' });
      await send('POST', `/api/teams/${exactId}/items`, as.schoolleider!, { kind: 'parking', body: 'Nee' });
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toEqual([`team:${exactId}`]);
    } finally {
      stop();
    }
  });
});

describe('home tasks', () => {
  it("lists my actions that are behind schedule, on my team's board only", async () => {
    const ids = teamOf(board, 'Exact');
    const docentId = ids.staff.find((id) => id !== ids.coach)!;
    const past = await send('POST', `/api/teams/${exactId}/actions`, as.teamleider!, {
      title: 'Nakijkbeleid op papier',
      ownerId: docentId,
      dueOn: '2020-01-06',
    });
    expect(past.statusCode, past.body).toBe(201);
    await send('POST', `/api/teams/${exactId}/actions`, as.teamleider!, {
      title: 'Nog niet te laat',
      ownerId: docentId,
      dueOn: '2999-01-01',
    });
    const tasks = (await get('/api/me/tasks', as.docent!))
      .json()
      .items.filter((t: { kind: string }) => t.kind === 'team_action_behind');
    expect(tasks).toEqual([
      {
        key: `team:action:${past.json().id}`,
        kind: 'team_action_behind',
        params: { title: 'Nakijkbeleid op papier', team: 'Exact' },
        dueOn: '2020-01-06',
        href: `/team/${exactId}`,
      },
    ]);
    // Done: no longer a task.
    await send('POST', `/api/teams/${exactId}/actions/${past.json().id}/move`, as.docent!, {
      version: past.json().version,
      status: 'done',
    });
    const after = (await get('/api/me/tasks', as.docent!)).json().items;
    expect(after.some((t: { kind: string }) => t.kind === 'team_action_behind')).toBe(false);
  });
});
