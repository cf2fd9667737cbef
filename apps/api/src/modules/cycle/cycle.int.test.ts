import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import {
  createBoard,
  createPerson,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';
import { conversationsTables as ct } from '../conversations/index.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import type { CycleConfig } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';
import { findCycleTasks } from './index.ts';

let env: TestEnv;
let board: TestBoard;
let other: TestBoard;
let noordId: string;
let zuidId: string;
let leader: Session;

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  other = await createBoard(env.database);
  noordId = board.schools.find((s) => s.name === 'School Noord')!.id;
  zuidId = board.schools.find((s) => s.name === 'School Zuid')!.id;
  leader = await sessionFor(env.database, board.byRole('schoolleider', 'School Noord').id);
});
afterAll(() => env.close());

const get = (url: string, s: Session) => env.app.inject({ method: 'GET', url, headers: s.headers });
const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, s: Session, payload?: unknown) =>
  env.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const as = async (role: Parameters<TestBoard['byRole']>[0], school?: string) =>
  sessionFor(env.database, board.byRole(role, school).id);

describe('who may see and change a cycle', () => {
  it('hides a school from a docent, another school leader and another board', async () => {
    const docent = await as('docent', 'School Noord');
    const zuidLeader = await as('schoolleider', 'School Zuid');
    const intruder = await sessionFor(env.database, other.byRole('beheerder').id);
    for (const s of [docent, zuidLeader, intruder]) {
      expect((await get(`/api/schools/${noordId}/cycle`, s)).statusCode).toBe(404);
      expect((await get(`/api/schools/${noordId}/cycle/coverage`, s)).statusCode).toBe(404);
      expect((await send('POST', `/api/schools/${noordId}/cycle/defaults`, s)).statusCode).toBe(404);
    }
    expect((await get(`/api/cycle/schools`, docent)).json().items).toEqual([]);
  });

  it('lets an mt_lid look but not change', async () => {
    const mt = await as('mt_lid', 'School Noord');
    const res = await get(`/api/schools/${noordId}/cycle`, mt);
    expect(res.statusCode).toBe(200);
    expect(res.json().abilities).toEqual({ edit: false, applyDefaults: false });
    expect((await send('POST', `/api/schools/${noordId}/cycle/defaults`, mt)).statusCode).toBe(403);
    const settings = { minGroupSize: 4, minTextGroupSize: 5, retentionMonths: 24, reminderDays: 3, version: 0 };
    expect((await send('PUT', `/api/schools/${noordId}/settings`, mt, settings)).statusCode).toBe(403);
  });

  it('lists the schools a person sees the cycle of', async () => {
    const hr = await as('hr');
    expect((await get('/api/cycle/schools', hr)).json().items).toHaveLength(2);
    const mine = (await get('/api/cycle/schools', leader)).json().items;
    expect(mine).toMatchObject([{ id: noordId, abilities: { edit: true } }]);
  });
});

