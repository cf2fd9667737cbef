import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, sessionFor, startTestApp, type TestBoard, type TestEnv } from '../../../test/harness.ts';

// Every API route, found from the running app: a new route is covered the moment it is added.
let env: TestEnv;
let home: TestBoard;
let other: TestBoard;

beforeAll(async () => {
  env = await startTestApp();
  home = await createBoard(env.database);
  other = await createBoard(env.database);
});
afterAll(() => env.close());

/** Fills path parameters with ids from the given board, so a caller from another board aims at foreign rows. */
function fill(url: string, board: TestBoard): string {
  const person = board.byRole('docent');
  const membership = board.memberships.find((m) => m.personId === person.id)!;
  return url
    .replace(':membershipId', membership.id)
    .replace(':schoolId', board.schools[0]!.id)
    .replace(':personId', person.id)
    .replace(':teamId', board.teams[0]!.id)
    .replace(/:(goalId|valueId|actionId|itemId|sessionId|preparationId)/g, person.id)
    .replace(':number', '1')
    .replace(':visitId', person.id)
    .replace(/\/schools\/:id/, `/schools/${board.schools[0]!.id}`)
    .replace(/\/teams\/:id/, `/teams/${board.teams[0]!.id}`)
    .replace(':id', person.id)
    .replace(/:(yearId|kindId|ruleId|formId)/, person.id);
}

/** A valid body for each kind of change, so the request reaches the ownership check. */
function payloadFor(method: string, url: string): object | undefined {
  if (url.includes('/barometer')) {
    if (url.endsWith('/barometer/settings'))
      return { version: 1, intervalWeeks: 2, extraQuestions: [], minGroupSize: 3, minTextGroupSize: 5 };
    if (url.endsWith('/barometer/rounds')) return { closesInDays: 7 };
    if (url.endsWith('/answers')) return { scores: {}, texts: {} };
  }
  if (url.startsWith('/api/schools/:schoolId/')) {
    const year = {
      name: '2030-2031',
      startsOn: '2030-08-01',
      endsOn: '2031-07-31',
      periods: [{ name: 'Heel het jaar', startsOn: '2030-08-01', endsOn: '2031-07-31' }],
    };
    if (url.endsWith('/settings'))
      return { minGroupSize: 3, minTextGroupSize: 5, retentionMonths: 24, reminderDays: 3, version: 1 };
    if (url.endsWith('/years')) return year;
    if (url.endsWith('/years/:yearId')) return { ...year, version: 1 };
    if (url.endsWith('/kinds')) return { name: 'Overgenomen' };
    if (url.endsWith('/rules')) return { kindId: home.schools[0]!.id };
    if (url.endsWith('/rules/:ruleId')) return { everyYears: 2, version: 1 };
    if (url.endsWith('/forms')) return { purpose: 'questions', name: 'Overgenomen', items: [{ text: 'Vraag' }] };
  }
  if (url.startsWith('/api/admin/imports/')) return { mapping: {}, deactivateMissing: false };
  if (url === '/api/development/goals/:id/checkins') return { status: 'on_track', note: 'Gaat goed' };
  if (url === '/api/development/goals/:id') return { status: 'on_track', version: 1 };
  if (url === '/api/development/actions/:id') return { done: true, version: 1 };
  if (url === '/api/feedback/questionnaires/:id')
    return {
      version: 1,
      name: 'Overgenomen',
      description: '',
      scale: { labels: ['Nee', 'Ja'], dontKnowLabel: null },
      sections: [],
      raterGroups: ['collega'],
    };
  if (url.startsWith('/api/feedback/questionnaires/:id/')) return { version: 1 };
  if (url === '/api/feedback/rounds/:id/invitations')
    return { invitees: [{ name: 'Buiten', email: 'buiten@example.org' }], raterGroup: 'collega' };
  if (url === '/api/feedback/rounds/:id/conversation') return { conversationId: null };
  if (url === '/api/feedback/invitations/:id/response') return { scores: {}, open: {} };
  if (url.startsWith('/api/conversations/:id/')) {
    const conversationBodies: Record<string, object> = {
      reschedule: { scheduledAt: '2030-01-07T10:00:00+01:00', reason: 'Andere afspraak', version: 1 },
      cancel: { reason: 'Gaat niet door', version: 1 },
      preparation: { answers: {}, version: 1 },
      evidence: { title: 'Lesbezoek' },
      report: { version: 1 },
      'report/sign': { version: 1 },
      'report/corrections': { reason: 'Datum klopte niet' },
      shares: { personId: home.byRole('docent').id },
    };
    const rest = url.slice('/api/conversations/:id/'.length);
    return conversationBodies[rest] ?? { version: 1 };
  }
  if (url.startsWith('/api/teams/:teamId/')) {
    const teamBodies: Record<string, object> = {
      'PATCH board': { version: 1 },
      'POST goals': { title: 'Overgenomen', targetValue: 80 },
      'PATCH goals/:goalId': { version: 1 },
      'POST goals/:goalId/values': { measuredOn: '2030-01-07', value: 1 },
      'POST actions': { title: 'Overgenomen' },
      'PATCH actions/:actionId': { version: 1 },
      'POST actions/:actionId/move': { version: 1, status: 'doing' },
      'POST actions/:actionId/celebrate': { version: 1 },
      'POST items': { kind: 'success', body: 'Overgenomen' },
      'PATCH items/:itemId': { version: 1, body: 'Overgenomen' },
      'POST preparations': {
        title: 'Overgenomen',
        kind: 'lesson',
        plannedAt: '2030-01-07T10:00:00+01:00',
        durationMinutes: 30,
        participantIds: [home.byRole('docent').id],
      },
      'PATCH preparations/:preparationId': { version: 1 },
      'PUT preparations/:preparationId/work': { version: 1, result: 'Overgenomen' },
      'POST library': { title: 'Overgenomen', kind: 'checklist', body: 'Overgenomen' },
      'PATCH library/:itemId': { version: 1 },
      'POST library/:itemId/versions': { version: 1, body: 'Overgenomen', note: 'Overgenomen' },
      'PATCH sessions/:sessionId': { version: 1 },
      'POST sessions/:sessionId/mood': { mood: 'positive' },
      'POST forms': { purpose: 'visit', title: 'Overgenomen', fields: [{ id: 'a', kind: 'text', label: 'Vraag' }] },
      'PUT forms/:formId': { title: 'Overgenomen', fields: [{ id: 'a', kind: 'text', label: 'Vraag' }], version: 1 },
      'POST forms/:formId/archive': { version: 1 },
      'POST visits': {
        observerId: home.byRole('docent').id,
        observedId: home.byRole('teamleider').id,
        kind: 'lesson',
        scheduledAt: '2030-01-07T10:00:00+01:00',
        durationMinutes: 30,
        formId: home.schools[0]!.id,
      },
      'PATCH visits/:visitId': { version: 1 },
      'POST visits/:visitId/cancel': { version: 1, reason: 'Gaat niet door' },
      'PUT visits/:visitId/answers': { version: 1, answers: {} },
      'POST visits/:visitId/done': { version: 1 },
      'PUT visits/:visitId/feedback': { version: 1, observation: '', effect: '', reaction: '', suggestions: '' },
      'PUT visits/:visitId/share': { version: 1, shared: true },
      'POST visits/:visitId/evidence': { version: 1 },
      'POST programme': { startsOn: '2030-01-07' },
      'POST programme/weeks': { week: 1, sessionHeldOn: null, note: '', version: 0 },
      'POST programme/stop': { programmeId: home.teams[0]!.id, reason: 'Gaat niet door', version: 1 },
      'POST programme/linking': {
        nextTeamId: home.teams[1]!.id,
        startsAt: '2030-03-04T15:00:00+01:00',
        location: '',
        version: 1,
      },
      'POST progress': {
        intervention: 'visits',
        phase: 'start',
        scoredOn: '2030-01-07',
        scores: { planned: 3, learningQuestion: 3, feedbackModel: 3, safe: 3 },
        note: '',
      },
    };
    const rest = url.slice('/api/teams/:teamId/'.length);
    const body =
      teamBodies[`${method} ${rest}`] ??
      (/^(actions|items|library|preparations)\/:\w+\/(archive|done|cancel)$/.test(rest) ? { version: 1 } : null);
    if (body) return body;
  }
  if (url === '/api/year-plan/events/:id' && method === 'PATCH')
    return {
      kind: 'other',
      title: 'Overgenomen',
      description: '',
      startsAt: '2030-01-07T15:00:00+01:00',
      endsAt: null,
      location: '',
      capacity: null,
      version: 1,
    };
  if (url === '/api/people/:personId/conversation-access') return { reason: 'Onderzoek naar een klacht' };
  if (method === 'PATCH')
    return url.includes('/people/') ? { version: 1, jobTitle: 'Overgenomen' } : { version: 1, name: 'Overgenomen' };
  if (method === 'PUT') return { managerIds: [] };
  if (method === 'POST') return { role: 'docent', schoolId: home.schools[0]!.id };
  return undefined;
}

