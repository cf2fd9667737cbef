import { describe, expect, it } from 'vitest';
import {
  autoOpenDay,
  BAROMETER_AUTO_OPEN_CRON,
  checkAnswer,
  dueDay,
  isRoundDue,
  isWeekend,
  longestRound,
  onSchoolDay,
  minimumErrors,
  ownQuestions,
  roundMinimums,
  shuffled,
} from './barometer.rules.ts';
import { addDays } from '../../platform/time.ts';
import { STANDARD_QUESTIONS } from './barometer.questions.ts';

const scales = STANDARD_QUESTIONS.filter((q) => q.kind === 'scale');
const full = (value: number | 'dk' = 4) => Object.fromEntries(scales.map((q) => [q.id, value]));

describe('minimums', () => {
  it.each([
    [
      { minGroupSize: 3, minTextGroupSize: 5 },
      { minGroupSize: 3, minTextGroupSize: 5 },
      { minGroupSize: 3, minTextGroupSize: 5 },
    ],
    [
      { minGroupSize: 3, minTextGroupSize: 3 },
      { minGroupSize: 4, minTextGroupSize: 6 },
      { minGroupSize: 4, minTextGroupSize: 6 },
    ],
    [
      { minGroupSize: 6, minTextGroupSize: 4 },
      { minGroupSize: 3, minTextGroupSize: 5 },
      { minGroupSize: 6, minTextGroupSize: 6 },
    ],
    [
      { minGroupSize: 1, minTextGroupSize: 1 },
      { minGroupSize: 2, minTextGroupSize: 2 },
      { minGroupSize: 3, minTextGroupSize: 3 },
    ],
  ])('team %o with school %o opens rounds with %o', (team, school, expected) => {
    expect(roundMinimums(team, school)).toEqual(expected);
  });

  it('refuses a team minimum below the school’s, and text below scores', () => {
    const school = { minGroupSize: 4, minTextGroupSize: 5 };
    expect(minimumErrors({ minGroupSize: 3, minTextGroupSize: 5 }, school).map((e) => e.path)).toEqual([
      'body.minGroupSize',
    ]);
    expect(minimumErrors({ minGroupSize: 6, minTextGroupSize: 5 }, school).map((e) => e.path)).toEqual([
      'body.minTextGroupSize',
    ]);
    expect(minimumErrors({ minGroupSize: 4, minTextGroupSize: 4 }, school).map((e) => e.path)).toEqual([
      'body.minTextGroupSize',
    ]);
    expect(minimumErrors({ minGroupSize: 4, minTextGroupSize: 5 }, school)).toEqual([]);
  });
});

