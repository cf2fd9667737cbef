import { describe, expect, it } from 'vitest';
import type { Role } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';
import { canEditCycle, canViewCycle, cycleAbilities, cycleSchoolScope } from './cycle.policy.ts';

const SCHOOL = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

function actor(...memberships: [Role, string | null][]): Actor {
  return {
    personId: 'p',
    boardId: 'b',
    sessionId: 's',
    csrfToken: 'c',
    memberships: memberships.map(([role, schoolId]) => ({ role, schoolId, teamId: null })),
  };
}

describe('cycle policy', () => {
  const cases: { who: string; a: Actor; view: boolean; edit: boolean }[] = [
    { who: 'schoolleider of the school', a: actor(['schoolleider', SCHOOL]), view: true, edit: true },
    { who: 'schoolleider of another school', a: actor(['schoolleider', OTHER]), view: false, edit: false },
    { who: 'mt_lid of the school', a: actor(['mt_lid', SCHOOL]), view: true, edit: false },
    { who: 'mt_lid of another school', a: actor(['mt_lid', OTHER]), view: false, edit: false },
    { who: 'beheerder', a: actor(['beheerder', null]), view: true, edit: true },
    { who: 'hr', a: actor(['hr', null]), view: true, edit: true },
    { who: 'bestuurder', a: actor(['bestuurder', null]), view: true, edit: false },
    { who: 'teamleider of the school', a: actor(['teamleider', SCHOOL]), view: false, edit: false },
    { who: 'docent of the school', a: actor(['docent', SCHOOL]), view: false, edit: false },
    { who: 'nobody', a: actor(), view: false, edit: false },
    {
      who: 'mt_lid here and schoolleider elsewhere',
      a: actor(['mt_lid', SCHOOL], ['schoolleider', OTHER]),
      view: true,
      edit: false,
    },
  ];
  it.each(cases)('$who: view $view, edit $edit', ({ a, view, edit }) => {
    expect(canViewCycle(a, SCHOOL)).toBe(view);
    expect(canEditCycle(a, SCHOOL)).toBe(edit);
  });

  it('offers defaults only to an editor of an unconfigured school', () => {
    expect(cycleAbilities(actor(['schoolleider', SCHOOL]), SCHOOL, false)).toEqual({ edit: true, applyDefaults: true });
    expect(cycleAbilities(actor(['schoolleider', SCHOOL]), SCHOOL, true)).toEqual({ edit: true, applyDefaults: false });
    expect(cycleAbilities(actor(['mt_lid', SCHOOL]), SCHOOL, false)).toEqual({ edit: false, applyDefaults: false });
  });

  it('scopes the school picker', () => {
    expect(cycleSchoolScope(actor(['hr', null]))).toEqual({ kind: 'board' });
    expect(cycleSchoolScope(actor(['mt_lid', SCHOOL], ['docent', OTHER]))).toEqual({
      kind: 'schools',
      schoolIds: [SCHOOL],
    });
  });
});
