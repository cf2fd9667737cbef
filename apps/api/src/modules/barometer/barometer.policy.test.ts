import { describe, expect, it } from 'vitest';
import type { Actor, ActorMembership } from '../../platform/actor.ts';
import { canLeadSchoolBarometer, canShare, canUseTeamBarometer, resultsAccess } from './barometer.policy.ts';

const actor = (memberships: ActorMembership[], boardId = 'b1'): Actor => ({
  personId: 'me',
  boardId,
  sessionId: 's',
  csrfToken: 'c',
  memberships,
});
const m = (role: ActorMembership['role'], schoolId: string | null = 's1', teamId: string | null = null) => ({
  role,
  schoolId,
  teamId,
});
const team = { id: 't1', boardId: 'b1', schoolId: 's1' };
const round = (status: string, shared: boolean) => ({
  boardId: 'b1',
  teamId: 't1',
  schoolId: 's1',
  status,
  sharedAt: shared ? new Date() : null,
});

describe('the team page, its settings and starting its rounds', () => {
  it.each([
    ['docent in the team', [m('docent', 's1', 't1')], true],
    ['teamleider of the team', [m('teamleider', 's1', 't1')], true],
    ['coach in the team', [m('coach', 's1', 't1')], true],
    ['oop in the team', [m('oop', 's1', 't1')], true],
    ['werkplekbegeleider in the team', [m('werkplekbegeleider', 's1', 't1')], true],
    ['student (intern) in the team', [m('student', 's1', 't1')], false],
    ['docent in another team', [m('docent', 's1', 't2')], false],
    ['teamleider without a team', [m('teamleider', 's1')], false],
    ['schoolleider of the school', [m('schoolleider')], false],
    ['mt_lid of the school', [m('mt_lid')], false],
    ['beheerder', [m('beheerder', null)], false],
    ['hr', [m('hr', null)], false],
    ['bestuurder', [m('bestuurder', null)], false],
  ])('%s: %s', (_name, memberships, ok) => {
    expect(canUseTeamBarometer(actor(memberships), team)).toBe(ok);
  });

  it('never lets a member of a team with the same id on another board in', () => {
    expect(canUseTeamBarometer(actor([m('docent', 's1', 't1')], 'b2'), team)).toBe(false);
  });
});

describe('starting rounds for all teams of a school', () => {
  it.each([
    ['schoolleider of the school', [m('schoolleider')], true],
    ['mt_lid of the school', [m('mt_lid')], true],
    ['schoolleider of another school', [m('schoolleider', 's2')], false],
    ['teamleider', [m('teamleider', 's1', 't1')], false],
    ['docent', [m('docent', 's1', 't1')], false],
    ['beheerder', [m('beheerder', null)], false],
    ['hr', [m('hr', null)], false],
  ])('%s: %s', (_name, memberships, ok) => {
    expect(canLeadSchoolBarometer(actor(memberships), 'b1', 's1')).toBe(ok);
  });
});

describe('seeing a round’s results', () => {
  it.each([
    ['member, closed', [m('docent', 's1', 't1')], round('closed', false), 'member'],
    ['member, open (the service then says "not yet")', [m('docent', 's1', 't1')], round('open', false), 'member'],
    ['schoolleider, closed, not shared', [m('schoolleider')], round('closed', false), 'none'],
    ['schoolleider, closed, shared', [m('schoolleider')], round('closed', true), 'leader'],
    ['mt_lid, closed, shared', [m('mt_lid')], round('closed', true), 'leader'],
    ['schoolleider, open, shared (cannot happen; still none)', [m('schoolleider')], round('open', true), 'none'],
    ['schoolleider of another school, shared', [m('schoolleider', 's2')], round('closed', true), 'none'],
    ['member of another team, shared', [m('docent', 's1', 't2')], round('closed', true), 'none'],
    ['teamleider of another team, shared', [m('teamleider', 's1', 't2')], round('closed', true), 'none'],
    ['beheerder, shared', [m('beheerder', null)], round('closed', true), 'none'],
    ['hr, shared', [m('hr', null)], round('closed', true), 'none'],
    ['bestuurder, shared', [m('bestuurder', null)], round('closed', true), 'none'],
  ])('%s → %s', (_name, memberships, r, access) => {
    expect(resultsAccess(actor(memberships), r)).toBe(access);
  });

  it('refuses another board even with matching ids', () => {
    expect(resultsAccess(actor([m('docent', 's1', 't1')], 'b2'), round('closed', true))).toBe('none');
  });

  it.each([
    ['member', [m('docent', 's1', 't1')], true],
    ['schoolleider (even of a shared round)', [m('schoolleider')], false],
    ['member of another team', [m('docent', 's1', 't2')], false],
  ])('sharing: %s → %s', (_name, memberships, ok) => {
    expect(canShare(actor(memberships), round('closed', true))).toBe(ok);
  });
});
