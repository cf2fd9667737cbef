import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createBoard,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';

// Forms and a visit from planning to portfolio: validation with field messages, stale versions, the form's copy
// kept by the visit, answers checked against it, the talk, and the evidence in the observed person's plan.

let env: TestEnv;
let board: TestBoard;
let exactId: string;
let observerId: string;
let observedId: string;
let memberId: string;
const as: Record<string, Session> = {};

const get = (url: string, s: Session) => env.app.inject({ method: 'GET', url, headers: s.headers });
const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, s: Session, payload: unknown) =>
  env.app.inject({ method, url, headers: s.headers, payload: payload as object });

const FIELDS = [
  { id: 'start', kind: 'heading', label: 'Begin' },
  { id: 'doel', kind: 'scale', label: 'Het doel is duidelijk' },
  { id: 'tempo', kind: 'check', label: 'Vlot begin' },
  { id: 'vorm', kind: 'choice', label: 'Werkvorm', options: ['Alleen', 'Samen'] },
  { id: 'notitie', kind: 'text', label: 'Wat viel op?' },
];

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  exactId = board.teams.find((t) => t.name === 'Exact')!.id;
  const members = board.memberships.filter((m) => m.teamId === exactId);
  const lead = members.find((m) => m.role === 'teamleider')!.personId;
  const coach = members.find((m) => m.role === 'coach')!.personId;
  const staff = [...new Set(members.filter((m) => m.role === 'docent').map((m) => m.personId))].filter(
    (p) => p !== coach && p !== lead,
  );
  [observerId, observedId, memberId] = [staff[0]!, staff[1]!, staff[2]!];
  as.observer = await sessionFor(env.database, observerId);
  as.observed = await sessionFor(env.database, observedId);
  as.member = await sessionFor(env.database, memberId);
  as.schoolleider = await sessionFor(env.database, board.byRole('schoolleider', 'School Noord').id);
});
afterAll(() => env.close());
afterEach(() => {
  env.app.deps.now = undefined;
});

const formsUrl = () => `/api/teams/${exactId}/forms`;

