import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
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
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import { createMailer, type Mailer } from '../../platform/mail/mailer.ts';
import { addDays, schoolDay } from '../../platform/time.ts';
import { barometerTables as bt, openDueBarometerRounds } from './index.ts';
import { api, close, openRound, teamWithMembers, type Member } from './barometer.test-setup.ts';

// The barometer's own rhythm: the settings for opening rounds by themselves, the daily job that opens them, what
// the team's page says about the next round, and the home task for teams that open their rounds by hand.

let env: TestEnv;
let board: TestBoard;
let call: ReturnType<typeof api>;
let mailer: Mailer;

// The rhythm never opens a round on a Saturday or Sunday, and these tests count days from today both ways. So the
// file runs on a Wednesday, the coming one (today when it is one), at today's time of day: every day counted from
// it (two before, a week after, …) is a school day, whatever day the suite runs. Only Date is faked; it runs on.
const realNow = new Date();
const toWednesday = (3 - new Date(`${schoolDay(realNow)}T12:00:00Z`).getUTCDay() + 7) % 7;
vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
vi.setSystemTime(realNow.getTime() + toWednesday * 86_400_000);
const today = schoolDay(new Date());

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  call = api(env);
  mailer = createMailer({ from: 'test@groeipad.nl' });
});
afterAll(async () => {
  mailer.close();
  await env.close();
  vi.useRealTimers();
});

type Rhythm = { autoOpen?: boolean; roundDays?: number; intervalWeeks?: 2 | 4 };

