import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, sessionFor, startTestApp, type TestBoard, type TestEnv } from '../../../test/harness.ts';
import { seedDemoTeamBoard } from './index.ts';
import { seedDemoProgramme } from './demo.programme.ts';

let env: TestEnv;
let board: TestBoard;

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
});
afterAll(() => env.close());

describe('the demo programme', () => {
  it('has run eight weeks, linked with the next team, scored all interventions in both phases, and plans ahead', async () => {
    const team = board.teams.find((t) => t.name === 'Exact')!;
    const now = new Date('2030-03-13T10:00:00Z'); // a Wednesday
    await seedDemoTeamBoard(env.database.db, { boardId: board.boardId, teamId: team.id, now });
    await seedDemoProgramme(env.database.db, { boardId: board.boardId, teamId: team.id, now });
    await seedDemoProgramme(env.database.db, { boardId: board.boardId, teamId: team.id, now }); // only once

    const lead = board.memberships.find((m) => m.teamId === team.id && m.role === 'teamleider')!;
    const headers = (await sessionFor(env.database, lead.personId)).headers;
    env.app.deps.now = () => now;
    const get = (url: string) => env.app.inject({ method: 'GET', url, headers });
    const view = (await get(`/api/teams/${team.id}/programme`)).json();
    const progress = (await get(`/api/teams/${team.id}/progress`)).json();
    const pizzas = (await get('/api/pizza-sessions')).json();
    const boardView = (await get(`/api/teams/${team.id}/board`)).json();
    const leader = board.memberships.find((m) => m.role === 'schoolleider' && m.schoolId === team.schoolId)!;
    const plan = (
      await env.app.inject({
        method: 'GET',
        url: '/api/year-plan',
        headers: (await sessionFor(env.database, leader.personId)).headers,
      })
    ).json();
    env.app.deps.now = undefined;

    expect(view.programme.startsOn).toBe('2029-12-31');
    expect(view.programme.currentWeek).toBe(9);
    expect(view.programme.weeks.map((w: { status: string }) => w.status)).toEqual([
      'done',
      'done',
      'done',
      'done',
      'done',
      'missed',
      'done',
      'done',
    ]);
    expect(view.programme.linking.otherTeam.name).toBe('Talen');
    // The board's sessions of the last eight weeks fall in the programme's later weeks.
    expect(
      view.programme.weeks.reduce(
        (n: number, w: { counts: { boardSessions: number } }) => n + w.counts.boardSessions,
        0,
      ),
    ).toBeGreaterThan(0);
    expect(progress.currentPhase).toBe('deepening');
    for (const intervention of ['session', 'visits', 'preparation']) {
      const phases = new Set(
        progress.scores
          .filter((s: { intervention: string }) => s.intervention === intervention)
          .map((s: { phase: string }) => s.phase),
      );
      expect([...phases].sort()).toEqual(['deepening', 'start']);
    }
    expect(view.latestProgress).toHaveLength(3);
    expect(pizzas.items).toHaveLength(2);
    expect(pizzas.items[0].registered).toBeGreaterThan(0);
    expect(plan.events.map((e: { kind: string }) => e.kind)).toEqual([
      'kickoff',
      'linking',
      'pizza',
      'kickoff',
      'pizza',
    ]);
    expect(plan.programmes.map((p: { team: { name: string } }) => p.team.name)).toEqual(['Exact', 'Talen']);
    expect(boardView.members.every((m: { phone: string | null }) => m.phone !== null)).toBe(true);
  });
});
