import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  createBoard,
  latestMailTo,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { closeExpiredRounds, feedbackTables as ft, findFeedbackTasks } from './index.ts';
import { schoolDay } from '../../platform/time.ts';

let env: TestEnv;
let board: TestBoard;
let leader: Session;
let docent: Session;
let manager: Session;
let otherManager: Session;
let questionnaireId: string;
let teamleader: { id: string };

const day = (offset: number) => schoolDay(new Date(Date.now() + offset * 86_400_000));

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  leader = await sessionFor(env.database, board.byRole('schoolleider', 'School Noord').id);
  const exact = board.teams.find((t) => t.name === 'Exact')!;
  const talen = board.teams.find((t) => t.name === 'Talen')!;
  const inTeam = (role: string, teamId: string) =>
    board.people.find((p) =>
      board.memberships.some((m) => m.personId === p.id && m.role === role && m.teamId === teamId),
    )!;
  docent = await sessionFor(env.database, inTeam('docent', exact.id).id);
  teamleader = inTeam('teamleider', exact.id);
  manager = await sessionFor(env.database, teamleader.id);
  otherManager = await sessionFor(env.database, inTeam('teamleider', talen.id).id);

  const created = await send('POST', '/api/feedback/questionnaires', leader, {
    schoolId: board.schools.find((s) => s.name === 'School Noord')!.id,
    templateKey: 'docent',
  });
  expect(created.statusCode).toBe(201);
  const q = created.json();
  const published = await send('POST', `/api/feedback/questionnaires/${q.id}/publish`, leader, { version: q.version });
  expect(published.statusCode).toBe(200);
  questionnaireId = q.id;
});
afterAll(() => env.close());

const get = (url: string, s?: Session) => env.app.inject({ method: 'GET', url, ...(s ? { headers: s.headers } : {}) });
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, s: Session | null, payload?: unknown) =>
  env.app.inject({
    method,
    url,
    ...(s ? { headers: s.headers } : {}),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const fullAnswer = (value: number | 'dk' = 3, open: Record<string, string> = {}) => ({
  scores: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`doc${String(i + 1).padStart(2, '0')}`, value])),
  open,
});

async function tokenFor(email: string): Promise<string> {
  const mail = await latestMailTo(env.database, email);
  const match = /feedback\/geven\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
  if (!match) throw new Error(`no link in mail to ${email}`);
  return match[1]!;
}

