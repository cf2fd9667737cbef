import type { CycleStatus } from '@groeipad/contracts';

// Where a person stands in the conversation cycle: pure rules, no database.

export type StatusYear = {
  startsOn: string;
  endsOn: string;
  periods: { position: number; endsOn: string }[];
};

export type StatusRule = {
  id: string;
  kindId: string;
  roles: string[];
  teamIds: string[];
  everyYears: number;
  periodPosition: number;
  active: boolean;
};

/** A person's place in one school: the roles they hold there and their teams. */
export type StatusPerson = { roles: string[]; teamIds: string[] };

export type StatusConversation = {
  id: string;
  kindId: string;
  state: string;
  /** The conversation's day in the school's time zone, 'YYYY-MM-DD'. */
  day: string;
  /** The instant, in milliseconds since the epoch. */
  at: number;
};

export type StatusItem = {
  ruleId: string;
  kindId: string;
  status: CycleStatus;
  dueOn: string;
  conversationId: string | null;
  scheduledAt: string | null;
};

/** States in which a conversation counts as held. */
export const HELD_STATES: readonly string[] = ['held', 'report_draft', 'agreed', 'closed'];
/** States in which a conversation is scheduled but not yet held. */
export const OPEN_STATES: readonly string[] = ['planned', 'preparing'];

/** Roles of staff: the people a rule with no roles applies to. Students are not staff. */
export const STAFF_ROLES: readonly string[] = [
  'schoolleider',
  'mt_lid',
  'teamleider',
  'docent',
  'oop',
  'coach',
  'werkplekbegeleider',
  'schoolopleider',
];

/** 'YYYY-MM-DD' moved by whole years (29 February becomes 28 February). */
export function shiftYears(isoDay: string, years: number): string {
  const y = Number(isoDay.slice(0, 4)) + years;
  let md = isoDay.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) md = '02-28';
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** Whether a rule applies to a person: an active staff member in its roles (any, when none) and teams (any, when none). */
export function ruleApplies(rule: StatusRule, person: StatusPerson): boolean {
  if (!rule.active) return false;
  const isStaff = person.roles.some((r) => STAFF_ROLES.includes(r));
  if (!isStaff) return false;
  if (rule.roles.length > 0 && !rule.roles.some((r) => person.roles.includes(r))) return false;
  if (rule.teamIds.length > 0 && !rule.teamIds.some((t) => person.teamIds.includes(t))) return false;
  return true;
}

/** The day a rule's conversation is due in a year: the end of its period, or of the year when there is no such period. */
export function dueOnOf(year: StatusYear, periodPosition: number): string {
  return year.periods.find((p) => p.position === periodPosition)?.endsOn ?? year.endsOn;
}

/**
 * One rule per kind: when several apply, the most frequent wins (then the earliest period), so a person is
 * never asked for the same kind twice.
 */
export function applicableRules(rules: StatusRule[], person: StatusPerson): StatusRule[] {
  const byKind = new Map<string, StatusRule>();
  for (const rule of rules) {
    if (!ruleApplies(rule, person)) continue;
    const current = byKind.get(rule.kindId);
    if (
      !current ||
      rule.everyYears < current.everyYears ||
      (rule.everyYears === current.everyYears && rule.periodPosition < current.periodPosition)
    )
      byKind.set(rule.kindId, rule);
  }
  return [...byKind.values()];
}

/**
 * The status of every rule that applies to the person in the given school year. `conversations` are that
 * person's conversations in the school (any year; cancelled ones count for nothing); `today` is 'YYYY-MM-DD'.
 */
export function deriveCycleStatus(input: {
  year: StatusYear;
  rules: StatusRule[];
  person: StatusPerson;
  conversations: StatusConversation[];
  today: string;
}): StatusItem[] {
  const { year, person, today } = input;
  const live = input.conversations.filter((c) => c.state !== 'cancelled');
  return applicableRules(input.rules, person).map((rule) => {
    const dueOn = dueOnOf(year, rule.periodPosition);
    const ofKind = live.filter((c) => c.kindId === rule.kindId);
    const thisYear = ofKind.filter((c) => c.day >= year.startsOn && c.day <= year.endsOn);
    const held = thisYear.filter((c) => HELD_STATES.includes(c.state)).sort(byTimeDesc)[0];
    const base = { ruleId: rule.id, kindId: rule.kindId };
    if (held) return { ...base, status: 'done', dueOn, conversationId: held.id, scheduledAt: isoOf(held.at) };
    const open = thisYear.filter((c) => OPEN_STATES.includes(c.state)).sort(byTimeAsc)[0];
    if (open) return { ...base, status: 'planned', dueOn, conversationId: open.id, scheduledAt: isoOf(open.at) };
    if (rule.everyYears > 1) {
      // Held in one of the previous N−1 school years: next due N years after that one.
      for (let back = 1; back < rule.everyYears; back++) {
        const from = shiftYears(year.startsOn, -back);
        const to = shiftYears(year.endsOn, -back);
        const earlier = ofKind.find((c) => HELD_STATES.includes(c.state) && c.day >= from && c.day <= to);
        if (earlier) {
          return {
            ...base,
            status: 'not_due',
            dueOn: shiftYears(dueOn, rule.everyYears - back),
            conversationId: null,
            scheduledAt: null,
          };
        }
      }
    }
    return {
      ...base,
      status: today > dueOn ? 'overdue' : 'due',
      dueOn,
      conversationId: null,
      scheduledAt: null,
    };
  });
}

const byTimeAsc = (a: StatusConversation, b: StatusConversation) => a.at - b.at;
const byTimeDesc = (a: StatusConversation, b: StatusConversation) => b.at - a.at;
const isoOf = (ms: number) => new Date(ms).toISOString();

export function emptyCounts(): Record<CycleStatus, number> {
  return { done: 0, planned: 0, overdue: 0, due: 0, not_due: 0 };
}
