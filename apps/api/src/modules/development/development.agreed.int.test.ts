// Goals agreed in a conversation, stale goals for the leidinggevende, home tasks and the export.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  createBoard,
  createPerson,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';
import { organisationTables as t } from '../organisation/index.ts';
import { addAgreedGoals, exportDevelopment, findDevelopmentTasks } from './index.ts';
import { developmentActions, developmentGoals } from './development.schema.ts';

let env: TestEnv;
let board: TestBoard;
let employeeId: string;
let employee: Session;
let manager: Session;
let managerId: string;

const WEEK = 7 * 24 * 3600_000;

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

describe('goals from a conversation', () => {
  const agreed = (conversationId: string, titles: string[]) => ({
    boardId: board.boardId,
    personId: employeeId,
    managerId,
    conversationId,
    progressEvidence: 'Feedback van twee collega’s',
    createdBy: managerId,
    agreements: titles.map((title) => ({
      title,
      description: 'Afgesproken',
      measure: 'Zichtbaar in de les',
      targetDate: '2027-06-01',
      actions: [
        { title: `${title}: plan maken`, owner: 'employee' as const, dueOn: '2026-12-15' },
        { title: `${title}: tijd vrijmaken`, owner: 'manager' as const, dueOn: null },
      ],
    })),
  });

  it('adds them once per conversation, replacing untouched goals and keeping ones with progress', async () => {
    const conversationId = crypto.randomUUID();
    await env.database.db.transaction((tx) =>
      addAgreedGoals(tx, agreed(conversationId, ['Feedback geven', 'Toetsen'])),
    );
    await env.database.db.transaction((tx) =>
      addAgreedGoals(tx, agreed(conversationId, ['Feedback geven', 'Toetsen'])),
    );
    let goals = await env.database.db
      .select()
      .from(developmentGoals)
      .where(eq(developmentGoals.conversationId, conversationId));
    expect(goals.map((g) => g.title).sort()).toEqual(['Feedback geven', 'Toetsen']);
    expect(goals.every((g) => g.source === 'conversation' && g.visibleToManager)).toBe(true);
    const actions = await env.database.db
      .select()
      .from(developmentActions)
      .where(eq(developmentActions.conversationId, conversationId));
    expect(actions).toHaveLength(4);
    expect(actions.filter((a) => a.ownerId === managerId)).toHaveLength(2);

    // Progress on one goal, then a corrected report drops "Toetsen" and adds "Observeren".
    const worked = goals.find((g) => g.title === 'Toetsen')!;
    await send('POST', `/api/development/goals/${worked.id}/checkins`, employee, { status: 'on_track', note: 'Loopt' });
    await env.database.db.transaction((tx) =>
      addAgreedGoals(tx, agreed(conversationId, ['Feedback geven', 'Observeren', 'toetsen'])),
    );
    goals = await env.database.db
      .select()
      .from(developmentGoals)
      .where(eq(developmentGoals.conversationId, conversationId));
    expect(goals.map((g) => g.title).sort()).toEqual(['Feedback geven', 'Observeren', 'Toetsen']);
    expect(goals.find((g) => g.title === 'Toetsen')!.id).toBe(worked.id);
  });

  it('keeps their agreed wording and visibility; status and progress evidence may change', async () => {
    const conversationId = crypto.randomUUID();
    await env.database.db.transaction((tx) => addAgreedGoals(tx, agreed(conversationId, ['Klassenmanagement'])));
    const plan = (await get('/api/development/me', employee)).json();
    const goal = plan.goals.find((g: { conversationId: string | null }) => g.conversationId === conversationId);
    expect(goal.abilities).toMatchObject({ edit: true, editText: false, delete: false, changeVisibility: false });

    const retitle = await send('PATCH', `/api/development/goals/${goal.id}`, employee, {
      title: 'Iets anders',
      version: 1,
    });
    expect(retitle.statusCode).toBe(400);
    expect(retitle.json().error.details[0].path).toBe('title');
    const hide = await send('PATCH', `/api/development/goals/${goal.id}`, employee, {
      visibleToManager: false,
      version: 1,
    });
    expect(hide.statusCode).toBe(400);
    const ok = await send('PATCH', `/api/development/goals/${goal.id}`, employee, {
      title: goal.title,
      status: 'achieved',
      progressEvidence: 'Lesbezoek in maart',
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'achieved', progressEvidence: 'Lesbezoek in maart' });
    expect((await send('DELETE', `/api/development/goals/${goal.id}`, employee)).statusCode).toBe(403);

    const action = goal.actions.find((a: { owner: { id: string } }) => a.owner.id === employeeId);
    const rename = await send('PATCH', `/api/development/actions/${action.id}`, employee, {
      title: 'Anders',
      version: 1,
    });
    expect(rename.statusCode).toBe(403);
    const tick = await send('PATCH', `/api/development/actions/${action.id}`, employee, { done: true, version: 1 });
    expect(tick.statusCode).toBe(200);
    // The manager's own agreed action is theirs to tick off.
    const mine = goal.actions.find((a: { owner: { id: string } }) => a.owner.id === managerId);
    expect(
      (await send('PATCH', `/api/development/actions/${mine.id}`, manager, { done: true, version: 1 })).statusCode,
    ).toBe(200);
  });
});

