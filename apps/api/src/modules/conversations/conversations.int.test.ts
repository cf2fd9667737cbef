import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { extractText } from 'unpdf';
import {
  createBoard,
  createPerson,
  latestMailTo,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { cycleTables } from '../cycle/index.ts';
import { developmentTables } from '../development/index.ts';
import { organisationTables } from '../organisation/index.ts';
import { conversations as conversationsTable, hrAccessGrants } from './conversations.schema.ts';
import { exportConversations, findConversationTasks, sendConversationReminders } from './index.ts';

let env: TestEnv;
let board: TestBoard;
let other: TestBoard;
let kindId: string;
let otherSchoolKindId: string;
let schoolYearId: string;
let roleFormId: string;
const people = {} as Record<
  'manager' | 'employee' | 'wpb' | 'otherManager' | 'leader' | 'hr' | 'admin' | 'colleague' | 'secondLine',
  { id: string; email: string }
>;
const s = {} as Record<keyof typeof people | 'intruder', Session>;

const DAY = 24 * 3600_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  other = await createBoard(env.database);
  const db = env.database.db;
  const noord = board.schools.find((x) => x.name === 'School Noord')!;
  const zuid = board.schools.find((x) => x.name === 'School Zuid')!;
  const exact = board.teams.find((x) => x.name === 'Exact')!;
  const talen = board.teams.find((x) => x.name === 'Talen')!;
  const inTeam = (role: string, teamId: string) =>
    board.memberships
      .filter((m) => m.role === role && m.teamId === teamId)
      .map((m) => board.people.find((p) => p.id === m.personId)!);
  people.manager = inTeam('teamleider', exact.id)[0]!;
  const exactDocents = inTeam('docent', exact.id);
  people.employee = exactDocents[0]!;
  people.wpb = inTeam('werkplekbegeleider', exact.id)[0]!;
  people.otherManager = inTeam('teamleider', talen.id)[0]!;
  people.colleague = inTeam('docent', talen.id)[0]!;
  people.leader = board.byRole('schoolleider', 'School Noord');
  people.hr = board.byRole('hr');
  people.admin = board.byRole('beheerder');
  people.secondLine = await createPerson(env.database, board, { roles: [{ role: 'mt_lid', schoolId: noord.id }] });
  for (const key of Object.keys(people) as (keyof typeof people)[])
    s[key] = await sessionFor(env.database, people[key].id);
  s.intruder = await sessionFor(env.database, other.byRole('beheerder').id);

  const [reflection] = await db
    .insert(cycleTables.conversationForms)
    .values({
      boardId: board.boardId,
      schoolId: noord.id,
      purpose: 'reflection',
      name: 'Terugblik',
      items: [
        { id: 'proud', text: 'Waar ben je trots op?' },
        { id: 'grow', text: 'Waarin wil je groeien?' },
      ],
    })
    .returning();
  const [questions] = await db
    .insert(cycleTables.conversationForms)
    .values({
      boardId: board.boardId,
      schoolId: noord.id,
      purpose: 'questions',
      name: 'Vragen algemeen',
      items: [{ id: 'q1', text: 'Hoe gaat het met je lessen?' }],
    })
    .returning();
  const [roleForm] = await db
    .insert(cycleTables.conversationForms)
    .values({
      boardId: board.boardId,
      schoolId: noord.id,
      purpose: 'questions',
      name: 'Vragen werkplekbegeleider',
      role: 'werkplekbegeleider',
      items: [{ id: 'w1', text: 'Hoe begeleid je je student?' }],
    })
    .returning();
  roleFormId = roleForm!.id;
  const [kind] = await db
    .insert(cycleTables.conversationKinds)
    .values({
      boardId: board.boardId,
      schoolId: noord.id,
      key: 'voortgang',
      name: 'Voortgangsgesprek',
      reflectionFormId: reflection!.id,
      questionFormId: questions!.id,
    })
    .returning();
  kindId = kind!.id;
  const [zuidKind] = await db
    .insert(cycleTables.conversationKinds)
    .values({ boardId: board.boardId, schoolId: zuid.id, key: 'planning', name: 'Planningsgesprek' })
    .returning();
  otherSchoolKindId = zuidKind!.id;
  const [year] = await db
    .insert(cycleTables.schoolYears)
    .values({
      boardId: board.boardId,
      schoolId: noord.id,
      name: 'Dit schooljaar',
      startsOn: day(-200),
      endsOn: day(200),
    })
    .returning();
  schoolYearId = year!.id;
  await db
    .insert(organisationTables.lineManagers)
    .values({ boardId: board.boardId, managerId: people.secondLine.id, employeeId: people.employee.id });
});
afterAll(() => env.close());

