import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  createBoard,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';
import { teamTables as tt } from '../team/index.ts';
import { teamPreparations } from '../preparations/preparations.schema.ts';
import { teamVisits } from '../visits/visits.schema.ts';
import { yearPlanEvents } from './programme.schema.ts';

// The 8-week programme and the progress meter: who reads, who records, who leads; 409 on stale weeks; the counts
// that come from the board sessions, visits and preparations; the linking session; phone numbers on the board.

let env: TestEnv;
let board: TestBoard;
let other: TestBoard;
const as: Record<string, Session> = {};
let exact: ReturnType<typeof teamOf>;
let talen: ReturnType<typeof teamOf>;
let onderbouwId: string;

const NOW = new Date('2030-03-13T10:00:00Z'); // a Wednesday
const START = '2030-03-04'; // the Monday of the week before

function teamOf(b: TestBoard, name: string) {
  const team = b.teams.find((x) => x.name === name)!;
  const members = b.memberships.filter((m) => m.teamId === team.id);
  const lead = members.find((m) => m.role === 'teamleider')!.personId;
  const coach = members.find((m) => m.role === 'coach')!.personId;
  const staff = [...new Set(members.filter((m) => m.role === 'docent').map((m) => m.personId))];
  return { id: team.id, schoolId: team.schoolId, lead, coach, staff };
}

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  other = await createBoard(env.database);
  exact = teamOf(board, 'Exact');
  talen = teamOf(board, 'Talen');
  onderbouwId = board.teams.find((t) => t.name === 'Onderbouw')!.id;
  const people: Record<string, string> = {
    docent: exact.staff.find((id) => id !== exact.coach && id !== exact.lead)!,
    teamleider: exact.lead,
    coach: exact.coach,
    schoolleider: board.byRole('schoolleider', 'School Noord').id,
    otherSchoolleider: board.byRole('schoolleider', 'School Zuid').id,
    otherTeam: talen.staff.find((id) => id !== talen.lead && id !== talen.coach)!,
    beheerder: board.byRole('beheerder').id,
    otherBoard: other.byRole('schoolleider').id,
  };
  for (const [who, id] of Object.entries(people)) as[who] = await sessionFor(env.database, id);
});
afterAll(() => env.close());
beforeEach(() => {
  env.app.deps.now = () => NOW;
});

const get = (url: string, s: Session) => env.app.inject({ method: 'GET', url, headers: s.headers });
const send = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, s: Session, payload?: unknown) =>
  env.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

const visitScores = { planned: 4, learningQuestion: 3, feedbackModel: 2, safe: 5 };