/** Saves the team's settings through the API as the member, keeping what the patch leaves out. */
async function saveSettings(teamId: string, member: Member, patch: Rhythm, status = 200) {
  const page = (await call.get(`/api/teams/${teamId}/barometer`, member.session)).json();
  const s = page.settings;
  const res = await call.send('PUT', `/api/teams/${teamId}/barometer/settings`, member.session, {
    version: s.version,
    intervalWeeks: s.intervalWeeks,
    extraQuestions: s.extraQuestions.map((q: { id: string; text: string; kind: string }) => ({
      id: q.id,
      text: q.text,
      kind: q.kind,
    })),
    minGroupSize: s.minGroupSize,
    minTextGroupSize: s.minTextGroupSize,
    ...patch,
  });
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

/** Moves a round back in time: it opened `daysAgo` days ago and ran for a week. */
const backdate = (roundId: string, daysAgo: number) =>
  env.database.db
    .update(bt.barometerRounds)
    .set({ opensOn: addDays(today, -daysAgo), closesOn: addDays(today, -daysAgo + 7) })
    .where(eq(bt.barometerRounds.id, roundId));

/** A team of `size` whose last round (closed) opened `daysAgo` days ago; no round at all when daysAgo is null. */
async function teamWithLastRound(size: number, daysAgo: number | null, rhythm: Rhythm = {}) {
  const made = await teamWithMembers(env, board, size);
  let lastRoundId: string | null = null;
  if (daysAgo !== null) {
    lastRoundId = await openRound(env, made.team.id, made.members[0]!);
    await close(env, lastRoundId, made.members[0]!);
    await backdate(lastRoundId, daysAgo);
  }
  if (Object.keys(rhythm).length > 0) {
    if (made.members.length > 0) await saveSettings(made.team.id, made.members[0]!, rhythm);
    else
      await env.database.db
        .insert(bt.barometerSettings)
        .values({ boardId: board.boardId, teamId: made.team.id, ...rhythm });
  }
  return { ...made, lastRoundId };
}

const roundsOf = (teamId: string) =>
  env.database.db.select().from(bt.barometerRounds).where(eq(bt.barometerRounds.teamId, teamId));
const openRoundsOf = async (teamId: string) => (await roundsOf(teamId)).filter((r) => r.status === 'open');
const runJob = (now = new Date()) => openDueBarometerRounds(env.database.db, mailer, env.config, now);

async function tasksOf(session: Session) {
  const res = await call.get('/api/me/tasks', session);
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json<{ items: { key: string; kind: string; params: Record<string, string>; dueOn: string; href: string }[] }>()
    .items.filter((t) => t.kind === 'start_barometer');
}

describe('settings for the rhythm', () => {
  it('are saved by a member with a version, and kept when a save leaves them out', async () => {
    const { team, members } = await teamWithMembers(env, board, 3);
    const before = (await call.get(`/api/teams/${team.id}/barometer`, members[0]!.session)).json();
    expect(before.settings).toMatchObject({ autoOpen: false, roundDays: 7, version: 0 });

    const saved = await saveSettings(team.id, members[1]!, { autoOpen: true, roundDays: 10, intervalWeeks: 4 });
    expect(saved.json()).toMatchObject({ autoOpen: true, roundDays: 10, intervalWeeks: 4, version: 1 });
    const [entry] = await env.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'barometer.settings.updated'), eq(auditLog.targetId, team.id)));
    expect(entry).toMatchObject({
      actorId: members[1]!.id,
      details: expect.objectContaining({ autoOpen: true, roundDays: 10 }),
    });

    // A client that does not know the fields (an older page) changes the interval and leaves the rhythm alone.
    const res = await call.send('PUT', `/api/teams/${team.id}/barometer/settings`, members[0]!.session, {
      version: 1,
      intervalWeeks: 2,
      extraQuestions: [],
      minGroupSize: 3,
      minTextGroupSize: 5,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ autoOpen: true, roundDays: 10, intervalWeeks: 2, version: 2 });

    // Turning it off again.
    expect((await saveSettings(team.id, members[2]!, { autoOpen: false })).json()).toMatchObject({
      autoOpen: false,
      roundDays: 10,
      version: 3,
    });
  });

  it('refuse a round of fewer than 3 or more than 14 days, or half a day, per field', async () => {
    const { team, members } = await teamWithMembers(env, board, 3);
    for (const roundDays of [2, 15, 0, -7, 7.5]) {
      const res = await saveSettings(team.id, members[0]!, { autoOpen: true, roundDays }, 400);
      expect(res.json().error.details[0].path, String(roundDays)).toBe('body.roundDays');
    }
    const notABoolean = await saveSettings(team.id, members[0]!, { autoOpen: 'ja' as unknown as boolean }, 400);
    expect(notABoolean.json().error.details[0].path).toBe('body.autoOpen');
    for (const roundDays of [3, 13]) {
      expect((await saveSettings(team.id, members[0]!, { roundDays })).json().roundDays).toBe(roundDays);
    }
    // A round closes before the next one opens: every 2 weeks, 14 days is one too many; every 4 weeks it fits.
    const tooLong = await saveSettings(team.id, members[0]!, { roundDays: 14, intervalWeeks: 2 }, 400);
    expect(tooLong.json().error.details).toEqual([
      {
        path: 'roundDays',
        message: 'Een ronde is dicht voordat de volgende opent: bij elke 2 weken hoogstens 13 dagen.',
      },
    ]);
    expect((await saveSettings(team.id, members[0]!, { roundDays: 14, intervalWeeks: 4 })).json()).toMatchObject({
      roundDays: 14,
      intervalWeeks: 4,
    });
  });

  it('refuse a stale version with a conflict, and keep what the other saved', async () => {
    const { team, members } = await teamWithMembers(env, board, 2);
    await saveSettings(team.id, members[0]!, { autoOpen: true });
    const stale = await call.send('PUT', `/api/teams/${team.id}/barometer/settings`, members[1]!.session, {
      version: 0,
      intervalWeeks: 2,
      extraQuestions: [],
      minGroupSize: 3,
      minTextGroupSize: 5,
      autoOpen: false,
      roundDays: 5,
    });
    expect(stale.statusCode).toBe(409);
    const page = (await call.get(`/api/teams/${team.id}/barometer`, members[1]!.session)).json();
    expect(page.settings).toMatchObject({ autoOpen: true, roundDays: 7, version: 1 });
  });

  it('cannot be changed or read by anyone outside the team’s staff', async () => {
    const { team, school, members } = await teamWithMembers(env, board, 2);
    const talen = board.teams.find((t) => t.name === 'Talen')!;
    const inTalen = board.memberships.find((m) => m.teamId === talen.id)!.personId;
    const student = await createPerson(env.database, board, {
      roles: [{ role: 'student', schoolId: school.id, teamId: team.id }],
    });
    const other = await createBoard(env.database);
    const outsiders: Record<string, Session> = {
      'a member of another team': await sessionFor(env.database, inTalen),
      'the schoolleider': await sessionFor(env.database, board.byRole('schoolleider', 'School Noord').id),
      'an MT-lid': await sessionFor(env.database, board.byRole('mt_lid', 'School Noord').id),
      'the beheerder': await sessionFor(env.database, board.byRole('beheerder').id),
      HR: await sessionFor(env.database, board.byRole('hr').id),
      'a student placed in the team': await sessionFor(env.database, student.id),
      'a beheerder of another board': await sessionFor(env.database, other.byRole('beheerder').id),
    };
    const body = {
      version: 0,
      intervalWeeks: 2,
      extraQuestions: [],
      minGroupSize: 3,
      minTextGroupSize: 5,
      autoOpen: true,
    };
    for (const [who, session] of Object.entries(outsiders)) {
      const res = await call.send('PUT', `/api/teams/${team.id}/barometer/settings`, session, body);
      expect(res.statusCode, who).toBe(404);
    }
    const page = (await call.get(`/api/teams/${team.id}/barometer`, members[0]!.session)).json();
    expect(page.settings).toMatchObject({ autoOpen: false, version: 0 });
  });
});

