import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  createBoard,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';
import { teamSessions } from './team.schema.ts';

// Board sessions: start (once a day), attendance, mood as counts only, end; and the board's eight weeks of rhythm
// and attendance, on a clock the test sets.

let env: TestEnv;
let board: TestBoard;
let teamId: string;
let memberIds: string[];
let lead: Session;
let docent: Session;
let outsiderId: string;

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  const team = board.teams.find((x) => x.name === 'Talen')!;
  teamId = team.id;
  const members = board.memberships.filter((m) => m.teamId === teamId);
  memberIds = [...new Set(members.map((m) => m.personId))];
  lead = await sessionFor(env.database, members.find((m) => m.role === 'teamleider')!.personId);
  docent = await sessionFor(env.database, members.find((m) => m.role === 'docent')!.personId);
  outsiderId = board.memberships.find((m) => m.role === 'docent' && m.teamId !== teamId)!.personId;
});
afterAll(() => env.close());
afterEach(() => {
  env.app.deps.now = undefined;
});

const at = (iso: string) => {
  env.app.deps.now = () => new Date(iso);
};
const url = (rest: string) => `/api/teams/${teamId}${rest}`;
const get = (rest: string, s: Session = lead) => env.app.inject({ method: 'GET', url: url(rest), headers: s.headers });
const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', rest: string, s: Session, payload?: unknown) =>
  env.app.inject({
    method,
    url: url(rest),
    headers: s.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

/** A whole session at a moment: start, the given members present, end. */
async function hold(iso: string, present: string[]) {
  at(iso);
  const started = await send('POST', '/sessions', lead);
  expect(started.statusCode, started.body).toBe(201);
  const s = started.json();
  for (const id of present)
    expect((await send('PUT', `/sessions/${s.id}/attendance/${id}`, lead)).statusCode).toBe(200);
  const ended = await send('PATCH', `/sessions/${s.id}`, lead, { version: s.version, ended: true });
  expect(ended.statusCode, ended.body).toBe(200);
}

describe('a board session', () => {
  it('starts once a day: a second start returns the running one', async () => {
    at('2031-05-05T07:30:00Z');
    const first = await send('POST', '/sessions', lead);
    expect(first.statusCode).toBe(201);
    const [a, b] = await Promise.all([send('POST', '/sessions', docent), send('POST', '/sessions', lead)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().id).toBe(first.json().id);
    expect(b.json().id).toBe(first.json().id);
    expect(first.json()).toMatchObject({
      heldOn: '2031-05-05',
      startedAt: '2031-05-05T07:30:00.000Z',
      endedAt: null,
      mood: { positive: 0, neutral: 0, negative: 0 },
      attendance: [],
    });
    const shown = await get('/board');
    expect(shown.json().openSession.id).toBe(first.json().id);
    expect(shown.json().serverTime).toBe('2031-05-05T07:30:00.000Z');
  });

  it('registers attendance in a tap per member, only of members', async () => {
    at('2031-05-05T07:35:00Z');
    const session = (await get('/board')).json().openSession;
    const [one, two] = memberIds;
    await send('PUT', `/sessions/${session.id}/attendance/${one}`, docent);
    await send('PUT', `/sessions/${session.id}/attendance/${one}`, docent); // twice is once
    const both = await send('PUT', `/sessions/${session.id}/attendance/${two}`, docent);
    expect(both.json().attendance).toEqual([one, two].sort());
    const off = await send('DELETE', `/sessions/${session.id}/attendance/${one}`, docent);
    expect(off.json().attendance).toEqual([two]);
    const outsider = await send('PUT', `/sessions/${session.id}/attendance/${outsiderId}`, docent);
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.details[0].path).toBe('personId');
  });

  it('keeps only the counts of the mood check-in', async () => {
    at('2031-05-05T07:36:00Z');
    const session = (await get('/board')).json().openSession;
    for (const [s, mood] of [
      [docent, 'positive'],
      [lead, 'positive'],
      [docent, 'neutral'],
      [lead, 'negative'],
      [docent, 'negative'],
    ] as const)
      expect((await send('POST', `/sessions/${session.id}/mood`, s, { mood })).statusCode).toBe(200);
    const undo = await send('POST', `/sessions/${session.id}/mood`, docent, { mood: 'negative', undo: true });
    expect(undo.json().mood).toEqual({ positive: 2, neutral: 1, negative: 1 });
    const neverBelowZero = await send('POST', `/sessions/${session.id}/mood`, docent, { mood: 'neutral', undo: true });
    await send('POST', `/sessions/${session.id}/mood`, docent, { mood: 'neutral', undo: true });
    expect(neverBelowZero.json().mood.neutral).toBe(0);
    // The row holds three numbers and nothing about who tapped.
    const [row] = await env.database.db.select().from(teamSessions).where(eq(teamSessions.id, session.id));
    expect([row!.moodPositive, row!.moodNeutral, row!.moodNegative]).toEqual([2, 0, 1]);
    expect((await send('POST', `/sessions/${session.id}/mood`, docent, { mood: 'happy' })).statusCode).toBe(400);
  });

  it('takes notes with a version and ends; then no more mood taps', async () => {
    at('2031-05-05T07:44:00Z');
    const session = (await get('/board')).json().openSession;
    const noted = await send('PATCH', `/sessions/${session.id}`, docent, { version: session.version, notes: 'Kort' });
    expect(noted.statusCode).toBe(200);
    const stale = await send('PATCH', `/sessions/${session.id}`, lead, { version: session.version, ended: true });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.notes).toBe('Kort');
    const ended = await send('PATCH', `/sessions/${session.id}`, lead, { version: noted.json().version, ended: true });
    expect(ended.json().endedAt).toBe('2031-05-05T07:44:00.000Z');
    const late = await send('POST', `/sessions/${session.id}/mood`, docent, { mood: 'positive' });
    expect(late.statusCode).toBe(409);
    const shown = (await get('/board')).json();
    expect(shown.openSession).toBeNull();
    expect(shown.latestMood).toEqual({ heldOn: '2031-05-05', positive: 2, neutral: 0, negative: 1 });
    // Started again the same day after it ended: a new session.
    const again = await send('POST', '/sessions', lead);
    expect(again.statusCode).toBe(201);
    await send('PATCH', `/sessions/${again.json().id}`, lead, { version: again.json().version, ended: true });
  });

  it('closes a session someone forgot to end after its usual length when the next one starts', async () => {
    at('2031-05-12T07:00:00Z');
    const forgotten = (await send('POST', '/sessions', lead)).json();
    at('2031-05-13T07:00:00Z');
    const next = await send('POST', '/sessions', lead);
    expect(next.statusCode).toBe(201);
    const [row] = await env.database.db.select().from(teamSessions).where(eq(teamSessions.id, forgotten.id));
    expect(row!.endedAt?.toISOString()).toBe('2031-05-12T07:15:00.000Z');
    await send('PATCH', `/sessions/${next.json().id}`, lead, { version: next.json().version, ended: true });
  });
});

describe('eight weeks of rhythm and attendance', () => {
  it('counts sessions per week against the rhythm and the share of the team present', async () => {
    // Four members (teamleider and three docenten); the rhythm is one session a week (the default).
    expect(memberIds).toHaveLength(4);
    const [a, b, c, d] = memberIds as [string, string, string, string];
    // Weeks of the window, seen from Wednesday 2031-07-16: 2031-05-26 … 2031-07-14.
    await hold('2031-05-27T07:00:00Z', [a, b]); // week 1
    // week 2: none
    await hold('2031-06-10T07:00:00Z', [a, b, c, d]); // week 3
    await hold('2031-06-12T07:00:00Z', [a]); // week 3, a second one
    // weeks 4 and 5: none
    await hold('2031-07-01T07:00:00Z', [a, b, c]); // week 6
    await hold('2031-07-08T07:00:00Z', [a, b]); // week 7
    await hold('2031-07-14T07:00:00Z', [a, b, c]); // this week (Monday)

    at('2031-07-16T09:00:00Z');
    const { stats, planning } = (await get('/board')).json();
    expect(stats.weeks.map((w: { weekStart: string }) => w.weekStart)).toEqual([
      '2031-05-26',
      '2031-06-02',
      '2031-06-09',
      '2031-06-16',
      '2031-06-23',
      '2031-06-30',
      '2031-07-07',
      '2031-07-14',
    ]);
    expect(stats.weeks.map((w: { sessions: number }) => w.sessions)).toEqual([1, 0, 2, 0, 0, 1, 1, 1]);
    // The board was first opened in May, before the window: every week expects one.
    expect(stats.weeks.map((w: { expected: number }) => w.expected)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(stats.weeks.map((w: { attendancePercent: number | null }) => w.attendancePercent)).toEqual([
      50,
      null,
      63,
      null,
      null,
      75,
      50,
      75,
    ]);
    expect(stats.sessionsHeld).toBe(6);
    expect(stats.sessionsExpected).toBe(8);
    // (2 + 4 + 1 + 3 + 2 + 3) of 6 sessions × 4 members = 15 / 24.
    expect(stats.attendancePercent).toBe(63);
    expect(planning.weeks).toEqual([
      {
        weekStart: '2031-07-14',
        sessions: [
          {
            id: expect.any(String),
            heldOn: '2031-07-14',
            startedAt: '2031-07-14T07:00:00.000Z',
            endedAt: '2031-07-14T07:00:00.000Z',
            present: 3,
          },
        ],
        visits: [],
        preparations: [],
      },
      { weekStart: '2031-07-21', sessions: [], visits: [], preparations: [] },
    ]);
  });
});
