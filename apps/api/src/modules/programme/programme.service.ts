import type {
  ProgrammeLinkingInput,
  ProgrammeStartInput,
  ProgrammeStopInput,
  ProgrammeWeekInput,
  ProgressIntervention,
  ProgressLatest,
  ProgressPhase,
  TeamProgramme,
  TeamProgrammeView,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { publishChange } from '../../platform/live/index.ts';
import { schoolDay } from '../../platform/time.ts';
import { displayName } from '../organisation/index.ts';
import { loadTeam, topicOf } from '../team/index.ts';
import { canLeadProgramme } from './programme.policy.ts';
import * as repo from './programme.repository.ts';
import {
  averageOf,
  currentWeek,
  layoutWeeks,
  programmeEnd,
  startDayProblem,
  weekOfDay,
  weekStatus,
} from './programme.rules.ts';

// A team's 8-week programme: laid out from its start day, what happened per week (the team session noted by the
// team, board sessions, visits and preparations counted from their own tables), and the linking session at the end.

type TeamFacts = Awaited<ReturnType<typeof loadTeam>>['team'];

/** Access to the team (404 for outsiders) and whether the actor may start the programme and plan its linking. */
async function loadForLead(
  ctx: Ctx,
  teamId: string,
  refusal = 'Alleen de teamleider of de schoolleiding start het programma en plant de verbinding.',
): Promise<TeamFacts> {
  const { team } = await loadTeam(ctx, teamId);
  if (!canLeadProgramme(ctx.actor, team)) throw new AppError('forbidden', refusal);
  return team;
}

/** Running: not stopped or followed by a newer one, and not past its eighth week (a programme still ahead counts). */
function isRunning(row: { status: string; startsOn: string }, today: string): boolean {
  return row.status === 'running' && programmeEnd(row.startsOn) >= today;
}

/** A change to the programme in one transaction, announced to every open board of the team when it commits. */
function inTeamTransaction<T>(ctx: Ctx, teamId: string, work: (tx: Db) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const result = await work(tx);
    await publishChange(tx, topicOf(teamId));
    return result;
  });
}

export async function presentProgramme(
  db: Db,
  boardId: string,
  teamId: string,
  row: repo.ProgrammeRow,
  today: string,
): Promise<TeamProgramme> {
  const weeks = layoutWeeks(row.startsOn);
  const end = programmeEnd(row.startsOn);
  const [stored, activity, linking, nextTeam] = await Promise.all([
    repo.findWeeks(db, boardId, row.id),
    repo.findActivity(db, boardId, teamId, row.startsOn, end),
    repo.findLinking(db, boardId, row.id),
    row.nextTeamId ? repo.findTeam(db, boardId, row.nextTeamId) : Promise.resolve(null),
  ]);
  const counts = weeks.map(() => ({ boardSessions: 0, visits: 0, preparations: 0 }));
  const bump = (day: string, key: 'boardSessions' | 'visits' | 'preparations') => {
    const week = weekOfDay(row.startsOn, day);
    if (week !== null) counts[week - 1]![key] += 1;
  };
  for (const day of activity.sessions) bump(day, 'boardSessions');
  for (const at of activity.visits) bump(schoolDay(at), 'visits');
  for (const at of activity.preparations) bump(schoolDay(at), 'preparations');
  const byWeek = new Map(stored.map((w) => [w.week, w]));
  return {
    id: row.id,
    startsOn: row.startsOn,
    endsOn: end,
    status: row.status as TeamProgramme['status'],
    currentWeek: currentWeek(row.startsOn, today),
    nextTeam: nextTeam ? { id: nextTeam.id, name: nextTeam.name } : null,
    linking: linking
      ? {
          id: linking.id,
          startsAt: linking.startsAt.toISOString(),
          location: linking.location,
          otherTeam: { id: linking.otherTeamId!, name: linking.otherTeamName },
        }
      : null,
    weeks: weeks.map((w, i) => {
      const s = byWeek.get(w.week);
      return {
        ...w,
        status: weekStatus(w, s?.sessionHeldOn ?? null, today),
        sessionHeldOn: s?.sessionHeldOn ?? null,
        note: s?.note ?? '',
        counts: counts[i]!,
        version: s?.version ?? 0,
      };
    }),
    version: row.version,
  };
}

/** The latest score per intervention (of any phase). */
export function latestOf(
  rows: { intervention: string; phase: string; scoredOn: string; scores: Record<string, number> }[],
): ProgressLatest[] {
  const latest = new Map<string, ProgressLatest>();
  for (const r of rows) {
    latest.set(r.intervention, {
      intervention: r.intervention as ProgressIntervention,
      phase: r.phase as ProgressPhase,
      scoredOn: r.scoredOn,
      average: averageOf(r.scores),
    });
  }
  return [...latest.values()];
}