describe('the team page on the next round', () => {
  it('says when a team that opens by hand is due, and since when', async () => {
    const { team, members } = await teamWithLastRound(3, 16);
    const page = (await call.get(`/api/teams/${team.id}/barometer`, members[0]!.session)).json();
    expect(page).toMatchObject({ dueSince: addDays(today, -2), nextRoundOn: today, abilities: { start: true } });

    const notYet = await teamWithLastRound(3, 5);
    const early = (await call.get(`/api/teams/${notYet.team.id}/barometer`, notYet.members[0]!.session)).json();
    expect(early).toMatchObject({ dueSince: null, nextRoundOn: addDays(today, 9) });

    const never = await teamWithMembers(env, board, 3);
    const first = (await call.get(`/api/teams/${never.team.id}/barometer`, never.members[0]!.session)).json();
    expect(first).toMatchObject({ dueSince: null, nextRoundOn: today });
  });

  it('says on which day the round opens by itself, and nothing while one runs', async () => {
    const { team, members } = await teamWithLastRound(3, 5, { autoOpen: true, intervalWeeks: 4 });
    const page = (await call.get(`/api/teams/${team.id}/barometer`, members[0]!.session)).json();
    expect(page).toMatchObject({ dueSince: null, nextRoundOn: addDays(today, 23) });

    // Due already: today if the morning's job is still to run, otherwise tomorrow.
    const due = await teamWithLastRound(3, 20, { autoOpen: true });
    const duePage = (await call.get(`/api/teams/${due.team.id}/barometer`, due.members[0]!.session)).json();
    expect([today, addDays(today, 1)]).toContain(duePage.nextRoundOn);
    expect(duePage.dueSince).toBe(addDays(today, -6));

    await openRound(env, team.id, members[1]!);
    const running = (await call.get(`/api/teams/${team.id}/barometer`, members[0]!.session)).json();
    expect(running).toMatchObject({ nextRoundOn: null, dueSince: null });
  });
});