const get = (url: string, who: Session) => env.app.inject({ method: 'GET', url, headers: who.headers });
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, who: Session, payload?: object) =>
  env.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

const plan = (who: Session, over: Record<string, unknown> = {}) =>
  send('POST', '/api/conversations', who, {
    employeeId: people.employee.id,
    kindId,
    scheduledAt: new Date(Date.now() + 14 * DAY).toISOString(),
    durationMinutes: 45,
    location: 'Lokaal 12',
    preparationDueOn: day(10),
    ...over,
  });

async function readAudits(action: string, actorId: string) {
  return env.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.actorId, actorId)))
    .orderBy(desc(auditLog.at));
}

/** Marks a conversation held with the app's clock an hour past its start: before the start it is refused. */
async function holdAfterStart(id: string, version: number, scheduledAt: string, who: Session = s.manager) {
  env.app.deps.now = () => new Date(new Date(scheduledAt).getTime() + 3600_000);
  try {
    return await send('POST', `/api/conversations/${id}/held`, who, { version });
  } finally {
    env.app.deps.now = undefined;
  }
}

describe('planning', () => {
  it('lets the line manager plan and invites the employee with a calendar file', async () => {
    const at = new Date('2030-03-12T13:30:00.000Z'); // 14:30 in Amsterdam (winter time)
    const res = await plan(s.manager, { scheduledAt: '2030-03-12T14:30:00+01:00' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.state).toBe('planned');
    expect(body.side).toBe('manager');
    expect(body.scheduledAt).toBe(at.toISOString());
    expect(body.preparation.form.items).toHaveLength(2);
    expect(body.questions.name).toBe('Vragen algemeen');
    expect(body.schoolYear).toBeNull(); // 2030 lies outside every configured school year
    const mail = await latestMailTo(env.database, people.employee.email);
    expect(mail!.subject).toContain('Voortgangsgesprek'.toLowerCase());
    expect(mail!.text).toContain(`/gesprekken/${body.id}`);
    expect(mail!.text).toContain('14:30');
    const ics = mail!.attachments[0]!;
    expect(ics.filename).toBe('gesprek.ics');
    expect(ics.contentType).toContain('method=REQUEST');
    expect(ics.content).toContain('METHOD:REQUEST');
    expect(ics.content).toContain('DTSTART:20300312T133000Z');
    expect(ics.content).toContain(`UID:conversation-${body.id}@groeipad`);
    expect(ics.content).toContain('SEQUENCE:0');
  });

  it('sets the school year and the role question set', async () => {
    const wpb = await send('POST', '/api/conversations', s.manager, {
      employeeId: people.wpb.id,
      kindId,
      scheduledAt: new Date(Date.now() + 7 * DAY).toISOString(),
      durationMinutes: 30,
      location: '',
    });
    expect(wpb.statusCode).toBe(201);
    expect(wpb.json().schoolYear.id).toBe(schoolYearId);
    expect(wpb.json().questions.id).toBe(roleFormId);
  });

  it('refuses anyone who is not a line manager, unknown people and foreign kinds', async () => {
    expect((await plan(s.leader)).statusCode).toBe(403);
    expect((await plan(s.otherManager)).statusCode).toBe(403);
    expect((await plan(s.employee)).statusCode).toBe(403);
    expect((await plan(s.manager, { employeeId: other.byRole('docent').id })).statusCode).toBe(404);
    expect((await plan(s.intruder)).statusCode).toBe(404);
    const foreign = await plan(s.manager, { kindId: otherSchoolKindId });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('kindId');
    const late = await plan(s.manager, { preparationDueOn: day(30) });
    expect(late.statusCode).toBe(400);
    expect((await plan(s.manager, { scheduledAt: 'volgende week' })).statusCode).toBe(400);
  });

  it('offers the manager their reports and kinds', async () => {
    const res = (await get('/api/conversations/plan-options', s.manager)).json();
    const employee = res.employees.find((e: { id: string }) => e.id === people.employee.id);
    expect(employee.kinds.map((k: { id: string }) => k.id)).toContain(kindId);
    expect((await get('/api/conversations/plan-options', s.employee)).json().employees).toEqual([]);
  });
});

describe('who can see a conversation', () => {
  let id: string;
  beforeAll(async () => {
    id = (await plan(s.manager)).json().id;
  });

  it('shows it to the employee, the manager and current line managers, with who and why', async () => {
    const mine = await get(`/api/conversations/${id}`, s.employee);
    expect(mine.statusCode).toBe(200);
    const viewers = mine.json().viewers as { id: string; reasons: string[] }[];
    expect(viewers.find((v) => v.id === people.employee.id)!.reasons).toEqual(['employee']);
    expect(viewers.find((v) => v.id === people.manager.id)!.reasons).toEqual(['manager', 'line_manager']);
    expect(viewers.find((v) => v.id === people.secondLine.id)!.reasons).toEqual(['line_manager']);
    expect((await get(`/api/conversations/${id}`, s.manager)).statusCode).toBe(200);
    expect((await get(`/api/conversations/${id}`, s.secondLine)).statusCode).toBe(200);
  });

  it("hides it from a schoolleider who is not the manager, another team's manager, beheer and other boards", async () => {
    for (const who of [s.leader, s.otherManager, s.admin, s.colleague, s.hr, s.intruder]) {
      expect((await get(`/api/conversations/${id}`, who)).statusCode).toBe(404);
      expect((await get(`/api/conversations/${id}/report.pdf`, who)).statusCode).toBe(404);
    }
  });

  it('shows it to someone the employee shares it with, until the share is removed', async () => {
    expect(
      (await send('POST', `/api/conversations/${id}/shares`, s.manager, { personId: people.colleague.id })).statusCode,
    ).toBe(403);
    const shared = await send('POST', `/api/conversations/${id}/shares`, s.employee, { personId: people.colleague.id });
    expect(shared.statusCode).toBe(201);
    expect(shared.json().shares.map((p: { id: string }) => p.id)).toEqual([people.colleague.id]);
    const seen = await get(`/api/conversations/${id}`, s.colleague);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().side).toBe('viewer');
    expect(seen.json().abilities.sign).toBe(false);
    const foreign = await send('POST', `/api/conversations/${id}/shares`, s.employee, {
      personId: other.byRole('docent').id,
    });
    expect(foreign.statusCode).toBe(400);
    const found = await get(
      `/api/conversations/${id}/share-candidates?search=${encodeURIComponent(people.colleague.email)}`,
      s.employee,
    );
    expect(found.json().items).toEqual([]); // already shared
    expect(
      (await send('DELETE', `/api/conversations/${id}/shares/${people.colleague.id}`, s.employee)).statusCode,
    ).toBe(200);
    expect((await get(`/api/conversations/${id}`, s.colleague)).statusCode).toBe(404);
  });

  it('lets HR read only with a stated reason, audited, for a limited time', async () => {
    const url = `/api/people/${people.employee.id}/conversation-access`;
    expect((await send('POST', url, s.hr, { reason: 'kort' })).statusCode).toBe(400);
    expect((await send('POST', url, s.leader, { reason: 'Ik wil even meekijken in het dossier' })).statusCode).toBe(
      403,
    );
    expect((await send('POST', url, s.intruder, { reason: 'Ik wil even meekijken in het dossier' })).statusCode).toBe(
      404,
    );
    expect((await get(`/api/conversations?employeeId=${people.employee.id}`, s.hr)).statusCode).toBe(404);
    const granted = await send('POST', url, s.hr, { reason: 'Klacht over begeleiding, dossieronderzoek' });
    expect(granted.statusCode).toBe(201);
    expect(new Date(granted.json().expiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    const [grantAudit] = await readAudits('conversation.hr_access', people.hr.id);
    expect(grantAudit!.details).toMatchObject({ reason: 'Klacht over begeleiding, dossieronderzoek' });
    const res = await get(`/api/conversations/${id}`, s.hr);
    expect(res.statusCode).toBe(200);
    expect(res.json().viewers.find((v: { id: string }) => v.id === people.hr.id).reasons).toEqual(['hr_grant']);
    const list = await get(`/api/conversations?employeeId=${people.employee.id}`, s.hr);
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(id);
    // An expired grant no longer opens anything.
    await env.database.db
      .update(hrAccessGrants)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(hrAccessGrants.hrPersonId, people.hr.id));
    expect((await get(`/api/conversations/${id}`, s.hr)).statusCode).toBe(404);
  });

  it('lets HR end their access early; the employee sees who had access, when and why', async () => {
    const base = `/api/people/${people.employee.id}/conversation-access`;
    const reason = 'Gesprek over werkdruk, dossier nalezen';
    const grant = (await send('POST', base, s.hr, { reason })).json();
    expect(grant).toMatchObject({ employeeId: people.employee.id, reason });
    const own = await get(base, s.hr);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((g: { id: string }) => g.id)).toEqual([grant.id]);
    expect((await get(base, s.leader)).statusCode).toBe(403);
    expect((await get(base, s.intruder)).statusCode).toBe(404);

    // The employee sees every grant with its reason; the manager sees HR among the readers, not the reason.
    const mine = (await get(`/api/conversations/${id}`, s.employee)).json();
    expect(mine.hrAccess[0]).toMatchObject({
      id: grant.id,
      hr: { id: people.hr.id },
      reason,
      grantedAt: grant.grantedAt,
      until: grant.expiresAt,
      active: true,
    });
    expect(mine.hrAccess[1]).toMatchObject({ reason: 'Klacht over begeleiding, dossieronderzoek', active: false });
    expect((await get(`/api/conversations/${id}`, s.manager)).json().hrAccess).toEqual([]);

    const otherHr = await createPerson(env.database, board, { roles: [{ role: 'hr' }] });
    const otherHrSession = await sessionFor(env.database, otherHr.id);
    expect((await send('DELETE', `${base}/${grant.id}`, otherHrSession)).statusCode).toBe(404);
    expect((await send('DELETE', `${base}/${grant.id}`, s.leader)).statusCode).toBe(403);
    expect(
      (await send('DELETE', `/api/people/${people.wpb.id}/conversation-access/${grant.id}`, s.hr)).statusCode,
    ).toBe(404);

    const ended = await send('DELETE', `${base}/${grant.id}`, s.hr);
    expect(ended.statusCode).toBe(200);
    expect(new Date(ended.json().expiresAt).getTime()).toBeLessThanOrEqual(Date.now());
    const [entry] = await readAudits('conversation.access_revoked', people.hr.id);
    expect(entry!.subjectPersonId).toBe(people.employee.id);
    expect(entry!.details).toMatchObject({ grantId: grant.id, reason, plannedUntil: grant.expiresAt });
    expect((await get(`/api/conversations/${id}`, s.hr)).statusCode).toBe(404);
    expect((await get(`/api/conversations?employeeId=${people.employee.id}`, s.hr)).statusCode).toBe(404);
    expect((await get(base, s.hr)).json().items).toEqual([]);
    const again = await send('DELETE', `${base}/${grant.id}`, s.hr);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Deze inzage is al afgelopen.');

    const after = (await get(`/api/conversations/${id}`, s.employee)).json();
    expect(after.hrAccess[0]).toMatchObject({ id: grant.id, active: false, until: ended.json().expiresAt });
    expect(after.viewers.some((v: { reasons: string[] }) => v.reasons.includes('hr_grant'))).toBe(false);
  });

  it('audits every read by someone other than the employee', async () => {
    const before = (await readAudits('conversation.read', people.secondLine.id)).length;
    await get(`/api/conversations/${id}`, s.secondLine);
    const after = await readAudits('conversation.read', people.secondLine.id);
    expect(after.length).toBe(before + 1);
    expect(after[0]!.subjectPersonId).toBe(people.employee.id);
    const own = (await readAudits('conversation.read', people.employee.id)).length;
    await get(`/api/conversations/${id}`, s.employee);
    expect((await readAudits('conversation.read', people.employee.id)).length).toBe(own);
  });

  it('lists conversations per side', async () => {
    const mine = (await get('/api/conversations?role=employee', s.employee)).json();
    expect(mine.items.map((c: { id: string }) => c.id)).toContain(id);
    const team = (await get('/api/conversations?role=manager&when=upcoming', s.manager)).json();
    expect(team.items.map((c: { id: string }) => c.id)).toContain(id);
    const stranger = (await get('/api/conversations?role=manager', s.otherManager)).json();
    expect(stranger.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await get(`/api/conversations?employeeId=${people.employee.id}`, s.otherManager)).statusCode).toBe(404);
    expect((await get(`/api/conversations?role=manager&schoolYearId=${schoolYearId}`, s.manager)).statusCode).toBe(200);
    const open = (await get('/api/conversations?role=manager&when=open&pageSize=200', s.manager)).json();
    expect(open.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(
      open.items.every((c: { state: string }) => ['planned', 'preparing', 'held', 'report_draft'].includes(c.state)),
    ).toBe(true);
  });
});

