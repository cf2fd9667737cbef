import type {
  DevelopmentAction,
  DevelopmentActionInput,
  DevelopmentActionUpdate,
  DevelopmentCheckinInput,
  DevelopmentGoal,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/http/errors.ts';
import { stripUndefined } from '../../platform/objects.ts';
import { displayName } from '../organisation/index.ts';
import * as policy from './development.policy.ts';
import type { Relation } from './development.policy.ts';
import { loadGoal, type Names, presentAction, presentOneGoal, relationOf, stale } from './development.present.ts';
import * as repo from './development.repository.ts';

// Actions (on a goal, or quick actions of the personal action plan) and check-ins on goals.

async function presentOneAction(ctx: Ctx, row: repo.ActionRow, relation: Relation): Promise<DevelopmentAction> {
  const names = await repo.findNames(ctx.db, ctx.actor.boardId, [row.ownerId]);
  const map: Names = new Map(names.map((n) => [n.id, { id: n.id, displayName: displayName(n) }]));
  return presentAction(row, relation, ctx.actor.personId, map);
}

async function managerWrote(ctx: Ctx, relation: Relation, personId: string, action: string, targetId: string) {
  if (relation !== 'manager') return;
  await audit(ctx.db, {
    boardId: ctx.actor.boardId,
    actorId: ctx.actor.personId,
    action,
    subjectPersonId: personId,
    targetType: 'development_goal',
    targetId,
  });
}

export async function createAction(ctx: Ctx, input: DevelopmentActionInput): Promise<DevelopmentAction> {
  let personId = ctx.actor.personId;
  let relation: Relation = 'owner';
  if (input.goalId) {
    const loaded = await loadGoal(ctx, input.goalId);
    if (!policy.goalAbilities(loaded.relation, loaded.goal).addAction) throw new AppError('forbidden');
    personId = loaded.goal.personId;
    relation = loaded.relation;
  }
  const [row] = await repo.insertActions(ctx.db, [
    {
      boardId: ctx.actor.boardId,
      personId,
      goalId: input.goalId ?? null,
      title: input.title,
      // Whoever adds an action does it: the owner on their own plan, a manager on a report's goal.
      ownerId: ctx.actor.personId,
      dueOn: input.dueOn ?? null,
      createdBy: ctx.actor.personId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
  ]);
  if (input.goalId) await managerWrote(ctx, relation, personId, 'development.action_added', input.goalId);
  return presentOneAction(ctx, row!, relation);
}

/** An action the actor may see: on their own plan, or on a goal of a report's plan they may see. */
async function loadAction(ctx: Ctx, actionId: string) {
  const action = await repo.findAction(ctx.db, ctx.actor.boardId, actionId);
  if (!action) throw new AppError('not_found');
  const { relation } = await relationOf(ctx, action.personId);
  if (relation === 'manager') {
    const goal = action.goalId ? await repo.findGoal(ctx.db, ctx.actor.boardId, action.goalId) : undefined;
    if (!goal || !policy.canSeeGoal(relation, goal)) throw new AppError('not_found');
  }
  return { action, relation };
}

export async function updateAction(
  ctx: Ctx,
  actionId: string,
  input: DevelopmentActionUpdate,
): Promise<DevelopmentAction> {
  const { action, relation } = await loadAction(ctx, actionId);
  const can = policy.actionAbilities(relation, ctx.actor.personId, action);
  const { version, done, ...text } = input;
  const editsText =
    (text.title !== undefined && text.title !== action.title) ||
    (text.dueOn !== undefined && text.dueOn !== action.dueOn);
  if (editsText && !can.edit) {
    throw new AppError(
      'forbidden',
      action.conversationId ? 'Deze actie is afgesproken in een gesprek; je kunt hem alleen afvinken.' : undefined,
    );
  }
  if (done !== undefined && !can.toggle) throw new AppError('forbidden');
  const doneAt = done === undefined ? undefined : done ? (action.doneAt ?? ctx.now) : null;
  const updated = await repo.updateAction(
    ctx.db,
    ctx.actor.boardId,
    actionId,
    version,
    stripUndefined({ ...(editsText ? text : {}), doneAt }),
    ctx.now,
  );
  if (!updated) throw stale();
  if (action.goalId) await managerWrote(ctx, relation, action.personId, 'development.action_updated', action.goalId);
  return presentOneAction(ctx, updated, relation);
}

export async function deleteAction(ctx: Ctx, actionId: string): Promise<void> {
  const { action, relation } = await loadAction(ctx, actionId);
  if (!policy.actionAbilities(relation, ctx.actor.personId, action).delete) {
    throw new AppError(
      'forbidden',
      action.conversationId ? 'Deze actie is afgesproken in een gesprek; je kunt hem alleen afvinken.' : undefined,
    );
  }
  await repo.deleteAction(ctx.db, ctx.actor.boardId, actionId);
}

export async function addCheckin(ctx: Ctx, goalId: string, input: DevelopmentCheckinInput): Promise<DevelopmentGoal> {
  const { goal, relation } = await loadGoal(ctx, goalId);
  if (!policy.goalAbilities(relation, goal).checkin) throw new AppError('forbidden');
  await ctx.db.transaction(async (tx) => {
    await repo.insertCheckin(tx, {
      boardId: ctx.actor.boardId,
      goalId,
      authorId: ctx.actor.personId,
      status: input.status,
      note: input.note,
      createdAt: ctx.now,
    });
    await repo.recordProgress(tx, ctx.actor.boardId, goalId, input.status, ctx.now);
    if (relation === 'manager') {
      await audit(tx, {
        boardId: ctx.actor.boardId,
        actorId: ctx.actor.personId,
        action: 'development.checkin_added',
        subjectPersonId: goal.personId,
        targetType: 'development_goal',
        targetId: goalId,
      });
    }
  });
  return presentOneGoal(ctx, goalId);
}
