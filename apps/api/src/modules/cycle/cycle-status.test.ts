import { describe, expect, it } from 'vitest';
import {
  applicableRules,
  deriveCycleStatus,
  dueOnOf,
  ruleApplies,
  shiftYears,
  type StatusConversation,
  type StatusRule,
  type StatusYear,
} from './cycle-status.ts';

const YEAR: StatusYear = {
  startsOn: '2026-08-01',
  endsOn: '2027-07-31',
  periods: [
    { position: 1, endsOn: '2026-11-30' },
    { position: 2, endsOn: '2027-03-31' },
    { position: 3, endsOn: '2027-07-31' },
  ],
};
const TEAM = 'team-a';

function rule(over: Partial<StatusRule> = {}): StatusRule {
  return { id: 'r1', kindId: 'k', roles: [], teamIds: [], everyYears: 1, periodPosition: 2, active: true, ...over };
}

function conv(day: string, state: string, kindId = 'k', id = `c-${day}-${state}`): StatusConversation {
  return { id, kindId, state, day, at: Date.parse(`${day}T10:00:00.000Z`) };
}

const docent = { roles: ['docent'], teamIds: [TEAM] };

describe('which rules apply', () => {
  const cases: { name: string; r: StatusRule; person: { roles: string[]; teamIds: string[] }; applies: boolean }[] = [
    { name: 'all staff', r: rule(), person: docent, applies: true },
    { name: 'inactive rule', r: rule({ active: false }), person: docent, applies: false },
    { name: 'matching role', r: rule({ roles: ['docent', 'oop'] }), person: docent, applies: true },
    { name: 'other role', r: rule({ roles: ['oop'] }), person: docent, applies: false },
    { name: 'matching team', r: rule({ teamIds: [TEAM] }), person: docent, applies: true },
    { name: 'other team', r: rule({ teamIds: ['team-b'] }), person: docent, applies: false },
    { name: 'student is not staff', r: rule(), person: { roles: ['student'], teamIds: [] }, applies: false },
    {
      name: 'student even when named',
      r: rule({ roles: ['student'] }),
      person: { roles: ['student'], teamIds: [] },
      applies: false,
    },
    {
      name: 'extra role counts',
      r: rule({ roles: ['werkplekbegeleider'] }),
      person: { roles: ['docent', 'werkplekbegeleider'], teamIds: [] },
      applies: true,
    },
    {
      name: 'team rule, no team',
      r: rule({ teamIds: [TEAM] }),
      person: { roles: ['docent'], teamIds: [] },
      applies: false,
    },
  ];
  it.each(cases)('$name → $applies', ({ r, person, applies }) => expect(ruleApplies(r, person)).toBe(applies));

  it('keeps one rule per kind: the most frequent, then the earliest period', () => {
    const rules = [
      rule({ id: 'a', everyYears: 3, periodPosition: 1 }),
      rule({ id: 'b', everyYears: 1, periodPosition: 3 }),
      rule({ id: 'c', everyYears: 1, periodPosition: 2 }),
      rule({ id: 'd', kindId: 'other' }),
    ];
    expect(
      applicableRules(rules, docent)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['c', 'd']);
  });
});

