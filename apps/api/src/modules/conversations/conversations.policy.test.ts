import { describe, expect, it } from 'vitest';
import type { Role } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';
import {
  abilitiesFor,
  canMove,
  canPlan,
  canSeePreparation,
  canView,
  foreignReportFields,
  heldFrom,
  isTooEarlyToHold,
  signaturesVoidedBy,
  type ConversationAccess,
} from './conversations.policy.ts';

const BOARD = 'b1';
const actor = (personId: string, roles: Role[] = ['docent'], boardId = BOARD): Actor => ({
  personId,
  boardId,
  sessionId: 's',
  csrfToken: 'c',
  memberships: roles.map((role) => ({ role, schoolId: 'school', teamId: null })),
});

const base: ConversationAccess = {
  boardId: BOARD,
  employeeId: 'emp',
  managerId: 'mgr',
  state: 'planned',
  lineManagerIds: ['mgr', 'line2'],
  sharedWith: ['coach'],
  hrGrant: false,
  preparationShared: false,
  report: null,
};

describe('who sees a conversation', () => {
  const cases: [string, Actor, Partial<ConversationAccess>, boolean][] = [
    ['the employee', actor('emp'), {}, true],
    ['the manager', actor('mgr', ['teamleider']), {}, true],
    ['the manager after they stopped managing', actor('mgr', ['teamleider']), { lineManagerIds: [] }, true],
    ['another current line manager', actor('line2', ['teamleider']), {}, true],
    ['a person it was shared with', actor('coach', ['coach']), {}, true],
    ['HR without a grant', actor('hr1', ['hr']), {}, false],
    ['HR with a grant', actor('hr1', ['hr']), { hrGrant: true }, true],
    ['a grant without the hr role', actor('x', ['docent']), { hrGrant: true }, false],
    ['a schoolleider who is not the manager', actor('boss', ['schoolleider']), {}, false],
    ['a beheerder', actor('admin', ['beheerder']), {}, false],
    ['a bestuurder', actor('b', ['bestuurder']), {}, false],
    ['the employee signed in on another board', actor('emp', ['docent'], 'b2'), {}, false],
    ['a colleague', actor('other'), {}, false],
  ];
  it.each(cases)('%s', (_name, who, over, expected) => {
    expect(canView(who, { ...base, ...over })).toBe(expected);
  });
});

describe('the preparation stays with the employee until shared', () => {
  const cases: [string, Actor, boolean, boolean][] = [
    ['employee, not shared', actor('emp'), false, true],
    ['manager, not shared', actor('mgr'), false, false],
    ['manager, shared', actor('mgr'), true, true],
    ['line manager, shared', actor('line2'), true, true],
    ['colleague, shared', actor('other'), true, false],
  ];
  it.each(cases)('%s', (_n, who, shared, expected) => {
    expect(canSeePreparation(who, { ...base, preparationShared: shared })).toBe(expected);
  });
});

describe('abilities per state and side', () => {
  const draft = { locked: false, employeeSigned: false, managerSigned: false };
  const cases: [string, Actor, Partial<ConversationAccess>, keyof ReturnType<typeof abilitiesFor>, boolean][] = [
    ['employee reschedules a planned one', actor('emp'), {}, 'reschedule', true],
    ['manager reschedules while preparing', actor('mgr'), { state: 'preparing' }, 'reschedule', true],
    ['nobody reschedules after it was held', actor('mgr'), { state: 'held' }, 'reschedule', false],
    ['line manager cannot reschedule', actor('line2'), {}, 'reschedule', false],
    ['manager cancels', actor('mgr'), {}, 'cancel', true],
    ['employee cannot cancel', actor('emp'), {}, 'cancel', false],
    ['no cancel after agreement', actor('mgr'), { state: 'agreed' }, 'cancel', false],
    ['no cancel once held', actor('mgr'), { state: 'held' }, 'cancel', false],
    ['employee prepares', actor('emp'), {}, 'editPreparation', true],
    ['manager cannot prepare', actor('mgr'), {}, 'editPreparation', false],
    ['employee shares', actor('emp'), {}, 'sharePreparation', true],
    ['no second share', actor('emp'), { preparationShared: true }, 'sharePreparation', false],
    ['manager marks held', actor('mgr'), { state: 'preparing' }, 'markHeld', true],
    ['employee cannot mark held', actor('emp'), {}, 'markHeld', false],
    ['manager starts the report when held', actor('mgr'), { state: 'held' }, 'writeReport', true],
    ['manager cannot write before held', actor('mgr'), {}, 'writeReport', false],
    ['manager edits a draft', actor('mgr'), { state: 'report_draft', report: draft }, 'writeReport', true],
    ['employee writes own view', actor('emp'), { state: 'report_draft', report: draft }, 'writeEmployeeView', true],
    ['employee cannot write the report', actor('emp'), { state: 'report_draft', report: draft }, 'writeReport', false],
    ['employee signs a draft', actor('emp'), { state: 'report_draft', report: draft }, 'sign', true],
    [
      'employee cannot sign twice',
      actor('emp'),
      { state: 'report_draft', report: { ...draft, employeeSigned: true } },
      'sign',
      false,
    ],
    ['line manager cannot sign', actor('line2'), { state: 'report_draft', report: draft }, 'sign', false],
    ['manager closes after agreement', actor('mgr'), { state: 'agreed' }, 'close', true],
    ['employee cannot close', actor('emp'), { state: 'agreed' }, 'close', false],
    ['either side asks for a correction', actor('emp'), { state: 'closed' }, 'requestCorrection', true],
    ['no correction of a draft', actor('mgr'), { state: 'report_draft', report: draft }, 'requestCorrection', false],
    ['employee shares with others', actor('emp'), {}, 'manageShares', true],
    ['manager cannot share', actor('mgr'), {}, 'manageShares', false],
    ['employee adds evidence', actor('emp'), {}, 'manageEvidence', true],
    ['no pdf without a report', actor('emp'), {}, 'downloadPdf', false],
    ['shared person downloads the pdf', actor('coach'), { state: 'agreed', report: draft }, 'downloadPdf', true],
  ];
  it.each(cases)('%s', (_n, who, over, ability, expected) => {
    expect(abilitiesFor(who, { ...base, ...over })[ability]).toBe(expected);
  });
});