describe('the daily job that opens rounds', () => {
  it('opens one round for a due team: for its own days, with invitations and an audit entry without a person', async () => {
    const { team, members } = await teamWithLastRound(4, 14, { autoOpen: true, roundDays: 5 });
    expect(await runJob()).toBeGreaterThanOrEqual(1);

    const [round, ...more] = await openRoundsOf(team.id);
    expect(more).toHaveLength(0);
    expect(round).toMatchObject({
      opensOn: today,
      closesOn: addDays(today, 5),
      createdBy: null,
      campaignId: null,
      minGroupSize: 3,
    });
    const participation = await env.database.db
      .select()
      .from(bt.barometerParticipation)
      .where(eq(bt.barometerParticipation.roundId, round!.id));
    expect(participation.map((p) => p.personId).sort()).toEqual(members.map((m) => m.id).sort());
    for (const m of members) {
      const mail = await latestMailTo(env.database, m.email);
      expect(mail?.subject).toBe(`Barometer van team ${team.name}: hoe gaat het?`);
      expect(mail?.text).toContain(`/barometer/invullen/${round!.id}`);
    }
    const entries = await env.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'barometer.round.opened'), eq(auditLog.targetId, round!.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      boardId: board.boardId,
      actorId: null,
      details: { automatic: true, teamId: team.id, invited: 4 },
    });
    // The members find it on their home page, like a round a colleague started.
    const tasks = (await call.get('/api/me/tasks', members[2]!.session)).json().items;
    expect(tasks).toContainEqual(expect.objectContaining({ kind: 'fill_barometer', dueOn: addDays(today, 5) }));
  });

  it('opens one round when it runs twice on a day, also at the same moment, and not again after closing', async () => {
    const { team, members } = await teamWithLastRound(3, 30, { autoOpen: true });
    await Promise.all([runJob(), runJob(), runJob()]);
    await runJob();
    const open = await openRoundsOf(team.id);
    expect(open).toHaveLength(1);
    const openings = await env.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'barometer.round.opened'), isNull(auditLog.actorId)));
    expect(openings.filter((e) => (e.details as { teamId?: string }).teamId === team.id)).toHaveLength(1);
    // One invitation each, not one per run.
    for (const m of members) {
      const mails = await env.database.db
        .select()
        .from(mailOutbox)
        .where(
          and(
            eq(mailOutbox.toAddress, m.email),
            eq(mailOutbox.subject, `Barometer van team ${team.name}: hoe gaat het?`),
          ),
        );
      expect(mails).toHaveLength(2); // the round of a month ago, and today's
    }

    // Closed early by the team: the rhythm starts again from today, not a second round the same day.
    await close(env, open[0]!.id, members[0]!);
    await runJob();
    expect(await roundsOf(team.id)).toHaveLength(2);
    expect(await openRoundsOf(team.id)).toHaveLength(0);
  });

  it('keeps to the interval: 2 weeks or 4 weeks after the last round opened, whoever opened it', async () => {
    const twoEarly = await teamWithLastRound(3, 13, { autoOpen: true });
    const twoDue = await teamWithLastRound(3, 14, { autoOpen: true });
    const fourEarly = await teamWithLastRound(3, 27, { autoOpen: true, intervalWeeks: 4 });
    const fourDue = await teamWithLastRound(3, 28, { autoOpen: true, intervalWeeks: 4 });
    await runJob();
    expect(await openRoundsOf(twoEarly.team.id)).toHaveLength(0);
    expect(await openRoundsOf(twoDue.team.id)).toHaveLength(1);
    expect(await openRoundsOf(fourEarly.team.id)).toHaveLength(0);
    expect(await openRoundsOf(fourDue.team.id)).toHaveLength(1);

    // The next day the 13-day team is due.
    await runJob(new Date(Date.now() + 86_400_000));
    expect(await openRoundsOf(twoEarly.team.id)).toHaveLength(1);
  });

  it('opens nothing on a Saturday or Sunday: a team due then gets its round on the Monday', async () => {
    const { team } = await teamWithLastRound(3, 17, { autoOpen: true });
    const saturday = new Date(Date.now() + 3 * 86_400_000);
    expect(await runJob(saturday)).toBe(0);
    expect(await runJob(new Date(saturday.getTime() + 86_400_000))).toBe(0);
    expect(await openRoundsOf(team.id)).toHaveLength(0);
    await runJob(new Date(saturday.getTime() + 2 * 86_400_000));
    expect(await openRoundsOf(team.id)).toHaveLength(1);
  });

  it('opens the first round of a team that turned it on before it ever had one', async () => {
    const { team } = await teamWithLastRound(3, null, { autoOpen: true });
    await runJob();
    expect(await openRoundsOf(team.id)).toHaveLength(1);
  });

  it('skips teams without staff, with a round open, or that open their rounds by hand', async () => {
    const empty = await teamWithLastRound(0, null, { autoOpen: true });
    const running = await teamWithLastRound(3, 20, { autoOpen: true });
    const runningId = await openRound(env, running.team.id, running.members[0]!, 10);
    const byHand = await teamWithLastRound(3, 30, { autoOpen: false });
    const untouched = await teamWithLastRound(3, 30);
    await runJob();
    expect(await roundsOf(empty.team.id)).toHaveLength(0);
    expect((await openRoundsOf(running.team.id)).map((r) => r.id)).toEqual([runningId]);
    expect(await openRoundsOf(byHand.team.id)).toHaveLength(0);
    expect(await openRoundsOf(untouched.team.id)).toHaveLength(0);
  });

  it('keeps each board to itself: a round and its mails only for the team’s own board and people', async () => {
    const other = await createBoard(env.database);
    const theirs = await teamWithMembers(env, other, 3);
    await saveSettings(theirs.team.id, theirs.members[0]!, { autoOpen: true });
    const ours = await teamWithLastRound(3, null, { autoOpen: true });
    await runJob();
    const [theirRound] = await openRoundsOf(theirs.team.id);
    const [ourRound] = await openRoundsOf(ours.team.id);
    expect(theirRound).toMatchObject({ boardId: other.boardId });
    expect(ourRound).toMatchObject({ boardId: board.boardId });
    const theirPeople = await env.database.db
      .select()
      .from(bt.barometerParticipation)
      .where(eq(bt.barometerParticipation.roundId, theirRound!.id));
    expect(theirPeople.every((p) => p.boardId === other.boardId)).toBe(true);
    expect(theirPeople.map((p) => p.personId).sort()).toEqual(theirs.members.map((m) => m.id).sort());
    // Their staff cannot reach our round.
    const res = await call.get(`/api/barometer/rounds/${ourRound!.id}`, theirs.members[0]!.session);
    expect(res.statusCode).toBe(404);
  });
});

