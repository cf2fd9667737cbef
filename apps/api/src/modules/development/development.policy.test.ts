import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.ts';
import {
  actionAbilities,
  canSeeGoal,
  goalAbilities,
  isStale,
  isWebLink,
  relationTo,
  schoolDate,
  weeksSince,
} from './development.policy.ts';

const actor = (personId: string, memberships: Actor['memberships'] = []): Actor => ({
  personId,
  boardId: 'b',
  sessionId: 's',
  csrfToken: 'c',
  memberships,
});
const plan = { boardId: 'b', personId: 'owner' };

describe('relationTo', () => {
  it.each([
    ['the owner', actor('owner'), [], 'owner'],
    ['a current manager', actor('boss'), ['boss'], 'manager'],
    ['a former or other manager', actor('boss'), ['someone'], 'none'],
    ['a beheerder', actor('admin', [{ role: 'beheerder', schoolId: null, teamId: null }]), [], 'none'],
    ['hr', actor('hr', [{ role: 'hr', schoolId: null, teamId: null }]), [], 'none'],
    ['a schoolleider', actor('sl', [{ role: 'schoolleider', schoolId: 's1', teamId: null }]), [], 'none'],
  ] as const)('%s → %s', (_label, who, managers, expected) => {
    expect(relationTo(who, plan, managers)).toBe(expected);
  });
  it('never crosses boards, not even for the same person id', () => {
    expect(relationTo(actor('owner'), { boardId: 'other', personId: 'owner' }, [])).toBe('none');
    expect(relationTo(actor('boss'), { boardId: 'other', personId: 'owner' }, ['boss'])).toBe('none');
  });
});

describe('canSeeGoal', () => {
  it.each([
    ['owner', { source: 'own', visibleToManager: false }, true],
    ['manager', { source: 'own', visibleToManager: true }, true],
    ['manager', { source: 'own', visibleToManager: false }, false],
    ['manager', { source: 'conversation', visibleToManager: false }, true],
    ['none', { source: 'conversation', visibleToManager: true }, false],
  ] as const)('%s sees %j: %s', (relation, goal, expected) => {
    expect(canSeeGoal(relation, goal)).toBe(expected);
  });
});

describe('goalAbilities', () => {
  it.each([
    [
      'owner',
      'own',
      {
        edit: true,
        editText: true,
        changeVisibility: true,
        delete: true,
        checkin: true,
        addAction: true,
        addEvidence: true,
      },
    ],
    [
      'owner',
      'conversation',
      {
        edit: true,
        editText: false,
        changeVisibility: false,
        delete: false,
        checkin: true,
        addAction: true,
        addEvidence: true,
      },
    ],
    [
      'manager',
      'own',
      {
        edit: false,
        editText: false,
        changeVisibility: false,
        delete: false,
        checkin: true,
        addAction: true,
        addEvidence: false,
      },
    ],
    [
      'none',
      'own',
      {
        edit: false,
        editText: false,
        changeVisibility: false,
        delete: false,
        checkin: false,
        addAction: false,
        addEvidence: false,
      },
    ],
  ] as const)('%s on an %s goal', (relation, source, expected) => {
    expect(goalAbilities(relation, { source, visibleToManager: true })).toEqual(expected);
  });
});

describe('actionAbilities', () => {
  const own = { ownerId: 'owner', createdBy: 'owner', conversationId: null };
  const managers = { ownerId: 'boss', createdBy: 'boss', conversationId: null };
  const agreedForBoss = { ownerId: 'boss', createdBy: 'boss', conversationId: 'c' };
  it.each([
    ['owner', 'owner', own, { edit: true, toggle: true, delete: true }],
    ['owner', 'owner', managers, { edit: true, toggle: true, delete: true }],
    ['owner', 'owner', agreedForBoss, { edit: false, toggle: true, delete: false }],
    ['manager', 'boss', own, { edit: false, toggle: false, delete: false }],
    ['manager', 'boss', managers, { edit: true, toggle: true, delete: true }],
    ['manager', 'boss', agreedForBoss, { edit: false, toggle: true, delete: false }],
    ['none', 'x', own, { edit: false, toggle: false, delete: false }],
  ] as const)('%s (%s) on %j', (relation, who, action, expected) => {
    expect(actionAbilities(relation, who, action)).toEqual(expected);
  });
});

describe('isStale', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const weeksAgo = (n: number) => new Date(now.getTime() - n * 7 * 24 * 3600_000);
  it.each([
    ['open, created 8 weeks ago', { status: 'open', createdAt: weeksAgo(8), lastProgressAt: null }, true],
    ['open, created 7 weeks ago', { status: 'open', createdAt: weeksAgo(7), lastProgressAt: null }, false],
    ['behind, progress 9 weeks ago', { status: 'behind', createdAt: weeksAgo(20), lastProgressAt: weeksAgo(9) }, true],
    [
      'on track, progress last week',
      { status: 'on_track', createdAt: weeksAgo(20), lastProgressAt: weeksAgo(1) },
      false,
    ],
    ['achieved long ago', { status: 'achieved', createdAt: weeksAgo(30), lastProgressAt: null }, false],
    ['stopped long ago', { status: 'stopped', createdAt: weeksAgo(30), lastProgressAt: null }, false],
  ] as const)('%s → %s', (_label, goal, expected) => {
    expect(isStale(goal, now)).toBe(expected);
  });
  it('counts whole weeks', () => {
    expect(weeksSince(weeksAgo(10), now)).toBe(10);
    expect(weeksSince(new Date(now.getTime() + 1000), now)).toBe(0);
  });
});

describe('isWebLink', () => {
  it.each([
    ['https://school.nl/a', true],
    ['http://school.nl', true],
    ['HTTPS://SCHOOL.NL', true],
    ['javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['ftp://school.nl', false],
    ['//school.nl', false],
    ['https://', false],
  ])('%s → %s', (url, expected) => {
    expect(isWebLink(url)).toBe(expected);
  });
});

describe('schoolDate', () => {
  it('uses Dutch time, so late evening UTC is already the next day', () => {
    expect(schoolDate(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
    expect(schoolDate(new Date('2026-11-23T10:00:00Z'), 14)).toBe('2026-12-07');
  });
});