describe('state machine', () => {
  const cases: [Parameters<typeof canMove>[0], Parameters<typeof canMove>[1], boolean][] = [
    ['planned', 'preparing', true],
    ['preparing', 'held', true],
    ['held', 'report_draft', true],
    ['report_draft', 'agreed', true],
    ['agreed', 'closed', true],
    ['agreed', 'report_draft', true],
    ['planned', 'agreed', false],
    ['closed', 'held', false],
    ['cancelled', 'planned', false],
    ['report_draft', 'cancelled', false],
    ['held', 'cancelled', false],
  ];
  it.each(cases)('%s → %s', (from, to, expected) => expect(canMove(from, to)).toBe(expected));
});

describe('planning and report fields', () => {
  it('only a current line manager plans', () => {
    expect(canPlan(actor('mgr'), { boardId: BOARD, lineManagerIds: ['mgr'] })).toBe(true);
    expect(canPlan(actor('boss', ['schoolleider']), { boardId: BOARD, lineManagerIds: ['mgr'] })).toBe(false);
    expect(canPlan(actor('mgr', ['teamleider'], 'b2'), { boardId: BOARD, lineManagerIds: ['mgr'] })).toBe(false);
  });
  const cases: [string, 'employee' | 'manager' | 'viewer', Record<string, unknown>, string[]][] = [
    ['manager own fields', 'manager', { goingWell: 'x', agreements: [] }, []],
    ['manager writes the employee view', 'manager', { goingWell: 'x', employeeView: 'y' }, ['employeeView']],
    ['employee own fields', 'employee', { employeeView: 'y', employeeDisagrees: true }, []],
    ['employee writes goals', 'employee', { agreements: [] }, ['agreements']],
    ['viewer writes anything', 'viewer', { employeeView: 'y' }, ['employeeView']],
  ];
  it.each(cases)('%s', (_n, side, body, expected) => expect(foreignReportFields(side, body)).toEqual(expected));
});

describe('a conversation is held from a quarter of an hour before its start', () => {
  const start = new Date('2026-03-12T13:30:00.000Z');
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  const cases: [string, Date, boolean][] = [
    ['a day before', at(-24 * 60), true],
    ['sixteen minutes before', at(-16), true],
    ['one second short of a quarter before', new Date(at(-15).getTime() - 1000), true],
    ['exactly a quarter before', at(-15), false],
    ['at the start', start, false],
    ['a week later', at(7 * 24 * 60), false],
  ];
  it.each(cases)('%s', (_n, now, early) => expect(isTooEarlyToHold(start, now)).toBe(early));
  it('names the moment it can be', () => expect(heldFrom(start).toISOString()).toBe('2026-03-12T13:15:00.000Z'));
});

describe('signatures a report change voids', () => {
  it.each([
    ["the leidinggevende's text", ['goingWell'], { employee: true, manager: true }],
    ['the agreements', ['agreements'], { employee: true, manager: true }],
    ['the next date', ['nextDate'], { employee: true, manager: true }],
    ["the employee's own view", ['employeeView'], { employee: true, manager: false }],
    ['disagreeing', ['employeeDisagrees'], { employee: true, manager: false }],
    ['both parts', ['employeeView', 'toDevelop'], { employee: true, manager: true }],
    ['nothing', [], { employee: false, manager: false }],
  ])('%s', (_name, fields, expected) => {
    expect(signaturesVoidedBy(fields)).toEqual(expected);
  });
});