async function newRound(title = 'Feedback op mijn lessen') {
  const res = await send('POST', '/api/feedback/rounds', docent, { questionnaireId, title, closesOn: day(14) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; invitations: { id: string; raterGroup: string; name: string }[] }>();
}

async function inviteOutsiders(roundId: string, group: string, count: number) {
  const tag = Math.random().toString(36).slice(2, 8);
  const invitees = Array.from({ length: count }, (_, i) => ({
    name: `Rater ${i} ${tag}`,
    email: `rater-${i}-${tag}@buiten.example`,
  }));
  const res = await send('POST', `/api/feedback/rounds/${roundId}/invitations`, docent, {
    invitees,
    raterGroup: group,
  });
  expect(res.statusCode, res.body).toBe(200);
  return Promise.all(invitees.map((i) => tokenFor(i.email)));
}

describe('questionnaires', () => {
  it('ships three templates and lets a schoolleider build from one', async () => {
    const list = (await get('/api/feedback/questionnaires', leader)).json();
    expect(list.templates.map((t: { key: string }) => t.key)).toEqual(['werkplekbegeleider', 'docent', 'oop']);
    const wpb = list.templates.find((t: { key: string }) => t.key === 'werkplekbegeleider');
    expect(wpb.items).toBe(16); // 14 indicators + 2 open questions
  });

  it('refuses to publish an empty questionnaire, with field errors', async () => {
    const school = board.schools.find((s) => s.name === 'School Noord')!;
    const empty = (await send('POST', '/api/feedback/questionnaires', leader, { schoolId: school.id })).json();
    const res = await send('POST', `/api/feedback/questionnaires/${empty.id}/publish`, leader, {
      version: empty.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.length).toBeGreaterThan(0);
  });

  it('validates scale labels and unique item ids on save, and refuses a stale version', async () => {
    const q = (await get(`/api/feedback/questionnaires/${questionnaireId}`, leader)).json();
    const body = {
      version: q.version,
      name: q.name,
      description: q.description,
      scale: { labels: ['Alleen'], dontKnowLabel: null },
      sections: q.sections,
      raterGroups: q.raterGroups,
    };
    expect((await send('PUT', `/api/feedback/questionnaires/${q.id}`, leader, body)).statusCode).toBe(400);
    const dup = structuredClone(q.sections);
    dup[0].items[1].id = dup[0].items[0].id;
    const res = await send('PUT', `/api/feedback/questionnaires/${q.id}`, leader, {
      ...body,
      scale: q.scale,
      sections: dup,
    });
    expect(res.statusCode).toBe(400);
    const stale = await send('PUT', `/api/feedback/questionnaires/${q.id}`, leader, {
      ...body,
      version: q.version - 1,
      scale: q.scale,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ reason: 'stale' });
  });

  it('lets a published one lose a question or a section: rounds already started keep their questions', async () => {
    const school = board.schools.find((s) => s.name === 'School Noord')!;
    const created = (
      await send('POST', '/api/feedback/questionnaires', leader, { schoolId: school.id, templateKey: 'docent' })
    ).json();
    const q = (
      await send('POST', `/api/feedback/questionnaires/${created.id}/publish`, leader, { version: created.version })
    ).json();
    const round = await send('POST', '/api/feedback/rounds', docent, {
      questionnaireId: q.id,
      title: 'Ronde vóór de wijziging',
      closesOn: day(14),
    });
    expect(round.statusCode, round.body).toBe(201);
    const before = round.json().instrument;

    const sections = structuredClone(q.sections) as { id: string; items: { id: string }[] }[];
    const removedItem = sections[0]!.items.shift()!.id;
    const removedSection = sections.pop()!.id;
    const saved = await send('PUT', `/api/feedback/questionnaires/${q.id}`, leader, {
      version: q.version,
      name: q.name,
      description: q.description,
      scale: q.scale,
      sections,
      raterGroups: q.raterGroups,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().status).toBe('published');

    const running = (await get(`/api/feedback/rounds/${round.json().id}`, docent)).json();
    expect(running.instrument).toEqual(before);
    const ids = (instrument: { sections: { id: string; items: { id: string }[] }[] }) =>
      instrument.sections.flatMap((s) => [s.id, ...s.items.map((i) => i.id)]);
    expect(ids(running.instrument)).toEqual(expect.arrayContaining([removedItem, removedSection]));

    const later = await send('POST', '/api/feedback/rounds', docent, {
      questionnaireId: q.id,
      title: 'Ronde na de wijziging',
      closesOn: day(14),
    });
    expect(later.statusCode, later.body).toBe(201);
    expect(ids(later.json().instrument)).not.toContain(removedItem);
    expect(ids(later.json().instrument)).not.toContain(removedSection);
  });

  it('lets staff list published ones but not build', async () => {
    const list = (await get('/api/feedback/questionnaires?status=published', docent)).json();
    expect(list.items.map((q: { id: string }) => q.id)).toContain(questionnaireId);
    expect(list.manageableSchools).toEqual([]);
    const school = board.schools.find((s) => s.name === 'School Noord')!;
    expect((await send('POST', '/api/feedback/questionnaires', docent, { schoolId: school.id })).statusCode).toBe(403);
  });
});

describe('a round', () => {
  it('starts with a self-invitation and refuses a closing date too far ahead', async () => {
    const round = await newRound();
    expect(round.invitations.map((i) => i.raterGroup)).toEqual(['self']);
    const far = await send('POST', '/api/feedback/rounds', docent, { questionnaireId, title: 'x', closesOn: day(120) });
    expect(far.statusCode).toBe(400);
    const past = await send('POST', '/api/feedback/rounds', docent, { questionnaireId, title: 'x', closesOn: day(-1) });
    expect(past.statusCode).toBe(400);
  });

  it('mails a warm single-use link that says answers are anonymous', async () => {
    const round = await newRound();
    await inviteOutsiders(round.id, 'leerling', 1);
    const detail = (await get(`/api/feedback/rounds/${round.id}`, docent)).json();
    const outsider = detail.invitations.find((i: { raterGroup: string }) => i.raterGroup === 'leerling');
    const mail = await latestMailTo(env.database, outsider.email);
    expect(mail?.text).toContain('anoniem');
    expect(mail?.text).toContain('één keer');
  });

  it('takes an outsider link once: the second use is a 409', async () => {
    const round = await newRound();
    const [token] = await inviteOutsiders(round.id, 'leerling', 1);
    const form = await get(`/api/feedback/respond/${token}`);
    expect(form.statusCode).toBe(200);
    expect(form.json().anonymous).toBe(true);
    expect(JSON.stringify(form.json())).not.toContain('@');
    expect((await send('POST', `/api/feedback/respond/${token}`, null, fullAnswer())).statusCode).toBe(201);
    const again = await send('POST', `/api/feedback/respond/${token}`, null, fullAnswer());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('Deze link is al gebruikt');
  });

  it('refuses an incomplete answer and keeps the link usable', async () => {
    const round = await newRound();
    const [token] = await inviteOutsiders(round.id, 'leerling', 1);
    const partial = { scores: { doc01: 3 }, open: {} };
    const res = await send('POST', `/api/feedback/respond/${token}`, null, partial);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.some((d: { path: string }) => d.path === 'scores.doc02')).toBe(true);
    expect((await send('POST', `/api/feedback/respond/${token}`, null, fullAnswer(9))).statusCode).toBe(400);
    expect((await send('POST', `/api/feedback/respond/${token}`, null, fullAnswer('dk'))).statusCode).toBe(201);
  });

  it('says an expired link has expired (404), and an unknown one is unknown', async () => {
    const round = await newRound();
    const [token] = await inviteOutsiders(round.id, 'leerling', 1);
    await env.database.db
      .update(ft.feedbackInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(ft.feedbackInvitations.roundId, round.id), eq(ft.feedbackInvitations.raterGroup, 'leerling')));
    const res = await get(`/api/feedback/respond/${token}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details).toEqual({ reason: 'expired' });
    expect((await send('POST', `/api/feedback/respond/${token}`, null, fullAnswer())).statusCode).toBe(404);
    const unknown = await get(`/api/feedback/respond/${'x'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.details).toEqual({ reason: 'unknown' });
  });

  it('stops a revoked link, and a resent one replaces the old link', async () => {
    const round = await newRound();
    const [first, second] = await inviteOutsiders(round.id, 'leerling', 2);
    const detail = (await get(`/api/feedback/rounds/${round.id}`, docent)).json();
    const [a, b] = detail.invitations.filter((i: { raterGroup: string }) => i.raterGroup === 'leerling');
    expect((await send('POST', `/api/feedback/invitations/${a.id}/revoke`, docent)).statusCode).toBe(200);
    const revoked = await get(`/api/feedback/respond/${first}`);
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json().error.details).toEqual({ reason: 'revoked' });

    expect((await send('POST', `/api/feedback/invitations/${b.id}/resend`, docent)).statusCode).toBe(200);
    const fresh = await tokenFor(b.email);
    expect(fresh).not.toBe(second);
    expect((await get(`/api/feedback/respond/${second}`)).statusCode).toBe(404);
    expect((await get(`/api/feedback/respond/${fresh}`)).statusCode).toBe(200);
  });

  it('counts two simultaneous submissions of one link once', async () => {
    const round = await newRound();
    const [token] = await inviteOutsiders(round.id, 'leerling', 1);
    const results = await Promise.all([
      send('POST', `/api/feedback/respond/${token}`, null, fullAnswer()),
      send('POST', `/api/feedback/respond/${token}`, null, fullAnswer()),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await env.database.db
      .select()
      .from(ft.feedbackResponses)
      .where(eq(ft.feedbackResponses.roundId, round.id));
    expect(rows).toHaveLength(1);
  });

  it('lets only the invited colleague answer in the app, and gives them a home task', async () => {
    const round = await newRound();
    const res = await send('POST', `/api/feedback/rounds/${round.id}/invitations`, docent, {
      invitees: [{ personId: teamleader.id }],
      raterGroup: 'leidinggevende',
    });
    expect(res.statusCode, res.body).toBe(200);
    const invitation = res.json().invitations.find((i: { raterGroup: string }) => i.raterGroup === 'leidinggevende');
    const actor = { personId: teamleader.id, boardId: board.boardId, sessionId: '', csrfToken: '', memberships: [] };
    const tasks = await findFeedbackTasks(env.database.db, actor, new Date());
    expect(tasks.some((t) => t.kind === 'give_feedback' && t.href === `/feedback/invulling/${invitation.id}`)).toBe(
      true,
    );

    expect((await get(`/api/feedback/invitations/${invitation.id}/response`, otherManager)).statusCode).toBe(404);
    const form = await get(`/api/feedback/invitations/${invitation.id}/response`, manager);
    expect(form.statusCode).toBe(200);
    expect(form.json().anonymous).toBe(false);
    expect(
      (await send('POST', `/api/feedback/invitations/${invitation.id}/response`, manager, fullAnswer(4))).statusCode,
    ).toBe(201);
    expect(
      (await send('POST', `/api/feedback/invitations/${invitation.id}/response`, manager, fullAnswer(4))).statusCode,
    ).toBe(409);
    const second = await send('POST', `/api/feedback/rounds/${round.id}/invitations`, docent, {
      invitees: [{ name: 'Nog een', email: 'nog-een@buiten.example' }],
      raterGroup: 'leidinggevende',
    });
    expect(second.statusCode).toBe(400);
  });
});

describe('results', () => {
  let roundId: string;
  let idsBeforeClose: string[];

  beforeAll(async () => {
    const round = await newRound('Ronde met resultaten');
    roundId = round.id;
    const leerlingen = await inviteOutsiders(roundId, 'leerling', 5);
    const collegas = await inviteOutsiders(roundId, 'collega', 2);
    for (const [i, token] of leerlingen.entries()) {
      const res = await send(
        'POST',
        `/api/feedback/respond/${token}`,
        null,
        fullAnswer((i % 4) + 1, { doc_goed: `Goed ${i}` }),
      );
      expect(res.statusCode).toBe(201);
    }
    for (const token of collegas) {
      expect((await send('POST', `/api/feedback/respond/${token}`, null, fullAnswer(1))).statusCode).toBe(201);
    }
    const self = round.invitations.find((i) => i.raterGroup === 'self')!;
    expect(
      (await send('POST', `/api/feedback/invitations/${self.id}/response`, docent, fullAnswer(4))).statusCode,
    ).toBe(201);
    const rows = await env.database.db
      .select({ id: ft.feedbackResponses.id })
      .from(ft.feedbackResponses)
      .where(eq(ft.feedbackResponses.roundId, roundId));
    idsBeforeClose = rows.map((r) => r.id);
  });

  it('stay hidden while the round is open: counts only', async () => {
    const res = await get(`/api/feedback/rounds/${roundId}/results`, docent);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Resultaten verschijnen als je de ronde sluit.');
    const detail = (await get(`/api/feedback/rounds/${roundId}`, docent)).json();
    const leerling = detail.groups.find((g: { group: string }) => g.group === 'leerling');
    expect(leerling).toMatchObject({ invited: 5, answered: 5, needed: 0 });
    expect(detail.groups.find((g: { group: string }) => g.group === 'collega')).toMatchObject({
      answered: 2,
      needed: 1,
    });
  });

  it('closing rewrites every answer with a fresh id', async () => {
    const res = await send('POST', `/api/feedback/rounds/${roundId}/close`, docent);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('closed');
    const rows = await env.database.db
      .select({ id: ft.feedbackResponses.id })
      .from(ft.feedbackResponses)
      .where(eq(ft.feedbackResponses.roundId, roundId));
    expect(rows).toHaveLength(idsBeforeClose.length);
    for (const r of rows) expect(idsBeforeClose).not.toContain(r.id);
  });

  it('withholds a group of 2 and names it only as withheld; self beside the others', async () => {
    const res = await get(`/api/feedback/rounds/${roundId}/results`, docent);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const item = body.sections[0].items[0];
    expect(item.self).toBe(4);
    const groupsShown = item.cells.map((c: { group: string }) => c.group);
    expect(groupsShown).toContain('leerling');
    expect(groupsShown).not.toContain('collega');
    expect(groupsShown).not.toContain('self');
    const leerling = item.cells.find((c: { group: string }) => c.group === 'leerling');
    expect(leerling.n).toBe(5);
    // Colleagues' answers (all 1s) appear nowhere: not in a cell, not in 'all'.
    for (const c of item.cells) expect(c.distribution[0]).toBeLessThanOrEqual(2);
    // The group of 2 is named only as withheld, with how many answers it still needed.
    expect(body.groups.find((g: { group: string }) => g.group === 'collega')).toMatchObject({
      status: 'withheld',
      missing: 1,
    });
    const mentions = JSON.stringify(body.sections).match(/collega(?!’s)/g) ?? [];
    expect(mentions).toEqual([]);
    // Five open answers pass the text minimum of 5.
    const open = body.sections
      .flatMap((s: { items: { id: string }[] }) => s.items)
      .find((i: { id: string }) => i.id === 'doc_goed');
    expect(open.answers[0].texts).toHaveLength(5);
  });

  it('exports the same guarded numbers as CSV and XLSX', async () => {
    const csv = await get(`/api/feedback/rounds/${roundId}/export?format=csv`, docent);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('leerling');
    expect(csv.body).toContain('te weinig antwoorden');
    const xlsx = await get(`/api/feedback/rounds/${roundId}/export?format=xlsx`, docent);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('hides results from the manager until shared; a shared read is audited', async () => {
    expect((await get(`/api/feedback/rounds/${roundId}/results`, manager)).statusCode).toBe(404);
    expect((await get(`/api/feedback/rounds/${roundId}`, manager)).statusCode).toBe(404);
    expect((await send('POST', `/api/feedback/rounds/${roundId}/share`, manager)).statusCode).toBe(404);
    expect((await send('POST', `/api/feedback/rounds/${roundId}/share`, docent)).statusCode).toBe(200);
    const res = await get(`/api/feedback/rounds/${roundId}/results`, manager);
    expect(res.statusCode).toBe(200);
    const entries = await env.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'feedback.read'), eq(auditLog.targetId, roundId)));
    expect(entries).toHaveLength(1);
    const shared = (await get('/api/feedback/shared', manager)).json();
    expect(shared.items.map((r: { id: string }) => r.id)).toContain(roundId);
    const detail = (await get(`/api/feedback/rounds/${roundId}`, manager)).json();
    expect(detail.invitations.every((i: { email: string | null }) => i.email === null)).toBe(true);
  });

  it('never shows results to another team’s manager or another board', async () => {
    expect((await get(`/api/feedback/rounds/${roundId}/results`, otherManager)).statusCode).toBe(404);
    expect((await get(`/api/feedback/rounds/${roundId}/results`, leader)).statusCode).toBe(404);
    const other = await createBoard(env.database);
    const intruder = await sessionFor(env.database, other.byRole('beheerder').id);
    expect((await get(`/api/feedback/rounds/${roundId}/results`, intruder)).statusCode).toBe(404);
    expect((await get(`/api/feedback/rounds/${roundId}`, intruder)).statusCode).toBe(404);
  });

  it('stops showing the manager after unsharing', async () => {
    expect((await send('DELETE', `/api/feedback/rounds/${roundId}/share`, docent)).statusCode).toBe(200);
    expect((await get(`/api/feedback/rounds/${roundId}/results`, manager)).statusCode).toBe(404);
  });
});

describe('storage', () => {
  it('keeps no person, invitation or timestamp with an answer', async () => {
    const columns = await env.database.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'feedback_responses' order by column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'board_id',
      'id',
      'open_answers',
      'rater_group',
      'round_id',
      'scores',
    ]);
    const rows = await env.database.db.select().from(ft.feedbackResponses);
    const text = JSON.stringify(rows);
    for (const p of board.people) expect(text.includes(p.id)).toBe(false);
  });

  it('closes rounds past their closing date', async () => {
    const round = await newRound('Verlopen ronde');
    await env.database.db
      .update(ft.feedbackRounds)
      .set({ closesOn: day(-1) })
      .where(eq(ft.feedbackRounds.id, round.id));
    expect(await closeExpiredRounds(env.database.db, new Date())).toBeGreaterThanOrEqual(1);
    const detail = (await get(`/api/feedback/rounds/${round.id}`, docent)).json();
    expect(detail.status).toBe('closed');
    expect(detail.invitations.every((i: { status: string }) => i.status !== 'pending')).toBe(true);
  });
});
