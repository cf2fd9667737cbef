// The plan as its owner and their leidinggevende use it. Agreed goals, stale goals and tasks: development.agreed.int.test.ts.
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
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { organisationTables as t } from '../organisation/index.ts';

let env: TestEnv;
let board: TestBoard;
let employeeId: string;
let employee: Session;
let manager: Session;
let managerId: string;
let otherManager: Session;
let colleague: Session;

/** The first member of a team and that team's teamleider (their line manager in the test board). */
function teamOf(name: string) {
  const team = board.teams.find((x) => x.name === name)!;
  const members = board.memberships.filter((m) => m.teamId === team.id);
  const lead = members.find((m) => m.role === 'teamleider')!.personId;
  const staff = [...new Set(members.filter((m) => m.role !== 'teamleider').map((m) => m.personId))];
  return { lead, staff };
}

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  const exact = teamOf('Exact');
  employeeId = exact.staff[0]!;
  managerId = exact.lead;
  employee = await sessionFor(env.database, employeeId);
  manager = await sessionFor(env.database, managerId);
  colleague = await sessionFor(env.database, exact.staff[1]!);
  otherManager = await sessionFor(env.database, teamOf('Talen').lead);
});
afterAll(() => env.close());
afterEach(() => {
  env.app.deps.now = undefined;
});

const get = (url: string, s: Session) => env.app.inject({ method: 'GET', url, headers: s.headers });
const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, s: Session, payload?: unknown) =>
  env.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

