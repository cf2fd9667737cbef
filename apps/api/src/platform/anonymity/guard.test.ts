import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateAnonymous, ALL, OTHERS, type AggregateInput, type AnonymousResponse } from './guard.ts';

const GROUPS = ['student', 'collega', 'schoolopleider', 'ouder'];
const ITEMS = [
  { id: 'i1', type: 'scale' as const },
  { id: 'i2', type: 'scale' as const },
  { id: 'o1', type: 'open' as const },
];
const SCALE_MAX = 4;

function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const score = fc.oneof(fc.integer({ min: 1, max: SCALE_MAX }), fc.constant('dk' as const), fc.constant(undefined));
const response = fc.record({
  group: fc.constantFrom(...GROUPS),
  i1: score,
  i2: score,
  text: fc.option(
    fc.string({ minLength: 1, maxLength: 8 }).filter((t) => t.trim().length > 0),
    { nil: undefined },
  ),
});
const scenario = fc.record({
  responses: fc.array(response, { maxLength: 30 }),
  min: fc.integer({ min: 0, max: 6 }),
  textExtra: fc.integer({ min: 0, max: 4 }),
  seed: fc.integer(),
});

type ResponseSpec = {
  group: string;
  i1: number | 'dk' | undefined;
  i2: number | 'dk' | undefined;
  text: string | undefined;
};
type Scenario = { responses: ResponseSpec[]; min: number; textExtra: number; seed: number };

function toInput(s: Scenario): AggregateInput {
  return {
    minGroupSize: s.min,
    minTextGroupSize: s.min + s.textExtra,
    scaleMax: SCALE_MAX,
    items: ITEMS,
    groups: GROUPS,
    responses: s.responses.map((r): AnonymousResponse => {
      const scores: Record<string, number | 'dk'> = {};
      if (r.i1 !== undefined) scores.i1 = r.i1;
      if (r.i2 !== undefined) scores.i2 = r.i2;
      return { group: r.group, scores, open: r.text === undefined ? {} : { o1: r.text } };
    }),
    random: seeded(s.seed),
  };
}

/** The groups of respondents a shown cell is computed from. */
function membersOf(cell: string, result: ReturnType<typeof aggregateAnonymous>): Set<string> {
  if (cell === OTHERS) return new Set(result.others);
  if (cell === ALL) return new Set(result.groups.filter((g) => g.status !== 'withheld').map((g) => g.group));
  return new Set([cell]);
}

function isSubset(a: Set<string>, b: Set<string>): boolean {
  return [...a].every((x) => b.has(x));
}