export async function getProgramme(ctx: Ctx, teamId: string): Promise<TeamProgrammeView> {
  const { team, canEdit } = await loadTeam(ctx, teamId);
  const { boardId } = ctx.actor;
  const today = schoolDay(ctx.now);
  const [row, teams, scores, stopped] = await Promise.all([
    repo.findProgramme(ctx.db, boardId, teamId),
    repo.findSchoolTeams(ctx.db, boardId, team.schoolId),
    repo.findScores(ctx.db, boardId, teamId),
    repo.findLastStopped(ctx.db, boardId, teamId),
  ]);
  const lead = canLeadProgramme(ctx.actor, team);
  // A stop is history worth showing until a programme is started after it.
  const showStopped = stopped?.stoppedAt && (!row || stopped.stoppedAt > row.createdAt);
  return {
    team: { id: team.id, name: team.name, schoolId: team.schoolId, schoolName: team.schoolName },
    abilities: { record: canEdit, lead, stop: lead && row !== null && isRunning(row, today) },
    programme: row ? await presentProgramme(ctx.db, boardId, teamId, row, today) : null,
    stopped:
      stopped && showStopped
        ? {
            id: stopped.id,
            startsOn: stopped.startsOn,
            stoppedAt: stopped.stoppedAt!.toISOString(),
            reason: stopped.stoppedReason ?? '',
            stoppedBy:
              stopped.firstName !== null && stopped.lastName !== null
                ? displayName({ firstName: stopped.firstName, infix: stopped.infix, lastName: stopped.lastName })
                : null,
          }
        : null,
    otherTeams: teams.filter((t) => t.id !== teamId),
    latestProgress: latestOf(scores),
    today,
  };
}

