import { describe, expect, it } from 'vitest';
import type { Role } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';
import { isTeamMember, teamAccess, teamScope, type TeamAccess } from './team.policy.ts';

const BOARD = 'board-1';
const SCHOOL = 'school-1';
const OTHER_SCHOOL = 'school-2';
const TEAM = 'team-1';
const OTHER_TEAM = 'team-2';
const team = { id: TEAM, boardId: BOARD, schoolId: SCHOOL };

function actor(memberships: [Role, string | null, string | null][], boardId = BOARD): Actor {
  return {
    personId: 'p',
    boardId,
    sessionId: 's',
    csrfToken: 'c',
    memberships: memberships.map(([role, schoolId, teamId]) => ({ role, schoolId, teamId })),
  };
}

describe('team board access', () => {
  const cases: { who: string; a: Actor; access: TeamAccess }[] = [
    { who: 'docent in the team', a: actor([['docent', SCHOOL, TEAM]]), access: 'edit' },
    { who: 'oop in the team', a: actor([['oop', SCHOOL, TEAM]]), access: 'edit' },
    { who: 'teamleider of the team', a: actor([['teamleider', SCHOOL, TEAM]]), access: 'edit' },
    { who: 'coach of the team', a: actor([['coach', SCHOOL, TEAM]]), access: 'edit' },
    { who: 'werkplekbegeleider in the team', a: actor([['werkplekbegeleider', SCHOOL, TEAM]]), access: 'edit' },
    { who: 'student in the team', a: actor([['student', SCHOOL, TEAM]]), access: 'none' },
    { who: 'docent in another team', a: actor([['docent', SCHOOL, OTHER_TEAM]]), access: 'none' },
    { who: 'teamleider of another team', a: actor([['teamleider', SCHOOL, OTHER_TEAM]]), access: 'none' },
    { who: 'schoolleider of the school', a: actor([['schoolleider', SCHOOL, null]]), access: 'view' },
    { who: 'mt_lid of the school', a: actor([['mt_lid', SCHOOL, null]]), access: 'view' },
    { who: 'schoolleider of another school', a: actor([['schoolleider', OTHER_SCHOOL, null]]), access: 'none' },
    { who: 'beheerder', a: actor([['beheerder', null, null]]), access: 'none' },
    { who: 'hr', a: actor([['hr', null, null]]), access: 'none' },
    { who: 'bestuurder', a: actor([['bestuurder', null, null]]), access: 'none' },
    { who: 'docent at the school without a team', a: actor([['docent', SCHOOL, null]]), access: 'none' },
    { who: 'nobody', a: actor([]), access: 'none' },
    {
      who: 'schoolleider who is also in the team',
      a: actor([
        ['schoolleider', SCHOOL, null],
        ['docent', SCHOOL, TEAM],
      ]),
      access: 'edit',
    },
    {
      who: 'student in the team and mt_lid of the school',
      a: actor([
        ['student', SCHOOL, TEAM],
        ['mt_lid', SCHOOL, null],
      ]),
      access: 'view',
    },
    {
      who: 'member of a same-id team on another board',
      a: actor([['docent', SCHOOL, TEAM]], 'board-2'),
      access: 'none',
    },
  ];
  it.each(cases)('$who: $access', ({ a, access }) => {
    expect(teamAccess(a, team)).toBe(access);
  });

  it('counts staff roles in the team as membership, not a student place', () => {
    expect(isTeamMember(actor([['oop', SCHOOL, TEAM]]), TEAM)).toBe(true);
    expect(isTeamMember(actor([['student', SCHOOL, TEAM]]), TEAM)).toBe(false);
    expect(isTeamMember(actor([['schoolleider', SCHOOL, null]]), TEAM)).toBe(false);
  });

  it('scopes the list of boards to own teams and led schools', () => {
    const a = actor([
      ['docent', SCHOOL, TEAM],
      ['student', SCHOOL, OTHER_TEAM],
      ['mt_lid', OTHER_SCHOOL, null],
      ['hr', null, null],
    ]);
    expect(teamScope(a)).toEqual({ teamIds: [TEAM], schoolIds: [OTHER_SCHOOL] });
    expect(teamScope(actor([['beheerder', null, null]]))).toEqual({ teamIds: [], schoolIds: [] });
  });
});
