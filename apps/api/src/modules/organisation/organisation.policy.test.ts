import { describe, expect, it } from 'vitest';
import type { Actor, ActorMembership } from '../../platform/actor.ts';
import { canViewPerson, navFor, peopleScope } from './organisation.policy.ts';

const actor = (memberships: ActorMembership[]): Actor => ({
  personId: 'p',
  boardId: 'b',
  sessionId: 's',
  csrfToken: 'c',
  memberships,
});
const at = (
  role: ActorMembership['role'],
  schoolId: string | null = null,
  teamId: string | null = null,
): ActorMembership => ({ role, schoolId, teamId });

describe('peopleScope', () => {
  it.each([
    [[at('beheerder')], 'board'],
    [[at('hr')], 'board'],
    [[at('bestuurder')], 'board'],
    [[at('schoolleider', 's1')], 'schools'],
    [[at('mt_lid', 's1')], 'schools'],
    [[at('teamleider', 's1', 't1')], 'none'],
    [[at('docent', 's1', 't1')], 'none'],
    [[], 'none'],
  ] as const)('%j → %s', (memberships, kind) => {
    expect(peopleScope(actor([...memberships])).kind).toBe(kind);
  });
});

describe('canViewPerson', () => {
  it('never crosses boards, even for a beheerder', () => {
    expect(canViewPerson(actor([at('beheerder')]), { boardId: 'other', schoolIds: [] })).toBe(false);
  });
  it('lets a schoolleider see their own school only', () => {
    const a = actor([at('schoolleider', 's1')]);
    expect(canViewPerson(a, { boardId: 'b', schoolIds: ['s1', 's2'] })).toBe(true);
    expect(canViewPerson(a, { boardId: 'b', schoolIds: ['s2'] })).toBe(false);
    expect(canViewPerson(a, { boardId: 'b', schoolIds: [] })).toBe(false);
  });
});

describe('navFor', () => {
  it('shows a docent their own areas, not Beheer or School', () => {
    expect(navFor(actor([at('docent', 's1', 't1')]))).toEqual(['ontwikkeling', 'team', 'gesprekken', 'netwerken']);
  });
  it('shows a beheerder Beheer', () => {
    expect(navFor(actor([at('beheerder')]))).toContain('beheer');
  });
  it('keeps Netwerken and Team from someone who is only a student', () => {
    expect(navFor(actor([at('student', 's1', 't1')]))).not.toContain('netwerken');
    expect(navFor(actor([at('student', 's1', 't1')]))).not.toContain('team');
  });
  it('shows school leadership Team, for the boards of their teams', () => {
    expect(navFor(actor([at('schoolleider', 's1')]))).toContain('team');
    expect(navFor(actor([at('mt_lid', 's1')]))).toContain('team');
    expect(navFor(actor([at('hr')]))).not.toContain('team');
  });
});
