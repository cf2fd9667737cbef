import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  createBoard,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { cycleTables } from '../cycle/index.ts';
import { barometerTables as bt } from './index.ts';
import { answer, answerWith, api, close, openRound, teamWithMembers, type Member } from './barometer.test-setup.ts';

// Who may do what: every access rule of the barometer through the real API.

let env: TestEnv;
let board: TestBoard;
let call: ReturnType<typeof api>;
let team: { id: string };
let members: Member[];
let otherTeamMember: Session;
let leader: Session;
let mt: Session;
let otherSchoolLeader: Session;
let beheerder: Session;
let hr: Session;
let stranger: Session;

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  call = api(env);
  const made = await teamWithMembers(env, board, 5);
  team = made.team;
  members = made.members;
  const talen = board.teams.find((t) => t.name === 'Talen')!;
  const inTeam = (teamId: string) =>
    board.people.find((p) => board.memberships.some((m) => m.personId === p.id && m.teamId === teamId))!;
  otherTeamMember = await sessionFor(env.database, inTeam(talen.id).id);
  leader = await sessionFor(env.database, board.byRole('schoolleider', 'School Noord').id);
  mt = await sessionFor(env.database, board.byRole('mt_lid', 'School Noord').id);
  otherSchoolLeader = await sessionFor(env.database, board.byRole('schoolleider', 'School Zuid').id);
  beheerder = await sessionFor(env.database, board.byRole('beheerder').id);
  hr = await sessionFor(env.database, board.byRole('hr').id);
  const other = await createBoard(env.database);
  stranger = await sessionFor(env.database, other.byRole('beheerder').id);
});
afterAll(() => env.close());

const outsiders = () => ({
  'a member of another team': otherTeamMember,
  'the schoolleider': leader,
  'an MT-lid': mt,
  'a schoolleider of another school': otherSchoolLeader,
  'the beheerder': beheerder,
  HR: hr,
  'a beheerder of another board': stranger,
});

describe('the team page', () => {
  it('shows a member the defaults and the standard questions before any round', async () => {
    const res = await call.get(`/api/teams/${team.id}/barometer`, members[0]!.session);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.settings).toMatchObject({ intervalWeeks: 2, minGroupSize: 3, minTextGroupSize: 5, version: 0 });
    expect(body.memberCount).toBe(5);
    expect(body.openRound).toBeNull();
    expect(body.standardQuestions.filter((q: { kind: string }) => q.kind === 'scale')).toHaveLength(8);
    expect(body.abilities).toEqual({ start: true, editSettings: true });
  });

  it('is not found for anyone outside the team, school leaders included', async () => {
    for (const [who, session] of Object.entries(outsiders())) {
      const res = await call.get(`/api/teams/${team.id}/barometer`, session);
      expect(res.statusCode, who).toBe(404);
    }
  });

  it('takes no query parameters: no filter or breakdown exists', async () => {
    const res = await call.get(`/api/teams/${team.id}/barometer?group=docent`, members[0]!.session);
    expect(res.statusCode).toBe(400);
  });
});

