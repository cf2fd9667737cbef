import type {
  DevelopmentGoal,
  DevelopmentGoalInput,
  DevelopmentGoalStatus,
  DevelopmentGoalUpdate,
  DevelopmentPlan,
  DevelopmentPlanUpdate,
  StaleGoalList,
} from '@groeipad/contracts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { stripUndefined } from '../../platform/objects.ts';
import { displayName } from '../organisation/index.ts';
import * as policy from './development.policy.ts';
import {
  auditManagerRead,
  buildPlan,
  iso,
  loadGoal,
  presentOneGoal,
  relationOf,
  stale,
} from './development.present.ts';
import * as repo from './development.repository.ts';

// The plan itself: reading it, the ambition, goals, the manager's list of stale goals and the export.
// Actions and check-ins are in development.actions.ts, evidence in development.evidence.ts.

// ---------------------------------------------------------------------------------------------
// Reading a plan

export async function getMyPlan(ctx: Ctx): Promise<DevelopmentPlan> {
  const person = await repo.findPerson(ctx.db, ctx.actor.boardId, ctx.actor.personId);
  if (!person) throw new AppError('unauthenticated');
  return buildPlan(ctx.db, ctx.actor.boardId, ctx.actor.personId, person, 'owner', ctx.now);
}

/** A report's plan as their leidinggevende sees it; every such read is in the audit log. */
export async function getPersonPlan(ctx: Ctx, personId: string): Promise<DevelopmentPlan> {
  const { relation, person } = await relationOf(ctx, personId);
  if (relation === 'manager') await auditManagerRead(ctx, personId, 'plan');
  return buildPlan(ctx.db, ctx.actor.boardId, ctx.actor.personId, person, relation, ctx.now);
}

// ---------------------------------------------------------------------------------------------
// The ambition and goals

export async function updateAmbition(ctx: Ctx, input: DevelopmentPlanUpdate) {
  const { boardId, personId } = ctx.actor;
  const ok = await repo.saveAmbition(ctx.db, boardId, personId, input.version, input.ambition, ctx.now);
  if (!ok) throw stale();
  const plan = await repo.findPlan(ctx.db, boardId, personId);
  return { ambition: plan?.ambition ?? '', version: plan?.version ?? 0 };
}

export async function createGoal(ctx: Ctx, input: DevelopmentGoalInput): Promise<DevelopmentGoal> {
  const goal = await repo.insertGoal(ctx.db, {
    boardId: ctx.actor.boardId,
    personId: ctx.actor.personId,
    title: input.title,
    description: input.description ?? '',
    measure: input.measure ?? '',
    targetDate: input.targetDate ?? null,
    progressEvidence: input.progressEvidence ?? '',
    visibleToManager: input.visibleToManager ?? true,
    source: 'own',
    createdBy: ctx.actor.personId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  return presentOneGoal(ctx, goal.id);
}

const AGREED_FIELDS = ['title', 'description', 'measure', 'targetDate'] as const;

export async function updateGoal(ctx: Ctx, goalId: string, input: DevelopmentGoalUpdate): Promise<DevelopmentGoal> {
  const { goal, relation } = await loadGoal(ctx, goalId);
  if (relation !== 'owner') throw new AppError('forbidden', 'Alleen de eigenaar van het plan past een doel aan.');
  const { version, ...changes } = input;
  if (goal.source === 'conversation') {
    // The wording was agreed and signed by both; a change belongs in the next conversation.
    for (const field of AGREED_FIELDS) {
      if (changes[field] !== undefined && changes[field] !== goal[field]) {
        throw fieldError(field, 'Dit doel is afgesproken in een gesprek. Dit deel pas je aan in het volgende gesprek.');
      }
    }
    if (changes.visibleToManager === false) {
      throw fieldError('visibleToManager', 'Een doel uit een gesprek blijft zichtbaar voor je leidinggevende.');
    }
  }
  const values = stripUndefined(changes);
  const statusChanged = changes.status !== undefined && changes.status !== goal.status;
  const updated = await repo.updateGoal(
    ctx.db,
    ctx.actor.boardId,
    goalId,
    version,
    { ...values, ...(statusChanged ? { lastProgressAt: ctx.now } : {}) },
    ctx.now,
  );
  if (!updated) throw stale();
  return presentOneGoal(ctx, goalId);
}

export async function deleteGoal(ctx: Ctx, goalId: string): Promise<void> {
  const { goal, relation } = await loadGoal(ctx, goalId);
  if (!policy.goalAbilities(relation, goal).delete) {
    throw new AppError(
      'forbidden',
      goal.source === 'conversation' && relation === 'owner'
        ? 'Een doel uit een gesprek kun je niet verwijderen. Zet het op "gestopt" als het niet meer speelt.'
        : undefined,
    );
  }
  await repo.deleteGoals(ctx.db, ctx.actor.boardId, [goalId]);
}

// ---------------------------------------------------------------------------------------------
// The manager's list

type StaleRow = Awaited<ReturnType<typeof repo.findStaleGoals>>[number];

async function staleGoalsOfReports(db: Db, actor: Actor, now: Date): Promise<StaleRow[]> {
  const reports = await repo.findReportIds(db, actor.boardId, actor.personId);
  return repo.findStaleGoals(db, actor.boardId, reports, policy.staleBefore(now));
}

/** The actor's reports' shared goals that have not moved for 8 weeks; empty for someone who leads nobody. */
export async function listStaleGoals(ctx: Ctx): Promise<StaleGoalList> {
  const rows = await staleGoalsOfReports(ctx.db, ctx.actor, ctx.now);
  for (const personId of new Set(rows.map((r) => r.personId))) await auditManagerRead(ctx, personId, 'stale_goals');
  return {
    items: rows.map((r) => ({
      person: { id: r.personId, displayName: displayName(r) },
      goalId: r.id,
      goalTitle: r.title,
      status: r.status as DevelopmentGoalStatus,
      lastProgressAt: iso(r.lastProgressAt),
      weeksSinceProgress: policy.weeksSince(policy.progressBasis(r), ctx.now),
      href: `/ontwikkeling/${r.personId}#doel-${r.id}`,
    })),
  };
}

export { staleGoalsOfReports };

/** Everything of a person's plan, private goals included, for their own data export; null when unknown. */
export async function exportDevelopment(db: Db, boardId: string, personId: string): Promise<DevelopmentPlan | null> {
  const person = await repo.findPerson(db, boardId, personId);
  if (!person) return null;
  return buildPlan(db, boardId, personId, person, 'owner', new Date());
}
