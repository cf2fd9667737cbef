import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organisationTables as ot } from '../organisation/index.ts';
import { teamTables as tt } from '../team/index.ts';
import { teamPreparations } from '../preparations/preparations.schema.ts';
import { teamVisits } from '../visits/visits.schema.ts';
import { teamProgrammes, teamProgrammeWeeks, teamProgressScores, yearPlanEvents } from './programme.schema.ts';

// The reads and writes of a team's programme and progress meter. The counts of what happened in a week come straight
// from the team board's sessions, the visits and the joint preparations (read only).

const programmeColumns = {
  id: teamProgrammes.id,
  teamId: teamProgrammes.teamId,
  startsOn: teamProgrammes.startsOn,
  nextTeamId: teamProgrammes.nextTeamId,
  status: teamProgrammes.status,
  version: teamProgrammes.version,
  createdAt: teamProgrammes.createdAt,
};
export type ProgrammeRow = { [K in keyof typeof programmeColumns]: (typeof teamProgrammes.$inferSelect)[K] };

/** The team's latest programme that was not stopped. */
export async function findProgramme(db: Db, boardId: string, teamId: string): Promise<ProgrammeRow | null> {
  const [row] = await db
    .select(programmeColumns)
    .from(teamProgrammes)
    .where(
      and(eq(teamProgrammes.boardId, boardId), eq(teamProgrammes.teamId, teamId), ne(teamProgrammes.status, 'stopped')),
    )
    .orderBy(desc(teamProgrammes.startsOn), desc(teamProgrammes.createdAt))
    .limit(1);
  return row ?? null;
}

/** The programme row, locked until the transaction ends. */
export async function lockProgramme(db: Db, boardId: string, id: string): Promise<ProgrammeRow | null> {
  const [row] = await db
    .select(programmeColumns)
    .from(teamProgrammes)
    .where(and(eq(teamProgrammes.boardId, boardId), eq(teamProgrammes.id, id)))
    .for('update');
  return row ?? null;
}

export async function insertProgramme(db: Db, values: typeof teamProgrammes.$inferInsert): Promise<string> {
  const [row] = await db.insert(teamProgrammes).values(values).returning({ id: teamProgrammes.id });
  return row!.id;
}

/** Marks the team's earlier running programmes finished (a new one starts). */
export async function finishRunning(db: Db, boardId: string, teamId: string, now: Date) {
  await db
    .update(teamProgrammes)
    .set({ status: 'finished', version: sql`${teamProgrammes.version} + 1`, updatedAt: now })
    .where(
      and(eq(teamProgrammes.boardId, boardId), eq(teamProgrammes.teamId, teamId), eq(teamProgrammes.status, 'running')),
    );
}

/** Marks the programme stopped: when, by whom and why. */
export async function stopProgramme(
  db: Db,
  id: string,
  values: { stoppedAt: Date; stoppedReason: string; stoppedBy: string },
  now: Date,
) {
  await db
    .update(teamProgrammes)
    .set({ ...values, status: 'stopped', version: sql`${teamProgrammes.version} + 1`, updatedAt: now })
    .where(eq(teamProgrammes.id, id));
}

/** The team's programme stopped last, with the name of who stopped it. */
export async function findLastStopped(db: Db, boardId: string, teamId: string) {
  const [row] = await db
    .select({
      id: teamProgrammes.id,
      startsOn: teamProgrammes.startsOn,
      stoppedAt: teamProgrammes.stoppedAt,
      stoppedReason: teamProgrammes.stoppedReason,
      firstName: ot.people.firstName,
      infix: ot.people.infix,
      lastName: ot.people.lastName,
    })
    .from(teamProgrammes)
    .leftJoin(ot.people, eq(ot.people.id, teamProgrammes.stoppedBy))
    .where(
      and(eq(teamProgrammes.boardId, boardId), eq(teamProgrammes.teamId, teamId), eq(teamProgrammes.status, 'stopped')),
    )
    .orderBy(desc(teamProgrammes.stoppedAt), desc(teamProgrammes.updatedAt))
    .limit(1);
  return row ?? null;
}

export async function setNextTeam(db: Db, id: string, nextTeamId: string, now: Date) {
  await db
    .update(teamProgrammes)
    .set({ nextTeamId, version: sql`${teamProgrammes.version} + 1`, updatedAt: now })
    .where(eq(teamProgrammes.id, id));
}

export const weekColumns = {
  week: teamProgrammeWeeks.week,
  sessionHeldOn: teamProgrammeWeeks.sessionHeldOn,
  note: teamProgrammeWeeks.note,
  version: teamProgrammeWeeks.version,
};
export type WeekRow = { week: number; sessionHeldOn: string | null; note: string; version: number };

export async function findWeeks(db: Db, boardId: string, programmeId: string): Promise<WeekRow[]> {
  return db
    .select(weekColumns)
    .from(teamProgrammeWeeks)
    .where(and(eq(teamProgrammeWeeks.boardId, boardId), eq(teamProgrammeWeeks.programmeId, programmeId)))
    .orderBy(asc(teamProgrammeWeeks.week));
}

/** The first note of a week; null when someone else stored one first. */
export async function insertWeek(db: Db, values: typeof teamProgrammeWeeks.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(teamProgrammeWeeks)
    .values(values)
    .onConflictDoNothing()
    .returning({ week: teamProgrammeWeeks.week });
  return rows.length > 0;
}

