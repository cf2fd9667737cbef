import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createBoard, startTestApp, type TestBoard, type TestEnv } from '../../../test/harness.ts';
import { barometerTables as bt } from './index.ts';
import { answer, answerWith, api, close, openRound, teamWithMembers } from './barometer.test-setup.ts';

// Anonymous for real: what is stored, how closing seals it, and when anything becomes visible.

let env: TestEnv;
let board: TestBoard;
let call: ReturnType<typeof api>;

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  call = api(env);
});
afterAll(() => env.close());

const columns = async (table: string) =>
  (
    await env.database.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = $1 order by column_name`,
      [table],
    )
  ).map((c) => c.column_name);

describe('storage', () => {
  it('keeps no person and no time with an answer, and no time of answering with participation', async () => {
    expect(await columns('barometer_responses')).toEqual(['board_id', 'id', 'round_id', 'scores', 'texts']);
    expect(await columns('barometer_participation')).toEqual([
      'answered',
      'board_id',
      'person_id',
      'reminded_at',
      'round_id',
    ]);
  });

  it('seals a round as it closes: new ids, an order unlike the order of answering, one transaction for all', async () => {
    // Ten people answer in a known order, each with a marked text. The chance that a uniform shuffle gives back
    // the order of answering is 1 in 10! (3.6 million) per check: the test fails only when sealing is missing.
    const { team, members } = await teamWithMembers(env, board, 10);
    const roundId = await openRound(env, team.id, members[0]!);
    const marks = members.map((_, i) => `antwoord ${String(i + 1).padStart(2, '0')}`);
    for (const [i, m] of members.entries()) await answer(env, roundId, m, answerWith(4, { vasthouden: marks[i]! }));

    const physical = (sql: string) =>
      env.database.query<{ id: string; mark: string }>(sql, [roundId]).then((rows) => rows);
    const before = await physical(
      `select id, texts->>'vasthouden' as mark from barometer_responses where round_id = $1`,
    );
    // While open the physical order is still the order of answering: this is what sealing must remove.
    expect(before.map((r) => r.mark)).toEqual(marks);

    await close(env, roundId, members[0]!);

    const after = await physical(
      `select id, texts->>'vasthouden' as mark from barometer_responses where round_id = $1`,
    );
    const byId = await physical(
      `select id, texts->>'vasthouden' as mark from barometer_responses where round_id = $1 order by id`,
    );
    expect(after.map((r) => r.mark).sort()).toEqual(marks);
    expect(after.map((r) => r.mark)).not.toEqual(marks);
    expect(byId.map((r) => r.mark)).not.toEqual(marks);
    const oldIds = new Set(before.map((r) => r.id));
    expect(after.some((r) => oldIds.has(r.id))).toBe(false);

    // Each answer was written in the same transaction as its participation row. After sealing, all answers share
    // one transaction id and all participation rows another: nothing lines an answer up with a person.
    const xmins = async (table: string) =>
      (
        await env.database.query<{ x: string }>(`select distinct xmin::text as x from ${table} where round_id = $1`, [
          roundId,
        ])
      ).map((r) => r.x);
    expect(await xmins('barometer_responses')).toHaveLength(1);
    expect(await xmins('barometer_participation')).toHaveLength(1);

    const stored = JSON.stringify(
      await env.database.db.select().from(bt.barometerResponses).where(eq(bt.barometerResponses.roundId, roundId)),
    );
    for (const m of members) {
      expect(stored.includes(m.id)).toBe(false);
      expect(stored.includes(m.email)).toBe(false);
    }
  });
});

describe('the threshold', () => {
  it('withholds everything with 2 answers, and shows aggregates from the 3rd; texts need 5', async () => {
    const { team, members } = await teamWithMembers(env, board, 6);
    const first = await openRound(env, team.id, members[0]!);
    await answer(env, first, members[0]!, answerWith(4, { vasthouden: 'Het samen voorbereiden' }));
    await answer(env, first, members[1]!, answerWith(2, { vasthouden: 'De bordsessie op maandag' }));
    await close(env, first, members[0]!);
    const withheld = (await call.get(`/api/barometer/rounds/${first}/results`, members[5]!.session)).json();
    expect(withheld).toMatchObject({ shown: false, respondents: 2, missing: 1, minGroupSize: 3 });
    for (const q of withheld.questions) {
      expect(q.score).toBeNull();
      expect(q.texts).toBeNull();
      expect(q.withheld).toEqual({ reason: 'too_few', missing: 1 });
    }
    expect(JSON.stringify(withheld)).not.toContain('bordsessie op maandag');

    const second = await openRound(env, team.id, members[0]!);
    await answer(env, second, members[0]!, answerWith(4, { vasthouden: 'Samen' }));
    await answer(env, second, members[1]!, answerWith(2, { vasthouden: 'Bord' }));
    // "weet niet" on one question only: that question is withheld while the others show.
    const third = answerWith(3, { vasthouden: 'Lesbezoek' });
    third.scores.werkdruk = 'dk';
    await answer(env, second, members[2]!, third);
    await close(env, second, members[0]!);
    const shown = (await call.get(`/api/barometer/rounds/${second}/results`, members[5]!.session)).json();
    expect(shown).toMatchObject({ shown: true, respondents: 3, invited: 6 });
    const q = (id: string) => shown.questions.find((x: { id: string }) => x.id === id);
    expect(q('samenwerken').score).toEqual({ n: 3, dontKnow: 0, mean: 3, distribution: [0, 1, 1, 1, 0] });
    expect(q('werkdruk').score).toBeNull();
    expect(q('werkdruk').withheld).toEqual({ reason: 'too_few', missing: 1 });
    expect(q('vasthouden').texts).toBeNull();
    expect(q('vasthouden').withheld).toEqual({ reason: 'too_few', missing: 2 });
    expect(JSON.stringify(shown)).not.toContain('Lesbezoek');

    const third3 = await openRound(env, team.id, members[0]!);
    const texts = ['Eerlijk', 'Samen', 'Kort', 'Helder', 'Rustig'];
    for (const [i, m] of members.slice(0, 5).entries())
      await answer(env, third3, m, answerWith(5, { vasthouden: texts[i]! }));
    await close(env, third3, members[0]!);
    const withTexts = (await call.get(`/api/barometer/rounds/${third3}/results`, members[5]!.session)).json();
    const open = withTexts.questions.find((x: { id: string }) => x.id === 'vasthouden');
    expect([...open.texts].sort()).toEqual([...texts].sort());
    // An open question nobody answered is empty, not withheld.
    expect(withTexts.questions.find((x: { id: string }) => x.id === 'verbeteren')).toMatchObject({
      texts: [],
      withheld: null,
    });

    // The trend holds the two rounds that passed the threshold, not the first.
    const page = (await call.get(`/api/teams/${team.id}/barometer`, members[5]!.session)).json();
    expect(page.trend.points.map((p: { roundId: string }) => p.roundId)).toEqual([second, third3]);
    expect(page.trend.points[0].means).toMatchObject({ samenwerken: 3, werkdruk: null });
    expect(page.closedRounds.map((r: { id: string; shown: boolean }) => [r.id, r.shown])).toEqual(
      expect.arrayContaining([
        [first, false],
        [second, true],
        [third3, true],
      ]),
    );
    expect(JSON.stringify(page)).not.toContain('bordsessie op maandag');
  });

  it('uses the minimum the round opened with, never lower than the school’s', async () => {
    const { team, members } = await teamWithMembers(env, board, 4);
    const settings = await call.send('PUT', `/api/teams/${team.id}/barometer/settings`, members[0]!.session, {
      version: 0,
      intervalWeeks: 2,
      extraQuestions: [],
      minGroupSize: 4,
      minTextGroupSize: 5,
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const roundId = await openRound(env, team.id, members[0]!);
    for (const m of members.slice(0, 3)) await answer(env, roundId, m, answerWith(4));
    // Lowering the minimum later does not open up a round that opened with 4.
    const lowered = await call.send('PUT', `/api/teams/${team.id}/barometer/settings`, members[0]!.session, {
      version: 1,
      intervalWeeks: 2,
      extraQuestions: [],
      minGroupSize: 3,
      minTextGroupSize: 5,
    });
    expect(lowered.statusCode).toBe(200);
    await close(env, roundId, members[0]!);
    const res = (await call.get(`/api/barometer/rounds/${roundId}/results`, members[3]!.session)).json();
    expect(res).toMatchObject({ shown: false, respondents: 3, minGroupSize: 4, missing: 1 });
  });
});