describe('team forms', () => {
  it('refuses a form without questions, with empty labels, duplicate ids or a choice without options', async () => {
    const cases: [unknown, string][] = [
      [[{ id: 'a', kind: 'heading', label: 'Alleen een kop' }], 'body.fields'],
      [[{ id: 'a', kind: 'text', label: '   ' }], 'body.fields.0.label'],
      [
        [
          { id: 'a', kind: 'text', label: 'Een' },
          { id: 'a', kind: 'text', label: 'Twee' },
        ],
        'body.fields.1.id',
      ],
      [[{ id: 'a', kind: 'choice', label: 'Kies', options: ['Alleen'] }], 'body.fields.0.options'],
      [[{ id: 'a', kind: 'text', label: 'Vraag', options: ['x', 'y'] }], 'body.fields.0.options'],
      [[{ id: 'A B', kind: 'text', label: 'Vraag' }], 'body.fields.0.id'],
      [[{ id: 'a', kind: 'text', label: 'x'.repeat(301) }], 'body.fields.0.label'],
      [Array.from({ length: 61 }, (_, i) => ({ id: `f${i}`, kind: 'text', label: 'Vraag' })), 'body.fields'],
    ];
    for (const [fields, path] of cases) {
      const res = await send('POST', formsUrl(), as.observer!, { purpose: 'visit', title: 'Fout', fields });
      expect(res.statusCode, JSON.stringify(fields).slice(0, 80)).toBe(400);
      const paths = res.json().error.details.map((d: { path: string }) => d.path);
      expect(paths, res.body).toContain(path);
    }
    const noTitle = await send('POST', formsUrl(), as.observer!, { purpose: 'visit', title: '', fields: FIELDS });
    expect(noTitle.json().error.details[0]).toMatchObject({
      path: 'body.title',
      message: 'Geef het formulier een titel.',
    });
  });

  it('creates, lists by purpose, edits with a version (409 when stale) and archives', async () => {
    const created = await send('POST', formsUrl(), as.observer!, {
      purpose: 'preparation',
      title: 'Voorbereiding',
      fields: [{ id: 'doel', kind: 'text', label: 'Doel van de les' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const form = created.json();
    const list = await get(`${formsUrl()}?purpose=preparation`, as.member!);
    expect(list.json().items.map((f: { id: string }) => f.id)).toContain(form.id);
    expect(
      (await get(`${formsUrl()}?purpose=visit`, as.member!)).json().items.map((f: { id: string }) => f.id),
    ).not.toContain(form.id);
    // School leadership may look at the team's forms but not change them.
    expect((await get(formsUrl(), as.schoolleider!)).json().abilities).toEqual({ edit: false });
    const byLeader = await send('PUT', `${formsUrl()}/${form.id}`, as.schoolleider!, {
      version: 1,
      title: 'Anders',
      fields: form.fields,
    });
    expect(byLeader.statusCode).toBe(403);

    const edited = await send('PUT', `${formsUrl()}/${form.id}`, as.member!, {
      version: 1,
      title: 'Voorbereiding v2',
      fields: [...form.fields, { id: 'check', kind: 'check', label: 'Doel op het bord' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().version).toBe(2);
    const stale = await send('PUT', `${formsUrl()}/${form.id}`, as.observer!, {
      version: 1,
      title: 'Oud',
      fields: form.fields,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.title).toBe('Voorbereiding v2');

    const archived = await send('POST', `${formsUrl()}/${form.id}/archive`, as.observer!, { version: 2 });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archived).toBe(true);
    expect((await get(formsUrl(), as.member!)).json().items.map((f: { id: string }) => f.id)).not.toContain(form.id);
    expect(
      (await get(`${formsUrl()}?archived=true`, as.member!)).json().items.map((f: { id: string }) => f.id),
    ).toContain(form.id);
  });

  it('offers starting forms for visits and for preparation', async () => {
    const res = await get(`${formsUrl()}/examples`, as.member!);
    expect(res.statusCode).toBe(200);
    const purposes = res.json().items.map((e: { purpose: string }) => e.purpose);
    expect(purposes.filter((p: string) => p === 'visit')).toHaveLength(3);
    expect(purposes.filter((p: string) => p === 'preparation')).toHaveLength(2);
    // Every starting form is itself a valid form.
    for (const example of res.json().items) {
      const made = await send('POST', formsUrl(), as.member!, {
        purpose: example.purpose,
        title: example.title,
        description: example.description,
        fields: example.fields,
      });
      expect(made.statusCode, made.body).toBe(201);
    }
  });
});

describe('a visit from planning to portfolio', () => {
  it('keeps its copy of the form, checks answers, records the talk and lands in the plan as evidence', async () => {
    const form = (
      await send('POST', formsUrl(), as.observed!, { purpose: 'visit', title: 'Kijkwijzer', fields: FIELDS })
    ).json();
    const goal = await send('POST', '/api/development/goals', as.observed!, { title: 'Activerend lesgeven' });
    expect(goal.statusCode, goal.body).toBe(201);
    const otherGoal = await send('POST', '/api/development/goals', as.observer!, { title: 'Van de ander' });

    const now = new Date('2030-03-05T08:00:00Z'); // a Tuesday
    env.app.deps.now = () => now;
    const planBody = {
      observerId,
      observedId,
      kind: 'lesson',
      scheduledAt: '2030-03-06T09:00:00+01:00',
      durationMinutes: 45,
      location: 'Lokaal 3',
      learningQuestion: 'Zijn alle leerlingen actief?',
      formId: form.id,
    };
    const foreignGoal = await send('POST', `/api/teams/${exactId}/visits`, as.observed!, {
      ...planBody,
      developmentGoalId: otherGoal.json().id,
    });
    expect(foreignGoal.statusCode).toBe(400);
    expect(foreignGoal.json().error.details[0].path).toBe('developmentGoalId');

    const planned = await send('POST', `/api/teams/${exactId}/visits`, as.observed!, {
      ...planBody,
      developmentGoalId: goal.json().id,
    });
    expect(planned.statusCode, planned.body).toBe(201);
    let visit = planned.json();
    expect(visit).toMatchObject({
      status: 'planned',
      role: 'observed',
      developmentGoal: { title: 'Activerend lesgeven' },
    });
    const url = `/api/teams/${exactId}/visits/${visit.id}`;

    // Changing the form later does not change the visit.
    await send('PUT', `${formsUrl()}/${form.id}`, as.observer!, {
      version: form.version,
      title: 'Kijkwijzer nieuw',
      fields: [{ id: 'iets', kind: 'text', label: 'Iets anders' }],
    });
    visit = (await get(url, as.observer!)).json();
    expect(visit.form.title).toBe('Kijkwijzer');
    expect(visit.form.fields).toEqual(FIELDS);

    // Only the observer answers, and only within the copy's fields.
    const byObserved = await send('PUT', `${url}/answers`, as.observed!, { version: visit.version, answers: {} });
    expect(byObserved.statusCode).toBe(403);
    const wrong = await send('PUT', `${url}/answers`, as.observer!, {
      version: visit.version,
      answers: { doel: 7, vorm: 'Anders', iets: 'x', start: 'kop' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(
      wrong
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.answers.doel', 'body.answers.iets', 'body.answers.start', 'body.answers.vorm']);
    const answers = { doel: 3, tempo: true, vorm: 'Samen', notitie: 'Iedereen werkte mee' };
    const saved = await send('PUT', `${url}/answers`, as.observer!, { version: visit.version, answers });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await send('PUT', `${url}/answers`, as.observer!, { version: visit.version, answers: {} });
    expect(stale.statusCode).toBe(409);
    visit = saved.json();

    // Not done before its day; the talk only after.
    expect((await send('POST', `${url}/done`, as.observer!, { version: visit.version })).statusCode).toBe(409);
    const talk = { observation: 'Ik zag', effect: 'Dat gaf', reaction: 'Ik herken', suggestions: 'Probeer' };
    expect((await send('PUT', `${url}/feedback`, as.observed!, { version: visit.version, ...talk })).statusCode).toBe(
      409,
    );
    expect((await send('POST', `${url}/evidence`, as.observed!, { version: visit.version })).statusCode).toBe(409);

    env.app.deps.now = () => new Date('2030-03-06T10:00:00Z');
    const done = await send('POST', `${url}/done`, as.observer!, { version: visit.version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'observed', abilities: { feedback: true, markDone: false } });
    const recorded = await send('PUT', `${url}/feedback`, as.observed!, { version: done.json().version, ...talk });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({
      status: 'discussed',
      feedback: { ...talk, recordedBy: { id: observedId } },
    });
    // Both see it.
    expect((await get(url, as.observer!)).json().feedback.suggestions).toBe('Probeer');

    // Only the observed person adds it to their portfolio, once.
    const byObserver = await send('POST', `${url}/evidence`, as.observer!, { version: recorded.json().version });
    expect(byObserver.statusCode).toBe(403);
    const added = await send('POST', `${url}/evidence`, as.observed!, { version: recorded.json().version });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().evidenceId).toEqual(expect.any(String));
    const again = await send('POST', `${url}/evidence`, as.observed!, { version: added.json().version });
    expect(again.statusCode).toBe(409);

    const plan = (await get('/api/development/me', as.observed!)).json();
    const onGoal = plan.goals.find((g: { id: string }) => g.id === goal.json().id);
    expect(onGoal.evidence).toHaveLength(1);
    expect(onGoal.evidence[0]).toMatchObject({
      id: added.json().evidenceId,
      title: expect.stringContaining('Lesbezoek'),
    });
    expect(onGoal.evidence[0].url).toContain(`/team/${exactId}/bezoeken/${visit.id}`);
  });

  it('reschedules and cancels with a reason while planned, then refuses further changes', async () => {
    const form = (
      await send('POST', formsUrl(), as.observer!, { purpose: 'visit', title: 'Kort', fields: FIELDS.slice(1, 2) })
    ).json();
    const visit = (
      await send('POST', `/api/teams/${exactId}/visits`, as.observer!, {
        observerId,
        observedId,
        kind: 'work',
        scheduledAt: '2031-01-07T10:00:00+01:00',
        durationMinutes: 20,
        formId: form.id,
      })
    ).json();
    const url = `/api/teams/${exactId}/visits/${visit.id}`;
    const moved = await send('PATCH', url, as.observed!, {
      version: visit.version,
      scheduledAt: '2031-01-08T11:00:00+01:00',
      durationMinutes: 30,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ scheduledAt: '2031-01-08T10:00:00.000Z', durationMinutes: 30 });
    const noReason = await send('POST', `${url}/cancel`, as.observer!, { version: moved.json().version, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const cancelled = await send('POST', `${url}/cancel`, as.observer!, {
      version: moved.json().version,
      reason: 'Ziek',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelledReason: 'Ziek' });
    const after = await send('PATCH', url, as.observed!, { version: cancelled.json().version, durationMinutes: 40 });
    expect(after.statusCode).toBe(409);
    // A member who is not one of the two cannot change it.
    expect((await send('PATCH', url, as.member!, { version: cancelled.json().version })).statusCode).toBe(404);
  });

  it('shows planned visits on the board of this and next week and counts the held ones per week', async () => {
    env.app.deps.now = () => new Date('2030-03-06T12:00:00Z');
    const res = await get(`/api/teams/${exactId}/board`, as.member!);
    expect(res.statusCode, res.body).toBe(200);
    const thisWeek = res.json().planning.weeks[0];
    expect(thisWeek.weekStart).toBe('2030-03-04');
    expect(thisWeek.visits).toEqual([
      expect.objectContaining({
        day: '2030-03-06',
        status: 'discussed',
        observer: expect.objectContaining({ id: observerId }),
      }),
    ]);
    expect(res.body).not.toContain('Zijn alle leerlingen actief');
    expect(res.json().practice.weeks.at(-1)).toEqual({ weekStart: '2030-03-04', visits: 1, preparations: 0 });
  });
});