/** Starts the programme on a Monday. A programme still running (not past its eighth week) is a 409. */
export async function startProgramme(ctx: Ctx, teamId: string, input: ProgrammeStartInput): Promise<TeamProgrammeView> {
  await loadForLead(ctx, teamId);
  const { boardId, personId } = ctx.actor;
  const today = schoolDay(ctx.now);
  const problem = startDayProblem(input.startsOn, today);
  if (problem) throw fieldError('startsOn', problem);
  await inTeamTransaction(ctx, teamId, async (tx) => {
    const current = await repo.findProgramme(tx, boardId, teamId);
    if (current) {
      const locked = await repo.lockProgramme(tx, boardId, current.id);
      if (locked && isRunning(locked, today))
        throw new AppError('conflict', 'Dit team loopt het programma al.', { reason: 'running' });
    }
    await repo.finishRunning(tx, boardId, teamId, ctx.now);
    await repo.insertProgramme(tx, {
      boardId,
      teamId,
      startsOn: input.startsOn,
      createdBy: personId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
  });
  return getProgramme(ctx, teamId);
}

async function requireProgramme(db: Db, boardId: string, teamId: string): Promise<repo.ProgrammeRow> {
  const row = await repo.findProgramme(db, boardId, teamId);
  if (!row) throw new AppError('not_found', 'Dit team heeft het programma nog niet gestart.');
  return row;
}

/** Notes when the week's team session was held, and a note. A stale version is a 409 with the week as it is. */
export async function recordWeek(ctx: Ctx, teamId: string, input: ProgrammeWeekInput): Promise<TeamProgramme> {
  const { week } = input;
  const { canEdit } = await loadTeam(ctx, teamId);
  if (!canEdit)
    throw new AppError(
      'forbidden',
      'Je kijkt mee met dit team. Alleen de leden van het team houden het programma bij.',
    );
  const { boardId, personId } = ctx.actor;
  const today = schoolDay(ctx.now);
  const programme = await requireProgramme(ctx.db, boardId, teamId);
  const laidOut = layoutWeeks(programme.startsOn)[week - 1]!;
  if (input.sessionHeldOn !== null) {
    if (input.sessionHeldOn < laidOut.startsOn || input.sessionHeldOn > laidOut.endsOn)
      throw fieldError('sessionHeldOn', `Kies een dag in week ${week} (maandag tot en met zondag).`);
    if (input.sessionHeldOn > today) throw fieldError('sessionHeldOn', 'Deze dag is nog niet geweest.');
  }
  await inTeamTransaction(ctx, teamId, async (tx) => {
    const values = { sessionHeldOn: input.sessionHeldOn, note: input.note, updatedBy: personId };
    const stored =
      input.version === 0
        ? await repo.insertWeek(tx, {
            boardId,
            programmeId: programme.id,
            week,
            ...values,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
        : await repo.updateWeek(tx, programme.id, week, input.version, values, ctx.now);
    if (!stored) {
      const current = (await presentProgramme(tx, boardId, teamId, programme, today)).weeks[week - 1];
      throw new AppError('conflict', 'Iemand anders heeft deze week net bijgewerkt.', { reason: 'stale', current });
    }
  });
  return presentProgramme(ctx.db, boardId, teamId, programme, today);
}

/**
 * Plans the linking session with the next team of the same school: a date in the school's year plan (kind
 * 'linking'), planned again when it moves. A stale programme version is a 409.
 */
export async function planLinking(ctx: Ctx, teamId: string, input: ProgrammeLinkingInput): Promise<TeamProgramme> {
  const team = await loadForLead(ctx, teamId);
  const { boardId, personId } = ctx.actor;
  const today = schoolDay(ctx.now);
  const programme = await requireProgramme(ctx.db, boardId, teamId);
  const next = await repo.findTeam(ctx.db, boardId, input.nextTeamId);
  if (!next || next.schoolId !== team.schoolId || next.id === teamId)
    throw fieldError('nextTeamId', 'Kies een ander team van dezelfde school.');
  const startsAt = new Date(input.startsAt);
  await inTeamTransaction(ctx, teamId, async (tx) => {
    const locked = await repo.lockProgramme(tx, boardId, programme.id);
    if (!locked || locked.version !== input.version)
      throw new AppError('conflict', 'Iemand anders heeft het programma net aangepast.', { reason: 'stale' });
    await repo.setNextTeam(tx, programme.id, next.id, ctx.now);
    const title = `Verbindingssessie ${team.name} en ${next.name}`;
    const existing = await repo.findLinking(tx, boardId, programme.id);
    if (existing) {
      await repo.updateLinking(
        tx,
        existing.id,
        { startsAt, location: input.location, otherTeamId: next.id, title },
        ctx.now,
      );
    } else {
      await repo.insertEvent(tx, {
        boardId,
        schoolId: team.schoolId,
        kind: 'linking',
        title,
        startsAt,
        location: input.location,
        teamId,
        otherTeamId: next.id,
        details: { programmeId: programme.id },
        createdBy: personId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
    }
    await publishChange(tx, topicOf(next.id));
  });
  const fresh = await requireProgramme(ctx.db, boardId, teamId);
  return presentProgramme(ctx.db, boardId, teamId, fresh, today);
}

/**
 * Stops the running programme early, with a reason: it no longer shows as running, its linking session leaves the
 * year plan when it is still ahead (a past one stays), and the team may start a new programme. Audited; a stale
 * version, a programme stopped already or one past its eighth week is a 409.
 */
export async function stopProgramme(ctx: Ctx, teamId: string, input: ProgrammeStopInput): Promise<TeamProgrammeView> {
  await loadForLead(ctx, teamId, 'Alleen de teamleider of de schoolleiding stopt het programma.');
  const { boardId, personId } = ctx.actor;
  const today = schoolDay(ctx.now);
  await inTeamTransaction(ctx, teamId, async (tx) => {
    const locked = await repo.lockProgramme(tx, boardId, input.programmeId);
    if (!locked || locked.teamId !== teamId) throw new AppError('not_found', 'Dit programma bestaat niet.');
    if (locked.status === 'stopped')
      throw new AppError('conflict', 'Dit programma is al gestopt.', { reason: 'stopped' });
    if (locked.version !== input.version)
      throw new AppError('conflict', 'Iemand anders heeft het programma net aangepast.', { reason: 'stale' });
    if (!isRunning(locked, today))
      throw new AppError('conflict', 'Dit programma loopt niet meer: de acht weken zijn voorbij.', {
        reason: 'not_running',
      });
    await repo.stopProgramme(
      tx,
      locked.id,
      { stoppedAt: ctx.now, stoppedReason: input.reason, stoppedBy: personId },
      ctx.now,
    );
    const linking = await repo.findLinking(tx, boardId, locked.id);
    const linkingRemoved = linking !== null && linking.startsAt > ctx.now;
    if (linkingRemoved) {
      await repo.deleteEvent(tx, boardId, linking.id);
      await publishChange(tx, topicOf(linking.otherTeamId!));
    }
    await audit(tx, {
      boardId,
      actorId: personId,
      action: 'programme.stopped',
      targetType: 'team_programme',
      targetId: locked.id,
      details: { teamId, startsOn: locked.startsOn, linkingRemoved },
    });
  });
  return getProgramme(ctx, teamId);
}