describe('the standard cycle', () => {
  let config: CycleConfig;

  it('sets a school up in one click, once', async () => {
    const res = await send('POST', `/api/schools/${noordId}/cycle/defaults`, leader);
    expect(res.statusCode).toBe(201);
    config = res.json();
    expect(config.kinds.map((k) => k.key)).toEqual([
      'planning',
      'voortgang',
      'functionering',
      'beoordeling',
      'loopbaan',
      'waardering',
    ]);
    expect(config.kinds.filter((k) => !k.active).map((k) => k.key)).toEqual(['loopbaan', 'waardering']);
    expect(config.years).toHaveLength(2);
    expect(config.years.every((y) => y.periods.length === 3)).toBe(true);
    expect(config.years[0]!.startsOn.slice(5)).toBe('08-01');
    const beoordeling = config.kinds.find((k) => k.key === 'beoordeling')!;
    expect(config.rules.find((r) => r.kindId === beoordeling.id)).toMatchObject({ everyYears: 3, periodPosition: 3 });
    expect(config.forms.map((f) => f.role)).toEqual(expect.arrayContaining(['werkplekbegeleider', 'oop', null]));
    expect(config.abilities).toEqual({ edit: true, applyDefaults: false });
    const again = await send('POST', `/api/schools/${noordId}/cycle/defaults`, leader);
    expect(again.statusCode).toBe(409);
    // Other test files may set up schools of their own in the same database: only this school's entries count.
    const entries = await env.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'cycle.defaults_applied'), eq(auditLog.targetId, noordId)));
    expect(entries).toHaveLength(1);
  });

  it('keeps settings within the privacy minimums and detects concurrent edits', async () => {
    const url = `/api/schools/${noordId}/settings`;
    const base = { minGroupSize: 3, minTextGroupSize: 5, retentionMonths: 24, reminderDays: 3, version: 0 };
    const tooSmall = await send('PUT', url, leader, { ...base, minGroupSize: 2 });
    expect(tooSmall.statusCode).toBe(400);
    expect(tooSmall.json().error.details[0].path).toBe('body.minGroupSize');
    const textBelow = await send('PUT', url, leader, { ...base, minGroupSize: 6, minTextGroupSize: 5 });
    expect(textBelow.statusCode).toBe(400);
    expect(textBelow.json().error.details[0].path).toBe('minTextGroupSize');
    const first = await send('PUT', url, leader, { ...base, minGroupSize: 4 });
    expect(first.statusCode).toBe(200);
    expect(first.json().settings).toMatchObject({ minGroupSize: 4, version: 1 });
    const stale = await send('PUT', url, leader, { ...base, minGroupSize: 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ reason: 'stale' });
    expect((await send('PUT', url, leader, { ...base, version: 1 })).statusCode).toBe(200);
  });

  it('reads settings with defaults for a school without a row', async () => {
    const res = (await get(`/api/schools/${zuidId}/cycle`, await as('hr'))).json();
    expect(res.settings).toEqual({
      schoolId: zuidId,
      minGroupSize: 3,
      minTextGroupSize: 5,
      retentionMonths: 24,
      reminderDays: 3,
      version: 0,
    });
    expect(res.abilities).toEqual({ edit: true, applyDefaults: true });
  });

  it('checks school years and their periods', async () => {
    const url = `/api/schools/${noordId}/cycle/years`;
    const year = {
      name: '2022-2023',
      startsOn: '2022-08-01',
      endsOn: '2023-07-31',
      periods: [
        { name: 'Herfst', startsOn: '2022-08-01', endsOn: '2022-12-31' },
        { name: 'Voorjaar', startsOn: '2023-01-01', endsOn: '2023-07-31' },
      ],
    };
    const backwards = await send('POST', url, leader, { ...year, endsOn: '2022-01-01' });
    expect(backwards.json().error.details[0].path).toBe('endsOn');
    const overlap = await send('POST', url, leader, {
      ...year,
      periods: [year.periods[0], { ...year.periods[1], startsOn: '2022-12-01' }],
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.details[0].path).toBe('periods.1.startsOn');
    const outside = await send('POST', url, leader, {
      ...year,
      periods: [{ name: 'Te laat', startsOn: '2023-06-01', endsOn: '2023-08-31' }],
    });
    expect(outside.json().error.details[0].path).toBe('periods.0.startsOn');
    const badDate = await send('POST', url, leader, { ...year, startsOn: '1 augustus' });
    expect(badDate.statusCode).toBe(400);
    const created = await send('POST', url, leader, year);
    expect(created.statusCode).toBe(201);
    const dup = await send('POST', url, leader, year);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0].path).toBe('name');
    const saved = created.json<CycleConfig>().years.find((y) => y.name === '2022-2023')!;
    const renamed = await send('PUT', `${url}/${saved.id}`, leader, {
      ...year,
      name: '2022/2023',
      periods: [year.periods[0]!],
      version: saved.version,
    });
    expect(renamed.statusCode).toBe(200);
    const after = renamed.json<CycleConfig>().years.find((y) => y.id === saved.id)!;
    expect(after).toMatchObject({ name: '2022/2023', periods: [{ position: 1, name: 'Herfst' }] });
    const stale = await send('PUT', `${url}/${saved.id}`, leader, { ...year, version: saved.version });
    expect(stale.statusCode).toBe(409);
    const removed = await send('DELETE', `${url}/${saved.id}`, leader);
    expect(removed.statusCode).toBe(200);
    expect(removed.json<CycleConfig>().years.some((y) => y.id === saved.id)).toBe(false);
  });

  it('adds, changes and removes kinds, rules and forms', async () => {
    const kindUrl = `/api/schools/${noordId}/cycle/kinds`;
    const added = await send('POST', kindUrl, leader, {
      name: 'Startgesprek nieuwe collega',
      description: 'Na zes weken.',
    });
    expect(added.statusCode).toBe(201);
    const kind = added.json<CycleConfig>().kinds.find((k) => k.name === 'Startgesprek nieuwe collega')!;
    expect(kind.key).toBe('eigen');
    expect((await send('POST', kindUrl, leader, { name: 'Startgesprek nieuwe collega' })).statusCode).toBe(409);
    const zuidForm = await send('POST', kindUrl, leader, { name: 'X', questionFormId: kind.id });
    expect(zuidForm.json().error.details[0].path).toBe('questionFormId');
    const changed = await send('PATCH', `${kindUrl}/${kind.id}`, leader, {
      description: 'Na vier weken.',
      version: kind.version,
    });
    expect(changed.statusCode).toBe(200);
    expect(
      (await send('PATCH', `${kindUrl}/${kind.id}`, leader, { active: false, version: kind.version })).statusCode,
    ).toBe(409);

    const ruleUrl = `/api/schools/${noordId}/cycle/rules`;
    const foreignKind = await send('POST', ruleUrl, leader, { kindId: board.teams[0]!.id });
    expect(foreignKind.json().error.details[0].path).toBe('kindId');
    const zuidTeam = board.teams.find((t) => t.schoolId === zuidId)!;
    const foreignTeam = await send('POST', ruleUrl, leader, { kindId: kind.id, teamIds: [zuidTeam.id] });
    expect(foreignTeam.json().error.details[0].path).toBe('teamIds');
    const badRhythm = await send('POST', ruleUrl, leader, { kindId: kind.id, everyYears: 0 });
    expect(badRhythm.statusCode).toBe(400);
    const rule = await send('POST', ruleUrl, leader, { kindId: kind.id, roles: ['docent'], periodPosition: 1 });
    expect(rule.statusCode).toBe(201);
    const ruleRow = rule.json<CycleConfig>().rules.find((r) => r.kindId === kind.id)!;
    expect(ruleRow).toMatchObject({ roles: ['docent'], everyYears: 1, teamIds: [] });
    const ruleChanged = await send('PATCH', `${ruleUrl}/${ruleRow.id}`, leader, {
      everyYears: 2,
      version: ruleRow.version,
    });
    expect(ruleChanged.json<CycleConfig>().rules.find((r) => r.id === ruleRow.id)!.everyYears).toBe(2);

    // Unused: the kind and its rule disappear.
    const gone = await send('DELETE', `${kindUrl}/${kind.id}`, leader);
    expect(gone.json<CycleConfig>().kinds.some((k) => k.id === kind.id)).toBe(false);
    expect(gone.json<CycleConfig>().rules.some((r) => r.id === ruleRow.id)).toBe(false);

    const formUrl = `/api/schools/${noordId}/cycle/forms`;
    const emptyForm = await send('POST', formUrl, leader, { purpose: 'questions', name: 'Leeg', items: [] });
    expect(emptyForm.json().error.details[0].path).toBe('body.items');
    const form = await send('POST', formUrl, leader, {
      purpose: 'questions',
      name: 'Vragen coach',
      role: 'coach',
      items: [{ text: 'Hoe gaat het coachen?' }, { text: 'Wat heb je nodig?', help: 'Tijd, scholing' }],
    });
    expect(form.statusCode).toBe(201);
    const formRow = form.json<CycleConfig>().forms.find((f) => f.name === 'Vragen coach')!;
    expect(formRow.items).toHaveLength(2);
    expect(new Set(formRow.items.map((i) => i.id)).size).toBe(2);
    const formChanged = await send('PATCH', `${formUrl}/${formRow.id}`, leader, {
      items: [{ id: formRow.items[1]!.id, text: 'Wat heb je nodig van mij?' }],
      version: formRow.version,
    });
    expect(formChanged.json<CycleConfig>().forms.find((f) => f.id === formRow.id)!.items).toEqual([
      { id: formRow.items[1]!.id, text: 'Wat heb je nodig van mij?' },
    ]);
    // A form a kind uses is switched off instead of deleted.
    const cfg = (await get(`/api/schools/${noordId}/cycle`, leader)).json<CycleConfig>();
    const used = cfg.kinds[0]!.reflectionFormId!;
    const off = await send('DELETE', `${formUrl}/${used}`, leader);
    expect(off.json<CycleConfig>().forms.find((f) => f.id === used)!.active).toBe(false);
    expect((await send('DELETE', `${formUrl}/${formRow.id}`, leader)).statusCode).toBe(200);
  });
});

