import { describe, expect, it } from 'vitest';
import type { Actor, ActorMembership } from '../../platform/actor.ts';
import { mayEditPreparation, teamAccess } from './preparations.policy.ts';

const team = { id: 'team-1', boardId: 'board-1', schoolId: 'school-1' };
const actor = (memberships: ActorMembership[], boardId = 'board-1'): Actor => ({
  personId: 'p1',
  boardId,
  sessionId: 's',
  csrfToken: 'c',
  memberships,
});

describe('teamAccess for preparations and the library', () => {
  it.each(['docent', 'teamleider', 'coach', 'oop'] as const)('lets a %s of the team add', (role) => {
    expect(teamAccess(actor([{ role, schoolId: 'school-1', teamId: 'team-1' }]), team)).toBe('edit');
  });

  it('lets school leadership of the school read only', () => {
    expect(teamAccess(actor([{ role: 'schoolleider', schoolId: 'school-1', teamId: null }]), team)).toBe('view');
    expect(teamAccess(actor([{ role: 'mt_lid', schoolId: 'school-1', teamId: null }]), team)).toBe('view');
  });

  it('keeps everyone else out', () => {
    expect(teamAccess(actor([{ role: 'docent', schoolId: 'school-1', teamId: 'team-2' }]), team)).toBe('none');
    expect(teamAccess(actor([{ role: 'schoolleider', schoolId: 'school-2', teamId: null }]), team)).toBe('none');
    expect(teamAccess(actor([{ role: 'student', schoolId: 'school-1', teamId: 'team-1' }]), team)).toBe('none');
    expect(teamAccess(actor([{ role: 'beheerder', schoolId: null, teamId: null }]), team)).toBe('none');
    expect(teamAccess(actor([{ role: 'hr', schoolId: null, teamId: null }]), team)).toBe('none');
    expect(teamAccess(actor([{ role: 'docent', schoolId: 'school-1', teamId: 'team-1' }], 'board-2'), team)).toBe(
      'none',
    );
  });
});

describe('mayEditPreparation', () => {
  it('is for participants who are in the team', () => {
    expect(mayEditPreparation('edit', 'p1', ['p1', 'p2'])).toBe(true);
    expect(mayEditPreparation('edit', 'p3', ['p1', 'p2'])).toBe(false);
    expect(mayEditPreparation('view', 'p1', ['p1', 'p2'])).toBe(false);
    expect(mayEditPreparation('none', 'p1', ['p1'])).toBe(false);
  });
});
