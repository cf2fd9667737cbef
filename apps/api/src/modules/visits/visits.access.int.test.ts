import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { organisationTables as ot } from '../organisation/index.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';

// Who sees what of a visit: the team sees that it is planned; the learning question, the answers and the talk are
// for the observer and the observed person, and for the observed person's leidinggevende only after sharing (read
// audited). Everyone else gets 404 on the content; school leadership and outsiders get 404 on the list too.

let env: TestEnv;
let board: TestBoard;
let other: TestBoard;
let exactId: string;
let talenId: string;
const id: Record<string, string> = {};
const as: Record<string, Session> = {};
let formId: string;
let visitId: string;

const get = (url: string, s: Session) => env.app.inject({ method: 'GET', url, headers: s.headers });
const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, s: Session, payload: unknown) =>
  env.app.inject({ method, url, headers: s.headers, payload: payload as object });

const LESSON_FORM = {
  purpose: 'visit',
  title: 'Kijkwijzer',
  fields: [
    { id: 'start', kind: 'heading', label: 'Begin' },
    { id: 'doel', kind: 'scale', label: 'Het doel is duidelijk' },
    { id: 'notitie', kind: 'text', label: 'Wat viel op?' },
  ],
};

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  other = await createBoard(env.database);
  const exact = board.teams.find((t) => t.name === 'Exact')!;
  exactId = exact.id;
  talenId = board.teams.find((t) => t.name === 'Talen')!.id;
  const members = board.memberships.filter((m) => m.teamId === exactId);
  const lead = members.find((m) => m.role === 'teamleider')!.personId;
  const coach = members.find((m) => m.role === 'coach')!.personId;
  const staff = [...new Set(members.filter((m) => m.role === 'docent').map((m) => m.personId))].filter(
    (p) => p !== coach && p !== lead,
  );
  const manager = await createPerson(env.database, board, { roles: [] });
  Object.assign(id, {
    observer: staff[0]!,
    observed: staff[1]!,
    member: staff[2]!,
    teamleider: lead,
    coach,
    manager: manager.id,
    schoolleider: board.byRole('schoolleider', 'School Noord').id,
    otherTeam: board.memberships.find((m) => m.teamId === talenId && m.role === 'docent')!.personId,
    hr: board.byRole('hr').id,
    otherBoard: other.byRole('beheerder').id,
  });
  // The observed person's only leidinggevende is `manager` (not someone of the team).
  await env.database.db
    .delete(ot.lineManagers)
    .where(and(eq(ot.lineManagers.boardId, board.boardId), eq(ot.lineManagers.employeeId, id.observed!)));
  await env.database.db
    .insert(ot.lineManagers)
    .values({ boardId: board.boardId, managerId: id.manager!, employeeId: id.observed! });
  for (const [who, personId] of Object.entries(id)) as[who] = await sessionFor(env.database, personId);

  const form = await send('POST', `/api/teams/${exactId}/forms`, as.observer!, LESSON_FORM);
  expect(form.statusCode, form.body).toBe(201);
  formId = form.json().id;
  const visit = await send('POST', `/api/teams/${exactId}/visits`, as.observer!, {
    observerId: id.observer,
    observedId: id.observed,
    kind: 'lesson',
    scheduledAt: new Date(Date.now() - 3600_000).toISOString(),
    durationMinutes: 30,
    location: 'Lokaal 12',
    learningQuestion: 'Komen alle leerlingen aan het werk?',
    formId,
  });
  expect(visit.statusCode, visit.body).toBe(201);
  visitId = visit.json().id;
  let version = visit.json().version;
  const answered = await send('PUT', `/api/teams/${exactId}/visits/${visitId}/answers`, as.observer!, {
    version,
    answers: { doel: 3, notitie: 'Rustig begin' },
  });
  expect(answered.statusCode, answered.body).toBe(200);
  version = answered.json().version;
  const done = await send('POST', `/api/teams/${exactId}/visits/${visitId}/done`, as.observer!, { version });
  expect(done.statusCode, done.body).toBe(200);
});
afterAll(() => env.close());

const contentUrl = () => `/api/teams/${exactId}/visits/${visitId}`;

describe('the list of visits', () => {
  it.each(['observer', 'observed', 'member', 'teamleider', 'coach'])(
    '%s of the team sees who visits whom, never the content',
    async (who) => {
      const res = await get(`/api/teams/${exactId}/visits`, as[who]!);
      expect(res.statusCode, res.body).toBe(200);
      const item = res.json().items.find((v: { id: string }) => v.id === visitId);
      expect(item).toMatchObject({ observer: { id: id.observer }, observed: { id: id.observed }, status: 'observed' });
      expect(res.body).not.toContain('Komen alle leerlingen');
      expect(res.body).not.toContain('Rustig begin');
      expect(item.mine).toBe(who === 'observer' || who === 'observed');
    },
  );

  it.each(['schoolleider', 'otherTeam', 'hr', 'manager', 'otherBoard'])('%s gets 404 on the list', async (who) => {
    expect((await get(`/api/teams/${exactId}/visits`, as[who]!)).statusCode).toBe(404);
  });

  it('shows school leadership only counts on the board, no names of visits', async () => {
    const res = await get(`/api/teams/${exactId}/board`, as.schoolleider!);
    expect(res.statusCode, res.body).toBe(200);
    const planning = res.json().planning;
    for (const week of planning.weeks) expect(week.visits).toEqual([]);
    const counted = res.json().practice.weeks.reduce((n: number, w: { visits: number }) => n + w.visits, 0);
    expect(counted).toBe(1);
  });
});