describe('overview and coverage', () => {
  let config: CycleConfig;
  let yearId: string;
  const exact = () => board.teams.find((t) => t.name === 'Exact')!;
  const exactDocents = () => [
    ...new Set(board.memberships.filter((m) => m.teamId === exact().id && m.role === 'docent').map((m) => m.personId)),
  ];
  const kindId = (key: string) => config.kinds.find((k) => k.key === key)!.id;

  beforeAll(async () => {
    // A past school year, so every status is fixed whatever day the test runs.
    const res = await send('POST', `/api/schools/${noordId}/cycle/years`, leader, {
      name: '2023-2024',
      startsOn: '2023-08-01',
      endsOn: '2024-07-31',
      periods: [
        { name: 'P1', startsOn: '2023-08-01', endsOn: '2023-11-30' },
        { name: 'P2', startsOn: '2023-12-01', endsOn: '2024-03-31' },
        { name: 'P3', startsOn: '2024-04-01', endsOn: '2024-07-31' },
      ],
    });
    config = res.json();
    yearId = config.years.find((y) => y.name === '2023-2024')!.id;
    const managerId = board.byRole('teamleider', 'School Noord').id;
    const [d1, d2, d3] = exactDocents();
    const row = (employeeId: string, key: string, state: string, at: string) => ({
      boardId: board.boardId,
      schoolId: noordId,
      schoolYearId: yearId,
      kindId: kindId(key),
      employeeId,
      managerId,
      state,
      scheduledAt: new Date(at),
    });
    await env.database.db
      .insert(ct.conversations)
      .values([
        row(d1!, 'voortgang', 'closed', '2024-02-10T09:00:00Z'),
        row(d2!, 'voortgang', 'planned', '2024-05-10T09:00:00Z'),
        row(d2!, 'planning', 'cancelled', '2023-10-10T09:00:00Z'),
        { ...row(d3!, 'beoordeling', 'agreed', '2023-03-01T09:00:00Z'), schoolYearId: null },
      ]);
  });

  it('shows a teamleider each report and where they stand', async () => {
    const teamleider = await sessionFor(
      env.database,
      board.memberships.find((m) => m.role === 'teamleider' && m.teamId === exact().id)!.personId,
    );
    const res = await get(`/api/cycle/overview?schoolYearId=${yearId}`, teamleider);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.schoolYear.name).toBe('2023-2024');
    expect(body.people).toHaveLength(4);
    expect(body.counts).toEqual({ done: 1, planned: 1, not_due: 1, overdue: 9, due: 0 });
    const [d1, d2, d3] = exactDocents();
    const item = (personId: string, key: string) =>
      body.people
        .find((p: { id: string }) => p.id === personId)
        .items.find((i: { kindId: string }) => i.kindId === kindId(key));
    expect(item(d1!, 'voortgang')).toMatchObject({
      status: 'done',
      kindName: 'Voortgangsgesprek',
      dueOn: '2024-03-31',
    });
    expect(item(d2!, 'voortgang').status).toBe('planned');
    expect(item(d2!, 'voortgang').conversationId).toEqual(expect.any(String));
    expect(item(d2!, 'planning')).toMatchObject({ status: 'overdue', conversationId: null });
    expect(item(d3!, 'beoordeling')).toMatchObject({ status: 'not_due', dueOn: '2026-07-31' });
    expect(body.years.map((y: { name: string }) => y.name)).toContain('2023-2024');
  });

  it('counts a conversation on its Dutch day at the edges of a school year', async () => {
    const teamleider = await sessionFor(
      env.database,
      board.memberships.find((m) => m.role === 'teamleider' && m.teamId === exact().id)!.personId,
    );
    const [d1, , d3] = exactDocents();
    const edge = (employeeId: string, at: string) => ({
      boardId: board.boardId,
      schoolId: noordId,
      kindId: kindId('planning'),
      employeeId,
      managerId: board.byRole('teamleider', 'School Noord').id,
      state: 'closed',
      scheduledAt: new Date(at),
    });
    // 31 July 22:30 UTC is already 1 August in the Netherlands: the first day of 2023-2024, the day after it.
    const rows = await env.database.db
      .insert(ct.conversations)
      .values([edge(d1!, '2023-07-31T22:30:00Z'), edge(d3!, '2024-07-31T22:30:00Z')])
      .returning({ id: ct.conversations.id });
    try {
      const body = (await get(`/api/cycle/overview?schoolYearId=${yearId}`, teamleider)).json();
      const planning = (personId: string) =>
        body.people
          .find((p: { id: string }) => p.id === personId)
          .items.find((i: { kindId: string }) => i.kindId === kindId('planning'));
      expect(planning(d1!)).toMatchObject({ status: 'done', scheduledAt: '2023-07-31T22:30:00.000Z' });
      expect(planning(d3!)).toMatchObject({ status: 'overdue', scheduledAt: null });
    } finally {
      await env.database.db.delete(ct.conversations).where(
        inArray(
          ct.conversations.id,
          rows.map((r) => r.id),
        ),
      );
    }
  });

  it('gives an empty overview to someone without reports, and refuses an unknown year', async () => {
    const docent = await sessionFor(env.database, exactDocents()[0]!);
    const res = (await get('/api/cycle/overview', docent)).json();
    expect(res).toMatchObject({ people: [], schoolYear: null, unconfigured: [] });
    const teamleider = await as('teamleider', 'School Noord');
    const foreign = await get(`/api/cycle/overview?schoolYearId=${board.teams[0]!.id}`, teamleider);
    expect(foreign.statusCode).toBe(400);
  });

  it('names reports in a school that has no cycle yet', async () => {
    const zuidLead = await as('teamleider', 'School Zuid');
    const res = (await get('/api/cycle/overview', zuidLead)).json();
    expect(res.people).toEqual([]);
    expect(res.unconfigured.length).toBeGreaterThan(0);
  });

  it('counts per team and kind, and lists staff without a leidinggevende', async () => {
    const talen = board.teams.find((t) => t.name === 'Talen')!;
    const orphan = await createPerson(env.database, board, {
      roles: [{ role: 'docent', schoolId: noordId, teamId: talen.id }],
    });
    await createPerson(env.database, board, { roles: [{ role: 'student', schoolId: noordId, teamId: talen.id }] });
    await createPerson(env.database, board, {
      roles: [{ role: 'docent', schoolId: noordId, teamId: talen.id }],
      active: false,
    });
    const mt = await as('mt_lid', 'School Noord');
    const res = await get(`/api/schools/${noordId}/cycle/coverage?schoolYearId=${yearId}`, mt);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.kinds.map((k: { id: string }) => k.id)).toEqual([
      kindId('planning'),
      kindId('voortgang'),
      kindId('beoordeling'),
    ]);
    const exactRow = body.teams.find((t: { id: string }) => t.id === exact().id);
    const voortgang = exactRow.cells.find((c: { kindId: string }) => c.kindId === kindId('voortgang'));
    // teamleider + 4 docents; one held, one planned.
    expect(voortgang).toEqual({
      kindId: kindId('voortgang'),
      applicable: 5,
      done: 1,
      planned: 1,
      overdue: 3,
      due: 0,
      notDue: 0,
      percentDone: 20,
    });
    const beoordeling = exactRow.cells.find((c: { kindId: string }) => c.kindId === kindId('beoordeling'));
    expect(beoordeling).toMatchObject({ applicable: 4, notDue: 1, percentDone: 0 });
    expect(body.teams.at(-1)).toMatchObject({ id: null }); // schoolleider and mt_lid have no team
    expect(body.withoutManager).toEqual([
      expect.objectContaining({ id: orphan.id, teamNames: ['Talen'], href: `/beheer/medewerkers/${orphan.id}` }),
    ]);
    expect(JSON.stringify(body)).not.toContain('closed');
  });

  it('refuses a year of another school', async () => {
    const res = await get(`/api/schools/${noordId}/cycle/coverage?schoolYearId=${zuidId}`, leader);
    expect(res.statusCode).toBe(400);
  });

  it('says which kinds belong to a period that has not started yet', async () => {
    const res = await send('POST', `/api/schools/${noordId}/cycle/years`, leader, {
      name: '2098-2099',
      startsOn: '2098-08-01',
      endsOn: '2099-07-31',
      periods: [
        { name: 'Herfst', startsOn: '2098-08-01', endsOn: '2098-11-30' },
        { name: 'Winter', startsOn: '2098-12-01', endsOn: '2099-03-31' },
        { name: 'Zomer', startsOn: '2099-04-01', endsOn: '2099-07-31' },
      ],
    });
    const future = res.json<CycleConfig>().years.find((y) => y.name === '2098-2099')!;
    const body = (await get(`/api/schools/${noordId}/cycle/coverage?schoolYearId=${future.id}`, leader)).json();
    const upcoming = (key: string) => body.kinds.find((k: { id: string }) => k.id === kindId(key)).upcoming;
    expect(upcoming('planning')).toEqual({ periodName: 'Herfst', startsOn: '2098-08-01' });
    expect(upcoming('voortgang')).toEqual({ periodName: 'Winter', startsOn: '2098-12-01' });
    // A year that has passed has nothing to come.
    const past = (await get(`/api/schools/${noordId}/cycle/coverage?schoolYearId=${yearId}`, leader)).json();
    expect(past.kinds.every((k: { upcoming: unknown }) => k.upcoming === null)).toBe(true);
    expect((await send('DELETE', `/api/schools/${noordId}/cycle/years/${future.id}`, leader)).statusCode).toBe(200);
  });

  it('keeps a year and a kind that conversations use', async () => {
    const year = await send('DELETE', `/api/schools/${noordId}/cycle/years/${yearId}`, leader);
    expect(year.statusCode).toBe(409);
    const kind = await send('DELETE', `/api/schools/${noordId}/cycle/kinds/${kindId('voortgang')}`, leader);
    expect(kind.statusCode).toBe(200);
    expect(kind.json<CycleConfig>().kinds.find((k) => k.key === 'voortgang')!.active).toBe(false);
  });
});