async function newGoal(s: Session, body: Record<string, unknown> = {}) {
  const res = await send('POST', '/api/development/goals', s, { title: 'Beter differentiëren', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('my plan', () => {
  it('starts empty and lets the owner write an ambition with versions', async () => {
    const me = (await get('/api/development/me', employee)).json();
    expect(me.viewer).toBe('owner');
    expect(me.plan).toEqual({ ambition: '', version: 0 });
    expect(me.abilities).toEqual({ editAmbition: true, addGoal: true, addQuickAction: true, addEvidence: true });

    const first = await send('PUT', '/api/development/me/plan', employee, {
      ambition: 'Meer eigenaarschap',
      version: 0,
    });
    expect(first.json()).toEqual({ ambition: 'Meer eigenaarschap', version: 1 });
    const again = await send('PUT', '/api/development/me/plan', employee, { ambition: 'Ander', version: 0 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ reason: 'stale' });
    const second = await send('PUT', '/api/development/me/plan', employee, { ambition: 'Verder', version: 1 });
    expect(second.json().version).toBe(2);
  });

  it('creates, edits and deletes own goals, refusing a stale version', async () => {
    const goal = await newGoal(employee, {
      description: 'In elke les drie niveaus',
      measure: 'Lesbezoek laat het zien',
      targetDate: '2027-03-01',
      visibleToManager: false,
    });
    expect(goal).toMatchObject({ source: 'own', status: 'open', visibleToManager: false, version: 1, isStale: false });
    expect(goal.abilities).toMatchObject({ edit: true, editText: true, delete: true, checkin: true });

    const edited = await send('PATCH', `/api/development/goals/${goal.id}`, employee, {
      title: 'Differentiëren in de les',
      status: 'on_track',
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Differentiëren in de les', status: 'on_track', version: 2 });
    const stale = await send('PATCH', `/api/development/goals/${goal.id}`, employee, { title: 'Oud', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ reason: 'stale' });

    const bad = await send('PATCH', `/api/development/goals/${goal.id}`, employee, { title: '', version: 2 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.title');

    expect((await send('DELETE', `/api/development/goals/${goal.id}`, employee)).statusCode).toBe(204);
    expect((await send('DELETE', `/api/development/goals/${goal.id}`, employee)).statusCode).toBe(404);
  });

  it('refuses input the database cannot hold with a field error, never a 500', async () => {
    for (const [body, path] of [
      [{ title: 'a\u0000b' }, 'body.title'],
      [{ title: 'Doel', measure: 'x\u0000' }, 'body.measure'],
      [{ title: 'Doel', targetDate: '0000-01-01' }, 'body.targetDate'],
      [{ title: 'Doel', targetDate: '2026-02-30' }, 'body.targetDate'],
      [{ title: 'x'.repeat(201) }, 'body.title'],
      [{ title: 'Doel', extra: 1 }, 'body'],
    ] as const) {
      const res = await send('POST', '/api/development/goals', employee, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details[0].path).toBe(path);
    }
    const note = await send('POST', `/api/development/goals/${crypto.randomUUID()}/checkins`, employee, {
      status: 'open',
      note: '\u0000',
    });
    expect(note.statusCode).toBe(400);
    expect((await get('/api/people/niet-een-id/development', employee)).statusCode).toBe(400);
  });

  it('keeps actions: quick ones without a goal, done toggles, versions', async () => {
    const goal = await newGoal(employee);
    const onGoal = await send('POST', '/api/development/actions', employee, {
      goalId: goal.id,
      title: 'Boek lezen',
      dueOn: '2026-12-01',
    });
    expect(onGoal.statusCode).toBe(201);
    expect(onGoal.json().owner.id).toBe(employeeId);
    const quick = (await send('POST', '/api/development/actions', employee, { title: 'Rooster checken' })).json();
    expect(quick.goalId).toBeNull();

    const done = await send('PATCH', `/api/development/actions/${quick.id}`, employee, { done: true, version: 1 });
    expect(done.json().doneAt).toBeTruthy();
    const stale = await send('PATCH', `/api/development/actions/${quick.id}`, employee, { done: false, version: 1 });
    expect(stale.statusCode).toBe(409);
    const undone = await send('PATCH', `/api/development/actions/${quick.id}`, employee, { done: false, version: 2 });
    expect(undone.json().doneAt).toBeNull();

    const plan = (await get('/api/development/me', employee)).json();
    expect(plan.quickActions.map((a: { id: string }) => a.id)).toContain(quick.id);
    expect(plan.goals.find((g: { id: string }) => g.id === goal.id).actions).toHaveLength(1);
    expect((await send('DELETE', `/api/development/actions/${quick.id}`, employee)).statusCode).toBe(204);
  });

  it('records check-ins latest first and moves the goal', async () => {
    const goal = await newGoal(employee);
    env.app.deps.now = () => new Date(Date.now() - 60_000);
    await send('POST', `/api/development/goals/${goal.id}/checkins`, employee, { status: 'on_track', note: 'Eerste' });
    env.app.deps.now = undefined;
    const res = await send('POST', `/api/development/goals/${goal.id}/checkins`, employee, {
      status: 'behind',
      note: 'Tweede',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.status).toBe('behind');
    expect(body.lastProgressAt).toBeTruthy();
    expect(body.checkins.map((c: { note: string }) => c.note)).toEqual(['Tweede', 'Eerste']);
    expect(body.version).toBe(3);
    const wrong = await send('POST', `/api/development/goals/${goal.id}/checkins`, employee, {
      status: 'great',
      note: '',
    });
    expect(wrong.statusCode).toBe(400);
  });

  it('stores evidence with web links only', async () => {
    const goal = await newGoal(employee);
    const ok = await send('POST', '/api/development/evidence', employee, {
      title: 'Lesvideo',
      url: 'https://video.school.nl/les-3',
      goalId: goal.id,
    });
    expect(ok.statusCode).toBe(201);
    for (const url of ['javascript:alert(1)', 'data:text/html,hoi', 'ftp://x.nl/a', 'https//kapot']) {
      const res = await send('POST', '/api/development/evidence', employee, { title: 'Link', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details[0].path).toBe('body.url');
    }
    const foreignConversation = await send('POST', '/api/development/evidence', employee, {
      title: 'Gesprek',
      conversationId: crypto.randomUUID(),
    });
    expect(foreignConversation.statusCode).toBe(400);
    expect(foreignConversation.json().error.details[0].path).toBe('conversationId');
    const loose = (
      await send('POST', '/api/development/evidence', employee, { title: 'Certificaat', url: null })
    ).json();
    const plan = (await get('/api/development/me', employee)).json();
    expect(plan.evidence.map((e: { id: string }) => e.id)).toContain(loose.id);
    expect(plan.goals.find((g: { id: string }) => g.id === goal.id).evidence[0].url).toBe(
      'https://video.school.nl/les-3',
    );
    expect((await send('DELETE', `/api/development/evidence/${loose.id}`, employee)).statusCode).toBe(204);
  });
});

describe('the manager', () => {
  it('sees only shared goals, their actions and check-ins, and every read is audited', async () => {
    const shared = await newGoal(employee, { title: 'Gedeeld doel' });
    const hidden = await newGoal(employee, { title: 'Privé doel', visibleToManager: false });
    await send('POST', '/api/development/actions', employee, { goalId: shared.id, title: 'Gedeelde actie' });
    await send('POST', '/api/development/actions', employee, { goalId: hidden.id, title: 'Privé actie' });
    await send('POST', '/api/development/evidence', employee, { title: 'Los bewijs' });

    const res = await get(`/api/people/${employeeId}/development`, manager);
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan.viewer).toBe('manager');
    expect(plan.plan.ambition).toBeNull();
    expect(plan.abilities).toEqual({ editAmbition: false, addGoal: false, addQuickAction: false, addEvidence: false });
    const titles = plan.goals.map((g: { title: string }) => g.title);
    expect(titles).toContain('Gedeeld doel');
    expect(titles).not.toContain('Privé doel');
    expect(res.body).not.toContain('Privé actie');
    expect(res.body).not.toContain('Los bewijs');
    expect(plan.quickActions).toEqual([]);
    const g = plan.goals.find((x: { id: string }) => x.id === shared.id);
    expect(g.abilities).toMatchObject({ edit: false, editText: false, delete: false, checkin: true, addAction: true });

    const entries = await env.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'development.read'), eq(auditLog.subjectPersonId, employeeId)));
    expect(entries.some((e) => e.actorId === managerId)).toBe(true);
  });

  it('adds check-ins and actions on shared goals but never edits the owner text', async () => {
    const goal = await newGoal(employee, { title: 'Samen volgen' });
    const checkin = await send('POST', `/api/development/goals/${goal.id}/checkins`, manager, {
      status: 'on_track',
      note: 'Mooi bezig',
    });
    expect(checkin.statusCode).toBe(201);
    expect(checkin.json().checkins[0].author.id).toBe(managerId);
    const action = await send('POST', '/api/development/actions', manager, {
      goalId: goal.id,
      title: 'Cursus regelen',
    });
    expect(action.statusCode).toBe(201);
    expect(action.json().owner.id).toBe(managerId);
    expect(action.json().abilities).toEqual({ edit: true, toggle: true, delete: true });

    const edit = await send('PATCH', `/api/development/goals/${goal.id}`, manager, { title: 'Anders', version: 2 });
    expect(edit.statusCode).toBe(403);
    expect((await send('DELETE', `/api/development/goals/${goal.id}`, manager)).statusCode).toBe(403);
    const own = (await get('/api/development/me', employee)).json();
    const ownAction = own.goals.find((x: { id: string }) => x.id === goal.id);
    expect(ownAction.checkins[0].note).toBe('Mooi bezig');

    // A quick action and a private goal stay out of reach: 404, not 403.
    const quick = (await send('POST', '/api/development/actions', employee, { title: 'Eigen actie' })).json();
    expect(
      (await send('PATCH', `/api/development/actions/${quick.id}`, manager, { done: true, version: 1 })).statusCode,
    ).toBe(404);
    const hidden = await newGoal(employee, { visibleToManager: false });
    const peek = await send('POST', `/api/development/goals/${hidden.id}/checkins`, manager, {
      status: 'open',
      note: '',
    });
    expect(peek.statusCode).toBe(404);
    const addTo = await send('POST', '/api/development/actions', manager, { goalId: hidden.id, title: 'x' });
    expect(addTo.statusCode).toBe(404);
  });

  it('is the only one besides the owner: other managers, colleagues, beheerder, hr and schoolleider get 404', async () => {
    const goal = await newGoal(employee);
    const outsiders = [
      otherManager,
      colleague,
      await sessionFor(env.database, board.byRole('beheerder').id),
      await sessionFor(env.database, board.byRole('hr').id),
      await sessionFor(env.database, board.byRole('schoolleider', 'School Noord').id),
    ];
    for (const s of outsiders) {
      expect((await get(`/api/people/${employeeId}/development`, s)).statusCode).toBe(404);
      const checkin = await send('POST', `/api/development/goals/${goal.id}/checkins`, s, { status: 'open', note: '' });
      expect(checkin.statusCode).toBe(404);
      expect((await send('DELETE', `/api/development/goals/${goal.id}`, s)).statusCode).toBe(404);
    }
  });

  it('loses access once they are no longer the line manager', async () => {
    const report = await createPerson(env.database, board);
    const lead = await createPerson(env.database, board);
    await env.database.db
      .insert(t.lineManagers)
      .values({ boardId: board.boardId, managerId: lead.id, employeeId: report.id });
    const leadSession = await sessionFor(env.database, lead.id);
    expect((await get(`/api/people/${report.id}/development`, leadSession)).statusCode).toBe(200);
    await env.database.db.delete(t.lineManagers).where(eq(t.lineManagers.employeeId, report.id));
    expect((await get(`/api/people/${report.id}/development`, leadSession)).statusCode).toBe(404);
  });

  it('never reaches another board', async () => {
    const other = await createBoard(env.database);
    const intruder = await sessionFor(env.database, other.byRole('beheerder').id);
    const goal = await newGoal(employee);
    expect((await get(`/api/people/${employeeId}/development`, intruder)).statusCode).toBe(404);
    expect(
      (await send('PATCH', `/api/development/goals/${goal.id}`, intruder, { status: 'stopped', version: 1 }))
        .statusCode,
    ).toBe(404);
    const evidence = await send('POST', '/api/development/evidence', intruder, { title: 'x', goalId: goal.id });
    expect(evidence.statusCode).toBe(404);
  });
});
