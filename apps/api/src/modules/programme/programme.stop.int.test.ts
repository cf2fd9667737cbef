import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import {
  createBoard,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';
import { teamProgrammes, yearPlanEvents } from './programme.schema.ts';

// Stopping a running programme: who may (the teamleider or school leadership, as for starting), 404 for outsiders,
// 403 for the rest of the team; a reason is required; 409 on a stale version, a stopped programme or one past its
// eighth week. The linking session leaves the year plan when it is still ahead and stays when it is past; the stop
// is audited and announced; the team can start again, and the page shows the stop until it does.

let env: TestEnv;
let board: TestBoard;
let other: TestBoard;
const as: Record<string, Session> = {};
const team: Record<'exact' | 'talen' | 'onderbouw', { id: string; lead: string }> = {} as never;

const NOW = new Date('2030-03-13T10:00:00Z'); // a Wednesday
const START = '2030-03-04'; // the Monday of the week before

function teamOf(b: TestBoard, name: string) {
  const t = b.teams.find((x) => x.name === name)!;
  const members = b.memberships.filter((m) => m.teamId === t.id);
  return {
    id: t.id,
    lead: members.find((m) => m.role === 'teamleider')!.personId,
    coach: members.find((m) => m.role === 'coach')!.personId,
    docent: members.find((m) => m.role === 'docent')!.personId,
  };
}

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  other = await createBoard(env.database);
  const exact = teamOf(board, 'Exact');
  const talen = teamOf(board, 'Talen');
  const onderbouw = teamOf(board, 'Onderbouw');
  team.exact = exact;
  team.talen = talen;
  team.onderbouw = onderbouw;
  const docent = board.memberships.find(
    (m) => m.teamId === exact.id && m.role === 'docent' && m.personId !== exact.lead && m.personId !== exact.coach,
  )!.personId;
  const people: Record<string, string> = {
    docent,
    coach: exact.coach,
    teamleider: exact.lead,
    talenLead: talen.lead,
    schoolleider: board.byRole('schoolleider', 'School Noord').id,
    otherSchoolleider: board.byRole('schoolleider', 'School Zuid').id,
    otherTeam: board.memberships.find(
      (m) => m.teamId === talen.id && m.role === 'docent' && m.personId !== talen.lead && m.personId !== talen.coach,
    )!.personId,
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
const view = async (teamId: string, s: Session) => (await get(`/api/teams/${teamId}/programme`, s)).json();
const stop = (teamId: string, s: Session, body: unknown) =>
  send('POST', `/api/teams/${teamId}/programme/stop`, s, body);

describe('stopping a programme', () => {
  let programmeId: string;
  let version: number;

  beforeAll(async () => {
    env.app.deps.now = () => NOW;
    const started = await send('POST', `/api/teams/${team.exact.id}/programme`, as.teamleider!, { startsOn: START });
    expect(started.statusCode, started.body).toBe(201);
    const linking = await send('POST', `/api/teams/${team.exact.id}/programme/linking`, as.teamleider!, {
      nextTeamId: team.talen.id,
      startsAt: '2030-04-24T15:00:00+02:00',
      location: 'Aula',
      version: started.json().programme.version,
    });
    expect(linking.statusCode, linking.body).toBe(200);
    programmeId = linking.json().id;
    version = linking.json().version;
  });

  it('is offered to the teamleider and school leadership while the programme runs, not to the team', async () => {
    expect((await view(team.exact.id, as.teamleider!)).abilities).toEqual({ record: true, lead: true, stop: true });
    expect((await view(team.exact.id, as.schoolleider!)).abilities).toEqual({ record: false, lead: true, stop: true });
    expect((await view(team.exact.id, as.docent!)).abilities).toEqual({ record: true, lead: false, stop: false });
  });

  it('is refused to the rest of the team (403) and to outsiders (404)', async () => {
    const body = { programmeId, reason: 'Te druk', version };
    for (const who of ['docent', 'coach', 'talenLead']) {
      const res = await stop(team.exact.id, as[who]!, body);
      // The teamleider of another team of the school does not see Exact's board at all.
      expect(res.statusCode, `${who}: ${res.body}`).toBe(who === 'talenLead' ? 404 : 403);
    }
    for (const who of ['otherSchoolleider', 'otherTeam', 'beheerder', 'otherBoard'])
      expect((await stop(team.exact.id, as[who]!, body)).statusCode, who).toBe(404);
    const still = await view(team.exact.id, as.teamleider!);
    expect(still.programme).toMatchObject({ id: programmeId, status: 'running', version });
  });

  it('needs a short reason, and the version and id of the programme (400 with field messages)', async () => {
    const empty = await stop(team.exact.id, as.teamleider!, { programmeId, reason: '   ', version });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([
      expect.objectContaining({ path: 'body.reason', message: 'Geef een reden.' }),
    ]);
    const long = await stop(team.exact.id, as.teamleider!, { programmeId, reason: 'x'.repeat(201), version });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0]).toMatchObject({ path: 'body.reason', message: 'Maximaal 200 tekens.' });
    expect((await stop(team.exact.id, as.teamleider!, { programmeId, reason: 'Te druk' })).statusCode).toBe(400);
    expect(
      (await stop(team.exact.id, as.teamleider!, { programmeId: 'x', reason: 'Te druk', version })).statusCode,
    ).toBe(400);
    // Another team's programme, or none at all, through this team: 404.
    const unknown = await stop(team.exact.id, as.teamleider!, {
      programmeId: randomUUID(),
      reason: 'Te druk',
      version,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('is a 409 over a stale version, and changes nothing', async () => {
    const stale = await stop(team.exact.id, as.teamleider!, { programmeId, reason: 'Te druk', version: version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ reason: 'stale' });
    expect((await view(team.exact.id, as.teamleider!)).programme.status).toBe('running');
  });

  it('stops it: no longer running, its future linking session leaves the year plan, audited and announced', async () => {
    const seen: string[] = [];
    const unsubscribe = [
      await env.app.live.subscribe(`team:${team.exact.id}`, (e) => seen.push(e.topic)),
      await env.app.live.subscribe(`team:${team.talen.id}`, (e) => seen.push(e.topic)),
    ];
    try {
      const res = await stop(team.exact.id, as.teamleider!, {
        programmeId,
        reason: '  Te veel zieken in het team; we beginnen na de zomer opnieuw.  ',
        version,
      });
      expect(res.statusCode, res.body).toBe(200);
      const stopped = res.json();
      expect(stopped.programme).toBeNull();
      expect(stopped.abilities).toEqual({ record: true, lead: true, stop: false });
      expect(stopped.stopped).toMatchObject({
        id: programmeId,
        startsOn: START,
        stoppedAt: NOW.toISOString(),
        reason: 'Te veel zieken in het team; we beginnen na de zomer opnieuw.',
      });
      expect(stopped.stopped.stoppedBy).toBeTruthy();
      // The team reads the stop too.
      expect((await view(team.exact.id, as.docent!)).stopped.reason).toContain('Te veel zieken');
      await expect
        .poll(() => [...new Set(seen)].sort(), { timeout: 2000 })
        .toEqual([`team:${team.exact.id}`, `team:${team.talen.id}`].sort());
    } finally {
      for (const u of unsubscribe) u();
    }
    const [row] = await env.database.db.select().from(teamProgrammes).where(eq(teamProgrammes.id, programmeId));
    expect(row).toMatchObject({ status: 'stopped', stoppedBy: team.exact.lead, version: version + 1 });
    const linking = await env.database.db
      .select()
      .from(yearPlanEvents)
      .where(and(eq(yearPlanEvents.teamId, team.exact.id), eq(yearPlanEvents.kind, 'linking')));
    expect(linking).toEqual([]);
    const plan = (await get('/api/year-plan', as.schoolleider!)).json();
    expect(plan.programmes.some((p: { id: string }) => p.id === programmeId)).toBe(false);
    const audited = await env.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'programme.stopped'), eq(auditLog.targetId, programmeId)));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      actorId: team.exact.lead,
      targetType: 'team_programme',
      details: { teamId: team.exact.id, startsOn: START, linkingRemoved: true },
    });
  });

  it('is a 409 once stopped, and the week notes and linking of a stopped programme are closed', async () => {
    const again = await stop(team.exact.id, as.schoolleider!, {
      programmeId,
      reason: 'Nogmaals',
      version: version + 1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ reason: 'stopped' });
    const week = await send('POST', `/api/teams/${team.exact.id}/programme/weeks`, as.docent!, {
      week: 1,
      sessionHeldOn: null,
      note: 'Te laat',
      version: 0,
    });
    expect(week.statusCode).toBe(404);
  });

  it('lets the team start a new programme afterwards; the stop then leaves the page', async () => {
    env.app.deps.now = () => new Date(NOW.getTime() + 3_600_000);
    const res = await send('POST', `/api/teams/${team.exact.id}/programme`, as.schoolleider!, {
      startsOn: '2030-03-18',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().programme).toMatchObject({ startsOn: '2030-03-18', status: 'running', currentWeek: 0 });
    expect(res.json().stopped).toBeNull();
    expect(res.json().abilities.stop).toBe(true);
  });
});

