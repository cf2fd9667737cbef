import { randomInt } from 'node:crypto';
import {
  BAROMETER_SCALE_MAX,
  type BarometerResultQuestion,
  type BarometerTrend,
  type BarometerQuestion as QuestionDto,
} from '@groeipad/contracts';
import { aggregateAnonymous } from '../../platform/anonymity/index.ts';
import type { BarometerQuestion } from './barometer.schema.ts';
import { questionDto } from './barometer.rules.ts';

// A round's answers become numbers and texts only here, and only through the anonymity guard: the whole team is
// one anonymous group, so there are no breakdowns, and a round with fewer answers than its minimum shows nothing.

/** The one group of a barometer round: the team as a whole. */
const TEAM = 'team';

const cryptoRandom = () => randomInt(0, 2 ** 32) / 2 ** 32;

export type RoundForResults = {
  questions: BarometerQuestion[];
  minGroupSize: number;
  minTextGroupSize: number;
};
export type StoredResponse = { scores: Record<string, number | 'dk'>; texts: Record<string, string> };

export type GuardedRound = {
  respondents: number;
  minGroupSize: number;
  minTextGroupSize: number;
  shown: boolean;
  missing: number;
  questions: BarometerResultQuestion[];
};

/** The guarded result of one closed round. */
export function guardRound(
  round: RoundForResults,
  responses: StoredResponse[],
  random: () => number = cryptoRandom,
): GuardedRound {
  const guarded = aggregateAnonymous({
    minGroupSize: round.minGroupSize,
    minTextGroupSize: round.minTextGroupSize,
    scaleMax: BAROMETER_SCALE_MAX,
    items: round.questions.map((q) => ({ id: q.id, type: q.kind === 'scale' ? 'scale' : 'open' })),
    groups: [TEAM],
    responses: responses.map((r) => ({ group: TEAM, scores: r.scores, open: r.texts })),
    random,
  });
  const team = guarded.groups[0]!;
  const shown = team.status === 'shown';
  const scale = new Map(guarded.items.map((i) => [i.id, i]));
  const open = new Map(guarded.open.map((i) => [i.id, i]));
  return {
    respondents: team.respondents,
    minGroupSize: guarded.minGroupSize,
    minTextGroupSize: guarded.minTextGroupSize,
    shown,
    missing: team.missing,
    questions: round.questions.map((q): BarometerResultQuestion => {
      const base = { ...questionDto(q), score: null, texts: null, withheld: null };
      if (!shown) return { ...base, withheld: { reason: 'too_few', missing: team.missing } };
      if (q.kind === 'scale') {
        const item = scale.get(q.id)!;
        const cell = item.cells.find((c) => c.group === TEAM);
        const withheld = item.withheld[0];
        if (cell)
          return {
            ...base,
            score: { n: cell.n, dontKnow: cell.dontKnow, mean: cell.mean, distribution: cell.distribution },
          };
        // Every answer was "weet niet", or too few real answers: say how many were missing.
        return {
          ...base,
          withheld: withheld
            ? { reason: withheld.reason, missing: withheld.missing }
            : { reason: 'too_few', missing: guarded.minGroupSize },
        };
      }
      const item = open.get(q.id)!;
      const texts = item.answers.find((a) => a.group === TEAM)?.texts;
      if (texts) return { ...base, texts };
      const withheld = item.withheld[0];
      // No text at all is not withheld: there is just nothing to show.
      return withheld
        ? { ...base, withheld: { reason: withheld.reason, missing: withheld.missing } }
        : { ...base, texts: [] };
    }),
  };
}

/**
 * The trend: the mean per scale question of each closed round that passed its minimum, oldest first. A round
 * below the minimum is left out entirely; a question withheld in a round is null there.
 */
export function buildTrend(
  rounds: { id: string; closesOn: string; closedAt: Date | null; guarded: GuardedRound }[],
  current: BarometerQuestion[],
): BarometerTrend {
  const points = rounds
    .filter((r) => r.guarded.shown)
    .sort((a, b) => a.closesOn.localeCompare(b.closesOn) || (a.closedAt?.getTime() ?? 0) - (b.closedAt?.getTime() ?? 0))
    .map((r) => ({
      roundId: r.id,
      closesOn: r.closesOn,
      respondents: r.guarded.respondents,
      means: Object.fromEntries(
        r.guarded.questions.filter((q) => q.kind === 'scale').map((q) => [q.id, q.score?.mean ?? null]),
      ),
    }));
  // The questions of the trend: today's scale questions first, then older ones that still have a mean.
  const seen = new Set<string>();
  const questions: QuestionDto[] = [];
  for (const q of current.filter((c) => c.kind === 'scale')) {
    seen.add(q.id);
    questions.push(questionDto(q));
  }
  for (const r of rounds) {
    for (const q of r.guarded.questions) {
      if (q.kind !== 'scale' || seen.has(q.id) || !points.some((p) => p.means[q.id] != null)) continue;
      seen.add(q.id);
      questions.push({ id: q.id, text: q.text, kind: q.kind, standard: q.standard });
    }
  }
  return { questions, points };
}
