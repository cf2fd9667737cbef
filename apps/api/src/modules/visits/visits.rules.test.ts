import { describe, expect, it } from 'vitest';
import { checkAnswers, TeamFormFields, type TeamFormField } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';
import { TEAM_FORM_EXAMPLES } from './visits.examples.ts';
import { visitAbilities, visitRelation } from './visits.policy.ts';

const fields: TeamFormField[] = [
  { id: 'kop', kind: 'heading', label: 'Kop' },
  { id: 'schaal', kind: 'scale', label: 'Schaal' },
  { id: 'open', kind: 'text', label: 'Open' },
  { id: 'ja', kind: 'check', label: 'Ja of nee' },
  { id: 'keuze', kind: 'choice', label: 'Keuze', options: ['A', 'B'] },
];

describe('answers checked against the form', () => {
  it('accepts fitting answers, null for "not seen" and an empty choice', () => {
    expect(checkAnswers(fields, { schaal: 4, open: 'Goed', ja: false, keuze: 'B' })).toEqual([]);
    expect(checkAnswers(fields, { schaal: null, open: '', ja: null, keuze: '' })).toEqual([]);
    expect(checkAnswers(fields, {})).toEqual([]);
  });

  it('refuses answers for a heading or an unknown field', () => {
    expect(checkAnswers(fields, { kop: 'x', onbekend: 1 }).map((p) => p.fieldId)).toEqual(['kop', 'onbekend']);
  });

  it.each([
    ['schaal', 0],
    ['schaal', 5],
    ['schaal', 2.5],
    ['schaal', '3'],
    ['open', 3],
    ['open', 'nul\u0000'],
    ['ja', 'ja'],
    ['keuze', 'C'],
    ['keuze', 1],
  ])('refuses %s = %j', (fieldId, value) => {
    const problems = checkAnswers(fields, { [fieldId]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.fieldId).toBe(fieldId);
    expect(problems[0]!.message).not.toBe('');
  });
});

describe('form fields', () => {
  const parse = (f: unknown) => TeamFormFields.safeParse(f);
  it('needs at least one question, not only headings', () => {
    expect(parse([{ id: 'a', kind: 'heading', label: 'Kop' }]).success).toBe(false);
    expect(parse([]).success).toBe(false);
    expect(parse([{ id: 'a', kind: 'check', label: 'Vraag' }]).success).toBe(true);
  });
  it('needs unique ids and two distinct options for a choice', () => {
    expect(
      parse([
        { id: 'a', kind: 'text', label: 'x' },
        { id: 'a', kind: 'text', label: 'y' },
      ]).success,
    ).toBe(false);
    expect(parse([{ id: 'a', kind: 'choice', label: 'x', options: ['A', 'A'] }]).success).toBe(false);
    expect(parse([{ id: 'a', kind: 'choice', label: 'x', options: ['A', 'B'] }]).success).toBe(true);
  });
  it('accepts every starting form', () => {
    for (const example of TEAM_FORM_EXAMPLES) expect(parse(example.fields).success, example.key).toBe(true);
  });
});

describe('who reads a visit', () => {
  const actor = (personId: string): Actor => ({
    personId,
    boardId: 'b',
    sessionId: 's',
    csrfToken: 'c',
    memberships: [{ role: 'docent', schoolId: 'school', teamId: 'team' }],
  });
  const visit = { boardId: 'b', observerId: 'o', observedId: 'v', sharedAt: null as Date | null };

  it('gives the two of them their role and nobody else anything', () => {
    expect(visitRelation(actor('o'), visit, [])).toBe('observer');
    expect(visitRelation(actor('v'), visit, [])).toBe('observed');
    expect(visitRelation(actor('x'), visit, [])).toBe('none');
    expect(visitRelation(actor('m'), visit, ['m'])).toBe('none');
    expect(visitRelation({ ...actor('o'), boardId: 'other' }, visit, [])).toBe('none');
  });

  it('lets the leidinggevende read only after sharing', () => {
    const shared = { ...visit, sharedAt: new Date() };
    expect(visitRelation(actor('m'), shared, ['m'])).toBe('manager');
    expect(visitRelation(actor('x'), shared, ['m'])).toBe('none');
  });

  it('allows each step only to the right person at the right time', () => {
    const planned = { status: 'planned', day: '2030-03-06', today: '2030-03-05', hasEvidence: false };
    expect(visitAbilities('observer', planned)).toMatchObject({ answer: true, markDone: false, feedback: false });
    expect(visitAbilities('observer', { ...planned, today: '2030-03-06' }).markDone).toBe(true);
    const held = { ...planned, status: 'discussed', today: '2030-03-07' };
    expect(visitAbilities('observed', held)).toMatchObject({ feedback: true, addEvidence: true, share: true });
    expect(visitAbilities('observed', { ...held, hasEvidence: true }).addEvidence).toBe(false);
    expect(visitAbilities('observer', held)).toMatchObject({ answer: false, addEvidence: false, share: false });
    expect(Object.values(visitAbilities('manager', held)).some(Boolean)).toBe(false);
  });
});