describe('preparation, reschedule and cancel', () => {
  let id: string;
  let version: number;
  beforeAll(async () => {
    const res = (await plan(s.manager)).json();
    id = res.id;
    version = res.version;
  });

  it('lets only the employee prepare; the first save moves it to preparing', async () => {
    const url = `/api/conversations/${id}/preparation`;
    expect((await send('PUT', url, s.manager, { answers: { proud: 'x' }, version })).statusCode).toBe(403);
    const unknown = await send('PUT', url, s.employee, { answers: { nope: 'x' }, version });
    expect(unknown.statusCode).toBe(400);
    const saved = await send('PUT', url, s.employee, { answers: { proud: 'Mijn mentorklas' }, version });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().state).toBe('preparing');
    const stale = await send('PUT', url, s.employee, { answers: { proud: 'Ander antwoord' }, version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.reason).toBe('stale');
    version = saved.json().version;
    expect(saved.json().events.map((e: { toState: string }) => e.toState)).toContain('preparing');
  });

  it('keeps the answers from the manager until the employee shares them', async () => {
    const before = (await get(`/api/conversations/${id}`, s.manager)).json();
    expect(before.preparation.answers).toBeNull();
    expect(before.questions.items[0].text).toBe('Hoe gaat het met je lessen?');
    const mine = (await get(`/api/conversations/${id}`, s.employee)).json();
    expect(mine.preparation.answers).toEqual({ proud: 'Mijn mentorklas' });
    expect((await send('POST', `/api/conversations/${id}/preparation/share`, s.manager, { version })).statusCode).toBe(
      403,
    );
    const shared = await send('POST', `/api/conversations/${id}/preparation/share`, s.employee, { version });
    expect(shared.statusCode).toBe(200);
    version = shared.json().version;
    const after = (await get(`/api/conversations/${id}`, s.manager)).json();
    expect(after.preparation.answers).toEqual({ proud: 'Mijn mentorklas' });
  });

  it('keeps evidence with the conversation', async () => {
    const added = await send('POST', `/api/conversations/${id}/evidence`, s.employee, {
      title: 'Lesobservatie',
      description: 'Verslag van de collega',
      url: 'https://example.org/les',
    });
    expect(added.statusCode).toBe(201);
    const evidence = added.json().evidence[0];
    expect(evidence.title).toBe('Lesobservatie');
    expect((await send('POST', `/api/conversations/${id}/evidence`, s.manager, { title: 'x' })).statusCode).toBe(403);
    expect(
      (await send('POST', `/api/conversations/${id}/evidence`, s.employee, { title: 'x', url: 'javascript:alert(1)' }))
        .statusCode,
    ).toBe(400);
    const removed = await send('DELETE', `/api/conversations/${id}/evidence/${evidence.id}`, s.employee);
    expect(removed.json().evidence).toEqual([]);
  });

  it('lets either side reschedule with a reason, sending a new calendar version to the other', async () => {
    const url = `/api/conversations/${id}/reschedule`;
    const when = new Date(Date.now() + 15 * DAY);
    when.setUTCMinutes(0, 0, 0);
    expect((await send('POST', url, s.employee, { scheduledAt: when.toISOString(), version })).statusCode).toBe(400);
    const moved = await send('POST', url, s.employee, {
      scheduledAt: when.toISOString(),
      reason: 'Ik heb dan een ouderavond',
      version,
    });
    expect(moved.statusCode).toBe(200);
    version = moved.json().version;
    const mail = await latestMailTo(env.database, people.manager.email);
    expect(mail!.text).toContain('Ik heb dan een ouderavond');
    const ics = mail!.attachments[0]!.content;
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain(`UID:conversation-${id}@groeipad`);
    expect(ics).toContain(`DTSTART:${when.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`);
    expect(
      (await send('POST', url, s.colleague, { scheduledAt: when.toISOString(), reason: 'xxxx', version })).statusCode,
    ).toBe(404);
  });

  it('lets the manager cancel with a reason; afterwards nothing moves', async () => {
    expect(
      (await send('POST', `/api/conversations/${id}/cancel`, s.employee, { reason: 'Ziek', version })).statusCode,
    ).toBe(403);
    const cancelled = await send('POST', `/api/conversations/${id}/cancel`, s.manager, {
      reason: 'Langdurig ziek',
      version,
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().state).toBe('cancelled');
    const mail = await latestMailTo(env.database, people.employee.email);
    expect(mail!.attachments[0]!.content).toContain('METHOD:CANCEL');
    const v = cancelled.json().version;
    const again = await send('POST', `/api/conversations/${id}/cancel`, s.manager, { reason: 'Nog eens', version: v });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('afgezegd');
    expect((await send('POST', `/api/conversations/${id}/held`, s.manager, { version: v })).statusCode).toBe(409);
  });
});

describe('marking a conversation held', () => {
  it('refuses before a quarter of an hour ahead of the start, and says when it begins', async () => {
    const start = new Date(Date.now() + 2 * 3600_000);
    start.setUTCSeconds(0, 0);
    const planned = (await plan(s.manager, { scheduledAt: start.toISOString(), preparationDueOn: null })).json();
    const url = `/api/conversations/${planned.id}`;
    const before = (await get(url, s.manager)).json();
    expect(before.abilities.markHeld).toBe(false);
    expect(before.heldFrom).toBe(new Date(start.getTime() - 15 * 60_000).toISOString());
    expect((await get(url, s.employee)).json().heldFrom).toBeNull();

    const early = await send('POST', `${url}/held`, s.manager, { version: planned.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/^Dit gesprek begint pas op \w+ \d+ \w+ \d{4} om \d\d:\d\d\./);
    expect(early.json().error.details).toMatchObject({ reason: 'not_started', heldFrom: before.heldFrom });
    try {
      env.app.deps.now = () => new Date(start.getTime() - 16 * 60_000);
      expect((await send('POST', `${url}/held`, s.manager, { version: planned.version })).statusCode).toBe(409);
      env.app.deps.now = () => new Date(start.getTime() - 15 * 60_000);
      const ready = (await get(url, s.manager)).json();
      expect(ready.abilities.markHeld).toBe(true);
      expect(ready.heldFrom).toBeNull();
      const held = await send('POST', `${url}/held`, s.manager, { version: planned.version });
      expect(held.statusCode).toBe(200);
      expect(held.json().state).toBe('held');
      expect(held.json().heldAt).toBe(new Date(start.getTime() - 15 * 60_000).toISOString());
    } finally {
      env.app.deps.now = undefined;
    }
  });

  it('lets a conversation that already took place be marked held at once', async () => {
    const earlier = new Date(Date.now() - 3600_000).toISOString();
    const planned = (await plan(s.manager, { scheduledAt: earlier, preparationDueOn: null })).json();
    expect(planned.abilities.markHeld).toBe(true);
    expect(planned.heldFrom).toBeNull();
    const held = await send('POST', `/api/conversations/${planned.id}/held`, s.manager, { version: planned.version });
    expect(held.statusCode).toBe(200);
  });
});

describe('report, signatures, lock and correction', () => {
  let id: string;
  let version: number;
  let reportVersion: number;
  const agreement = {
    title: 'Formatief toetsen in de bovenbouw',
    description: 'Exit tickets in elke les',
    measure: 'In 4 van de 5 lessen een exit ticket, gezien bij lesbezoek',
    targetDate: day(120),
    actions: [
      { title: 'Training formatief evalueren volgen', owner: 'employee', dueOn: day(60) },
      { title: 'Lesbezoek plannen', owner: 'manager', dueOn: day(90) },
    ],
  };
  let scheduledAt: string;
  beforeAll(async () => {
    const res = (await plan(s.manager)).json();
    id = res.id;
    version = res.version;
    scheduledAt = res.scheduledAt;
  });

  it('refuses a report before the conversation was held', async () => {
    const res = await send('PUT', `/api/conversations/${id}/report`, s.manager, { version: 0, goingWell: 'x' });
    expect(res.statusCode).toBe(409);
    expect((await send('POST', `/api/conversations/${id}/close`, s.manager, { version })).statusCode).toBe(409);
    expect((await send('POST', `/api/conversations/${id}/held`, s.employee, { version })).statusCode).toBe(403);
    const held = await holdAfterStart(id, version, scheduledAt);
    expect(held.json().state).toBe('held');
    version = held.json().version;
    expect(held.json().abilities.writeReport).toBe(true);
  });

  it('lets each side write only their own fields', async () => {
    const url = `/api/conversations/${id}/report`;
    expect((await send('PUT', url, s.employee, { version: 0, employeeView: 'x' })).statusCode).toBe(409);
    const noMeasure = await send('PUT', url, s.manager, { version: 0, agreements: [{ ...agreement, measure: '' }] });
    expect(noMeasure.statusCode).toBe(400);
    const badDate = await send('PUT', url, s.manager, { version: 0, nextDate: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    const created = await send('PUT', url, s.manager, {
      version: 0,
      goingWell: 'Sterke band met de klas',
      toDevelop: 'Differentiëren',
      employeeNeeds: 'Tijd voor de training',
      managerOffers: 'Twee uur per week uit het taakbeleid',
      progressEvidence: 'Leerlingfeedback in maart',
      nextDate: day(150),
      agreements: [agreement],
    });
    expect(created.statusCode).toBe(200);
    expect(created.json().state).toBe('report_draft');
    reportVersion = created.json().report.version;
    expect(created.json().report.agreements[0].actions[0].id).toBeTruthy();
    expect((await send('PUT', url, s.manager, { version: reportVersion, employeeView: 'x' })).statusCode).toBe(403);
    expect((await send('PUT', url, s.employee, { version: reportVersion, goingWell: 'x' })).statusCode).toBe(403);
    expect((await send('PUT', url, s.secondLine, { version: reportVersion, goingWell: 'x' })).statusCode).toBe(403);
    const view = await send('PUT', url, s.employee, {
      version: reportVersion,
      employeeView: 'Ik mis in het verslag mijn werk als mentor.',
    });
    expect(view.statusCode).toBe(200);
    reportVersion = view.json().report.version;
    expect((await send('PUT', url, s.manager, { version: 1, goingWell: 'oud' })).statusCode).toBe(409);
  });

  it('clears signatures when the content changes', async () => {
    const signed = await send('POST', `/api/conversations/${id}/report/sign`, s.manager, { version: reportVersion });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().report.managerSignedAt).not.toBeNull();
    reportVersion = signed.json().report.version;
    const twice = await send('POST', `/api/conversations/${id}/report/sign`, s.manager, { version: reportVersion });
    expect(twice.statusCode).toBe(409);
    const edited = await send('PUT', `/api/conversations/${id}/report`, s.manager, {
      version: reportVersion,
      goingWell: 'Sterke band met de klas en collega’s',
    });
    expect(edited.json().report.managerSignedAt).toBeNull();
    expect(edited.json().events.map((e: { type: string }) => e.type)).toContain('signatures_cleared');
    reportVersion = edited.json().report.version;
    const same = await send('PUT', `/api/conversations/${id}/report`, s.manager, {
      version: reportVersion,
      goingWell: 'Sterke band met de klas en collega’s',
    });
    reportVersion = same.json().report.version;
  });

  it('locks the report once both signed, also when the employee disagrees, and adds the goals to the plan', async () => {
    const m = await send('POST', `/api/conversations/${id}/report/sign`, s.manager, { version: reportVersion });
    reportVersion = m.json().report.version;
    expect(
      (
        await send('POST', `/api/conversations/${id}/report/sign`, s.manager, {
          version: reportVersion,
          disagrees: true,
        })
      ).statusCode,
    ).toBe(403);
    // The employee adds to their own view after the leidinggevende signed: that signature stays.
    const own = await send('PUT', `/api/conversations/${id}/report`, s.employee, {
      version: reportVersion,
      employeeView: 'Ik mis in het verslag mijn werk als mentor. Dat wil ik hier vastleggen.',
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().report.managerSignedAt).not.toBeNull();
    reportVersion = own.json().report.version;
    const e = await send('POST', `/api/conversations/${id}/report/sign`, s.employee, {
      version: reportVersion,
      disagrees: true,
    });
    expect(e.statusCode).toBe(200);
    const body = e.json();
    expect(body.state).toBe('agreed');
    expect(body.report.lockedAt).not.toBeNull();
    expect(body.report.employeeDisagrees).toBe(true);
    const goals = await env.database.db
      .select()
      .from(developmentTables.developmentGoals)
      .where(eq(developmentTables.developmentGoals.conversationId, id));
    expect(goals.map((g) => g.title)).toEqual([agreement.title]);
    const edit = await send('PUT', `/api/conversations/${id}/report`, s.manager, {
      version: body.report.version,
      goingWell: 'later',
    });
    expect(edit.statusCode).toBe(409);
  });

  it('produces a Dutch PDF with the agreements and audits who downloads it', async () => {
    const res = await get(`/api/conversations/${id}/report.pdf`, s.manager);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="verslag-voortgangsgesprek-.*\.pdf"$/);
    const text = (await extractText(new Uint8Array(res.rawPayload), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain(agreement.title);
    expect(text).toContain('Training formatief evalueren volgen');
    expect(text).toContain('gezien, niet mee eens');
    expect(text).toContain('Pagina 1 van');
    const [entry] = await readAudits('conversation.report_pdf', people.manager.id);
    expect(entry!.targetId).toBe(id);
  });

  it('makes a correction a new linked revision and keeps the signed one', async () => {
    const res = await send('POST', `/api/conversations/${id}/report/corrections`, s.manager, {
      reason: 'Datum van de training stond verkeerd',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.state).toBe('report_draft');
    expect(body.report.revision).toBe(2);
    expect(body.report.lockedAt).toBeNull();
    expect(body.report.managerSignedAt).toBeNull();
    expect(
      body.revisions.map((r: { revision: number; lockedAt: string | null }) => [r.revision, r.lockedAt !== null]),
    ).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(body.report.supersedesId).toBe(body.revisions[0].id);
    const old = await get(`/api/conversations/${id}/report.pdf?revision=1`, s.employee);
    expect(old.statusCode).toBe(200);
    const fresh = await get(`/api/conversations/${id}/report.pdf`, s.employee);
    const text = (await extractText(new Uint8Array(fresh.rawPayload), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain('Gecorrigeerde versie van versie 1');
    const v = body.report.version;
    await send('POST', `/api/conversations/${id}/report/sign`, s.employee, { version: v });
    const both = await send('POST', `/api/conversations/${id}/report/sign`, s.manager, { version: v + 1 });
    expect(both.json().state).toBe('agreed');
    const goals = await env.database.db
      .select()
      .from(developmentTables.developmentGoals)
      .where(eq(developmentTables.developmentGoals.conversationId, id));
    expect(goals).toHaveLength(1);
    const closed = await send('POST', `/api/conversations/${id}/close`, s.manager, { version: both.json().version });
    expect(closed.json().state).toBe('closed');
    expect(
      closed
        .json()
        .events.filter((e: { toState: string | null }) => e.toState)
        .map((e: { toState: string }) => e.toState),
    ).toEqual(['planned', 'held', 'report_draft', 'agreed', 'report_draft', 'agreed', 'closed']);
  });

  it('exports the conversation for the employee', async () => {
    const data = await exportConversations(env.database.db, board.boardId, people.employee.id);
    const mine = data.find((c) => c.id === id)!;
    expect(mine.reports).toHaveLength(2);
    expect(mine.reports[0]!.agreements[0]!.title).toBe(agreement.title);
  });
});

describe('tasks and reminders', () => {
  it('asks the employee to prepare and reminds once, a few days before it is due', async () => {
    const res = await plan(s.manager, { preparationDueOn: day(2) });
    const id = res.json().id;
    const actor = {
      personId: people.employee.id,
      boardId: board.boardId,
      sessionId: 's',
      csrfToken: 'c',
      memberships: [],
    };
    const tasks = await findConversationTasks(env.database.db, actor, new Date());
    expect(tasks.find((t) => t.href === `/gesprekken/${id}`)).toMatchObject({
      kind: 'prepare_conversation',
      dueOn: day(2),
    });
    const { mailer } = env.app.deps;
    const first = await sendConversationReminders(env.database.db, mailer, env.config, new Date());
    expect(first).toBeGreaterThanOrEqual(1);
    const mail = await latestMailTo(env.database, people.employee.email);
    expect(mail!.subject).toContain('Bereid je');
    const [row] = await env.database.db.select().from(conversationsTable).where(eq(conversationsTable.id, id));
    expect(row!.prepReminderSentAt).not.toBeNull();
    await sendConversationReminders(env.database.db, mailer, env.config, new Date());
    const [again] = await env.database.db.select().from(conversationsTable).where(eq(conversationsTable.id, id));
    expect(again!.prepReminderSentAt!.getTime()).toBe(row!.prepReminderSentAt!.getTime());
  });

  it('reminds the other side when a report waits two days for a signature', async () => {
    let c = (await plan(s.manager)).json();
    c = (await holdAfterStart(c.id, c.version, c.scheduledAt)).json();
    c = (await send('PUT', `/api/conversations/${c.id}/report`, s.manager, { version: 0, goingWell: 'Goed' })).json();
    c = (await send('POST', `/api/conversations/${c.id}/report/sign`, s.manager, { version: c.report.version })).json();
    const actor = {
      personId: people.employee.id,
      boardId: board.boardId,
      sessionId: 's',
      csrfToken: 'c',
      memberships: [],
    };
    const tasks = await findConversationTasks(env.database.db, actor, new Date());
    expect(tasks.find((t) => t.href === `/gesprekken/${c.id}`)?.kind).toBe('sign_report');
    // The employee's task has the employee's text (no 'manager' context).
    expect(tasks.find((t) => t.href === `/gesprekken/${c.id}`)?.params.context).toBeUndefined();
    const { mailer } = env.app.deps;
    await sendConversationReminders(env.database.db, mailer, env.config, new Date(Date.now() + 3 * DAY));
    const mail = await latestMailTo(env.database, people.employee.email);
    expect(mail!.subject).toContain('wacht op je handtekening');
    expect(mail!.text).toContain(`/gesprekken/${c.id}`);
    const [row] = await env.database.db.select().from(conversationsTable).where(eq(conversationsTable.id, c.id));
    expect(row!.signReminderSentAt).not.toBeNull();
    const before = row!.signReminderSentAt!.getTime();
    await sendConversationReminders(env.database.db, mailer, env.config, new Date(Date.now() + 4 * DAY));
    const [after] = await env.database.db.select().from(conversationsTable).where(eq(conversationsTable.id, c.id));
    expect(after!.signReminderSentAt!.getTime()).toBe(before);
  });

  it("gives the manager a signing task with the manager's text when the employee signed first", async () => {
    let c = (await plan(s.manager)).json();
    c = (await holdAfterStart(c.id, c.version, c.scheduledAt)).json();
    c = (await send('PUT', `/api/conversations/${c.id}/report`, s.manager, { version: 0, goingWell: 'Goed' })).json();
    c = (
      await send('POST', `/api/conversations/${c.id}/report/sign`, s.employee, { version: c.report.version })
    ).json();
    const actor = {
      personId: people.manager.id,
      boardId: board.boardId,
      sessionId: 's',
      csrfToken: 'c',
      memberships: [],
    };
    const task = (await findConversationTasks(env.database.db, actor, new Date())).find(
      (t) => t.href === `/gesprekken/${c.id}`,
    );
    expect(task).toMatchObject({ kind: 'sign_report', params: { context: 'manager' } });
  });
});