describe('settings', () => {
  const body = (version: number, extra: object = {}) => ({
    version,
    intervalWeeks: 4,
    extraQuestions: [{ text: 'Ik weet wat er van mij verwacht wordt bij het bord.', kind: 'scale' }],
    minGroupSize: 3,
    minTextGroupSize: 5,
    ...extra,
  });

  it('are saved by a member, with a version', async () => {
    const res = await call.send('PUT', `/api/teams/${team.id}/barometer/settings`, members[1]!.session, body(0));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ intervalWeeks: 4, version: 1 });
    expect(res.json().extraQuestions[0].id).toMatch(/^own-/);
    const stale = await call.send('PUT', `/api/teams/${team.id}/barometer/settings`, members[1]!.session, body(0));
    expect(stale.statusCode).toBe(409);
  });

  it('refuse minimums below 3, below the school’s, and text below scores, per field', async () => {
    const version = (await call.get(`/api/teams/${team.id}/barometer`, members[0]!.session)).json().settings.version;
    const tooLow = await call.send(
      'PUT',
      `/api/teams/${team.id}/barometer/settings`,
      members[0]!.session,
      body(version, { minGroupSize: 2 }),
    );
    expect(tooLow.statusCode).toBe(400);
    expect(tooLow.json().error.details[0].path).toBe('body.minGroupSize');
    const textBelow = await call.send(
      'PUT',
      `/api/teams/${team.id}/barometer/settings`,
      members[0]!.session,
      body(version, { minGroupSize: 6, minTextGroupSize: 5 }),
    );
    expect(textBelow.statusCode).toBe(400);
    expect(textBelow.json().error.details[0].path).toBe('body.minTextGroupSize');

    const zuid = await teamWithMembers(env, board, 1, 'docent', 'School Zuid');
    await env.database.db
      .insert(cycleTables.schoolSettings)
      .values({ boardId: board.boardId, schoolId: zuid.school.id, minGroupSize: 4, minTextGroupSize: 6 });
    const belowSchool = await call.send(
      'PUT',
      `/api/teams/${zuid.team.id}/barometer/settings`,
      zuid.members[0]!.session,
      body(0, { minGroupSize: 3, minTextGroupSize: 6 }),
    );
    expect(belowSchool.statusCode).toBe(400);
    expect(belowSchool.json().error.details[0]).toMatchObject({ path: 'body.minGroupSize' });
    // The page tells the team the school's floors.
    const page = (await call.get(`/api/teams/${zuid.team.id}/barometer`, zuid.members[0]!.session)).json();
    expect(page.settings).toMatchObject({ schoolMinGroupSize: 4, schoolMinTextGroupSize: 6 });
  });

  it('cannot be changed from outside the team', async () => {
    for (const [who, session] of Object.entries(outsiders())) {
      const res = await call.send('PUT', `/api/teams/${team.id}/barometer/settings`, session, body(1));
      expect(res.statusCode, who).toBe(404);
    }
  });
});

