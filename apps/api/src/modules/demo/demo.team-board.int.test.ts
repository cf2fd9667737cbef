import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, sessionFor, startTestApp, type TestBoard, type TestEnv } from '../../../test/harness.ts';
import { seedDemoTeamBoard } from './index.ts';

let env: TestEnv;
let board: TestBoard;

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
});
afterAll(() => env.close());

describe('the demo team board', () => {
  it('fills a board with goals, actions in every column, texts and sessions in seven of the last eight weeks', async () => {
    const team = board.teams.find((t) => t.name === 'Exact')!;
    const now = new Date('2030-03-13T10:00:00Z'); // a Wednesday
    await seedDemoTeamBoard(env.database.db, { boardId: board.boardId, teamId: team.id, now });
    await seedDemoTeamBoard(env.database.db, { boardId: board.boardId, teamId: team.id, now }); // no second board

    const lead = board.memberships.find((m) => m.teamId === team.id && m.role === 'teamleider')!;
    env.app.deps.now = () => now;
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/teams/${team.id}/board`,
      headers: (await sessionFor(env.database, lead.personId)).headers,
    });
    env.app.deps.now = undefined;
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.board.parts).toHaveLength(6);
    expect(body.goals.map((g: { status: string }) => g.status)).toEqual(['active', 'active', 'achieved']);
    expect(body.goals[0].values).toHaveLength(4);
    const statuses = new Set(body.actions.map((a: { status: string }) => a.status));
    expect([...statuses].sort()).toEqual(['doing', 'done', 'todo']);
    expect(body.actions.filter((a: { behindSchedule: boolean }) => a.behindSchedule)).toHaveLength(1);
    expect(body.actions.filter((a: { celebratedAt: string | null }) => a.celebratedAt)).toHaveLength(1);
    expect(new Set(body.items.map((i: { kind: string }) => i.kind))).toEqual(
      new Set(['norm', 'success', 'parking', 'note']),
    );
    // Eight weeks (this week's Tuesday included) with one week skipped.
    expect(body.stats.sessionsHeld).toBe(7);
    expect(body.stats.sessionsExpected).toBe(8);
    expect(body.stats.weeks.map((w: { sessions: number }) => w.sessions)).toEqual([1, 1, 0, 1, 1, 1, 1, 1]);
    expect(body.stats.attendancePercent).toBeGreaterThan(0);
    expect(body.openSession).toBeNull();
    const mood = body.latestMood;
    expect(mood.positive + mood.neutral + mood.negative).toBeGreaterThan(0);
  });
});
