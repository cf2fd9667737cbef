// The one place where anonymous answers become numbers and texts someone may see. Every aggregate of
// anonymous answers (360° feedback, barometer) goes through aggregateAnonymous; callers never count
// or average anonymous answers themselves. The rules are documented for schools in docs/anonimiteit.md.

/** The floor no school setting can go below. */
export const ABSOLUTE_MIN_GROUP_SIZE = 3;

/** One anonymous rater's answers: which group they answered in, never who they are or when. */
export type AnonymousResponse = {
  group: string;
  /** By item id: 1..scaleMax, or 'dk' (weet niet / niet van toepassing), or absent when skipped. */
  scores: Record<string, number | 'dk'>;
  /** Free-text answers by item id. */
  open?: Record<string, string> | undefined;
};

export type AggregateInput = {
  minGroupSize: number;
  minTextGroupSize: number;
  scaleMax: number;
  items: { id: string; type: 'scale' | 'open' }[];
  /** The anonymous groups in display order; a response in a group not listed here is ignored. */
  groups: string[];
  responses: AnonymousResponse[];
  /** Uniform in [0, 1); tests pass a seeded one. Open answers are shuffled with it. */
  random?: () => number;
};

/** 'others' holds the small groups folded together; 'all' is every group that is shown or folded. */
export const OTHERS = 'others';
export const ALL = 'all';

export type GroupStatus = {
  group: string;
  respondents: number;
  /** shown on its own, folded into 'others', or withheld entirely (its answers are in no number at all). */
  status: 'shown' | 'folded' | 'withheld';
  /** How many more respondents the group needs to be shown on its own. */
  missing: number;
};

export type ScoreCell = {
  group: string;
  /** Answers on the scale; "weet niet" is not among them. */
  n: number;
  dontKnow: number;
  mean: number;
  /** Count per value: index 0 holds value 1. */
  distribution: number[];
};

export type WithheldCell = {
  group: string;
  /** too_few: fewer answers than the minimum. would_reveal: showing it would let someone subtract a smaller group. */
  reason: 'too_few' | 'would_reveal';
  missing: number;
};

export type ItemResult = { id: string; cells: ScoreCell[]; withheld: WithheldCell[] };
export type OpenResult = { id: string; answers: { group: string; texts: string[] }[]; withheld: WithheldCell[] };

export type AggregateResult = {
  minGroupSize: number;
  minTextGroupSize: number;
  groups: GroupStatus[];
  /** The groups folded into 'others' (empty when there is no 'others'). */
  others: string[];
  items: ItemResult[];
  open: OpenResult[];
};

/** The effective minimums: a score group never below 3, a text group never below the score minimum. */
export function effectiveMinimums(minGroupSize: number, minTextGroupSize: number) {
  const min = Math.max(ABSOLUTE_MIN_GROUP_SIZE, Math.floor(minGroupSize));
  return { min, textMin: Math.max(min, Math.floor(minTextGroupSize)) };
}

type Cell = { group: string; members: AnonymousResponse[] };

/**
 * Decides which groups may be shown and computes every number from those alone.
 *
 * 1. A group is shown when it has at least the minimum number of respondents.
 * 2. Smaller groups fold together into 'others' when together they reach the minimum; otherwise they are
 *    withheld and their answers are left out of every number, including 'all' — so no total minus shown
 *    groups can reveal them.
 * 3. Per indicator, "weet niet" does not count: a cell with fewer real answers than the minimum is withheld,
 *    and 'all' is withheld too when the withheld cells together hold fewer than the minimum answers
 *    (otherwise 'all' minus the shown cells would give them away).
 * 4. Free text needs the (higher) text minimum per group; smaller text groups fold into 'others' when they
 *    reach it together, else they are withheld. Texts come in random order, with no dates or authors, and there
 *    is no combined list that could be subtracted.
 */
