import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { teamGoals } from '../team/team.schema.ts';
import { teamForms } from '../visits/visits.schema.ts';
import { teamPreparationMembers } from './preparations.schema.ts';

// Joint preparations: who plans, reads and changes them; the form snapshot and its answers; done, rescheduled and
// cancelled; 409 on a stale version; live changes on the team's topic.

let env: TestEnv;
let board: TestBoard;
let other: TestBoard;
let exactId: string;
let talenId: string;
let goalId: string;
let formId: string;
let archivedFormId: string;
let talenFormId: string;
const ids: Record<string, string> = {};
const as: Record<string, Session> = {};

function teamOf(b: TestBoard, name: string) {
  const team = b.teams.find((x) => x.name === name)!;
  const members = b.memberships.filter((m) => m.teamId === team.id);
  const lead = members.find((m) => m.role === 'teamleider')!.personId;
  const coach = members.find((m) => m.role === 'coach')!.personId;
  const staff = [...new Set(members.filter((m) => m.role === 'docent').map((m) => m.personId))].filter(
    (id) => id !== lead && id !== coach,
  );
  return { id: team.id, schoolId: team.schoolId, lead, coach, staff };
}

const FIELDS = [
  { id: 'h1', kind: 'heading' as const, label: 'De les' },
  { id: 'doel', kind: 'text' as const, label: 'Lesdoel' },
  { id: 'aansluiting', kind: 'scale' as const, label: 'Sluit het aan bij de groep?' },
  { id: 'diff', kind: 'check' as const, label: 'Differentiatie besproken' },
  { id: 'vorm', kind: 'choice' as const, label: 'Werkvorm', options: ['Instructie', 'Samenwerken'] },
];

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  other = await createBoard(env.database);
  const exact = teamOf(board, 'Exact');
  const talen = teamOf(board, 'Talen');
  exactId = exact.id;
  talenId = talen.id;
  const student = await createPerson(env.database, board, {
    roles: [{ role: 'student', schoolId: exact.schoolId, teamId: exactId }],
  });
  Object.assign(ids, {
    docent: exact.staff[0]!,
    colleague: exact.staff[1]!,
    bystander: exact.staff[2]!,
    teamleider: exact.lead,
    coach: exact.coach,
    schoolleider: board.byRole('schoolleider', 'School Noord').id,
    mt_lid: board.byRole('mt_lid', 'School Noord').id,
    otherSchoolleider: board.byRole('schoolleider', 'School Zuid').id,
    otherTeam: talen.staff[0]!,
    beheerder: board.byRole('beheerder').id,
    hr: board.byRole('hr').id,
    student: student.id,
    otherBoardBeheerder: other.byRole('beheerder').id,
  });
  for (const [who, id] of Object.entries(ids)) as[who] = await sessionFor(env.database, id);
  // Enough colleagues to try a group that is too big.
  for (let i = 0; i < 5; i++)
    await createPerson(env.database, board, { roles: [{ role: 'docent', schoolId: exact.schoolId, teamId: exactId }] });
  const db = env.database.db;
  const [goal] = await db
    .insert(teamGoals)
    .values({ boardId: board.boardId, teamId: exactId, title: 'Meer voldoendes rekenen', targetValue: 80 })
    .returning({ id: teamGoals.id });
  goalId = goal!.id;
  const forms = await db
    .insert(teamForms)
    .values([
      { boardId: board.boardId, teamId: exactId, purpose: 'preparation', title: 'Lesvoorbereiding', fields: FIELDS },
      {
        boardId: board.boardId,
        teamId: exactId,
        purpose: 'preparation',
        title: 'Oud formulier',
        fields: FIELDS,
        archivedAt: new Date(),
      },
      { boardId: board.boardId, teamId: talenId, purpose: 'preparation', title: 'Talen', fields: FIELDS },
    ])
    .returning({ id: teamForms.id });
  [formId, archivedFormId, talenFormId] = forms.map((f) => f.id) as [string, string, string];
  await db
    .insert(teamForms)
    .values({ boardId: board.boardId, teamId: exactId, purpose: 'visit', title: 'Kijkwijzer', fields: FIELDS });
});
afterAll(() => env.close());

const base = () => `/api/teams/${exactId}/preparations`;
const get = (url: string, s: Session) => env.app.inject({ method: 'GET', url, headers: s.headers });
const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, s: Session, payload?: object) =>
  env.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload }) });

