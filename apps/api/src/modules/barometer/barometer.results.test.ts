import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTrend, guardRound, type StoredResponse } from './barometer.results.ts';
import type { BarometerQuestion } from './barometer.schema.ts';

// Attacks on the barometer path through the anonymity guard, over thousands of generated rounds.

const QUESTIONS: BarometerQuestion[] = [
  { id: 'a', kind: 'scale', text: 'A' },
  { id: 'b', kind: 'scale', text: 'B' },
  { id: 'o', kind: 'text', text: 'O' },
];

function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const score = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant('dk' as const));
const response = fc.record({
  a: score,
  b: score,
  o: fc.option(fc.stringMatching(/^[a-z]{1,6}$/), { nil: undefined }),
});
const round = fc.record({
  responses: fc.array(response, { maxLength: 14 }),
  min: fc.integer({ min: 3, max: 6 }),
  textExtra: fc.integer({ min: 0, max: 3 }),
  seed: fc.integer(),
});
type Generated = { a: number | 'dk'; b: number | 'dk'; o: string | undefined };
const stored = (rs: Generated[]): StoredResponse[] =>
  rs.map((r) => {
    const texts: Record<string, string> = {};
    if (r.o !== undefined) texts.o = r.o;
    return { scores: { a: r.a, b: r.b }, texts };
  });

describe('a round’s results', () => {
  it('never show a number or a text from fewer people than the minimum', () => {
    fc.assert(
      fc.property(round, ({ responses, min, textExtra, seed }) => {
        const result = guardRound(
          { questions: QUESTIONS, minGroupSize: min, minTextGroupSize: min + textExtra },
          stored(responses),
          seeded(seed),
        );
        expect(result.respondents).toBe(responses.length);
        for (const q of result.questions) {
          if (q.score) {
            expect(q.score.n).toBeGreaterThanOrEqual(min);
            expect(q.score.distribution.reduce((x, y) => x + y, 0)).toBe(q.score.n);
          }
          if (q.texts && q.texts.length > 0) expect(q.texts.length).toBeGreaterThanOrEqual(min + textExtra);
          expect(q.score !== null && q.withheld !== null).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('show nothing at all while fewer than the minimum answered', () => {
    fc.assert(
      fc.property(round, ({ responses, min, seed }) => {
        const result = guardRound(
          { questions: QUESTIONS, minGroupSize: min, minTextGroupSize: min },
          stored(responses.slice(0, min - 1)),
          seeded(seed),
        );
        expect(result.shown).toBe(false);
        expect(result.missing).toBe(min - Math.min(responses.length, min - 1));
        for (const q of result.questions) {
          expect(q.score).toBeNull();
          expect(q.texts).toBeNull();
          expect(q.withheld).toEqual({ reason: 'too_few', missing: result.missing });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('count "weet niet" apart, so one question can be withheld while another shows', () => {
    const answers: StoredResponse[] = [
      { scores: { a: 4, b: 'dk' }, texts: {} },
      { scores: { a: 5, b: 'dk' }, texts: {} },
      { scores: { a: 3, b: 2 }, texts: {} },
      { scores: { a: 4, b: 'dk' }, texts: {} },
    ];
    const result = guardRound({ questions: QUESTIONS, minGroupSize: 3, minTextGroupSize: 5 }, answers);
    const [a, b] = result.questions;
    expect(a!.score).toEqual({ n: 4, dontKnow: 0, mean: 4, distribution: [0, 0, 1, 2, 1] });
    expect(b!.score).toBeNull();
    expect(b!.withheld).toEqual({ reason: 'too_few', missing: 2 });
  });

  it('match a plain count of the answers when they are shown', () => {
    fc.assert(
      fc.property(round, ({ responses, min, seed }) => {
        const result = guardRound(
          { questions: QUESTIONS, minGroupSize: min, minTextGroupSize: min },
          stored(responses),
          seeded(seed),
        );
        const a = result.questions[0]!;
        const real = responses.map((r) => r.a).filter((v): v is number => v !== 'dk');
        if (a.score) {
          expect(a.score.n).toBe(real.length);
          expect(a.score.dontKnow).toBe(responses.length - real.length);
          expect(a.score.mean).toBeCloseTo(real.reduce((x, y) => x + y, 0) / real.length, 2);
        }
        const texts = responses.map((r) => r.o).filter((t) => t !== undefined);
        const o = result.questions[2]!;
        if (o.texts && o.texts.length > 0) expect([...o.texts].sort()).toEqual([...texts].sort());
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the trend', () => {
  const closedRound = fc.record({ r: round, closesOn: fc.integer({ min: 1, max: 28 }) });

  it('never holds a round below its minimum, and only means the round itself shows', () => {
    fc.assert(
      fc.property(fc.array(closedRound, { maxLength: 8 }), (rounds) => {
        const guarded = rounds.map(({ r, closesOn }, i) => ({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          closesOn: `2030-02-${String(closesOn).padStart(2, '0')}`,
          closedAt: new Date(Date.UTC(2030, 1, closesOn, 0, i)),
          guarded: guardRound(
            { questions: QUESTIONS, minGroupSize: r.min, minTextGroupSize: r.min },
            stored(r.responses),
            seeded(r.seed),
          ),
          min: r.min,
        }));
        const trend = buildTrend(guarded, QUESTIONS);
        for (const point of trend.points) {
          const source = guarded.find((g) => g.id === point.roundId)!;
          expect(source.guarded.respondents).toBeGreaterThanOrEqual(source.min);
          for (const q of source.guarded.questions.filter((x) => x.kind === 'scale')) {
            expect(point.means[q.id]).toBe(q.score?.mean ?? null);
          }
        }
        expect(trend.points.length).toBe(guarded.filter((g) => g.guarded.shown).length);
        const days = trend.points.map((p) => p.closesOn);
        expect(days).toEqual([...days].sort());
        expect(trend.questions.every((q) => q.kind === 'scale')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