describe('the content of a visit', () => {
  it.each(['observer', 'observed'])('%s reads it', async (who) => {
    const res = await get(contentUrl(), as[who]!);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ learningQuestion: 'Komen alle leerlingen aan het werk?', role: who });
    expect(res.json().answers).toEqual({ doel: 3, notitie: 'Rustig begin' });
  });

  it.each(['member', 'teamleider', 'coach', 'schoolleider', 'otherTeam', 'hr', 'manager', 'otherBoard'])(
    '%s gets 404 while it is not shared',
    async (who) => {
      const res = await get(contentUrl(), as[who]!);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Komen alle leerlingen');
    },
  );

  it('is not found through another team', async () => {
    expect((await get(`/api/teams/${talenId}/visits/${visitId}`, as.observer!)).statusCode).toBe(404);
  });

  it('opens for the leidinggevende only after the observed person shares it, audited, and closes again', async () => {
    const before = (await get(contentUrl(), as.observed!)).json();
    const byObserver = await send('PUT', `${contentUrl()}/share`, as.observer!, {
      version: before.version,
      shared: true,
    });
    expect(byObserver.statusCode).toBe(403);

    const shared = await send('PUT', `${contentUrl()}/share`, as.observed!, { version: before.version, shared: true });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json().sharedAt).not.toBeNull();

    const read = await get(contentUrl(), as.manager!);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ role: 'manager', answers: { doel: 3 } });
    expect(read.json().abilities).toMatchObject({ edit: false, answer: false, feedback: false, share: false });
    const entries = await env.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.boardId, board.boardId), eq(auditLog.action, 'visit.read')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: id.manager, subjectPersonId: id.observed, targetId: visitId });
    // Reading it as the two of them is not audited.
    await get(contentUrl(), as.observed!);
    // The leidinggevende reads, does not change.
    const change = await send('PUT', `${contentUrl()}/feedback`, as.manager!, {
      version: read.json().version,
      observation: 'x',
      effect: '',
      reaction: '',
      suggestions: '',
    });
    expect(change.statusCode).toBe(403);
    // Sharing with the leidinggevende opens nothing for the team.
    for (const who of ['member', 'teamleider', 'coach', 'schoolleider'])
      expect((await get(contentUrl(), as[who]!)).statusCode).toBe(404);

    const back = await send('PUT', `${contentUrl()}/share`, as.observed!, {
      version: shared.json().version,
      shared: false,
    });
    expect(back.statusCode, back.body).toBe(200);
    expect((await get(contentUrl(), as.manager!)).statusCode).toBe(404);
  });

  it('lets nobody but the two change it', async () => {
    const { version } = (await get(contentUrl(), as.observer!)).json();
    for (const who of ['member', 'teamleider', 'schoolleider', 'otherBoard']) {
      const res = await send('PUT', `${contentUrl()}/feedback`, as[who]!, {
        version,
        observation: 'Niet van mij',
        effect: '',
        reaction: '',
        suggestions: '',
      });
      expect(res.statusCode).toBe(404);
    }
  });
});

describe('planning a visit', () => {
  const plan = (s: Session, body: Record<string, unknown>) =>
    send('POST', `/api/teams/${exactId}/visits`, s, {
      kind: 'lesson',
      scheduledAt: '2030-03-04T09:00:00+01:00',
      durationMinutes: 30,
      formId,
      ...body,
    });

  it('needs the planner to be one of the two, two different members of the team', async () => {
    const third = await plan(as.member!, { observerId: id.observer, observedId: id.observed });
    expect(third.statusCode).toBe(400);
    const same = await plan(as.observer!, { observerId: id.observer, observedId: id.observer });
    expect(same.statusCode).toBe(400);
    const outsider = await plan(as.observer!, { observerId: id.observer, observedId: id.otherTeam });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.details[0].path).toBe('observedId');
    const leader = await plan(as.schoolleider!, { observerId: id.schoolleider, observedId: id.observed });
    expect(leader.statusCode).toBe(403);
    const stranger = await plan(as.otherTeam!, { observerId: id.otherTeam, observedId: id.observed });
    expect(stranger.statusCode).toBe(404);
  });

  it('validates duration and the form', async () => {
    const short = await plan(as.observer!, { observerId: id.observer, observedId: id.observed, durationMinutes: 2 });
    expect(short.statusCode).toBe(400);
    const long = await plan(as.observer!, { observerId: id.observer, observedId: id.observed, durationMinutes: 300 });
    expect(long.statusCode).toBe(400);
    const talenForm = await send('POST', `/api/teams/${talenId}/forms`, as.otherTeam!, LESSON_FORM);
    const foreign = await plan(as.observer!, {
      observerId: id.observer,
      observedId: id.observed,
      formId: talenForm.json().id,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('formId');
  });
});