describe('a round of the team', () => {
  let roundId: string;

  it('is started by a member: everyone in the team is asked, by mail and on their home page', async () => {
    for (const [who, session] of Object.entries(outsiders())) {
      const res = await call.send('POST', `/api/teams/${team.id}/barometer/rounds`, session, { closesInDays: 7 });
      expect(res.statusCode, who).toBe(404);
    }
    roundId = await openRound(env, team.id, members[0]!);
    const participation = await env.database.db
      .select()
      .from(bt.barometerParticipation)
      .where(eq(bt.barometerParticipation.roundId, roundId));
    expect(participation.map((p) => p.personId).sort()).toEqual(members.map((m) => m.id).sort());
    const round = (
      await env.database.db.select().from(bt.barometerRounds).where(eq(bt.barometerRounds.id, roundId))
    )[0]!;
    // The team's own question came along, after the standard ones.
    expect(round.questions.at(-1)!.text).toContain('bij het bord');
    const tasks = (await call.get('/api/me/tasks', members[3]!.session)).json();
    expect(tasks.items).toContainEqual(
      expect.objectContaining({ kind: 'fill_barometer', href: `/barometer/invullen/${roundId}` }),
    );
  });

  it('is one at a time', async () => {
    const res = await call.send('POST', `/api/teams/${team.id}/barometer/rounds`, members[1]!.session, {});
    expect(res.statusCode).toBe(409);
  });

  it('shows its form to those asked and to nobody outside the team', async () => {
    const res = await call.get(`/api/barometer/rounds/${roundId}`, members[2]!.session);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'open', invitedMe: true, answeredByMe: false });
    for (const [who, session] of Object.entries(outsiders())) {
      expect((await call.get(`/api/barometer/rounds/${roundId}`, session)).statusCode, who).toBe(404);
    }
  });

  it('checks an answer against the round’s questions', async () => {
    const own = (await call.get(`/api/barometer/rounds/${roundId}`, members[0]!.session)).json().questions.at(-1).id;
    const missing = await call.send(
      'POST',
      `/api/barometer/rounds/${roundId}/answers`,
      members[0]!.session,
      answerWith(4),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toContainEqual(expect.objectContaining({ path: `body.scores.${own}` }));
    const foreign = await call.send('POST', `/api/barometer/rounds/${roundId}/answers`, members[0]!.session, {
      ...answerWith(4, {}, [own]),
      texts: { onbekend: 'x' },
    });
    expect(foreign.statusCode).toBe(400);
  });

  it('counts an answer once: a second submit is a conflict, also when both arrive together', async () => {
    const own = (await call.get(`/api/barometer/rounds/${roundId}`, members[0]!.session)).json().questions.at(-1).id;
    const body = answerWith(4, {}, [own]);
    await answer(env, roundId, members[0]!, body);
    await answer(env, roundId, members[0]!, body, 409);
    const both = await Promise.all([
      call.send('POST', `/api/barometer/rounds/${roundId}/answers`, members[1]!.session, body),
      call.send('POST', `/api/barometer/rounds/${roundId}/answers`, members[1]!.session, body),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const responses = await env.database.db
      .select()
      .from(bt.barometerResponses)
      .where(eq(bt.barometerResponses.roundId, roundId));
    expect(responses).toHaveLength(2);
    const page = (await call.get(`/api/teams/${team.id}/barometer`, members[4]!.session)).json();
    expect(page.openRound).toMatchObject({ invited: 5, answered: 2, invitedMe: true, answeredByMe: false });
    const mine = (await call.get(`/api/teams/${team.id}/barometer`, members[0]!.session)).json();
    expect(mine.openRound.answeredByMe).toBe(true);
    const tasks = (await call.get('/api/me/tasks', members[0]!.session)).json();
    expect(tasks.items.some((t: { kind: string }) => t.kind === 'fill_barometer')).toBe(false);
  });

  it('cannot be answered by someone who was not asked', async () => {
    for (const [who, session] of Object.entries(outsiders())) {
      const res = await call.send('POST', `/api/barometer/rounds/${roundId}/answers`, session, answerWith(3));
      expect(res.statusCode, who).toBe(404);
    }
  });

  it('has no results while open, for anyone', async () => {
    expect((await call.get(`/api/barometer/rounds/${roundId}/results`, members[0]!.session)).statusCode).toBe(409);
    expect((await call.get(`/api/barometer/rounds/${roundId}/results`, leader)).statusCode).toBe(404);
  });

  it('cannot be shared while open, and is closed only by a member', async () => {
    expect((await call.send('POST', `/api/barometer/rounds/${roundId}/share`, members[0]!.session)).statusCode).toBe(
      409,
    );
    for (const [who, session] of Object.entries(outsiders())) {
      expect((await call.send('POST', `/api/barometer/rounds/${roundId}/close`, session)).statusCode, who).toBe(404);
    }
    await close(env, roundId, members[2]!);
    expect((await call.send('POST', `/api/barometer/rounds/${roundId}/close`, members[2]!.session)).statusCode).toBe(
      409,
    );
  });

  it('refuses answers once closed', async () => {
    const own = (await call.get(`/api/barometer/rounds/${roundId}`, members[3]!.session)).json();
    expect(own.status).toBe('closed');
    await answer(env, roundId, members[3]!, answerWith(4, {}, [own.questions.at(-1).id]), 409);
  });

  it('shows its (withheld) result to members only, until the team shares it', async () => {
    const res = await call.get(`/api/barometer/rounds/${roundId}/results`, members[4]!.session);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ shown: false, respondents: 2, missing: 1, abilities: { share: true } });
    for (const [who, session] of Object.entries(outsiders())) {
      expect((await call.get(`/api/barometer/rounds/${roundId}/results`, session)).statusCode, who).toBe(404);
    }
    expect((await call.get(`/api/barometer/rounds/${roundId}/results?cell=1`, members[4]!.session)).statusCode).toBe(
      400,
    );
  });

  it('is shared with the school leaders by a member, and the sharing can be undone', async () => {
    for (const [who, session] of Object.entries(outsiders())) {
      expect((await call.send('POST', `/api/barometer/rounds/${roundId}/share`, session)).statusCode, who).toBe(404);
    }
    expect((await call.send('POST', `/api/barometer/rounds/${roundId}/share`, members[1]!.session)).statusCode).toBe(
      200,
    );
    for (const session of [leader, mt]) {
      const res = await call.get(`/api/barometer/rounds/${roundId}/results`, session);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ shown: false, abilities: { share: false } });
    }
    const reads = await env.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'barometer.shared.read'), eq(auditLog.targetId, roundId)));
    expect(reads).toHaveLength(2);
    // Still nobody else, and the team page stays the team's.
    for (const session of [otherTeamMember, otherSchoolLeader, beheerder, hr, stranger]) {
      expect((await call.get(`/api/barometer/rounds/${roundId}/results`, session)).statusCode).toBe(404);
    }
    expect((await call.get(`/api/teams/${team.id}/barometer`, leader)).statusCode).toBe(404);
    // The leader cannot take it back; a member can.
    expect((await call.send('DELETE', `/api/barometer/rounds/${roundId}/share`, leader)).statusCode).toBe(404);
    expect((await call.send('DELETE', `/api/barometer/rounds/${roundId}/share`, members[3]!.session)).statusCode).toBe(
      200,
    );
    expect((await call.get(`/api/barometer/rounds/${roundId}/results`, leader)).statusCode).toBe(404);
  });
});