/** A later note, only over the version the writer saw; false when it changed meanwhile. */
export async function updateWeek(
  db: Db,
  programmeId: string,
  week: number,
  version: number,
  values: { sessionHeldOn: string | null; note: string; updatedBy: string },
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(teamProgrammeWeeks)
    .set({ ...values, version: sql`${teamProgrammeWeeks.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(teamProgrammeWeeks.programmeId, programmeId),
        eq(teamProgrammeWeeks.week, week),
        eq(teamProgrammeWeeks.version, version),
      ),
    )
    .returning({ week: teamProgrammeWeeks.week });
  return rows.length > 0;
}

/**
 * What happened between two days: the days of board sessions, and the moments of visits observed or discussed and
 * of joint preparations done (the caller puts them in their Dutch day and week).
 */
export async function findActivity(db: Db, boardId: string, teamId: string, from: string, to: string) {
  const fromAt = new Date(`${from}T00:00:00Z`);
  const toAt = new Date(Date.parse(`${to}T00:00:00Z`) + 2 * 86_400_000); // a margin for the time zone
  const beforeAt = new Date(fromAt.getTime() - 86_400_000);
  const [sessions, visits, preparations] = await Promise.all([
    db
      .select({ day: tt.teamSessions.heldOn })
      .from(tt.teamSessions)
      .where(
        and(
          eq(tt.teamSessions.boardId, boardId),
          eq(tt.teamSessions.teamId, teamId),
          gte(tt.teamSessions.heldOn, from),
          lte(tt.teamSessions.heldOn, to),
        ),
      ),
    db
      .select({ at: teamVisits.scheduledAt })
      .from(teamVisits)
      .where(
        and(
          eq(teamVisits.boardId, boardId),
          eq(teamVisits.teamId, teamId),
          inArray(teamVisits.status, ['observed', 'discussed']),
          gte(teamVisits.scheduledAt, beforeAt),
          lte(teamVisits.scheduledAt, toAt),
        ),
      ),
    db
      .select({ at: teamPreparations.plannedAt })
      .from(teamPreparations)
      .where(
        and(
          eq(teamPreparations.boardId, boardId),
          eq(teamPreparations.teamId, teamId),
          eq(teamPreparations.status, 'done'),
          gte(teamPreparations.plannedAt, beforeAt),
          lte(teamPreparations.plannedAt, toAt),
        ),
      ),
  ]);
  return {
    sessions: sessions.map((s) => s.day),
    visits: visits.map((v) => v.at),
    preparations: preparations.map((p) => p.at),
  };
}

/** A team of the board with its school. */
export async function findTeam(db: Db, boardId: string, teamId: string) {
  const [row] = await db
    .select({ id: ot.teams.id, name: ot.teams.name, schoolId: ot.teams.schoolId })
    .from(ot.teams)
    .where(and(eq(ot.teams.boardId, boardId), eq(ot.teams.id, teamId)));
  return row ?? null;
}

export async function findSchoolTeams(db: Db, boardId: string, schoolId: string) {
  return db
    .select({ id: ot.teams.id, name: ot.teams.name })
    .from(ot.teams)
    .where(and(eq(ot.teams.boardId, boardId), eq(ot.teams.schoolId, schoolId)))
    .orderBy(asc(ot.teams.name), asc(ot.teams.id));
}

/** The linking session planned for a programme. */
export async function findLinking(db: Db, boardId: string, programmeId: string) {
  const [row] = await db
    .select({
      id: yearPlanEvents.id,
      startsAt: yearPlanEvents.startsAt,
      location: yearPlanEvents.location,
      otherTeamId: yearPlanEvents.otherTeamId,
      otherTeamName: ot.teams.name,
    })
    .from(yearPlanEvents)
    .innerJoin(ot.teams, eq(ot.teams.id, yearPlanEvents.otherTeamId))
    .where(
      and(
        eq(yearPlanEvents.boardId, boardId),
        eq(yearPlanEvents.kind, 'linking'),
        sql`${yearPlanEvents.details}->>'programmeId' = ${programmeId}`,
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function insertEvent(db: Db, values: typeof yearPlanEvents.$inferInsert): Promise<string> {
  const [row] = await db.insert(yearPlanEvents).values(values).returning({ id: yearPlanEvents.id });
  return row!.id;
}

export async function updateLinking(
  db: Db,
  id: string,
  values: { startsAt: Date; location: string; otherTeamId: string; title: string },
  now: Date,
) {
  await db
    .update(yearPlanEvents)
    .set({ ...values, version: sql`${yearPlanEvents.version} + 1`, updatedAt: now })
    .where(eq(yearPlanEvents.id, id));
}

export async function deleteEvent(db: Db, boardId: string, id: string) {
  await db.delete(yearPlanEvents).where(and(eq(yearPlanEvents.boardId, boardId), eq(yearPlanEvents.id, id)));
}

// ---------------------------------------------------------------------------------------------
// Progress meter

export async function insertScore(db: Db, values: typeof teamProgressScores.$inferInsert): Promise<string> {
  const [row] = await db.insert(teamProgressScores).values(values).returning({ id: teamProgressScores.id });
  return row!.id;
}

/** Every score of the team, oldest first, with the name of who entered it. */
export async function findScores(db: Db, boardId: string, teamId: string) {
  return db
    .select({
      id: teamProgressScores.id,
      intervention: teamProgressScores.intervention,
      phase: teamProgressScores.phase,
      scoredOn: teamProgressScores.scoredOn,
      scores: teamProgressScores.scores,
      note: teamProgressScores.note,
      firstName: ot.people.firstName,
      infix: ot.people.infix,
      lastName: ot.people.lastName,
    })
    .from(teamProgressScores)
    .leftJoin(ot.people, eq(ot.people.id, teamProgressScores.createdBy))
    .where(and(eq(teamProgressScores.boardId, boardId), eq(teamProgressScores.teamId, teamId)))
    .orderBy(asc(teamProgressScores.scoredOn), asc(teamProgressScores.createdAt), asc(teamProgressScores.id));
}
export type ScoreRow = Awaited<ReturnType<typeof findScores>>[number];
