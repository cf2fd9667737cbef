import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, sessionFor, startTestApp, type TestBoard, type TestEnv } from '../../../test/harness.ts';
import { seedDemoPreparations, seedDemoTeamBoard, seedDemoVisits } from './index.ts';

let env: TestEnv;
let board: TestBoard;

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
});
afterAll(() => env.close());

describe('the demo preparations and library', () => {
  it('gives the team eight weeks of preparations and a library with versions, once', async () => {
    const team = board.teams.find((t) => t.name === 'Exact')!;
    const now = new Date('2030-03-13T10:00:00Z'); // a Wednesday
    const db = env.database.db;
    await seedDemoTeamBoard(db, { boardId: board.boardId, teamId: team.id, now });
    await seedDemoPreparations(db, { boardId: board.boardId, teamId: team.id, now });
    await seedDemoPreparations(db, { boardId: board.boardId, teamId: team.id, now }); // nothing twice

    const lead = board.memberships.find((m) => m.teamId === team.id && m.role === 'teamleider')!;
    const headers = (await sessionFor(env.database, lead.personId)).headers;
    env.app.deps.now = () => now;
    try {
      const list = (await env.app.inject({ method: 'GET', url: `/api/teams/${team.id}/preparations`, headers })).json();
      const byStatus = (s: string) => list.items.filter((p: { status: string }) => p.status === s);
      expect(byStatus('done')).toHaveLength(7);
      expect(byStatus('cancelled')).toHaveLength(1);
      const planned = byStatus('planned');
      expect(planned.filter((p: { day: string }) => p.day >= '2030-03-11' && p.day < '2030-03-18')).toHaveLength(1);
      expect(planned.filter((p: { day: string }) => p.day >= '2030-03-18' && p.day < '2030-03-25')).toHaveLength(2);
      const days = new Set(byStatus('done').map((p: { day: string }) => p.day.slice(0, 10)));
      expect(days.size).toBe(7);
      expect(list.items.every((p: { participants: unknown[] }) => p.participants.length >= 2)).toBe(true);

      const done = byStatus('done')[0];
      const detail = (
        await env.app.inject({ method: 'GET', url: `/api/teams/${team.id}/preparations/${done.id}`, headers })
      ).json();
      expect(detail.formTitle).not.toBe('');
      expect(Object.keys(detail.answers).length).toBeGreaterThan(2);
      expect(detail.result).not.toBe('');

      const library = (await env.app.inject({ method: 'GET', url: `/api/teams/${team.id}/library`, headers })).json();
      expect(library.items).toHaveLength(4);
      expect(library.items.map((i: { currentVersion: number }) => i.currentVersion).sort()).toEqual([1, 1, 2, 3]);
      const three = library.items.find((i: { currentVersion: number }) => i.currentVersion === 3);
      const item = (
        await env.app.inject({ method: 'GET', url: `/api/teams/${team.id}/library/${three.id}`, headers })
      ).json();
      expect(item.versions.map((v: { number: number }) => v.number)).toEqual([3, 2, 1]);
      expect(item.preparation).not.toBeNull();
    } finally {
      env.app.deps.now = undefined;
    }
  });

  it("fills the team's own preparation forms when the team has them, with answers that fit their fields", async () => {
    const team = board.teams.find((t) => t.name === 'Talen')!;
    const now = new Date('2030-03-13T10:00:00Z');
    const db = env.database.db;
    await seedDemoTeamBoard(db, { boardId: board.boardId, teamId: team.id, now });
    await seedDemoVisits(db, { boardId: board.boardId, teamId: team.id, now });
    await seedDemoPreparations(db, { boardId: board.boardId, teamId: team.id, now });
    const lead = board.memberships.find((m) => m.teamId === team.id && m.role === 'teamleider')!;
    const headers = (await sessionFor(env.database, lead.personId)).headers;
    const get = (url: string) => env.app.inject({ method: 'GET', url, headers }).then((r) => r.json());
    const list = await get(`/api/teams/${team.id}/preparations`);
    const done = list.items.filter((p: { status: string }) => p.status === 'done');
    expect(done.length).toBe(7);
    for (const p of done) {
      const detail = await get(`/api/teams/${team.id}/preparations/${p.id}`);
      expect(detail.formId).not.toBeNull();
      expect(detail.formTitle).toMatch(p.kind === 'lesson' ? /lesvoorbereiding/i : /werkvoorbereiding/i);
      const ids = new Set(detail.formFields.map((f: { id: string }) => f.id));
      expect(Object.keys(detail.answers).every((id) => ids.has(id))).toBe(true);
      // Saving the demo's answers again passes the same checks as a participant's answers.
      const participant = await sessionFor(env.database, detail.participants[0].id);
      const res = await env.app.inject({
        method: 'PUT',
        url: `/api/teams/${team.id}/preparations/${p.id}/work`,
        headers: participant.headers,
        payload: { version: detail.version, answers: detail.answers },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
});
