import { describe, expect, it } from 'vitest';
import type { Actor, ActorMembership } from '../../platform/actor.ts';
import { canManageQuestionnaires, canViewQuestionnaire, roundAbilities, roundRelation } from './feedback.policy.ts';

const actor = (memberships: ActorMembership[], personId = 'me'): Actor => ({
  personId,
  boardId: 'b1',
  sessionId: 's',
  csrfToken: 'c',
  memberships,
});
const m = (role: ActorMembership['role'], schoolId: string | null = 's1'): ActorMembership => ({
  role,
  schoolId,
  teamId: null,
});

describe('questionnaires', () => {
  it.each([
    ['schoolleider of the school', [m('schoolleider')], true],
    ['mt_lid of the school', [m('mt_lid')], true],
    ['schoolleider of another school', [m('schoolleider', 's2')], false],
    ['hr', [m('hr', null)], true],
    ['beheerder', [m('beheerder', null)], true],
    ['docent', [m('docent')], false],
    ['teamleider', [m('teamleider')], false],
  ])('%s may build: %s', (_name, memberships, ok) => {
    expect(canManageQuestionnaires(actor(memberships), 's1')).toBe(ok);
  });

  it.each([
    ['a docent sees a published one of the school', [m('docent')], 'published', true],
    ['a docent does not see a draft', [m('docent')], 'draft', false],
    ['a docent of another school sees nothing', [m('docent', 's2')], 'published', false],
    ['a builder sees a draft', [m('schoolleider')], 'draft', true],
  ])('%s', (_name, memberships, status, ok) => {
    expect(canViewQuestionnaire(actor(memberships), { boardId: 'b1', schoolId: 's1', status })).toBe(ok);
  });
});

describe('rounds', () => {
  const round = { boardId: 'b1', subjectId: 'me', status: 'open', sharedWithManagerAt: null, conversationId: null };
  it.each([
    ['the subject', 'me', round, false, 'subject'],
    ['a manager before sharing', 'boss', round, true, 'none'],
    ['a manager after sharing', 'boss', { ...round, sharedWithManagerAt: new Date() }, true, 'manager'],
    ['a manager after attaching to a conversation', 'boss', { ...round, conversationId: 'c1' }, true, 'manager'],
    ['another manager after sharing', 'other', { ...round, sharedWithManagerAt: new Date() }, false, 'none'],
    ['another board', 'me', { ...round, boardId: 'b2' }, false, 'none'],
  ])('%s', (_name, personId, r, isManager, relation) => {
    expect(roundRelation(actor([m('docent')], personId), r, isManager)).toBe(relation);
  });

  it('gives results only for a closed round and changes only to the subject', () => {
    expect(roundAbilities('subject', round)).toMatchObject({ invite: true, close: true, viewResults: false });
    expect(roundAbilities('manager', { ...round, status: 'closed' })).toMatchObject({
      invite: false,
      share: false,
      viewResults: true,
    });
  });
});
