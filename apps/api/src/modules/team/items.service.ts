import type { TeamBoardItem, TeamItemInput, TeamItemUpdate, TeamVersionBody } from '@groeipad/contracts';
import { isOwnPartKey } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { ensureBoard } from './board.repository.ts';
import * as repo from './cards.repository.ts';
import { changeTeam } from './team.access.ts';
import { presentItem, staleCard } from './team.present.ts';

// Short texts on the board: successes, parked discussions, team norms, and the notes of a team's own parts.

const notFound = () => new AppError('not_found', 'Deze tekst staat niet (meer) op het bord.');

export async function createItem(ctx: Ctx, teamId: string, input: TeamItemInput): Promise<TeamBoardItem> {
  const { boardId, personId } = ctx.actor;
  return changeTeam(ctx, teamId, async (tx, team) => {
    const partKey = input.partKey ?? null;
    if (input.kind === 'note') {
      const board = team.board ?? (await ensureBoard(tx, boardId, teamId, ctx.now));
      if (!partKey || !isOwnPartKey(partKey) || !board.parts.some((p) => p.key === partKey))
        throw fieldError('partKey', 'Een notitie hoort bij een eigen onderdeel van dit bord.');
    } else if (partKey !== null) {
      throw fieldError('partKey', 'Alleen een notitie hoort bij een eigen onderdeel.');
    }
    const row = await repo.insertItem(tx, {
      boardId,
      teamId,
      kind: input.kind,
      partKey,
      body: input.body,
      createdBy: personId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    return presentItem(row);
  });
}

export async function updateItem(
  ctx: Ctx,
  teamId: string,
  itemId: string,
  input: TeamItemUpdate,
): Promise<TeamBoardItem> {
  const { boardId } = ctx.actor;
  return changeTeam(ctx, teamId, async (tx) => {
    const row = await repo.updateItem(tx, boardId, teamId, itemId, input.version, { body: input.body }, ctx.now);
    if (row) return presentItem(row);
    const current = await repo.findItem(tx, boardId, teamId, itemId);
    throw current ? staleCard(presentItem(current)) : notFound();
  });
}

/** Off the board; it stays in the team's history. */
export async function archiveItem(ctx: Ctx, teamId: string, itemId: string, input: TeamVersionBody): Promise<void> {
  const { boardId } = ctx.actor;
  await changeTeam(ctx, teamId, async (tx) => {
    const row = await repo.updateItem(tx, boardId, teamId, itemId, input.version, { archivedAt: ctx.now }, ctx.now);
    if (row) return;
    const current = await repo.findItem(tx, boardId, teamId, itemId);
    throw current ? staleCard(presentItem(current)) : notFound();
  });
}

export async function deleteItem(ctx: Ctx, teamId: string, itemId: string): Promise<void> {
  await changeTeam(ctx, teamId, async (tx) => {
    if (!(await repo.deleteItem(tx, ctx.actor.boardId, teamId, itemId))) throw notFound();
  });
}
