import type {
  DevelopmentAction,
  DevelopmentEvidence,
  DevelopmentGoal,
  DevelopmentGoalStatus,
  DevelopmentPlan,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { displayName } from '../organisation/index.ts';
import * as policy from './development.policy.ts';
import type { Relation } from './development.policy.ts';
import * as repo from './development.repository.ts';

// Reading a plan: who the actor is to it, what they may see of it, and how it is shaped for the API.

export const stale = () => new AppError('conflict', undefined, { reason: 'stale' });
export const iso = (d: Date | null) => (d ? d.toISOString() : null);

export type Names = Map<string, { id: string; displayName: string }>;

export function presentAction(a: repo.ActionRow, relation: Relation, actorId: string, names: Names): DevelopmentAction {
  return {
    id: a.id,
    goalId: a.goalId,
    conversationId: a.conversationId,
    title: a.title,
    owner: names.get(a.ownerId) ?? { id: a.ownerId, displayName: '' },
    dueOn: a.dueOn,
    doneAt: iso(a.doneAt),
    version: a.version,
    abilities: policy.actionAbilities(relation, actorId, a),
  };
}

export function presentEvidence(e: repo.EvidenceRow, relation: Relation): DevelopmentEvidence {
  return {
    id: e.id,
    goalId: e.goalId,
    conversationId: e.conversationId,
    feedbackRoundId: e.feedbackRoundId,
    feedbackRoundTitle: e.feedbackRoundTitle,
    title: e.title,
    description: e.description,
    url: e.url,
    file:
      e.fileId && e.fileName !== null
        ? { name: e.fileName, mediaType: e.fileMediaType ?? 'application/octet-stream', size: e.fileSize ?? 0 }
        : null,
    createdAt: e.createdAt.toISOString(),
    abilities: { delete: relation === 'owner' },
  };
}

export type PlanParts = {
  goals: repo.GoalRow[];
  actions: repo.ActionRow[];
  checkins: repo.CheckinRow[];
  evidence: repo.EvidenceRow[];
  names: Names;
};

/** Everything of a person's plan that the relation may see, with the names it mentions. */
export async function loadParts(db: Db, boardId: string, personId: string, relation: Relation): Promise<PlanParts> {
  const [allGoals, allActions, allEvidence] = await Promise.all([
    repo.findGoals(db, boardId, personId),
    repo.findActions(db, boardId, personId),
    repo.findEvidence(db, boardId, personId),
  ]);
  const goals = allGoals.filter((g) => policy.canSeeGoal(relation, g));
  const goalIds = new Set(goals.map((g) => g.id));
  const owner = relation === 'owner';
  // A manager sees what hangs on a shared goal; quick actions and loose evidence stay the owner's.
  const actions = allActions.filter((a) => (a.goalId ? goalIds.has(a.goalId) : owner));
  const evidence = allEvidence.filter((e) => (e.goalId ? goalIds.has(e.goalId) : owner));
  const checkins = await repo.findCheckins(db, boardId, [...goalIds]);
  const nameRows = await repo.findNames(db, boardId, [
    ...actions.map((a) => a.ownerId),
    ...checkins.map((c) => c.authorId),
  ]);
  const names: Names = new Map(nameRows.map((n) => [n.id, { id: n.id, displayName: displayName(n) }]));
  return { goals, actions, checkins, evidence, names };
}

export function presentGoal(
  g: repo.GoalRow,
  parts: PlanParts,
  relation: Relation,
  actorId: string,
  now: Date,
): DevelopmentGoal {
  return {
    id: g.id,
    title: g.title,
    description: g.description,
    measure: g.measure,
    targetDate: g.targetDate,
    status: g.status as DevelopmentGoalStatus,
    source: g.source === 'conversation' ? 'conversation' : 'own',
    conversationId: g.conversationId,
    progressEvidence: g.progressEvidence,
    visibleToManager: g.source === 'conversation' || g.visibleToManager,
    createdAt: g.createdAt.toISOString(),
    lastProgressAt: iso(g.lastProgressAt),
    isStale: policy.isStale(g, now),
    version: g.version,
    actions: parts.actions
      .filter((a) => a.goalId === g.id)
      .map((a) => presentAction(a, relation, actorId, parts.names)),
    checkins: parts.checkins
      .filter((c) => c.goalId === g.id)
      .map((c) => ({
        id: c.id,
        status: c.status as DevelopmentGoalStatus,
        note: c.note,
        author: parts.names.get(c.authorId) ?? { id: c.authorId, displayName: '' },
        createdAt: c.createdAt.toISOString(),
      })),
    evidence: parts.evidence.filter((e) => e.goalId === g.id).map((e) => presentEvidence(e, relation)),
    abilities: policy.goalAbilities(relation, g),
  };
}

export async function buildPlan(
  db: Db,
  boardId: string,
  actorId: string,
  person: repo.NameRow,
  relation: Exclude<Relation, 'none'>,
  now: Date,
): Promise<DevelopmentPlan> {
  const [plan, parts] = await Promise.all([
    repo.findPlan(db, boardId, person.id),
    loadParts(db, boardId, person.id, relation),
  ]);
  return {
    person: { id: person.id, displayName: displayName(person) },
    viewer: relation,
    plan: { ambition: relation === 'owner' ? (plan?.ambition ?? '') : null, version: plan?.version ?? 0 },
    goals: parts.goals.map((g) => presentGoal(g, parts, relation, actorId, now)),
    quickActions: parts.actions.filter((a) => !a.goalId).map((a) => presentAction(a, relation, actorId, parts.names)),
    evidence: parts.evidence.filter((e) => !e.goalId).map((e) => presentEvidence(e, relation)),
    abilities: policy.planAbilities(relation),
  };
}

/** How the actor stands to a person's plan; 'none' and unknown people are both a 404. */
export async function relationOf(
  ctx: Ctx,
  personId: string,
): Promise<{ relation: 'owner' | 'manager'; person: repo.NameRow }> {
  const person = await repo.findPerson(ctx.db, ctx.actor.boardId, personId);
  if (!person) throw new AppError('not_found');
  const managers =
    personId === ctx.actor.personId ? [] : await repo.findManagerIds(ctx.db, ctx.actor.boardId, personId);
  const relation = policy.relationTo(ctx.actor, { boardId: ctx.actor.boardId, personId }, managers);
  if (relation === 'none') throw new AppError('not_found');
  return { relation, person };
}

export async function auditManagerRead(ctx: Ctx, personId: string, view: string, targetId?: string) {
  await audit(ctx.db, {
    boardId: ctx.actor.boardId,
    actorId: ctx.actor.personId,
    action: 'development.read',
    subjectPersonId: personId,
    targetType: 'development_plan',
    targetId,
    details: { view },
  });
}

/** A goal the actor may see, with their relation to it; anything else is a 404. */
export async function loadGoal(ctx: Ctx, goalId: string) {
  const goal = await repo.findGoal(ctx.db, ctx.actor.boardId, goalId);
  if (!goal) throw new AppError('not_found');
  const { relation, person } = await relationOf(ctx, goal.personId);
  if (!policy.canSeeGoal(relation, goal)) throw new AppError('not_found');
  return { goal, relation, person };
}

export async function presentOneGoal(ctx: Ctx, goalId: string): Promise<DevelopmentGoal> {
  const goal = await repo.findGoal(ctx.db, ctx.actor.boardId, goalId);
  if (!goal) throw new AppError('not_found');
  const { relation } = await relationOf(ctx, goal.personId);
  const parts = await loadParts(ctx.db, ctx.actor.boardId, goal.personId, relation);
  return presentGoal(goal, parts, relation, ctx.actor.personId, ctx.now);
}