describe('the programme', () => {
  it('is read by the team and its school leadership, and by nobody else', async () => {
    for (const who of ['docent', 'teamleider', 'coach']) {
      const res = await get(`/api/teams/${exact.id}/programme`, as[who]!);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().abilities).toEqual({ record: true, lead: who === 'teamleider', stop: false });
    }
    const leader = await get(`/api/teams/${exact.id}/programme`, as.schoolleider!);
    expect(leader.json().abilities).toEqual({ record: false, lead: true, stop: false });
    expect(leader.json().otherTeams.map((t: { name: string }) => t.name)).toEqual(['Talen']);
    for (const who of ['otherSchoolleider', 'otherTeam', 'beheerder', 'otherBoard']) {
      expect((await get(`/api/teams/${exact.id}/programme`, as[who]!)).statusCode, who).toBe(404);
      expect((await get(`/api/teams/${exact.id}/progress`, as[who]!)).statusCode, who).toBe(404);
      const start = await send('POST', `/api/teams/${exact.id}/programme`, as[who]!, { startsOn: START });
      expect(start.statusCode, who).toBe(404);
    }
  });

  it('is started on a Monday by the teamleider, not by a docent; a second start is a 409', async () => {
    expect((await send('POST', `/api/teams/${exact.id}/programme`, as.docent!, { startsOn: START })).statusCode).toBe(
      403,
    );
    const tuesday = await send('POST', `/api/teams/${exact.id}/programme`, as.teamleider!, { startsOn: '2030-03-05' });
    expect(tuesday.statusCode).toBe(400);
    expect(tuesday.json().error.details[0].path).toBe('startsOn');
    const res = await send('POST', `/api/teams/${exact.id}/programme`, as.teamleider!, { startsOn: START });
    expect(res.statusCode, res.body).toBe(201);
    const programme = res.json().programme;
    expect(programme.currentWeek).toBe(2);
    expect(programme.weeks).toHaveLength(8);
    expect(programme.weeks[0]).toMatchObject({ week: 1, startsOn: START, endsOn: '2030-03-10', topic: 'start' });
    expect(programme.weeks[7]).toMatchObject({ week: 8, topic: 'linking', endsOn: '2030-04-28' });
    expect(programme.weeks.map((w: { status: string }) => w.status).slice(0, 3)).toEqual([
      'missed',
      'current',
      'upcoming',
    ]);
    const again = await send('POST', `/api/teams/${exact.id}/programme`, as.teamleider!, { startsOn: '2030-03-11' });
    expect(again.statusCode).toBe(409);
  });

  it('lets the school leadership start the programme of a team of its school', async () => {
    const res = await send('POST', `/api/teams/${talen.id}/programme`, as.schoolleider!, { startsOn: '2030-04-29' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().programme.currentWeek).toBe(0);
  });

  it('records a week once per version: a stale version is a 409', async () => {
    const url = `/api/teams/${exact.id}/programme/weeks`;
    const first = await send('POST', url, as.docent!, {
      week: 1,
      sessionHeldOn: '2030-03-05',
      note: 'Bord ingericht',
      version: 0,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().weeks[0]).toMatchObject({ status: 'done', sessionHeldOn: '2030-03-05', version: 1 });
    const late = await send('POST', url, as.coach!, { week: 1, sessionHeldOn: null, note: 'Ook van mij', version: 0 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.current.note).toBe('Bord ingericht');
    const update = await send('POST', url, as.coach!, {
      week: 1,
      sessionHeldOn: '2030-03-05',
      note: 'Aangevuld',
      version: 1,
    });
    expect(update.statusCode).toBe(200);
    expect(update.json().weeks[0].version).toBe(2);
    const stale = await send('POST', url, as.docent!, { week: 1, sessionHeldOn: null, note: 'Oud', version: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses a held day outside the week or in the future, and a school leader noting it (403)', async () => {
    const url = `/api/teams/${exact.id}/programme/weeks`;
    const outside = await send('POST', url, as.docent!, { week: 2, sessionHeldOn: '2030-03-05', note: '', version: 0 });
    expect(outside.statusCode).toBe(400);
    const future = await send('POST', url, as.docent!, { week: 2, sessionHeldOn: '2030-03-15', note: '', version: 0 });
    expect(future.statusCode).toBe(400);
    const leader = await send('POST', url, as.schoolleider!, { week: 2, sessionHeldOn: null, note: 'x', version: 0 });
    expect(leader.statusCode).toBe(403);
    const ninth = await send('POST', url, as.docent!, { week: 9, sessionHeldOn: null, note: '', version: 0 });
    expect(ninth.statusCode).toBe(400);
  });

  it('counts board sessions, visits observed or discussed and preparations done per week', async () => {
    const { db } = env.database;
    const base = { boardId: board.boardId, teamId: exact.id };
    await db.insert(tt.teamSessions).values([
      { ...base, heldOn: '2030-03-05', startedAt: new Date('2030-03-05T07:15:00Z') },
      { ...base, heldOn: '2030-03-12', startedAt: new Date('2030-03-12T07:15:00Z') },
    ]);
    const visit = { ...base, observerId: exact.lead, observedId: exact.coach };
    await db.insert(teamVisits).values([
      { ...visit, scheduledAt: new Date('2030-03-06T09:00:00Z'), status: 'observed' },
      { ...visit, scheduledAt: new Date('2030-03-07T09:00:00Z'), status: 'discussed' },
      { ...visit, scheduledAt: new Date('2030-03-08T09:00:00Z'), status: 'planned' },
      { ...visit, scheduledAt: new Date('2030-03-08T10:00:00Z'), status: 'cancelled' },
      // Sunday 23:30 in Amsterdam is still week 1; Monday 00:30 there is week 2.
      { ...visit, scheduledAt: new Date('2030-03-10T22:30:00Z'), status: 'observed' },
      { ...visit, scheduledAt: new Date('2030-03-10T23:30:00Z'), status: 'observed' },
    ]);
    await db.insert(teamPreparations).values([
      { ...base, title: 'Les breuken', plannedAt: new Date('2030-03-12T13:00:00Z'), status: 'done' },
      { ...base, title: 'Les procenten', plannedAt: new Date('2030-03-13T13:00:00Z'), status: 'planned' },
    ]);
    const weeks = (await get(`/api/teams/${exact.id}/programme`, as.docent!)).json().programme.weeks;
    expect(weeks[0].counts).toEqual({ boardSessions: 1, visits: 3, preparations: 0 });
    expect(weeks[1].counts).toEqual({ boardSessions: 1, visits: 1, preparations: 1 });
    expect(weeks[2].counts).toEqual({ boardSessions: 0, visits: 0, preparations: 0 });
  });

  it('plans the linking session with a team of the same school, in the year plan; a stale version is a 409', async () => {
    const url = `/api/teams/${exact.id}/programme/linking`;
    const view = (await get(`/api/teams/${exact.id}/programme`, as.teamleider!)).json();
    const version = view.programme.version;
    const body = { nextTeamId: talen.id, startsAt: '2030-04-24T15:00:00+02:00', location: 'Aula', version };
    expect((await send('POST', url, as.docent!, body)).statusCode).toBe(403);
    const otherSchool = await send('POST', url, as.teamleider!, { ...body, nextTeamId: onderbouwId });
    expect(otherSchool.statusCode).toBe(400);
    const self = await send('POST', url, as.teamleider!, { ...body, nextTeamId: exact.id });
    expect(self.statusCode).toBe(400);
    const res = await send('POST', url, as.teamleider!, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().nextTeam).toEqual({ id: talen.id, name: 'Talen' });
    expect(res.json().linking).toMatchObject({ location: 'Aula', otherTeam: { id: talen.id, name: 'Talen' } });
    expect((await send('POST', url, as.teamleider!, body)).statusCode).toBe(409);
    // Moved: the same date in the year plan, not a second one.
    const moved = await send('POST', url, as.schoolleider!, { ...body, location: 'Lokaal 12', version: version + 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    const linking = await env.database.db.select().from(yearPlanEvents).where(eq(yearPlanEvents.teamId, exact.id));
    expect(linking).toHaveLength(1);
    expect(linking[0]).toMatchObject({
      kind: 'linking',
      schoolId: exact.schoolId,
      otherTeamId: talen.id,
      location: 'Lokaal 12',
    });
  });
});

describe('the progress meter', () => {
  it('is scored by the team; the history and the latest per intervention show', async () => {
    const url = `/api/teams/${exact.id}/progress`;
    const body = {
      intervention: 'visits',
      phase: 'start',
      scoredOn: '2030-03-06',
      scores: visitScores,
      note: 'Eerste keer',
    };
    const first = await send('POST', url, as.teamleider!, body);
    expect(first.statusCode, first.body).toBe(201);
    const second = await send('POST', url, as.coach!, {
      ...body,
      scoredOn: '2030-03-13',
      scores: { ...visitScores, feedbackModel: 4 },
    });
    expect(second.statusCode).toBe(201);
    const progress = second.json();
    expect(progress.currentPhase).toBe('start');
    expect(progress.scores.map((s: { average: number }) => s.average)).toEqual([3.5, 4]);
    expect(progress.scores[0].by).toBeTruthy();
    const view = (await get(`/api/teams/${exact.id}/programme`, as.schoolleider!)).json();
    expect(view.latestProgress).toEqual([
      { intervention: 'visits', phase: 'start', scoredOn: '2030-03-13', average: 4 },
    ]);
    expect((await get(url, as.schoolleider!)).json().abilities).toEqual({ score: false });
  });

  it('refuses scores that do not fit the criteria, out of range, in the future, or from the school leader', async () => {
    const url = `/api/teams/${exact.id}/progress`;
    const body = { intervention: 'visits', phase: 'start', scoredOn: '2030-03-06', scores: visitScores, note: '' };
    const cases = [
      { ...body, scores: { ...visitScores, safe: 6 } },
      { ...body, scores: { ...visitScores, safe: 0 } },
      { ...body, scores: { planned: 3 } },
      { ...body, scores: { ...visitScores, extra: 3 } },
      { ...body, phase: 'deepening' },
      { ...body, intervention: 'lunch' },
      { ...body, scoredOn: '2030-03-14' },
    ];
    for (const c of cases) expect((await send('POST', url, as.docent!, c)).statusCode, JSON.stringify(c)).toBe(400);
    expect((await send('POST', url, as.schoolleider!, body)).statusCode).toBe(403);
    expect((await send('POST', `/api/teams/${talen.id}/progress`, as.docent!, body)).statusCode).toBe(404);
  });
});

describe('phone numbers', () => {
  it('are checked in Beheer and shown to the team on its board', async () => {
    const personId = exact.coach;
    const person = (await get(`/api/admin/people/${personId}`, as.beheerder!)).json();
    const bad = await send('PATCH', `/api/admin/people/${personId}`, as.beheerder!, {
      phone: 'bel me',
      version: person.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await send('PATCH', `/api/admin/people/${personId}`, as.beheerder!, { phone: '12345', version: person.version }))
        .statusCode,
    ).toBe(400);
    const ok = await send('PATCH', `/api/admin/people/${personId}`, as.beheerder!, {
      phone: '06 12345678',
      version: person.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().phone).toBe('06 12345678');
    const members = (await get(`/api/teams/${exact.id}/board`, as.docent!)).json().members;
    expect(members.find((m: { id: string }) => m.id === personId).phone).toBe('06 12345678');
    const cleared = await send('PATCH', `/api/admin/people/${personId}`, as.beheerder!, {
      phone: null,
      version: ok.json().version,
    });
    expect(cleared.json().phone).toBeNull();
    const intl = await send('PATCH', `/api/admin/people/${personId}`, as.beheerder!, {
      phone: '+32 470 12 34 56',
      version: cleared.json().version,
    });
    expect(intl.statusCode).toBe(200);
  });
});
