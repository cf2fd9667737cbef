import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import {
  createBoard,
  createPerson,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import { organisationTables as ot } from '../organisation/index.ts';
import { teamVisits } from './visits.schema.ts';

// A leidinggevende's way to a visit one of their people shared: a mail to each current leidinggevende, a home task
// until the first read, a list of what was shared (no content), and nothing for anyone else — not a former
// leidinggevende, not another team's teamleider, the school leader, HR or the beheerder. And a visit that moves:
// the reason is for the two of them, the other one gets a mail.

let env: TestEnv;
let board: TestBoard;
let exactId: string;
let formId: string;
let visitId: string;
const id: Record<string, string> = {};
const email: Record<string, string> = {};
const as: Record<string, Session> = {};

const get = (url: string, s: Session) => env.app.inject({ method: 'GET', url, headers: s.headers });
const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, s: Session, payload: unknown) =>
  env.app.inject({ method, url, headers: s.headers, payload: payload as object });
const visitUrl = (v = visitId) => `/api/teams/${exactId}/visits/${v}`;
const sharedList = async (who: string) => {
  const res = await get('/api/visits/shared-with-me', as[who]!);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; readAt: string | null; [k: string]: unknown }[];
};
const tasks = async (who: string) => {
  const res = await get('/api/me/tasks', as[who]!);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { kind: string; key: string; params: Record<string, string>; href: string }[]).filter(
    (t) => t.kind === 'read_shared_visit',
  );
};
const mailsAbout = async (subject: string) =>
  env.database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.boardId, board.boardId), like(mailOutbox.subject, `%${subject}%`)));
const share = async (shared: boolean, who = 'observed') => {
  const { version } = (await get(visitUrl(), as.observed!)).json();
  return send('PUT', `${visitUrl()}/share`, as[who]!, { version, shared });
};

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  const exact = board.teams.find((t) => t.name === 'Exact')!;
  exactId = exact.id;
  const talenId = board.teams.find((t) => t.name === 'Talen')!.id;
  const members = board.memberships.filter((m) => m.teamId === exactId);
  const lead = members.find((m) => m.role === 'teamleider')!.personId;
  const coach = members.find((m) => m.role === 'coach')!.personId;
  const staff = [...new Set(members.filter((m) => m.role === 'docent').map((m) => m.personId))].filter(
    (p) => p !== coach && p !== lead,
  );
  const extra = await createPerson(env.database, board, { roles: [] });
  const former = await createPerson(env.database, board, { roles: [] });
  Object.assign(id, {
    observer: staff[0]!,
    observed: staff[1]!,
    member: staff[2]!,
    lead,
    extra: extra.id,
    former: former.id,
    otherLead: board.memberships.find((m) => m.teamId === talenId && m.role === 'teamleider')!.personId,
    schoolleider: board.byRole('schoolleider', 'School Noord').id,
    hr: board.byRole('hr').id,
    beheerder: board.byRole('beheerder').id,
  });
  for (const [who, personId] of Object.entries(id)) {
    as[who] = await sessionFor(env.database, personId);
    email[who] = board.people.find((p) => p.id === personId)?.email ?? '';
  }
  email.extra = extra.email;
  email.former = former.email;
  // The observed person's leidinggevenden now: their teamleider (as seeded) and `extra`. `former` was one and
  // is no longer (the manager changed before anything was shared).
  const lm = ot.lineManagers;
  const seeded = await env.database.db
    .select()
    .from(lm)
    .where(and(eq(lm.boardId, board.boardId), eq(lm.employeeId, id.observed!)));
  expect(seeded.map((r) => r.managerId)).toEqual([id.lead]);
  await env.database.db.insert(lm).values([
    { boardId: board.boardId, managerId: id.extra!, employeeId: id.observed! },
    { boardId: board.boardId, managerId: id.former!, employeeId: id.observed! },
  ]);
  await env.database.db.delete(lm).where(and(eq(lm.managerId, id.former!), eq(lm.employeeId, id.observed!)));

  const form = await send('POST', `/api/teams/${exactId}/forms`, as.observer!, {
    purpose: 'visit',
    title: 'Kijkwijzer',
    fields: [{ id: 'notitie', kind: 'text', label: 'Wat viel op?' }],
  });
  expect(form.statusCode, form.body).toBe(201);
  formId = form.json().id;
  const visit = await send('POST', `/api/teams/${exactId}/visits`, as.observer!, {
    observerId: id.observer,
    observedId: id.observed,
    kind: 'lesson',
    scheduledAt: new Date(Date.now() - 3600_000).toISOString(),
    durationMinutes: 30,
    learningQuestion: 'Hoe houd ik de aandacht vast na de pauze?',
    formId,
  });
  expect(visit.statusCode, visit.body).toBe(201);
  visitId = visit.json().id;
  const answered = await send('PUT', `${visitUrl()}/answers`, as.observer!, {
    version: visit.json().version,
    answers: { notitie: 'Sterk begin na de pauze' },
  });
  expect(answered.statusCode, answered.body).toBe(200);
});
afterAll(() => env.close());

