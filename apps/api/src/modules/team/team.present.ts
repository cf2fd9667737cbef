import type {
  Role,
  TeamAction,
  TeamActionStatus,
  TeamBoardItem,
  TeamGoal,
  TeamGoalStatus,
  TeamGoalValue,
  TeamItemKind,
  TeamMember,
  TeamPerson,
  TeamSession,
} from '@groeipad/contracts';
import { AppError } from '../../platform/http/errors.ts';
import { displayName } from '../organisation/index.ts';
import { isBehindSchedule } from './team.stats.ts';

// Rows of the team module's tables as the contracts show them.

type OwnerName = {
  ownerId: string | null;
  ownerFirstName: string | null;
  ownerInfix: string | null;
  ownerLastName: string | null;
};

function ownerOf(row: OwnerName): TeamPerson | null {
  if (!row.ownerId || row.ownerFirstName === null || row.ownerLastName === null) return null;
  return {
    id: row.ownerId,
    displayName: displayName({ firstName: row.ownerFirstName, infix: row.ownerInfix, lastName: row.ownerLastName }),
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export type GoalFacts = OwnerName & {
  id: string;
  title: string;
  description: string;
  unit: string;
  startValue: number | null;
  targetValue: number;
  targetDate: string | null;
  status: string;
  position: number;
  version: number;
};

export function presentGoal(goal: GoalFacts, values: TeamGoalValue[]): TeamGoal {
  const latest = values.at(-1);
  return {
    id: goal.id,
    title: goal.title,
    description: goal.description,
    unit: goal.unit,
    startValue: goal.startValue,
    targetValue: goal.targetValue,
    targetDate: goal.targetDate,
    owner: ownerOf(goal),
    status: goal.status as TeamGoalStatus,
    position: goal.position,
    values,
    current: latest ? latest.value : goal.startValue,
    version: goal.version,
  };
}

export function presentValue(v: { id: string; measuredOn: string; value: number; note: string }): TeamGoalValue {
  return { id: v.id, measuredOn: v.measuredOn, value: v.value, note: v.note };
}

export type ActionFacts = OwnerName & {
  id: string;
  title: string;
  goalId: string | null;
  dueOn: string | null;
  status: string;
  nextStep: string;
  helpWanted: boolean;
  position: number;
  doneAt: Date | null;
  celebratedAt: Date | null;
  version: number;
};

export function presentAction(a: ActionFacts, today: string): TeamAction {
  return {
    id: a.id,
    title: a.title,
    goalId: a.goalId,
    owner: ownerOf(a),
    dueOn: a.dueOn,
    status: a.status as TeamActionStatus,
    nextStep: a.nextStep,
    helpWanted: a.helpWanted,
    position: a.position,
    doneAt: iso(a.doneAt),
    celebratedAt: iso(a.celebratedAt),
    behindSchedule: isBehindSchedule(a, today),
    version: a.version,
  };
}

export function presentItem(i: {
  id: string;
  kind: string;
  partKey: string | null;
  body: string;
  position: number;
  createdAt: Date;
  version: number;
}): TeamBoardItem {
  return {
    id: i.id,
    kind: i.kind as TeamItemKind,
    partKey: i.partKey,
    body: i.body,
    position: i.position,
    createdAt: i.createdAt.toISOString(),
    version: i.version,
  };
}

export function presentMember(m: {
  id: string;
  firstName: string;
  infix: string | null;
  lastName: string;
  email: string;
  phone: string | null;
  roles: string[];
}): TeamMember {
  const roles = [...m.roles].sort() as Role[];
  return {
    id: m.id,
    displayName: displayName(m),
    email: m.email,
    phone: m.phone,
    roles,
    coach: roles.includes('coach'),
    lead: roles.includes('teamleider'),
  };
}

export type SessionFacts = {
  id: string;
  heldOn: string;
  startedAt: Date;
  endedAt: Date | null;
  moodPositive: number;
  moodNeutral: number;
  moodNegative: number;
  notes: string;
  version: number;
  attendees: string[];
};

export function presentSession(s: SessionFacts): TeamSession {
  return {
    id: s.id,
    heldOn: s.heldOn,
    startedAt: s.startedAt.toISOString(),
    endedAt: iso(s.endedAt),
    mood: { positive: s.moodPositive, neutral: s.moodNeutral, negative: s.moodNegative },
    notes: s.notes,
    attendance: [...s.attendees].sort(),
    version: s.version,
  };
}

/** Someone else changed the card first: a 409 that carries the card as it is now. */
export function staleCard<T>(current: T): AppError {
  return new AppError('conflict', 'Iemand anders heeft dit net aangepast.', { reason: 'stale', current });
}