describe('stale goals and tasks', () => {
  it('lists shared running goals of reports without progress for 8 weeks', async () => {
    const report = await createPerson(env.database, board);
    const lead = await createPerson(env.database, board);
    await env.database.db
      .insert(t.lineManagers)
      .values({ boardId: board.boardId, managerId: lead.id, employeeId: report.id });
    const me = await sessionFor(env.database, report.id);
    const leadSession = await sessionFor(env.database, lead.id);

    const tenWeeksAgo = new Date(Date.now() - 10 * WEEK);
    env.app.deps.now = () => tenWeeksAgo;
    const old = await newGoal(me, { title: 'Oud en stil' });
    const privateOld = await newGoal(me, { title: 'Oud en privé', visibleToManager: false });
    const done = await newGoal(me, { title: 'Oud maar klaar' });
    await send('PATCH', `/api/development/goals/${done.id}`, me, { status: 'achieved', version: 1 });
    const revived = await newGoal(me, { title: 'Oud met voortgang' });
    env.app.deps.now = () => new Date(Date.now() - 3 * WEEK);
    await send('POST', `/api/development/goals/${revived.id}/checkins`, me, { status: 'on_track', note: '' });
    env.app.deps.now = undefined;
    await newGoal(me, { title: 'Nieuw' });

    const res = await get('/api/development/stale-goals', leadSession);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { goalTitle: string }) => i.goalTitle)).toEqual(['Oud en stil']);
    expect(items[0]).toMatchObject({ goalId: old.id, weeksSinceProgress: 10, person: { id: report.id } });
    expect(items[0].href).toContain(`/ontwikkeling/${report.id}`);
    expect(privateOld.id).toBeTruthy();

    const plan = (await get('/api/development/me', me)).json();
    expect(plan.goals.find((g: { id: string }) => g.id === old.id).isStale).toBe(true);
    expect(plan.goals.find((g: { id: string }) => g.id === revived.id).isStale).toBe(false);

    const actor = { personId: lead.id, boardId: board.boardId, sessionId: 's', csrfToken: 'c', memberships: [] };
    const tasks = await findDevelopmentTasks(env.database.db, actor, new Date());
    expect(tasks.filter((x) => x.kind === 'stale_goal').map((x) => x.params.title)).toEqual(['Oud en stil']);
    expect((await get('/api/development/stale-goals', me)).json().items).toEqual([]);
  });

  it('gives open actions due within two weeks or overdue as tasks', async () => {
    const person = await createPerson(env.database, board);
    const s = await sessionFor(env.database, person.id);
    const day = (n: number) => new Date(Date.now() + n * 24 * 3600_000).toISOString().slice(0, 10);
    for (const [title, dueOn] of [
      ['Te laat', day(-3)],
      ['Binnenkort', day(5)],
      ['Later', day(40)],
      ['Zonder datum', null],
    ] as const) {
      await send('POST', '/api/development/actions', s, { title, dueOn });
    }
    const actor = { personId: person.id, boardId: board.boardId, sessionId: 's', csrfToken: 'c', memberships: [] };
    const tasks = await findDevelopmentTasks(env.database.db, actor, new Date());
    expect(tasks.map((x) => [x.kind, x.params.title, x.href])).toEqual([
      ['open_action', 'Te laat', '/ontwikkeling'],
      ['open_action', 'Binnenkort', '/ontwikkeling'],
    ]);
  });

  it('exports the whole plan, private goals included', async () => {
    await newGoal(employee, { title: 'Alleen voor mij', visibleToManager: false });
    const exported = await exportDevelopment(env.database.db, board.boardId, employeeId);
    expect(exported?.goals.map((g) => g.title)).toContain('Alleen voor mij');
    expect(await exportDevelopment(env.database.db, board.boardId, crypto.randomUUID())).toBeNull();
  });
});