describe('stopping keeps what is past', () => {
  it('keeps a linking session that already took place', async () => {
    // Talen started eight weeks back and met the next team last Sunday; the programme ends this Sunday.
    const started = await send('POST', `/api/teams/${team.talen.id}/programme`, as.schoolleider!, {
      startsOn: '2030-01-21',
    });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json().programme.currentWeek).toBe(8);
    const planned = await send('POST', `/api/teams/${team.talen.id}/programme/linking`, as.talenLead!, {
      nextTeamId: team.exact.id,
      startsAt: '2030-03-10T15:00:00+01:00',
      location: '',
      version: started.json().programme.version,
    });
    expect(planned.statusCode, planned.body).toBe(200);
    const res = await stop(team.talen.id, as.talenLead!, {
      programmeId: planned.json().id,
      reason: 'Afgerond met de verbinding',
      version: planned.json().version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const linking = await env.database.db
      .select()
      .from(yearPlanEvents)
      .where(and(eq(yearPlanEvents.teamId, team.talen.id), eq(yearPlanEvents.kind, 'linking')));
    expect(linking).toHaveLength(1);
    expect(linking[0]!.startsAt.toISOString()).toBe('2030-03-10T14:00:00.000Z');
    const [entry] = await env.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'programme.stopped'), eq(auditLog.targetId, planned.json().id)));
    expect(entry!.details).toMatchObject({ linkingRemoved: false });
  });

  it('refuses to stop a programme past its eighth week (409); it is over already', async () => {
    const started = await send('POST', `/api/teams/${team.onderbouw.id}/programme`, as.otherSchoolleider!, {
      startsOn: '2030-01-14',
    });
    expect(started.statusCode, started.body).toBe(201);
    const current = started.json();
    expect(current.programme.currentWeek).toBe(9);
    expect(current.abilities.stop).toBe(false);
    const res = await stop(team.onderbouw.id, as.otherSchoolleider!, {
      programmeId: current.programme.id,
      reason: 'Klaar',
      version: current.programme.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ reason: 'not_running' });
    expect(res.json().error.message).toContain('acht weken');

    // A new programme after it, stopped before it began: the page shows the earlier one, and the stop beside it.
    env.app.deps.now = () => new Date(NOW.getTime() + 3_600_000);
    const next = await send('POST', `/api/teams/${team.onderbouw.id}/programme`, as.otherSchoolleider!, {
      startsOn: '2030-03-25',
    });
    expect(next.statusCode, next.body).toBe(201);
    env.app.deps.now = () => new Date(NOW.getTime() + 7_200_000);
    const stopped = await stop(team.onderbouw.id, as.otherSchoolleider!, {
      programmeId: next.json().programme.id,
      reason: 'Toch pas na de meivakantie',
      version: next.json().programme.version,
    });
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json().programme).toMatchObject({ id: current.programme.id, status: 'finished', currentWeek: 9 });
    expect(stopped.json().stopped).toMatchObject({
      id: next.json().programme.id,
      startsOn: '2030-03-25',
      reason: 'Toch pas na de meivakantie',
    });
  });
});
