import type {
  TeamAction,
  TeamActionInput,
  TeamActionMove,
  TeamActionUpdate,
  TeamVersionBody,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { stripUndefined } from '../../platform/objects.ts';
import * as repo from './actions.repository.ts';
import { findGoal, lockBoard } from './cards.repository.ts';
import { checkOwner } from './goals.service.ts';
import { changeTeam } from './team.access.ts';
import { presentAction, staleCard } from './team.present.ts';
import { schoolDay } from '../../platform/time.ts';

// Improvement actions: what, who, when, the next step; moved through the columns todo → doing → done, celebrated
// and archived when done.

const notFound = () => new AppError('not_found', 'Deze actie staat niet (meer) op het bord.');

async function actionOf(ctx: Ctx, db: Db, teamId: string, actionId: string): Promise<TeamAction | null> {
  const row = await repo.findAction(db, ctx.actor.boardId, teamId, actionId);
  return row ? presentAction(row, schoolDay(ctx.now)) : null;
}

/** The action as the user saw it, or a 404 (gone) or 409 (changed since) that says so. */
async function currentAt(ctx: Ctx, db: Db, teamId: string, actionId: string, version: number): Promise<TeamAction> {
  const current = await actionOf(ctx, db, teamId, actionId);
  if (!current) throw notFound();
  if (current.version !== version) throw staleCard(current);
  return current;
}

async function checkGoal(db: Db, boardId: string, teamId: string, goalId: string | null | undefined) {
  if (goalId && !(await findGoal(db, boardId, teamId, goalId)))
    throw fieldError('goalId', 'Kies een doel van dit bord.');
}

async function save(ctx: Ctx, db: Db, teamId: string, current: TeamAction, values: object): Promise<TeamAction> {
  const { boardId } = ctx.actor;
  const ok = await repo.updateAction(db, boardId, teamId, current.id, current.version, stripUndefined(values), ctx.now);
  const after = await actionOf(ctx, db, teamId, current.id);
  if (!ok) throw after ? staleCard(after) : notFound();
  return after!;
}

export async function createAction(ctx: Ctx, teamId: string, input: TeamActionInput): Promise<TeamAction> {
  const { boardId, personId } = ctx.actor;
  return changeTeam(ctx, teamId, async (tx) => {
    await checkOwner(tx, boardId, teamId, input.ownerId);
    await checkGoal(tx, boardId, teamId, input.goalId);
    const status = input.status ?? 'todo';
    const id = await repo.insertAction(tx, {
      boardId,
      teamId,
      title: input.title,
      ownerId: input.ownerId ?? null,
      dueOn: input.dueOn ?? null,
      nextStep: input.nextStep ?? '',
      helpWanted: input.helpWanted ?? false,
      goalId: input.goalId ?? null,
      status,
      doneAt: status === 'done' ? ctx.now : null,
      createdBy: personId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    return (await actionOf(ctx, tx, teamId, id))!;
  });
}

export async function updateAction(
  ctx: Ctx,
  teamId: string,
  actionId: string,
  input: TeamActionUpdate,
): Promise<TeamAction> {
  const { boardId } = ctx.actor;
  return changeTeam(ctx, teamId, async (tx) => {
    const { version, ...changes } = input;
    const current = await currentAt(ctx, tx, teamId, actionId, version);
    await checkOwner(tx, boardId, teamId, changes.ownerId);
    await checkGoal(tx, boardId, teamId, changes.goalId);
    return save(ctx, tx, teamId, current, stripUndefined(changes));
  });
}

/**
 * To a column and a place in it (default: the bottom). Moves of one team take turns (the board row is locked), so
 * two people moving cards at once both end up in a consistent order.
 */
export async function moveAction(
  ctx: Ctx,
  teamId: string,
  actionId: string,
  input: TeamActionMove,
): Promise<TeamAction> {
  const { boardId } = ctx.actor;
  return changeTeam(ctx, teamId, async (tx) => {
    await lockBoard(tx, boardId, teamId, ctx.now);
    const current = await currentAt(ctx, tx, teamId, actionId, input.version);
    const column = await repo.findColumn(tx, boardId, teamId, input.status, actionId);
    const at = Math.min(input.position ?? column.length, column.length);
    column.splice(at, 0, actionId);
    const done = input.status === 'done';
    const wasDone = current.status === 'done';
    const moved = await save(ctx, tx, teamId, current, {
      status: input.status,
      doneAt: done ? (wasDone ? undefined : ctx.now) : null,
      celebratedAt: done ? undefined : null,
    });
    await repo.renumberColumn(tx, boardId, column);
    return { ...moved, position: at };
  });
}

/** A done action goes to the successes: the team celebrates it. */
export async function celebrateAction(
  ctx: Ctx,
  teamId: string,
  actionId: string,
  input: TeamVersionBody,
): Promise<TeamAction> {
  return changeTeam(ctx, teamId, async (tx) => {
    const current = await currentAt(ctx, tx, teamId, actionId, input.version);
    if (current.status !== 'done')
      throw new AppError('conflict', 'Vier een actie als die klaar is.', { reason: 'not_done' });
    if (current.celebratedAt) return current;
    return save(ctx, tx, teamId, current, { celebratedAt: ctx.now });
  });
}

/** Off the board; it stays in the team's history. */
export async function archiveAction(ctx: Ctx, teamId: string, actionId: string, input: TeamVersionBody): Promise<void> {
  await changeTeam(ctx, teamId, async (tx) => {
    const current = await currentAt(ctx, tx, teamId, actionId, input.version);
    const values = { archivedAt: ctx.now };
    if (!(await repo.updateAction(tx, ctx.actor.boardId, teamId, actionId, current.version, values, ctx.now)))
      throw staleCard(current);
  });
}

export async function deleteAction(ctx: Ctx, teamId: string, actionId: string): Promise<void> {
  await changeTeam(ctx, teamId, async (tx) => {
    if (!(await repo.deleteAction(tx, ctx.actor.boardId, teamId, actionId))) throw notFound();
  });
}