describe('the home task to start the barometer', () => {
  it('asks the team’s staff when the rhythm says the next round is due, from the day it became due', async () => {
    const { team, school, members } = await teamWithLastRound(3, 16);
    const teamleider = await createPerson(env.database, board, {
      roles: [{ role: 'teamleider', schoolId: school.id, teamId: team.id }],
    });
    for (const session of [members[0]!.session, members[2]!.session, await sessionFor(env.database, teamleider.id)]) {
      expect(await tasksOf(session)).toEqual([
        {
          key: `barometer-start-${team.id}`,
          kind: 'start_barometer',
          params: { team: team.name, weeks: '2' },
          dueOn: addDays(today, -2),
          href: `/team/${team.id}/barometer`,
        },
      ]);
    }
    // Started: the task is gone, for everyone.
    await openRound(env, team.id, members[1]!);
    expect(await tasksOf(members[0]!.session)).toEqual([]);
    expect(await tasksOf(members[2]!.session)).toEqual([]);
  });

  it('asks nobody outside the team’s staff: not the school’s leaders, nor a student placed in the team', async () => {
    const { team, school } = await teamWithLastRound(3, 30);
    const student = await createPerson(env.database, board, {
      roles: [{ role: 'student', schoolId: school.id, teamId: team.id }],
    });
    const talen = board.teams.find((t) => t.name === 'Talen')!;
    const inTalen = board.memberships.find((m) => m.teamId === talen.id)!.personId;
    for (const [who, personId] of Object.entries({
      'the schoolleider': board.byRole('schoolleider', 'School Noord').id,
      'an MT-lid': board.byRole('mt_lid', 'School Noord').id,
      'the beheerder': board.byRole('beheerder').id,
      HR: board.byRole('hr').id,
      'a student placed in the team': student.id,
      'a member of another team': inTalen,
    })) {
      const tasks = await tasksOf(await sessionFor(env.database, personId));
      expect(
        tasks.filter((t) => t.href.includes(team.id)),
        who,
      ).toEqual([]);
    }
  });

  it('does not ask before the interval passed, while a round runs, with automatic opening, or before a first round', async () => {
    const early = await teamWithLastRound(2, 13);
    const fourWeeks = await teamWithLastRound(2, 20, { intervalWeeks: 4 });
    const running = await teamWithLastRound(2, 30);
    await openRound(env, running.team.id, running.members[0]!);
    const automatic = await teamWithLastRound(2, 30, { autoOpen: true });
    const never = await teamWithMembers(env, board, 2);
    for (const [what, made] of Object.entries({ early, fourWeeks, running, automatic, never })) {
      expect(await tasksOf(made.members[1]!.session), what).toEqual([]);
    }
    // A four-week team is due after four weeks, and the task says so.
    const fourDue = await teamWithLastRound(2, 29, { intervalWeeks: 4 });
    expect(await tasksOf(fourDue.members[1]!.session)).toEqual([
      expect.objectContaining({ params: { team: fourDue.team.name, weeks: '4' }, dueOn: addDays(today, -1) }),
    ]);
  });
});