export function aggregateAnonymous(input: AggregateInput): AggregateResult {
  const { min, textMin } = effectiveMinimums(input.minGroupSize, input.minTextGroupSize);
  const random = input.random ?? Math.random;
  const byGroup = new Map<string, AnonymousResponse[]>(input.groups.map((g) => [g, []]));
  for (const r of input.responses) byGroup.get(r.group)?.push(r);

  const small = input.groups.filter((g) => {
    const n = byGroup.get(g)!.length;
    return n > 0 && n < min;
  });
  const smallTotal = small.reduce((sum, g) => sum + byGroup.get(g)!.length, 0);
  const foldSmall = smallTotal >= min;

  const groups: GroupStatus[] = input.groups.map((g) => {
    const respondents = byGroup.get(g)!.length;
    const isSmall = respondents < min;
    return {
      group: g,
      respondents,
      status: !isSmall ? 'shown' : foldSmall && respondents > 0 ? 'folded' : 'withheld',
      missing: Math.max(0, min - respondents),
    };
  });

  // The cells every number is computed from: shown groups, then 'others'. Withheld groups are in none.
  const cells: Cell[] = groups
    .filter((g) => g.status === 'shown')
    .map((g) => ({ group: g.group, members: byGroup.get(g.group)! }));
  const others = foldSmall ? small : [];
  if (foldSmall) cells.push({ group: OTHERS, members: small.flatMap((g) => byGroup.get(g)!) });

  const items: ItemResult[] = input.items
    .filter((item) => item.type === 'scale')
    .map((item) => scaleItem(item.id, cells, input.scaleMax, min));
  const open: OpenResult[] = input.items
    .filter((item) => item.type === 'open')
    .map((item) => openItem(item.id, cells, textMin, random));

  return { minGroupSize: min, minTextGroupSize: textMin, groups, others, items, open };
}

function scaleItem(id: string, cells: Cell[], scaleMax: number, min: number): ItemResult {
  const shown: ScoreCell[] = [];
  const withheld: WithheldCell[] = [];
  const all = emptyCell(ALL, scaleMax);
  let hiddenAnswers = 0;
  for (const cell of cells) {
    const summary = emptyCell(cell.group, scaleMax);
    for (const r of cell.members) addScore(summary, r.scores[id], scaleMax);
    addInto(all, summary);
    if (summary.n >= min) shown.push(finish(summary));
    else if (summary.n > 0) {
      hiddenAnswers += summary.n;
      withheld.push({ group: cell.group, reason: 'too_few', missing: min - summary.n });
    }
  }
  const onlyOneCell = shown.length === 1 && hiddenAnswers === 0;
  if (all.n >= min && !onlyOneCell) {
    if (hiddenAnswers === 0 || hiddenAnswers >= min) shown.push(finish(all));
    else withheld.push({ group: ALL, reason: 'would_reveal', missing: 0 });
  }
  return { id, cells: shown, withheld };
}

function openItem(id: string, cells: Cell[], textMin: number, random: () => number): OpenResult {
  const answers: { group: string; texts: string[] }[] = [];
  const withheld: WithheldCell[] = [];
  const smallTexts: { group: string; texts: string[] }[] = [];
  for (const cell of cells) {
    const texts = cell.members.map((r) => r.open?.[id]?.trim() ?? '').filter((t) => t.length > 0);
    if (texts.length === 0) continue;
    if (texts.length >= textMin) answers.push({ group: cell.group, texts: shuffle(texts, random) });
    else smallTexts.push({ group: cell.group, texts });
  }
  const smallCount = smallTexts.reduce((sum, s) => sum + s.texts.length, 0);
  if (smallCount >= textMin) {
    answers.push({
      group: OTHERS,
      texts: shuffle(
        smallTexts.flatMap((s) => s.texts),
        random,
      ),
    });
  } else {
    for (const s of smallTexts) withheld.push({ group: s.group, reason: 'too_few', missing: textMin - s.texts.length });
  }
  return { id, answers, withheld };
}

type Summary = { group: string; n: number; dontKnow: number; sum: number; distribution: number[] };

function emptyCell(group: string, scaleMax: number): Summary {
  return { group, n: 0, dontKnow: 0, sum: 0, distribution: Array.from({ length: scaleMax }, () => 0) };
}

function addScore(s: Summary, value: number | 'dk' | undefined, scaleMax: number): void {
  if (value === 'dk') s.dontKnow += 1;
  else if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= scaleMax) {
    s.n += 1;
    s.sum += value;
    s.distribution[value - 1]! += 1;
  }
}

function addInto(target: Summary, source: Summary): void {
  target.n += source.n;
  target.dontKnow += source.dontKnow;
  target.sum += source.sum;
  source.distribution.forEach((count, i) => (target.distribution[i]! += count));
}

function finish(s: Summary): ScoreCell {
  return {
    group: s.group,
    n: s.n,
    dontKnow: s.dontKnow,
    mean: Math.round((s.sum / s.n) * 100) / 100,
    distribution: s.distribution,
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
