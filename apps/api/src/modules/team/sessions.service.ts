import type { TeamMoodInput, TeamSession, TeamSessionUpdate } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { stripUndefined } from '../../platform/objects.ts';
import { isActiveMember, lockBoard } from './cards.repository.ts';
import * as repo from './sessions.repository.ts';
import { changeTeam } from './team.access.ts';
import { presentSession, staleCard } from './team.present.ts';
import { schoolDay } from '../../platform/time.ts';

// Board sessions: started on the session screen, attendance in a tap per member, the mood check-in as counts only,
// notes, and the end.

const notFound = () => new AppError('not_found', 'Deze bordsessie bestaat niet.');

async function sessionOf(ctx: Ctx, db: Db, teamId: string, sessionId: string): Promise<TeamSession | null> {
  const row = await repo.findSession(db, ctx.actor.boardId, teamId, sessionId);
  return row ? presentSession(row) : null;
}

/**
 * Starts today's session, or returns the one already running today (two screens pressing start at once get the
 * same session: the board row is locked meanwhile). A session of an earlier day that nobody ended is closed after
 * its usual length first.
 */
export async function startSession(ctx: Ctx, teamId: string): Promise<{ session: TeamSession; created: boolean }> {
  const { boardId, personId } = ctx.actor;
  return changeTeam(ctx, teamId, async (tx) => {
    const board = await lockBoard(tx, boardId, teamId, ctx.now);
    const today = schoolDay(ctx.now);
    for (const open of await repo.findUnendedSessions(tx, boardId, teamId)) {
      if (open.heldOn === today) return { session: (await sessionOf(ctx, tx, teamId, open.id))!, created: false };
      const usualEnd = new Date(open.startedAt.getTime() + board.sessionMinutes * 60_000);
      await repo.endSession(tx, open.id, usualEnd < ctx.now ? usualEnd : ctx.now, ctx.now);
    }
    const id = await repo.insertSession(tx, {
      boardId,
      teamId,
      heldOn: today,
      startedAt: ctx.now,
      createdBy: personId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    return { session: (await sessionOf(ctx, tx, teamId, id))!, created: true };
  });
}

/** Notes, and the end of the session (ending twice keeps the first end). */
export async function updateSession(
  ctx: Ctx,
  teamId: string,
  sessionId: string,
  input: TeamSessionUpdate,
): Promise<TeamSession> {
  const { boardId } = ctx.actor;
  return changeTeam(ctx, teamId, async (tx) => {
    const current = await sessionOf(ctx, tx, teamId, sessionId);
    if (!current) throw notFound();
    if (current.version !== input.version) throw staleCard(current);
    const values = stripUndefined({
      notes: input.notes,
      endedAt: input.ended && !current.endedAt ? ctx.now : undefined,
    });
    if (!(await repo.updateSession(tx, boardId, teamId, sessionId, input.version, values, ctx.now)))
      throw staleCard((await sessionOf(ctx, tx, teamId, sessionId)) ?? current);
    return (await sessionOf(ctx, tx, teamId, sessionId))!;
  });
}

/** Marks a member present or not; setting what already is changes nothing. */
export async function setAttendance(
  ctx: Ctx,
  teamId: string,
  sessionId: string,
  personId: string,
  present: boolean,
): Promise<TeamSession> {
  const { boardId } = ctx.actor;
  return changeTeam(ctx, teamId, async (tx) => {
    if (!(await repo.findSession(tx, boardId, teamId, sessionId))) throw notFound();
    if (present) {
      if (!(await isActiveMember(tx, boardId, teamId, personId)))
        throw fieldError('personId', 'Alleen leden van het team kun je aanwezig melden.');
      await repo.addAttendance(tx, boardId, sessionId, personId);
    } else {
      await repo.removeAttendance(tx, boardId, sessionId, personId);
    }
    return (await sessionOf(ctx, tx, teamId, sessionId))!;
  });
}

/** One tap on a face while the session runs. Only the count is kept, never who tapped. */
export async function countMood(
  ctx: Ctx,
  teamId: string,
  sessionId: string,
  input: TeamMoodInput,
): Promise<TeamSession> {
  const { boardId } = ctx.actor;
  return changeTeam(ctx, teamId, async (tx) => {
    if (!(await repo.findSession(tx, boardId, teamId, sessionId))) throw notFound();
    if (!(await repo.countMood(tx, sessionId, input.mood, input.undo ? -1 : 1, ctx.now)))
      throw new AppError('conflict', 'Deze bordsessie is al afgelopen.', { reason: 'ended' });
    return (await sessionOf(ctx, tx, teamId, sessionId))!;
  });
}