const OUTSIDERS = ['former', 'otherLead', 'schoolleider', 'hr', 'beheerder', 'member'];

describe('a visit shared with the leidinggevende', () => {
  it('before sharing: nobody has it in a list, a task or a mail', async () => {
    for (const who of ['lead', 'extra', ...OUTSIDERS]) {
      expect(await sharedList(who)).toEqual([]);
      expect(await tasks(who)).toEqual([]);
    }
    expect(await mailsAbout('deelt een')).toEqual([]);
  });

  it('only the observed person shares it', async () => {
    expect((await share(true, 'observer')).statusCode).toBe(403);
    expect((await share(true, 'member')).statusCode).toBe(404);
    expect((await share(true, 'lead')).statusCode).toBe(404);
    expect(await mailsAbout('deelt een')).toEqual([]);
  });

  it('mails each current leidinggevende, and nobody else', async () => {
    const res = await share(true);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sharedReadAt: null });
    const mails = await mailsAbout('deelt een lesbezoek met je');
    expect(mails.map((m) => m.toAddress).sort()).toEqual([email.lead, email.extra].sort());
    const toLead = mails.find((m) => m.toAddress === email.lead)!;
    expect(toLead.text).toContain(`/team/${exactId}/bezoeken/${visitId}`);
    expect(toLead.text).toContain(env.config.publicUrl);
    // The mail says where to read it, never what is in it.
    expect(toLead.text).not.toContain('Hoe houd ik de aandacht vast');
    expect(toLead.text).not.toContain('Sterk begin');
    // Sharing what is already shared changes nothing and sends nothing.
    expect((await share(true)).statusCode).toBe(200);
    expect(await mailsAbout('deelt een')).toHaveLength(2);
  });

  it('lists it for each current leidinggevende, without content, not read yet', async () => {
    for (const who of ['lead', 'extra']) {
      const items = await sharedList(who);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        id: visitId,
        team: { id: exactId, name: 'Exact' },
        observed: { id: id.observed },
        observer: { id: id.observer },
        kind: 'lesson',
        status: 'planned',
        readAt: null,
      });
      expect(JSON.stringify(items)).not.toContain('aandacht');
    }
  });

  it('gives each current leidinggevende a home task until the first read', async () => {
    const observedName = board.people.find((p) => p.id === id.observed)!;
    for (const who of ['lead', 'extra']) {
      const [task, ...more] = await tasks(who);
      expect(more).toEqual([]);
      expect(task).toMatchObject({
        key: `visits:shared:${visitId}`,
        params: { context: 'lesson' },
        href: `/team/${exactId}/bezoeken/${visitId}`,
      });
      expect(task!.params.name).toContain(observedName.lastName);
    }
    for (const who of ['observed', 'observer', ...OUTSIDERS]) expect(await tasks(who)).toEqual([]);
  });

  it('opens for a current leidinggevende; the first read ends the task and shows as read', async () => {
    const read = await get(visitUrl(), as.lead!);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      role: 'manager',
      learningQuestion: 'Hoe houd ik de aandacht vast na de pauze?',
    });
    expect(read.json().sharedReadAt).not.toBeNull();
    const [row] = await env.database.db.select().from(teamVisits).where(eq(teamVisits.id, visitId));
    expect(row!.sharedReadAt).not.toBeNull();
    // A read is no change: the version stays, so the two of them never get a stale-version refusal for it.
    expect(read.json().version).toBe((await get(visitUrl(), as.observed!)).json().version);
    expect(await tasks('lead')).toEqual([]);
    expect(await tasks('extra')).toEqual([]);
    expect((await sharedList('lead'))[0]!.readAt).toBe(row!.sharedReadAt!.toISOString());
    // A second read keeps the first moment.
    await get(visitUrl(), as.extra!);
    const [again] = await env.database.db.select().from(teamVisits).where(eq(teamVisits.id, visitId));
    expect(again!.sharedReadAt).toEqual(row!.sharedReadAt);
    // The observed person sees that it was read.
    expect((await get(visitUrl(), as.observed!)).json().sharedReadAt).toBe(row!.sharedReadAt!.toISOString());
  });

  it('stays closed to everyone else: not in their list, 404 on the visit', async () => {
    for (const who of OUTSIDERS) {
      expect(await sharedList(who)).toEqual([]);
      const res = await get(visitUrl(), as[who]!);
      expect(res.statusCode, who).toBe(404);
      expect(res.body).not.toContain('aandacht');
    }
  });

  it('closes for a leidinggevende who no longer is one (the manager changed)', async () => {
    const lm = ot.lineManagers;
    await env.database.db.delete(lm).where(and(eq(lm.managerId, id.extra!), eq(lm.employeeId, id.observed!)));
    expect(await sharedList('extra')).toEqual([]);
    expect((await get(visitUrl(), as.extra!)).statusCode).toBe(404);
    expect(await tasks('extra')).toEqual([]);
    expect(await sharedList('lead')).toHaveLength(1);
  });

  it('after unsharing: nothing, and no mail; sharing again starts the unread task over, with a new mail', async () => {
    const off = await share(false);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ sharedAt: null, sharedReadAt: null });
    expect(await sharedList('lead')).toEqual([]);
    expect((await get(visitUrl(), as.lead!)).statusCode).toBe(404);
    expect(await tasks('lead')).toEqual([]);
    expect(await mailsAbout('deelt een')).toHaveLength(2);

    expect((await share(true)).statusCode).toBe(200);
    const mails = await mailsAbout('deelt een');
    // `extra` is no longer a leidinggevende: only the teamleider gets the new mail.
    expect(mails.map((m) => m.toAddress).sort()).toEqual([email.lead, email.lead, email.extra].sort());
    expect(await tasks('lead')).toHaveLength(1);
    expect((await sharedList('lead'))[0]!.readAt).toBeNull();
  });

  it('leaves out a leidinggevende who is the observer of the visit, which is theirs already', async () => {
    const planned = await send('POST', `/api/teams/${exactId}/visits`, as.observed!, {
      observerId: id.lead,
      observedId: id.observed,
      kind: 'lesson',
      scheduledAt: '2031-05-06T09:00:00+02:00',
      durationMinutes: 20,
      formId,
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const before = (await mailsAbout('deelt een')).length;
    const shared = await send('PUT', `${visitUrl(planned.json().id)}/share`, as.observed!, {
      version: planned.json().version,
      shared: true,
    });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(await mailsAbout('deelt een')).toHaveLength(before);
    expect((await sharedList('lead')).map((v) => v.id)).not.toContain(planned.json().id);
    expect((await tasks('lead')).map((t) => t.key)).not.toContain(`visits:shared:${planned.json().id}`);
    expect((await get(visitUrl(planned.json().id), as.lead!)).json().role).toBe('observer');
  });

  it('gives no task for a cancelled visit, but keeps it in the list', async () => {
    const { version } = (await get(visitUrl(), as.observed!)).json();
    const cancelled = await send('POST', `${visitUrl()}/cancel`, as.observed!, { version, reason: 'Ziek' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(await tasks('lead')).toEqual([]);
    expect((await sharedList('lead'))[0]).toMatchObject({ id: visitId, status: 'cancelled' });
  });
});

describe('a visit that moves', () => {
  let movingId: string;
  const plan = async () => {
    const res = await send('POST', `/api/teams/${exactId}/visits`, as.observer!, {
      observerId: id.observer,
      observedId: id.observed,
      kind: 'work',
      scheduledAt: '2031-03-04T09:00:00+01:00',
      durationMinutes: 30,
      location: 'Lokaal 1.12',
      learningQuestion: 'Geef ik heldere opdrachten?',
      formId,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; version: number }>();
  };
  const rescheduleMails = async () => mailsAbout('is verzet');

  beforeAll(async () => {
    movingId = (await plan()).id;
  });

  it('refuses a reason that is too long, or a reason when nothing moves, with a field message', async () => {
    const { version } = (await get(visitUrl(movingId), as.observer!)).json();
    const long = await send('PATCH', visitUrl(movingId), as.observer!, {
      version,
      scheduledAt: '2031-03-05T09:00:00+01:00',
      reason: 'x'.repeat(301),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details).toEqual([expect.objectContaining({ path: 'body.reason' })]);
    const still = await send('PATCH', visitUrl(movingId), as.observer!, {
      version,
      scheduledAt: '2031-03-04T09:00:00+01:00',
      reason: 'Toetsweek',
    });
    expect(still.statusCode).toBe(400);
    expect(still.json().error.details).toEqual([expect.objectContaining({ path: 'reason' })]);
    expect(await rescheduleMails()).toEqual([]);
  });

  it('keeps the reason for the two of them and mails the other one the new moment, not the reason', async () => {
    const { version } = (await get(visitUrl(movingId), as.observer!)).json();
    const moved = await send('PATCH', visitUrl(movingId), as.observer!, {
      version,
      scheduledAt: '2031-03-06T13:15:00+01:00',
      location: 'Lokaal 2.04',
      reason: '  Toetsweek: de les van dinsdag vervalt.  ',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      rescheduled: true,
      rescheduledReason: 'Toetsweek: de les van dinsdag vervalt.',
      location: 'Lokaal 2.04',
    });
    expect(moved.json().rescheduledAt).not.toBeNull();
    expect((await get(visitUrl(movingId), as.observed!)).json().rescheduledReason).toBe(
      'Toetsweek: de les van dinsdag vervalt.',
    );

    const mails = await rescheduleMails();
    expect(mails.map((m) => m.toAddress)).toEqual([email.observed]);
    expect(mails[0]!.subject).toContain('werkbezoek');
    expect(mails[0]!.text).toContain('donderdag 6 maart om 13:15');
    expect(mails[0]!.text).toContain('plaats: Lokaal 2.04');
    // The reason stays out of the mail: the outbox is read by the beheerder when no SMTP server is set.
    expect(mails[0]!.text).toContain('schreef erbij waarom');
    expect(mails[0]!.text).not.toContain('Toetsweek');
    const outbox = await get('/api/admin/outbox?page=1&pageSize=100', as.beheerder!);
    expect(outbox.statusCode, outbox.body).toBe(200);
    expect(outbox.body).not.toContain('Toetsweek');
    expect(mails[0]!.text).toContain(`/team/${exactId}/bezoeken/${movingId}`);
    expect(mails[0]!.text).not.toContain('heldere opdrachten');
  });

  it('shows the team only that it moved, not why', async () => {
    const res = await get(`/api/teams/${exactId}/visits`, as.member!);
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json().items.find((v: { id: string }) => v.id === movingId);
    expect(item).toMatchObject({ rescheduled: true });
    expect(res.body).not.toContain('Toetsweek');
    const teamBoard = await get(`/api/teams/${exactId}/board`, as.member!);
    expect(teamBoard.statusCode, teamBoard.body).toBe(200);
    expect(teamBoard.body).not.toContain('Toetsweek');
  });

  it('mails the observer when the observed person moves it, without a reason line when none is given', async () => {
    const { version } = (await get(visitUrl(movingId), as.observed!)).json();
    const moved = await send('PATCH', visitUrl(movingId), as.observed!, { version, durationMinutes: 45 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ rescheduledReason: null, durationMinutes: 45 });
    const mails = await rescheduleMails();
    const toObserver = mails.filter((m) => m.toAddress === email.observer);
    expect(toObserver).toHaveLength(1);
    expect(toObserver[0]!.text).toContain('45 minuten');
    expect(toObserver[0]!.text).not.toContain('schreef erbij waarom');
    // A stale version is refused and sends nothing.
    const stale = await send('PATCH', visitUrl(movingId), as.observer!, {
      version,
      scheduledAt: '2031-03-07T09:00:00+01:00',
      reason: 'Te laat',
    });
    expect(stale.statusCode).toBe(409);
    expect(await rescheduleMails()).toHaveLength(2);
  });

  it('is not a move when only the learning question changes: no mail, the last reason stays', async () => {
    const before = (await get(visitUrl(movingId), as.observer!)).json();
    const res = await send('PATCH', visitUrl(movingId), as.observed!, {
      version: before.version,
      learningQuestion: 'Geef ik heldere en korte opdrachten?',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rescheduledAt).toBe(before.rescheduledAt);
    expect(await rescheduleMails()).toHaveLength(2);
  });

  it('shows a leidinggevende reading along that it moved, not why', async () => {
    const { version } = (await get(visitUrl(movingId), as.observer!)).json();
    const moved = await send('PATCH', visitUrl(movingId), as.observer!, {
      version,
      scheduledAt: '2031-03-10T09:00:00+01:00',
      reason: 'Studiedag',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const shared = await send('PUT', `${visitUrl(movingId)}/share`, as.observed!, {
      version: moved.json().version,
      shared: true,
    });
    expect(shared.statusCode, shared.body).toBe(200);
    const read = await get(visitUrl(movingId), as.lead!);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().rescheduledAt).not.toBeNull();
    expect(read.json().rescheduledReason).toBeNull();
    expect(read.body).not.toContain('Studiedag');
  });
});
