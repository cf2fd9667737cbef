import type { TeamGoal, TeamGoalInput, TeamGoalUpdate, TeamGoalValueInput } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { stripUndefined } from '../../platform/objects.ts';
import * as repo from './cards.repository.ts';
import { changeTeam } from './team.access.ts';
import { presentGoal, presentValue, staleCard } from './team.present.ts';

// Team goals: a measurable goal with an owner, and the values the team enters over time.

const notFound = () => new AppError('not_found', 'Dit doel staat niet (meer) op het bord.');

async function goalOf(db: Db, boardId: string, teamId: string, goalId: string): Promise<TeamGoal | null> {
  const goal = await repo.findGoal(db, boardId, teamId, goalId);
  if (!goal) return null;
  const values = await repo.findGoalValues(db, boardId, goalId);
  return presentGoal(goal, values.map(presentValue));
}

/** An owner must be someone of the team. */
export async function checkOwner(db: Db, boardId: string, teamId: string, ownerId: string | null | undefined) {
  if (!ownerId) return;
  if (!(await repo.isActiveMember(db, boardId, teamId, ownerId)))
    throw fieldError('ownerId', 'Kies iemand uit het team.');
}

export async function createGoal(ctx: Ctx, teamId: string, input: TeamGoalInput): Promise<TeamGoal> {
  const { boardId, personId } = ctx.actor;
  return changeTeam(ctx, teamId, async (tx) => {
    await checkOwner(tx, boardId, teamId, input.ownerId);
    const id = await repo.insertGoal(tx, {
      boardId,
      teamId,
      title: input.title,
      description: input.description ?? '',
      unit: input.unit ?? '',
      startValue: input.startValue ?? null,
      targetValue: input.targetValue,
      targetDate: input.targetDate ?? null,
      ownerId: input.ownerId ?? null,
      createdBy: personId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    return (await goalOf(tx, boardId, teamId, id))!;
  });
}

export async function updateGoal(ctx: Ctx, teamId: string, goalId: string, input: TeamGoalUpdate): Promise<TeamGoal> {
  const { boardId } = ctx.actor;
  return changeTeam(ctx, teamId, async (tx) => {
    const current = await goalOf(tx, boardId, teamId, goalId);
    if (!current) throw notFound();
    const { version, ...changes } = input;
    if (current.version !== version) throw staleCard(current);
    await checkOwner(tx, boardId, teamId, changes.ownerId);
    const ok = await repo.updateGoal(tx, boardId, teamId, goalId, version, stripUndefined(changes), ctx.now);
    if (!ok) throw staleCard((await goalOf(tx, boardId, teamId, goalId)) ?? current);
    return (await goalOf(tx, boardId, teamId, goalId))!;
  });
}

export async function deleteGoal(ctx: Ctx, teamId: string, goalId: string): Promise<void> {
  await changeTeam(ctx, teamId, async (tx) => {
    if (!(await repo.deleteGoal(tx, ctx.actor.boardId, teamId, goalId))) throw notFound();
  });
}

/** A measurement on a date: the chart gets a point. The goal's own text is untouched, so its version stays. */
export async function addGoalValue(
  ctx: Ctx,
  teamId: string,
  goalId: string,
  input: TeamGoalValueInput,
): Promise<TeamGoal> {
  const { boardId, personId } = ctx.actor;
  return changeTeam(ctx, teamId, async (tx) => {
    if (!(await repo.findGoal(tx, boardId, teamId, goalId))) throw notFound();
    await repo.insertGoalValue(tx, {
      boardId,
      goalId,
      measuredOn: input.measuredOn,
      value: input.value,
      note: input.note ?? '',
      createdBy: personId,
      createdAt: ctx.now,
    });
    return (await goalOf(tx, boardId, teamId, goalId))!;
  });
}

export async function deleteGoalValue(ctx: Ctx, teamId: string, goalId: string, valueId: string): Promise<TeamGoal> {
  const { boardId } = ctx.actor;
  return changeTeam(ctx, teamId, async (tx) => {
    if (!(await repo.findGoal(tx, boardId, teamId, goalId))) throw notFound();
    if (!(await repo.deleteGoalValue(tx, boardId, goalId, valueId)))
      throw new AppError('not_found', 'Deze meting bestaat niet (meer).');
    return (await goalOf(tx, boardId, teamId, goalId))!;
  });
}
