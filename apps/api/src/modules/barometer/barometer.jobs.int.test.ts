import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createBoard, latestMailTo, startTestApp, type TestBoard, type TestEnv } from '../../../test/harness.ts';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { addDays, schoolDay } from '../../platform/time.ts';
import { organisationTables as org } from '../organisation/index.ts';
import { applyRetention } from '../retention/index.ts';
import { barometerTables as bt, closeExpiredBarometerRounds, sendBarometerReminders } from './index.ts';
import { answer, answerWith, api, openRound, teamWithMembers } from './barometer.test-setup.ts';

// The daily jobs (closing, one reminder), the home task, the personal export and retention of participation.

let env: TestEnv;
let board: TestBoard;
let call: ReturnType<typeof api>;

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  call = api(env);
});
afterAll(() => env.close());

const setCloses = (roundId: string, day: string) =>
  env.database.db.update(bt.barometerRounds).set({ closesOn: day }).where(eq(bt.barometerRounds.id, roundId));

describe('invitations and reminders', () => {
  it('invite everyone when a round opens, and remind only those who did not answer, once', async () => {
    const { team, members } = await teamWithMembers(env, board, 4);
    const roundId = await openRound(env, team.id, members[0]!);
    for (const m of members) {
      const mail = await latestMailTo(env.database, m.email);
      expect(mail?.subject).toContain('Barometer van team');
      expect(mail?.text).toContain(`/barometer/invullen/${roundId}`);
      expect(mail?.text).toContain('zonder je naam');
    }
    await answer(env, roundId, members[0]!, answerWith(4));
    await answer(env, roundId, members[1]!, answerWith(3));

    const mailer = createMailer({ from: 'test@groeipad.nl' });
    const today = schoolDay(new Date());
    const subject = `Nog even: de barometer van team ${team.name}`;
    const sentTo = async (email: string) =>
      (
        await env.database.db
          .select()
          .from(mailOutbox)
          .where(and(eq(mailOutbox.toAddress, email), eq(mailOutbox.subject, subject)))
      ).length;
    // Not yet: the round closes in a week.
    await sendBarometerReminders(env.database.db, mailer, env.config, new Date());
    expect(await sentTo(members[2]!.email)).toBe(0);

    await setCloses(roundId, addDays(today, 1));
    expect(await sendBarometerReminders(env.database.db, mailer, env.config, new Date())).toBeGreaterThanOrEqual(2);
    await sendBarometerReminders(env.database.db, mailer, env.config, new Date());
    expect(await sentTo(members[0]!.email)).toBe(0);
    expect(await sentTo(members[1]!.email)).toBe(0);
    expect(await sentTo(members[2]!.email)).toBe(1);
    expect(await sentTo(members[3]!.email)).toBe(1);
    mailer.close();
  });
});

describe('closing by the daily job', () => {
  it('closes rounds after their last day, seals them and takes the home task away', async () => {
    const { team, members } = await teamWithMembers(env, board, 3);
    const roundId = await openRound(env, team.id, members[0]!);
    for (const m of members) await answer(env, roundId, m, answerWith(5));
    const today = schoolDay(new Date());
    // On its last day it stays open.
    await setCloses(roundId, today);
    await closeExpiredBarometerRounds(env.database.db, new Date());
    expect((await call.get(`/api/barometer/rounds/${roundId}`, members[0]!.session)).json().status).toBe('open');

    await setCloses(roundId, addDays(today, -1));
    // A round past its last day takes no answers even before the job ran.
    const late = await teamWithMembers(env, board, 1);
    const lateRound = await openRound(env, late.team.id, late.members[0]!);
    await setCloses(lateRound, addDays(today, -1));
    await answer(env, lateRound, late.members[0]!, answerWith(3), 409);
    const tasks = (await call.get('/api/me/tasks', late.members[0]!.session)).json();
    expect(tasks.items.some((t: { kind: string }) => t.kind === 'fill_barometer')).toBe(false);

    expect(await closeExpiredBarometerRounds(env.database.db, new Date())).toBeGreaterThanOrEqual(2);
    const [round] = await env.database.db.select().from(bt.barometerRounds).where(eq(bt.barometerRounds.id, roundId));
    expect(round).toMatchObject({ status: 'closed' });
    const results = (await call.get(`/api/barometer/rounds/${roundId}/results`, members[1]!.session)).json();
    expect(results).toMatchObject({ shown: true, respondents: 3 });
  });
});

describe('personal export', () => {
  it('lists the rounds I was asked for and whether I answered, never the answers', async () => {
    const { team, members } = await teamWithMembers(env, board, 3);
    const roundId = await openRound(env, team.id, members[0]!);
    await answer(env, roundId, members[0]!, answerWith(2, { verbeteren: 'Een herkenbaar antwoord van mij' }));
    const res = await call.get('/api/me/export.json', members[0]!.session);
    expect(res.statusCode).toBe(200);
    const data = res.json();
    expect(data.barometer.rounds).toEqual([
      expect.objectContaining({ team: team.name, answered: true, status: 'open', reminded: false }),
    ]);
    expect(data.barometer.about).toContain('niet aan jou te koppelen');
    expect(res.body).not.toContain('Een herkenbaar antwoord van mij');
    const other = (await call.get('/api/me/export.json', members[1]!.session)).json();
    expect(other.barometer.rounds[0].answered).toBe(false);
    const pdf = await call.get('/api/me/export.pdf', members[0]!.session);
    expect(pdf.statusCode).toBe(200);
  });
});

describe('retention', () => {
  it('deletes the participation of people who left after the school’s period; the answers stay', async () => {
    const { team, members } = await teamWithMembers(env, board, 3);
    const roundId = await openRound(env, team.id, members[0]!);
    for (const m of members) await answer(env, roundId, m, answerWith(4));
    const leaver = members[0]!;
    const recentLeaver = members[1]!;
    const monthsAgo = (n: number) => new Date(Date.now() - n * 31 * 86_400_000);
    await env.database.db
      .update(org.people)
      .set({ active: false, leftAt: monthsAgo(25) })
      .where(eq(org.people.id, leaver.id));
    await env.database.db
      .update(org.people)
      .set({ active: false, leftAt: monthsAgo(3) })
      .where(eq(org.people.id, recentLeaver.id));
    const result = await applyRetention(env.database.db, new Date());
    expect(result.barometerParticipation).toBeGreaterThanOrEqual(1);
    const rows = await env.database.db
      .select()
      .from(bt.barometerParticipation)
      .where(eq(bt.barometerParticipation.roundId, roundId));
    expect(rows.map((r) => r.personId).sort()).toEqual([recentLeaver.id, members[2]!.id].sort());
    const responses = await env.database.db
      .select()
      .from(bt.barometerResponses)
      .where(eq(bt.barometerResponses.roundId, roundId));
    expect(responses).toHaveLength(3);
  });
});
