import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { checkAnswers } from '@groeipad/contracts';
import { createBoard, sessionFor, startTestApp, type TestBoard, type TestEnv } from '../../../test/harness.ts';
import { seedDemoVisits } from '../demo/index.ts';
import { organisationTables as ot } from '../organisation/index.ts';
import { teamForms, teamVisits } from './visits.schema.ts';

// The demo team's visits: starting forms, eight weeks of visits in every state, valid answers, once only, and one
// shared with the observed person's leidinggevende, not read yet, so their home shows the task.

let env: TestEnv;
let board: TestBoard;

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
});
afterAll(() => env.close());

describe('the demo visits', () => {
  it('gives the team its starting forms and visits done, discussed, planned and cancelled', async () => {
    const team = board.teams.find((t) => t.name === 'Exact')!;
    const now = new Date('2030-03-13T10:00:00Z'); // a Wednesday
    await seedDemoVisits(env.database.db, { boardId: board.boardId, teamId: team.id, now });
    await seedDemoVisits(env.database.db, { boardId: board.boardId, teamId: team.id, now }); // not twice

    const forms = await env.database.db.select().from(teamForms).where(eq(teamForms.teamId, team.id));
    expect(forms.map((f) => f.purpose).sort()).toEqual(['preparation', 'preparation', 'visit', 'visit', 'visit']);
    const visits = await env.database.db
      .select()
      .from(teamVisits)
      .where(and(eq(teamVisits.boardId, board.boardId), eq(teamVisits.teamId, team.id)));
    const byStatus = (s: string) => visits.filter((v) => v.status === s);
    expect(byStatus('discussed').length).toBeGreaterThanOrEqual(8);
    expect(byStatus('observed')).toHaveLength(1);
    expect(byStatus('cancelled')).toHaveLength(1);
    expect(byStatus('planned')).toHaveLength(3);
    for (const v of visits) {
      expect(v.observerId).not.toBe(v.observedId);
      expect(checkAnswers(v.formFields, v.answers)).toEqual([]);
      if (v.status === 'discussed') expect(v.feedbackSuggestions).not.toBe('');
    }

    // The board shows them: this week's planned visit and the counts of the weeks before.
    const lead = board.memberships.find((m) => m.teamId === team.id && m.role === 'teamleider')!;
    env.app.deps.now = () => now;
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/teams/${team.id}/board`,
      headers: (await sessionFor(env.database, lead.personId)).headers,
    });
    env.app.deps.now = undefined;
    expect(res.statusCode, res.body).toBe(200);
    const { planning, practice } = res.json();
    expect(planning.weeks[0].visits).toHaveLength(1);
    expect(planning.weeks[1].visits).toHaveLength(2);
    expect(practice.weeks.slice(1, 7).every((w: { visits: number }) => w.visits >= 1)).toBe(true);

    // One visit with a talk is shared with the observed person's leidinggevende(n), who did not read it yet.
    const shared = visits.filter((v) => v.sharedAt !== null);
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ status: 'discussed', sharedReadAt: null });
    const managers = await env.database.db
      .select({ id: ot.lineManagers.managerId })
      .from(ot.lineManagers)
      .where(eq(ot.lineManagers.employeeId, shared[0]!.observedId));
    expect(managers.length).toBeGreaterThan(0);
    expect(managers.map((m) => m.id)).not.toContain(shared[0]!.observerId);
    const tasks = await env.app.inject({
      method: 'GET',
      url: '/api/me/tasks',
      headers: (await sessionFor(env.database, managers[0]!.id)).headers,
    });
    expect(tasks.statusCode, tasks.body).toBe(200);
    expect(tasks.json().items).toContainEqual(
      expect.objectContaining({ kind: 'read_shared_visit', href: `/team/${team.id}/bezoeken/${shared[0]!.id}` }),
    );
  });
});