describe('the school’s leaders', () => {
  it('start rounds for every team of the school that has staff and no running round', async () => {
    const school = board.schools.find((s) => s.name === 'School Noord')!;
    for (const session of [members[0]!.session, otherSchoolLeader, beheerder, hr, stranger]) {
      const res = await call.send('POST', `/api/schools/${school.id}/barometer/rounds`, session, { closesInDays: 7 });
      expect(res.statusCode).toBe(404);
    }
    // The team of this file has a round running again.
    await openRound(env, team.id, members[0]!);
    const res = await call.send('POST', `/api/schools/${school.id}/barometer/rounds`, mt, { closesInDays: 10 });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.skipped).toContainEqual(expect.objectContaining({ teamId: team.id, reason: 'open_round' }));
    const started = board.teams.filter((t) => t.schoolId === school.id).map((t) => t.id);
    for (const id of started) expect(body.started.map((s: { teamId: string }) => s.teamId)).toContain(id);
    const rounds = await env.database.db
      .select()
      .from(bt.barometerRounds)
      .where(eq(bt.barometerRounds.campaignId, body.campaignId));
    expect(rounds.length).toBe(body.started.length);
    // Starting gives no access to what the teams answer.
    for (const r of rounds) {
      expect((await call.get(`/api/barometer/rounds/${r.id}`, mt)).statusCode).toBe(404);
      expect((await call.get(`/api/teams/${r.teamId}/barometer`, mt)).statusCode).toBe(404);
    }
  });

  it('see which teams run a round and only the rounds a team shared; no counts', async () => {
    const school = board.schools.find((s) => s.name === 'School Noord')!;
    for (const session of [members[0]!.session, otherSchoolLeader, beheerder, hr, stranger]) {
      expect((await call.get(`/api/schools/${school.id}/barometer`, session)).statusCode).toBe(404);
    }
    const res = await call.get(`/api/schools/${school.id}/barometer`, leader);
    expect(res.statusCode).toBe(200);
    const mine = res.json().teams.find((t: { id: string }) => t.id === team.id);
    expect(mine.openRound).not.toBeNull();
    expect(mine.sharedRounds).toEqual([]);
    expect(res.body).not.toMatch(/answered|invited|respondents|mean/);
  });
});

describe('the audit log', () => {
  it('records opening, closing and sharing, never answering', async () => {
    const entries = await env.database.db.select().from(auditLog).where(eq(auditLog.boardId, board.boardId));
    const actions = new Set(entries.map((e) => e.action));
    expect(actions).toContain('barometer.round.opened');
    expect(actions).toContain('barometer.round.closed');
    expect(actions).toContain('barometer.round.shared');
    expect([...actions].some((a) => a.includes('answer'))).toBe(false);
  });
});
