import { describe, expect, it } from 'vitest';
import type { FeedbackInstrument } from '@groeipad/contracts';
import {
  answersNeeded,
  checkAnswer,
  closesOnError,
  endOfDutchDay,
  instrumentErrors,
  shuffled,
} from './feedback.rules.ts';
import { FEEDBACK_TEMPLATES } from './feedback.templates.ts';
import { schoolDay } from '../../platform/time.ts';

const base: FeedbackInstrument = {
  name: 'Test',
  description: '',
  scale: { labels: ['Nee', 'Soms', 'Ja'], dontKnowLabel: 'Weet niet' },
  raterGroups: ['self', 'collega'],
  sections: [
    {
      id: 's1',
      title: 'Deel',
      items: [
        { id: 'a', type: 'scale', text: 'A' },
        { id: 'b', type: 'open', text: 'B' },
      ],
    },
  ],
};

describe('instrumentErrors', () => {
  it.each([
    ['a valid instrument', base, []],
    ['one scale label', { ...base, scale: { labels: ['Ja'], dontKnowLabel: null } }, ['scale.labels']],
    ['eight scale labels', { ...base, scale: { labels: 'abcdefgh'.split(''), dontKnowLabel: null } }, ['scale.labels']],
    ['no sections', { ...base, sections: [] }, ['sections', 'sections']],
    [
      'only open questions',
      { ...base, sections: [{ id: 's1', title: 'x', items: [{ id: 'b', type: 'open' as const, text: 'B' }] }] },
      ['sections'],
    ],
    [
      'a duplicate item id',
      {
        ...base,
        sections: [{ ...base.sections[0]!, items: [base.sections[0]!.items[0]!, base.sections[0]!.items[0]!] }],
      },
      ['sections.0.items.1.id'],
    ],
    ['only named groups', { ...base, raterGroups: ['self' as const, 'leidinggevende' as const] }, ['raterGroups']],
    ['a group twice', { ...base, raterGroups: ['collega' as const, 'collega' as const] }, ['raterGroups']],
  ])('%s', (_name, instrument, paths) => {
    expect(instrumentErrors(instrument, { publishing: true }).map((e) => e.path)).toEqual(paths);
  });

  it('lets a draft be half finished', () => {
    expect(instrumentErrors({ ...base, sections: [] }, { publishing: false })).toEqual([]);
  });

  it('accepts every template as publishable', () => {
    for (const t of Object.values(FEEDBACK_TEMPLATES)) expect(instrumentErrors(t, { publishing: true })).toEqual([]);
    const items = FEEDBACK_TEMPLATES.werkplekbegeleider.sections.flatMap((s) => s.items);
    expect(items.filter((i) => i.type === 'scale')).toHaveLength(14);
  });
});

describe('checkAnswer', () => {
  it.each([
    ['a full answer', { scores: { a: 3 }, open: { b: ' fijn ' } }, true],
    ['weet niet', { scores: { a: 'dk' as const }, open: {} }, true],
    ['a missing score', { scores: {}, open: {} }, false],
    ['a score above the scale', { scores: { a: 4 }, open: {} }, false],
    ['a score of zero', { scores: { a: 0 }, open: {} }, false],
    ['an unknown item', { scores: { a: 1, z: 1 }, open: {} }, false],
    ['an open answer on a scale item', { scores: { a: 1 }, open: { a: 'x' } }, false],
  ])('%s', (_name, answer, ok) => {
    expect(checkAnswer(base, answer).ok).toBe(ok);
  });

  it('drops empty open answers and trims the rest', () => {
    const r = checkAnswer(base, { scores: { a: 1 }, open: { b: '  ' } });
    expect(r).toEqual({ ok: true, value: { scores: { a: 1 }, open: {} } });
  });

  it('refuses weet niet when the scale has none', () => {
    const strict = { ...base, scale: { ...base.scale, dontKnowLabel: null } };
    expect(checkAnswer(strict, { scores: { a: 'dk' }, open: {} }).ok).toBe(false);
  });
});

describe('dates', () => {
  it.each([
    ['2026-01-15', '2026-01-15T22:59:59.999Z'],
    ['2026-07-15', '2026-07-15T21:59:59.999Z'],
  ])('the Dutch day %s ends at %s', (day, iso) => {
    expect(endOfDutchDay(day).toISOString()).toBe(iso);
  });

  it('knows the Dutch date just after midnight', () => {
    expect(schoolDay(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
  });

  it.each([
    ['tomorrow', '2026-03-03', null],
    ['today', '2026-03-02', 'Kies een datum in de toekomst.'],
    ['in 91 days', '2026-06-01', 'Een feedbackronde loopt hoogstens 90 dagen.'],
  ])('a closing date %s', (_name, day, error) => {
    expect(closesOnError(day, new Date('2026-03-02T09:00:00Z'))).toBe(error);
  });
});

describe('shuffled and answersNeeded', () => {
  it('keeps every element', () => {
    const input = Array.from({ length: 50 }, (_, i) => i);
    expect([...shuffled(input)].sort((a, b) => a - b)).toEqual(input);
  });

  it.each([
    ['collega', 1, 3, 2],
    ['collega', 4, 3, 0],
    ['self', 0, 3, 0],
    ['leidinggevende', 0, 3, 0],
  ] as const)('%s with %i answers needs %i → %i', (group, answered, min, needed) => {
    expect(answersNeeded(group, answered, min)).toBe(needed);
  });
});