describe('an answer', () => {
  it('is accepted with every scale question answered and texts optional', () => {
    const result = checkAnswer(STANDARD_QUESTIONS, {
      scores: full('dk'),
      texts: { vasthouden: '  Samen  ', verbeteren: ' ' },
    });
    expect(result).toEqual({ ok: true, value: { scores: full('dk'), texts: { vasthouden: 'Samen' } } });
  });

  it.each([
    ['a missing scale question', { scores: { ...full(), samenwerken: undefined } }, 'body.scores.samenwerken'],
    ['a value above 5', { scores: { ...full(), veilig: 6 } }, 'body.scores.veilig'],
    ['a value of 0', { scores: { ...full(), veilig: 0 } }, 'body.scores.veilig'],
    ['a question of another round', { scores: { ...full(), vreemd: 3 } }, 'body.scores.vreemd'],
    ['a score for an open question', { scores: { ...full(), vasthouden: 3 } }, 'body.scores.vasthouden'],
    ['a text for a scale question', { scores: full(), texts: { veilig: 'tekst' } }, 'body.texts.veilig'],
  ])('is refused for %s', (_name, answer, path) => {
    const scores = Object.fromEntries(Object.entries(answer.scores).filter(([, v]) => v !== undefined)) as Record<
      string,
      number
    >;
    const result = checkAnswer(STANDARD_QUESTIONS, { scores, texts: 'texts' in answer ? answer.texts : {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain(path);
  });
});

describe('own questions', () => {
  it('keep their id when they exist and get a new one otherwise', () => {
    const existing = [{ id: 'own-00000000-0000-4000-8000-000000000001', text: 'Oud', kind: 'scale' as const }];
    const out = ownQuestions(
      [
        { id: existing[0]!.id, text: 'Oud, herschreven', kind: 'scale' },
        { id: 'own-00000000-0000-4000-8000-000000000009', text: 'Verzonnen id', kind: 'text' },
        { text: 'Nieuw', kind: 'text' },
      ],
      existing,
    );
    expect(out[0]).toEqual({ id: existing[0]!.id, text: 'Oud, herschreven', kind: 'scale' });
    expect(out[1]!.id).not.toBe('own-00000000-0000-4000-8000-000000000009');
    expect(out[2]!.id).toMatch(/^own-/);
  });
});

describe('dates and order', () => {
  it('adds days across months and years', () => {
    expect(addDays('2030-01-28', 7)).toBe('2030-02-04');
    expect(addDays('2030-12-30', 3)).toBe('2031-01-02');
    expect(addDays('2030-03-30', 0)).toBe('2030-03-30');
  });

  it('shuffles into every order with a uniform source', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) seen.add(shuffled([1, 2, 3]).join(''));
    expect(seen.size).toBe(6);
    // A source that always picks the last index leaves the order as it was: the permutation comes from the source.
    expect(shuffled([1, 2, 3, 4], (n) => n - 1)).toEqual([1, 2, 3, 4]);
    expect(shuffled([1, 2, 3, 4], () => 0)).not.toEqual([1, 2, 3, 4]);
  });
});

describe('the rhythm', () => {
  it('is due the interval after the last round opened, or at once for a team without rounds', () => {
    expect(dueDay(null, 2)).toBeNull();
    expect(dueDay('2030-01-07', 2)).toBe('2030-01-21');
    expect(dueDay('2030-01-07', 4)).toBe('2030-02-04');
    expect(isRoundDue(null, 2, '2030-01-07')).toBe(true);
    expect(isRoundDue('2030-01-07', 2, '2030-01-20')).toBe(false);
    expect(isRoundDue('2030-01-07', 2, '2030-01-21')).toBe(true);
    expect(isRoundDue('2030-01-07', 2, '2030-03-01')).toBe(true);
    expect(isRoundDue('2030-01-07', 4, '2030-02-03')).toBe(false);
    expect(isRoundDue('2030-01-07', 4, '2030-02-04')).toBe(true);
    // A round opened today is never due again today, whatever the rhythm.
    expect(isRoundDue('2030-01-07', 2, '2030-01-07')).toBe(false);
  });

  it('opens by itself on the due day, or on the first morning the job still runs', () => {
    expect(BAROMETER_AUTO_OPEN_CRON).toBe('45 6 * * *');
    // 06:00 and 06:44 Dutch winter time (UTC+1): the job has not run yet today.
    expect(autoOpenDay('2030-01-21', new Date('2030-01-14T05:00:00Z'))).toBe('2030-01-21');
    expect(autoOpenDay('2030-01-10', new Date('2030-01-14T05:00:00Z'))).toBe('2030-01-14');
    expect(autoOpenDay('2030-01-14', new Date('2030-01-14T05:44:00Z'))).toBe('2030-01-14');
    // 06:45 and later: it ran, so a round due today or before opens tomorrow morning.
    expect(autoOpenDay('2030-01-14', new Date('2030-01-14T05:45:00Z'))).toBe('2030-01-15');
    expect(autoOpenDay('2030-01-02', new Date('2030-01-14T22:30:00Z'))).toBe('2030-01-15');
    // Summer time (UTC+2): 06:30 local is 04:30 UTC.
    expect(autoOpenDay('2030-06-10', new Date('2030-06-10T04:30:00Z'))).toBe('2030-06-10');
    expect(autoOpenDay('2030-06-10', new Date('2030-06-10T04:50:00Z'))).toBe('2030-06-11');
    // Just after midnight Dutch time is still the evening before in UTC: the day is the Dutch one.
    expect(autoOpenDay('2030-06-10', new Date('2030-06-09T22:30:00Z'))).toBe('2030-06-10');
    // Friday after the job ran: not Saturday but Monday (2030-01-18 is a Friday).
    expect(autoOpenDay('2030-01-18', new Date('2030-01-18T09:00:00Z'))).toBe('2030-01-21');
  });

  it('never opens on a Saturday or Sunday: a due day in the weekend moves to the Monday', () => {
    expect(isWeekend('2030-01-19')).toBe(true);
    expect(isWeekend('2030-01-20')).toBe(true);
    expect(isWeekend('2030-01-21')).toBe(false);
    expect(onSchoolDay('2030-01-19')).toBe('2030-01-21');
    expect(onSchoolDay('2030-01-20')).toBe('2030-01-21');
    expect(onSchoolDay('2030-01-18')).toBe('2030-01-18');
    // A round opened by hand on a Saturday is due two weeks later on the Monday.
    expect(dueDay('2030-01-05', 2)).toBe('2030-01-21');
    // A team without rounds, or one whose round is overdue, waits for Monday.
    expect(isRoundDue(null, 2, '2030-01-19')).toBe(false);
    expect(isRoundDue('2029-12-02', 2, '2030-01-20')).toBe(false);
    expect(isRoundDue('2029-12-02', 2, '2030-01-21')).toBe(true);
  });

  it('keeps a round shorter than the rhythm, so it has closed before the next one opens', () => {
    expect(longestRound(2, 14)).toBe(13);
    expect(longestRound(4, 14)).toBe(14);
  });
});