describe('home tasks', () => {
  it('asks a teamleider to plan what is overdue or due soon, and nothing else', async () => {
    const exact = board.teams.find((t) => t.name === 'Exact')!;
    const lead = board.memberships.find((m) => m.role === 'teamleider' && m.teamId === exact.id)!;
    const actor: Actor = {
      personId: lead.personId,
      boardId: board.boardId,
      sessionId: 's',
      csrfToken: 'c',
      memberships: [{ role: 'teamleider', schoolId: noordId, teamId: exact.id }],
    };
    // On 1 December 2023 period 1 (planning) has just ended; voortgang is due in March, more than six weeks away.
    const config = (await get(`/api/schools/${noordId}/cycle`, leader)).json<CycleConfig>();
    const now = new Date('2023-12-01T10:00:00Z');
    const tasks = await findCycleTasks(env.database.db, actor, now);
    const planning = config.kinds.find((k) => k.key === 'planning')!;
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.kind === 'plan_conversation')).toBe(true);
    expect(
      tasks.filter((t) => t.params.status === 'overdue').every((t) => t.href.endsWith(`soort=${planning.id}`)),
    ).toBe(true);
    expect(tasks[0]!.href).toMatch(/^\/gesprekken\/plannen\?medewerker=[0-9a-f-]+&soort=[0-9a-f-]+$/);
    // A docent manages nobody.
    const docent = { ...actor, personId: board.byRole('docent').id, memberships: [] };
    expect(await findCycleTasks(env.database.db, docent, now)).toEqual([]);
  });

  it('tells a schoolleider how many staff have no leidinggevende (the coverage test added one)', async () => {
    const schoolleider = board.byRole('schoolleider', 'School Noord');
    const actor: Actor = {
      personId: schoolleider.id,
      boardId: board.boardId,
      sessionId: 's',
      csrfToken: 'c',
      memberships: [{ role: 'schoolleider', schoolId: noordId, teamId: null }],
    };
    const tasks = await findCycleTasks(env.database.db, actor, new Date('2023-12-01T10:00:00Z'));
    expect(tasks.filter((t) => t.kind === 'missing_manager')).toEqual([
      {
        key: `cycle:no-manager:${noordId}`,
        kind: 'missing_manager',
        params: { count: '1' },
        dueOn: null,
        href: `/school?school=${noordId}`,
      },
    ]);
  });
});