describe('status of a rule in a school year', () => {
  const cases: {
    name: string;
    r?: Partial<StatusRule>;
    conversations: StatusConversation[];
    today: string;
    status: string;
    dueOn?: string;
    conversationId?: string | null;
  }[] = [
    { name: 'nothing yet, in time', conversations: [], today: '2027-01-10', status: 'due', dueOn: '2027-03-31' },
    { name: 'nothing, on the last day', conversations: [], today: '2027-03-31', status: 'due' },
    { name: 'nothing, period over', conversations: [], today: '2027-04-01', status: 'overdue', dueOn: '2027-03-31' },
    { name: 'planned', conversations: [conv('2027-02-10', 'planned')], today: '2027-01-10', status: 'planned' },
    {
      name: 'preparing counts as planned',
      conversations: [conv('2027-02-10', 'preparing')],
      today: '2027-04-10',
      status: 'planned',
    },
    ...['held', 'report_draft', 'agreed', 'closed'].map((state) => ({
      name: `${state} is done`,
      conversations: [conv('2027-02-10', state)],
      today: '2027-05-01',
      status: 'done',
      conversationId: `c-2027-02-10-${state}`,
    })),
    {
      name: 'done beats planned',
      conversations: [conv('2027-05-10', 'planned'), conv('2026-10-01', 'held')],
      today: '2027-01-10',
      status: 'done',
      conversationId: 'c-2026-10-01-held',
    },
    {
      name: 'cancelled counts for nothing',
      conversations: [conv('2027-02-10', 'cancelled')],
      today: '2027-05-01',
      status: 'overdue',
      conversationId: null,
    },
    {
      name: 'other kind does not count',
      conversations: [conv('2027-02-10', 'held', 'other')],
      today: '2027-01-01',
      status: 'due',
    },
    {
      name: 'last year does not count for a yearly rule',
      conversations: [conv('2026-03-10', 'held')],
      today: '2027-01-01',
      status: 'due',
    },
    {
      name: 'held late in the year still counts',
      conversations: [conv('2027-07-31', 'held')],
      today: '2027-07-31',
      status: 'done',
    },
    {
      name: 'next year does not count',
      conversations: [conv('2027-08-01', 'held')],
      today: '2027-07-01',
      status: 'overdue',
    },
    {
      name: 'unknown period falls back to the year end',
      r: { periodPosition: 5 },
      conversations: [],
      today: '2027-05-01',
      status: 'due',
      dueOn: '2027-07-31',
    },
    {
      name: 'every 3 years, held last year → not due, next in 2 years',
      r: { everyYears: 3, periodPosition: 3 },
      conversations: [conv('2026-05-01', 'closed')],
      today: '2027-07-01',
      status: 'not_due',
      dueOn: '2029-07-31',
    },
    {
      name: 'every 3 years, held two years ago → not due, next year',
      r: { everyYears: 3, periodPosition: 3 },
      conversations: [conv('2025-05-01', 'agreed')],
      today: '2027-07-01',
      status: 'not_due',
      dueOn: '2028-07-31',
    },
    {
      name: 'every 3 years, held three years ago → due again',
      r: { everyYears: 3, periodPosition: 3 },
      conversations: [conv('2024-05-01', 'closed')],
      today: '2027-01-01',
      status: 'due',
      dueOn: '2027-07-31',
    },
    {
      name: 'every 3 years, earlier one cancelled → due',
      r: { everyYears: 3, periodPosition: 3 },
      conversations: [conv('2026-05-01', 'cancelled')],
      today: '2027-01-01',
      status: 'due',
    },
    {
      name: 'every 3 years, only planned last year → due',
      r: { everyYears: 3, periodPosition: 3 },
      conversations: [conv('2026-05-01', 'planned')],
      today: '2027-01-01',
      status: 'due',
    },
    {
      name: 'every 3 years, held this year → done',
      r: { everyYears: 3, periodPosition: 3 },
      conversations: [conv('2026-05-01', 'closed'), conv('2027-05-01', 'held')],
      today: '2027-06-01',
      status: 'done',
    },
  ];
  it.each(cases)('$name', ({ r, conversations, today, status, dueOn, conversationId }) => {
    const [item] = deriveCycleStatus({ year: YEAR, rules: [rule(r)], person: docent, conversations, today });
    expect(item?.status).toBe(status);
    if (dueOn) expect(item?.dueOn).toBe(dueOn);
    if (conversationId !== undefined) expect(item?.conversationId).toBe(conversationId);
  });

  it('picks the earliest planned conversation', () => {
    const [item] = deriveCycleStatus({
      year: YEAR,
      rules: [rule()],
      person: docent,
      conversations: [conv('2027-03-01', 'planned', 'k', 'late'), conv('2027-02-01', 'planned', 'k', 'early')],
      today: '2027-01-01',
    });
    expect(item).toMatchObject({ status: 'planned', conversationId: 'early', scheduledAt: '2027-02-01T10:00:00.000Z' });
  });

  it('gives nothing to someone no rule applies to', () => {
    expect(
      deriveCycleStatus({
        year: YEAR,
        rules: [rule({ roles: ['oop'] })],
        person: docent,
        conversations: [],
        today: '2027-01-01',
      }),
    ).toEqual([]);
  });
});

describe('dates', () => {
  it.each([
    ['2027-03-31', -1, '2026-03-31'],
    ['2028-02-29', 1, '2029-02-28'],
    ['2026-08-01', 2, '2028-08-01'],
  ])('shiftYears(%s, %i) = %s', (day, n, out) => expect(shiftYears(day, n)).toBe(out));

  it('finds the due day from the period', () => {
    expect(dueOnOf(YEAR, 1)).toBe('2026-11-30');
    expect(dueOnOf(YEAR, 9)).toBe('2027-07-31');
  });
});