describe('aggregateAnonymous: properties over generated rounds', () => {
  it('never shows a score cell below the minimum (and never a minimum below 3)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = aggregateAnonymous(toInput(s));
        expect(result.minGroupSize).toBeGreaterThanOrEqual(3);
        expect(result.minTextGroupSize).toBeGreaterThanOrEqual(result.minGroupSize);
        for (const item of result.items)
          for (const cell of item.cells) expect(cell.n).toBeGreaterThanOrEqual(result.minGroupSize);
        for (const item of result.open)
          for (const a of item.answers) expect(a.texts.length).toBeGreaterThanOrEqual(result.minTextGroupSize);
      }),
      { numRuns: 500 },
    );
  });

  it('lets no shown cell minus other shown cells inside it leave fewer answers than the minimum', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = aggregateAnonymous(toInput(s));
        for (const item of result.items) {
          const cells = item.cells.map((c) => ({ n: c.n, members: membersOf(c.group, result) }));
          for (const outer of cells) {
            const inner = cells.filter((c) => c !== outer && isSubset(c.members, outer.members));
            // Every collection of pairwise disjoint shown cells inside `outer`.
            for (let mask = 1; mask < 1 << inner.length; mask++) {
              const chosen = inner.filter((_, i) => mask & (1 << i));
              const seen = new Set<string>();
              let disjoint = true;
              for (const c of chosen)
                for (const m of c.members) {
                  if (seen.has(m)) disjoint = false;
                  seen.add(m);
                }
              if (!disjoint) continue;
              const rest = outer.n - chosen.reduce((sum, c) => sum + c.n, 0);
              expect(rest === 0 || rest >= result.minGroupSize).toBe(true);
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same output whatever the respondents of a withheld group answered', () => {
    fc.assert(
      fc.property(scenario, fc.array(response, { minLength: 30, maxLength: 30 }), (s, replacements) => {
        const before = aggregateAnonymous(toInput(s));
        const withheld = new Set(before.groups.filter((g) => g.status === 'withheld').map((g) => g.group));
        const changed: Scenario = {
          ...s,
          responses: s.responses.map((r, i) => (withheld.has(r.group) ? { ...replacements[i]!, group: r.group } : r)),
        };
        expect(aggregateAnonymous(toInput(changed))).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order in which answers arrived, but for the shuffled texts', () => {
    fc.assert(
      fc.property(scenario, fc.integer(), (s, seed) => {
        const reordered = {
          ...s,
          responses: fc.sample(fc.shuffledSubarray(s.responses, { minLength: s.responses.length }), {
            seed,
            numRuns: 1,
          })[0]!,
        };
        const a = aggregateAnonymous(toInput(s));
        const b = aggregateAnonymous(toInput(reordered));
        const sortTexts = (r: typeof a) => ({
          ...r,
          open: r.open.map((o) => ({ ...o, answers: o.answers.map((x) => ({ ...x, texts: [...x.texts].sort() })) })),
        });
        expect(sortTexts(b)).toEqual(sortTexts(a));
      }),
      { numRuns: 200 },
    );
  });
});

describe('aggregateAnonymous: the rules, one example each', () => {
  const r = (group: string, i1: number | 'dk' | undefined, text?: string): AnonymousResponse => ({
    group,
    scores: i1 === undefined ? {} : { i1 },
    open: text ? { o1: text } : {},
  });
  const base = { minGroupSize: 3, minTextGroupSize: 5, scaleMax: 4, items: ITEMS, groups: GROUPS, random: seeded(1) };

  it('shows groups at the minimum with distribution and mean, and all groups together', () => {
    const result = aggregateAnonymous({
      ...base,
      responses: [r('student', 4), r('student', 3), r('student', 2), r('collega', 4), r('collega', 4), r('collega', 1)],
    });
    const cells = result.items[0]!.cells;
    expect(cells.map((c) => c.group)).toEqual(['student', 'collega', ALL]);
    expect(cells[0]).toMatchObject({ n: 3, mean: 3, distribution: [0, 1, 1, 1] });
    expect(cells[2]).toMatchObject({ n: 6, mean: 3, distribution: [1, 1, 1, 3] });
  });

  it('withholds a group of 2 and leaves it out of the total, saying how many answers are missing', () => {
    const result = aggregateAnonymous({
      ...base,
      responses: [r('student', 4), r('student', 3), r('student', 2), r('schoolopleider', 1), r('schoolopleider', 1)],
    });
    expect(result.groups.find((g) => g.group === 'schoolopleider')).toMatchObject({ status: 'withheld', missing: 1 });
    // Only the student cell: a total would equal it, and must not contain the withheld answers.
    expect(result.items[0]!.cells).toEqual([
      { group: 'student', n: 3, dontKnow: 0, mean: 3, distribution: [0, 1, 1, 1] },
    ]);
  });

  it('folds small groups into "others" when together they reach the minimum', () => {
    const result = aggregateAnonymous({
      ...base,
      responses: [
        r('student', 4),
        r('student', 4),
        r('student', 4),
        r('schoolopleider', 1),
        r('ouder', 2),
        r('ouder', 2),
      ],
    });
    expect(result.others).toEqual(['schoolopleider', 'ouder']);
    expect(result.items[0]!.cells.map((c) => [c.group, c.n])).toEqual([
      ['student', 3],
      [OTHERS, 3],
      [ALL, 6],
    ]);
  });

  it('leaves "weet niet" out of the counts, so one indicator can be withheld while others show', () => {
    const result = aggregateAnonymous({
      ...base,
      items: [
        { id: 'i1', type: 'scale' },
        { id: 'i2', type: 'scale' },
      ],
      responses: [
        { group: 'collega', scores: { i1: 3, i2: 3 } },
        { group: 'collega', scores: { i1: 3, i2: 'dk' } },
        { group: 'collega', scores: { i1: 2, i2: 4 } },
      ],
    });
    expect(result.items[0]!.cells).toMatchObject([{ group: 'collega', n: 3 }]);
    expect(result.items[1]!.cells).toEqual([]);
    expect(result.items[1]!.withheld).toEqual([{ group: 'collega', reason: 'too_few', missing: 1 }]);
  });

  it('withholds the total when it minus the shown groups would give away a withheld cell', () => {
    const result = aggregateAnonymous({
      ...base,
      responses: [
        ...[1, 2, 3].map(() => r('student', 4)),
        r('collega', 2),
        r('collega', 'dk'),
        r('collega', 'dk'),
        ...[1, 2, 3].map(() => r('ouder', 1)),
      ],
    });
    const item = result.items[0]!;
    expect(item.cells.map((c) => c.group)).toEqual(['student', 'ouder']);
    expect(item.withheld).toEqual([
      { group: 'collega', reason: 'too_few', missing: 2 },
      { group: ALL, reason: 'would_reveal', missing: 0 },
    ]);
  });

  it('never goes below 3, whatever the school set', () => {
    const result = aggregateAnonymous({
      ...base,
      minGroupSize: 1,
      minTextGroupSize: 1,
      responses: [r('student', 4), r('student', 1)],
    });
    expect(result.minGroupSize).toBe(3);
    expect(result.items[0]!.cells).toEqual([]);
  });

  it('shows free text only from groups at the text minimum, in no fixed order', () => {
    const texts = ['a', 'b', 'c', 'd', 'e'];
    const result = aggregateAnonymous({
      ...base,
      responses: [
        ...texts.map((t) => r('student', 3, t)),
        r('collega', 3, 'x'),
        r('collega', 3, 'y'),
        r('collega', 3, 'z'),
      ],
    });
    const open = result.open[0]!;
    expect(open.answers).toHaveLength(1);
    expect(open.answers[0]!.group).toBe('student');
    expect([...open.answers[0]!.texts].sort()).toEqual(texts);
    expect(open.withheld).toEqual([{ group: 'collega', reason: 'too_few', missing: 2 }]);
  });
});