const bodyFor = (method: string) => (method === 'GET' || method === 'DELETE' ? undefined : {});

describe('every API route', () => {
  it('has been found', () => {
    expect(env.app.apiRoutes.length).toBeGreaterThan(15);
  });

  it('refuses an anonymous caller unless it is public', async () => {
    const failures: string[] = [];
    for (const r of env.app.apiRoutes.filter((x) => !x.public)) {
      const res = await env.app.inject({
        method: r.method as 'GET',
        url: fill(r.url, home),
        payload: bodyFor(r.method),
      });
      if (res.statusCode !== 401) failures.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('never lets a beheerder of another board read or change this board', async () => {
    const intruder = await sessionFor(env.database, other.byRole('beheerder').id);
    const failures: string[] = [];
    for (const r of env.app.apiRoutes.filter((x) => !x.public && x.url.includes(':'))) {
      const payload = payloadFor(r.method, r.url);
      const res = await env.app.inject({
        method: r.method as 'GET',
        url: fill(r.url, home),
        headers: intruder.headers,
        payload,
      });
      if (res.statusCode !== 404) failures.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('shows a caller only their own board in lists', async () => {
    const intruder = await sessionFor(env.database, other.byRole('beheerder').id);
    const homeIds = new Set([
      ...home.people.map((p) => p.id),
      ...home.schools.map((s) => s.id),
      ...home.teams.map((t) => t.id),
    ]);
    for (const r of env.app.apiRoutes.filter((x) => x.method === 'GET' && !x.public && !x.url.includes(':'))) {
      const res = await env.app.inject({ method: 'GET', url: r.url, headers: intruder.headers });
      expect(res.statusCode, r.url).toBeLessThan(500);
      for (const id of homeIds) expect(res.body.includes(id), `${r.url} leaks ${id}`).toBe(false);
    }
  });
});
