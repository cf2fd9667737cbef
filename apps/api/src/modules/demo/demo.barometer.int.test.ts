import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, sessionFor, startTestApp, type TestBoard, type TestEnv } from '../../../test/harness.ts';
import { seedDemoBarometer } from './demo.barometer.ts';

let env: TestEnv;
let board: TestBoard;

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
});
afterAll(() => env.close());

describe('the demo barometer', () => {
  it('has one closed round that shows and one that stays withheld', async () => {
    const team = board.teams.find((t) => t.name === 'Exact')!;
    const now = new Date();
    await seedDemoBarometer(env.database.db, { boardId: board.boardId, teamId: team.id, now });
    await seedDemoBarometer(env.database.db, { boardId: board.boardId, teamId: team.id, now }); // once only
    const lead = board.memberships.find((m) => m.teamId === team.id && m.role === 'teamleider')!;
    const { headers } = await sessionFor(env.database, lead.personId);
    const page = (await env.app.inject({ method: 'GET', url: `/api/teams/${team.id}/barometer`, headers })).json();
    expect(page.closedRounds).toHaveLength(2);
    const results = await Promise.all(
      page.closedRounds.map(async (r: { id: string }) =>
        (await env.app.inject({ method: 'GET', url: `/api/barometer/rounds/${r.id}/results`, headers })).json(),
      ),
    );
    const shown = results.filter((r: { shown: boolean }) => r.shown);
    const withheld = results.filter((r: { shown: boolean }) => !r.shown);
    expect(shown).toHaveLength(1);
    expect(shown[0].respondents).toBeGreaterThanOrEqual(3);
    expect(withheld).toHaveLength(1);
    expect(withheld[0]).toMatchObject({ respondents: 2, missing: 1 });
    expect(JSON.stringify(withheld[0].questions)).not.toMatch(/"mean":\d/);
  });
});