type Prep = {
  id: string;
  version: number;
  status: string;
  participants: { id: string }[];
  abilities: { edit: boolean; saveToLibrary: boolean };
};

async function plan(s: Session = as.docent!, body: Record<string, unknown> = {}): Promise<Prep> {
  const res = await send('POST', base(), s, {
    title: 'Breuken samen voorbereiden',
    kind: 'lesson',
    plannedAt: '2026-11-26T13:00:00.000Z',
    durationMinutes: 45,
    participantIds: [ids.colleague],
    teamGoalId: goalId,
    formId,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('planning a preparation', () => {
  it('plans with a colleague, adds the planner, and keeps a snapshot of the form', async () => {
    const prep = await plan();
    expect(prep).toMatchObject({
      title: 'Breuken samen voorbereiden',
      kind: 'lesson',
      status: 'planned',
      day: '2026-11-26',
      goal: { id: goalId, title: 'Meer voldoendes rekenen' },
      formId,
      formTitle: 'Lesvoorbereiding',
      formFields: FIELDS,
      abilities: { edit: true, saveToLibrary: false },
    });
    expect(prep.participants.map((p) => p.id).sort()).toEqual([ids.docent, ids.colleague].sort());
    // A later change to the team's form leaves the planned preparation as it was.
    await env.database.db.update(teamForms).set({ title: 'Nieuw', fields: [] }).where(eq(teamForms.id, formId));
    const again = (await get(`${base()}/${prep.id}`, as.docent!)).json();
    expect(again.formTitle).toBe('Lesvoorbereiding');
    expect(again.formFields).toEqual(FIELDS);
    await env.database.db
      .update(teamForms)
      .set({ title: 'Lesvoorbereiding', fields: FIELDS })
      .where(eq(teamForms.id, formId));
  });

  it.each(['teamleider', 'coach'])('lets the %s of the team plan one too', async (who) => {
    const prep = await plan(as[who], { participantIds: [ids.docent] });
    expect(prep.abilities.edit).toBe(true);
  });

  it('offers the colleagues, running goals and preparation forms of the team only', async () => {
    const list = (await get(base(), as.docent!)).json();
    expect(list.abilities).toEqual({ create: true });
    expect(list.forms).toEqual([{ id: formId, title: 'Lesvoorbereiding', fieldCount: 4 }]);
    expect(list.goals).toEqual([{ id: goalId, title: 'Meer voldoendes rekenen' }]);
    expect(list.members.map((m: { id: string }) => m.id)).toContain(ids.colleague);
    expect(list.members.map((m: { id: string }) => m.id)).not.toContain(ids.student);
  });

  it('refuses alone, too many, people outside the team, and goals or forms of another team', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ participantIds: [ids.docent] }, 'participantIds'],
      [{ participantIds: [ids.otherTeam] }, 'participantIds'],
      [{ participantIds: [ids.student] }, 'participantIds'],
      [{ participantIds: [ids.colleague, ids.colleague] }, 'participantIds'],
      [{ teamGoalId: crypto.randomUUID() }, 'teamGoalId'],
      [{ formId: talenFormId }, 'formId'],
      [{ formId: archivedFormId }, 'formId'],
      [{ durationMinutes: 4 }, 'durationMinutes'],
      [{ durationMinutes: 241 }, 'durationMinutes'],
      [{ title: ' ' }, 'title'],
      [{ kind: 'meeting' }, 'kind'],
    ];
    for (const [body, path] of cases) {
      const res = await send('POST', base(), as.docent!, {
        title: 'x',
        kind: 'work',
        plannedAt: '2026-11-26T13:00:00.000Z',
        durationMinutes: 30,
        participantIds: [ids.colleague],
        ...body,
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const paths = res.json().error.details.map((d: { path: string }) => d.path.replace(/^body\./, ''));
      expect(paths, JSON.stringify(body)).toContain(path);
    }
    const members = (await get(base(), as.docent!)).json().members.map((m: { id: string }) => m.id);
    const colleagues = members.filter((id: string) => id !== ids.docent);
    expect(colleagues.length).toBeGreaterThanOrEqual(6);
    const attempt = (n: number) =>
      send('POST', base(), as.docent!, {
        title: 'Groepje',
        kind: 'work',
        plannedAt: '2026-11-26T13:00:00.000Z',
        durationMinutes: 30,
        participantIds: colleagues.slice(0, n),
      });
    expect((await attempt(6)).statusCode).toBe(400);
    expect((await attempt(5)).statusCode).toBe(201);
  });
});

describe('who reads and who changes a preparation', () => {
  it('lets the whole team read, participants change, other members only read (403)', async () => {
    const prep = await plan();
    const bystander = (await get(`${base()}/${prep.id}`, as.bystander!)).json();
    expect(bystander.abilities).toEqual({ edit: false, saveToLibrary: false });
    const lead = await get(`${base()}/${prep.id}`, as.teamleider!);
    expect(lead.statusCode).toBe(200);
    for (const s of [as.bystander!, as.teamleider!]) {
      const attempts = [
        send('PUT', `${base()}/${prep.id}/work`, s, { version: prep.version, result: 'Nee' }),
        send('PATCH', `${base()}/${prep.id}`, s, { version: prep.version, durationMinutes: 30 }),
        send('POST', `${base()}/${prep.id}/cancel`, s, { version: prep.version }),
        send('POST', `${base()}/${prep.id}/done`, s, { version: prep.version }),
      ];
      for (const res of await Promise.all(attempts)) expect(res.statusCode, res.body).toBe(403);
    }
    const byColleague = await send('PUT', `${base()}/${prep.id}/work`, as.colleague!, {
      version: prep.version,
      result: 'Samen gemaakt',
    });
    expect(byColleague.statusCode, byColleague.body).toBe(200);
  });

  it.each(['schoolleider', 'mt_lid'])('lets the %s of the school read but not plan or change (403)', async (who) => {
    const prep = await plan();
    const list = await get(base(), as[who]!);
    expect(list.statusCode).toBe(200);
    expect(list.json().abilities).toEqual({ create: false });
    expect(list.json().members).toEqual([]);
    expect((await get(`${base()}/${prep.id}`, as[who]!)).json().abilities.edit).toBe(false);
    const create = await send('POST', base(), as[who]!, {
      title: 'x',
      kind: 'work',
      plannedAt: '2026-11-26T13:00:00.000Z',
      durationMinutes: 30,
      participantIds: [ids.docent],
    });
    expect(create.statusCode).toBe(403);
    const work = await send('PUT', `${base()}/${prep.id}/work`, as[who]!, { version: prep.version, result: 'x' });
    expect(work.statusCode).toBe(403);
  });

  it.each(['otherSchoolleider', 'otherTeam', 'beheerder', 'hr', 'student', 'otherBoardBeheerder'])(
    'gives the %s 404 on the list, a preparation and a change',
    async (who) => {
      const prep = await plan();
      expect((await get(base(), as[who]!)).statusCode).toBe(404);
      expect((await get(`${base()}/${prep.id}`, as[who]!)).statusCode).toBe(404);
      const res = await send('PUT', `${base()}/${prep.id}/work`, as[who]!, { version: prep.version, result: 'x' });
      expect(res.statusCode).toBe(404);
    },
  );

  it("does not reach one team's preparation through another team", async () => {
    const prep = await plan();
    const talenLead = await sessionFor(env.database, teamOf(board, 'Talen').lead);
    expect((await get(`/api/teams/${talenId}/preparations/${prep.id}`, talenLead)).statusCode).toBe(404);
    const res = await send('PUT', `/api/teams/${talenId}/preparations/${prep.id}/work`, talenLead, {
      version: prep.version,
      result: 'x',
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('filling, recording and marking done', () => {
  it('checks the answers against the form snapshot and keeps good ones', async () => {
    const prep = await plan();
    const bad = await send('PUT', `${base()}/${prep.id}/work`, as.docent!, {
      version: prep.version,
      answers: { aansluiting: 5, vorm: 'Hoorcollege', h1: 'x', onbekend: true },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['answers.aansluiting', 'answers.h1', 'answers.onbekend', 'answers.vorm']);
    const answers = { doel: 'Breuken vergelijken', aansluiting: 3, diff: true, vorm: 'Samenwerken' };
    const ok = await send('PUT', `${base()}/${prep.id}/work`, as.docent!, {
      version: prep.version,
      answers,
      result: 'Lesopzet met drie niveaus',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ answers, result: 'Lesopzet met drie niveaus', version: prep.version + 1 });
  });

  it('marks done only with a result, then offers saving to the library; done is done', async () => {
    const prep = await plan();
    const empty = await send('POST', `${base()}/${prep.id}/done`, as.docent!, { version: prep.version });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].path).toBe('result');
    const filled = (
      await send('PUT', `${base()}/${prep.id}/work`, as.colleague!, { version: prep.version, result: 'Checklist' })
    ).json();
    const done = await send('POST', `${base()}/${prep.id}/done`, as.docent!, { version: filled.version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneAt: expect.any(String), hasResult: true });
    expect(done.json().abilities.saveToLibrary).toBe(true);
    const v = done.json().version;
    expect((await send('POST', `${base()}/${prep.id}/done`, as.docent!, { version: v })).statusCode).toBe(409);
    expect((await send('POST', `${base()}/${prep.id}/cancel`, as.docent!, { version: v })).statusCode).toBe(409);
    const move = await send('PATCH', `${base()}/${prep.id}`, as.docent!, { version: v, durationMinutes: 20 });
    expect(move.statusCode).toBe(409);
    // The result can still be sharpened afterwards.
    const sharpen = await send('PUT', `${base()}/${prep.id}/work`, as.docent!, { version: v, result: 'Checklist v2' });
    expect(sharpen.statusCode).toBe(200);
  });

  it('reschedules and changes who takes part; cancelling ends it', async () => {
    const prep = await plan();
    const moved = await send('PATCH', `${base()}/${prep.id}`, as.colleague!, {
      version: prep.version,
      plannedAt: '2026-12-03T09:30:00.000Z',
      durationMinutes: 60,
      participantIds: [ids.colleague, ids.bystander],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ day: '2026-12-03', durationMinutes: 60 });
    expect(
      moved
        .json()
        .participants.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual([ids.colleague, ids.bystander].sort());
    // The planner took themselves off: now they read only.
    expect((await get(`${base()}/${prep.id}`, as.docent!)).json().abilities.edit).toBe(false);
    const alone = await send('PATCH', `${base()}/${prep.id}`, as.colleague!, {
      version: moved.json().version,
      participantIds: [ids.colleague],
    });
    expect(alone.statusCode).toBe(400);
    const cancelled = await send('POST', `${base()}/${prep.id}/cancel`, as.bystander!, {
      version: moved.json().version,
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    const fill = await send('PUT', `${base()}/${prep.id}/work`, as.bystander!, {
      version: cancelled.json().version,
      result: 'x',
    });
    expect(fill.statusCode).toBe(409);
    const rows = await env.database.db
      .select()
      .from(teamPreparationMembers)
      .where(eq(teamPreparationMembers.preparationId, prep.id));
    expect(rows).toHaveLength(2);
  });

  it('refuses a stale version with 409 and the current preparation, and changes nothing', async () => {
    const prep = await plan();
    const first = await send('PUT', `${base()}/${prep.id}/work`, as.docent!, { version: prep.version, result: 'A' });
    expect(first.statusCode).toBe(200);
    const second = await send('PUT', `${base()}/${prep.id}/work`, as.colleague!, {
      version: prep.version,
      result: 'B',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details).toMatchObject({ reason: 'stale', current: { result: 'A' } });
    expect((await get(`${base()}/${prep.id}`, as.docent!)).json().result).toBe('A');
  });
});

describe('the list and live changes', () => {
  it('lists this week, coming and done preparations in time order', async () => {
    env.app.deps.now = () => new Date('2026-11-24T10:00:00.000Z');
    try {
      const list = (await get(base(), as.bystander!)).json();
      expect(list.today).toBe('2026-11-24');
      expect(list.weekStart).toBe('2026-11-23');
      const at = list.items.map((i: { plannedAt: string }) => i.plannedAt);
      expect([...at].sort()).toEqual(at);
      expect(list.items.length).toBeGreaterThan(3);
    } finally {
      env.app.deps.now = undefined;
    }
  });

  it("announces changes on the team's topic after the commit, and not refused ones", async () => {
    const seen: string[] = [];
    const stop = await env.app.live.subscribe(`team:${exactId}`, (e) => seen.push(e.topic));
    try {
      const prep = await plan();
      await expect.poll(() => seen.length, { timeout: 2000 }).toBe(1);
      await send('PUT', `${base()}/${prep.id}/work`, as.bystander!, { version: prep.version, result: 'Nee' });
      await send('POST', base(), as.docent!, { title: '' });
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toHaveLength(1);
    } finally {
      stop();
    }
  });
});
