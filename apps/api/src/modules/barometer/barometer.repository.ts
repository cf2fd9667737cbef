import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organisationTables as org } from '../organisation/index.ts';
import {
  barometerParticipation as participation,
  barometerResponses as responses,
  barometerRounds as rounds,
  barometerSettings as settings,
} from './barometer.schema.ts';
import { TEAM_STAFF_ROLES } from './barometer.policy.ts';

export type SettingsRow = typeof settings.$inferSelect;
export type RoundRow = typeof rounds.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;

// Every read takes the board (tenant). Nothing here joins a response to a person: the two tables share only the
// round, and no query reads both for one person.

// ---- organisation

export async function findTeam(db: Db, boardId: string, teamId: string) {
  const [row] = await db
    .select({
      id: org.teams.id,
      boardId: org.teams.boardId,
      schoolId: org.teams.schoolId,
      name: org.teams.name,
      schoolName: org.schools.name,
    })
    .from(org.teams)
    .innerJoin(org.schools, eq(org.schools.id, org.teams.schoolId))
    .where(and(eq(org.teams.boardId, boardId), eq(org.teams.id, teamId)));
  return row ?? null;
}
export type TeamRow = NonNullable<Awaited<ReturnType<typeof findTeam>>>;

export async function findSchool(db: Db, boardId: string, schoolId: string) {
  const [row] = await db
    .select({ id: org.schools.id, name: org.schools.name })
    .from(org.schools)
    .where(and(eq(org.schools.boardId, boardId), eq(org.schools.id, schoolId)));
  return row ?? null;
}

export async function findTeamsOfSchool(db: Db, boardId: string, schoolId: string) {
  return db
    .select({ id: org.teams.id, boardId: org.teams.boardId, schoolId: org.teams.schoolId, name: org.teams.name })
    .from(org.teams)
    .where(and(eq(org.teams.boardId, boardId), eq(org.teams.schoolId, schoolId)))
    .orderBy(asc(org.teams.name));
}

/** The active staff of the teams: who is asked when a round opens. One row per team and person. */
export async function findTeamStaff(db: Db, boardId: string, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return db
    .selectDistinct({
      teamId: org.memberships.teamId,
      personId: org.people.id,
      firstName: org.people.firstName,
      email: org.people.email,
    })
    .from(org.memberships)
    .innerJoin(org.people, eq(org.people.id, org.memberships.personId))
    .where(
      and(
        eq(org.memberships.boardId, boardId),
        inArray(org.memberships.teamId, teamIds),
        inArray(org.memberships.role, [...TEAM_STAFF_ROLES]),
        eq(org.people.active, true),
      ),
    ) as Promise<{ teamId: string; personId: string; firstName: string; email: string }[]>;
}

// ---- settings

export async function findSettings(db: Db, boardId: string, teamId: string, lock?: 'update') {
  const query = db
    .select()
    .from(settings)
    .where(and(eq(settings.boardId, boardId), eq(settings.teamId, teamId)));
  const [row] = lock ? await query.for(lock) : await query;
  return row ?? null;
}

export async function insertSettings(db: Db, values: typeof settings.$inferInsert) {
  const rows = await db.insert(settings).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

/** Writes the settings when the version still matches; null when someone changed them meanwhile. */
export async function updateSettings(
  db: Db,
  boardId: string,
  teamId: string,
  version: number,
  values: Partial<typeof settings.$inferInsert>,
) {
  const [row] = await db
    .update(settings)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(settings.boardId, boardId), eq(settings.teamId, teamId), eq(settings.version, version)))
    .returning();
  return row ?? null;
}

// ---- rounds

export async function findRound(db: Db, boardId: string, id: string, lock?: 'update' | 'share') {
  const query = db
    .select()
    .from(rounds)
    .where(and(eq(rounds.boardId, boardId), eq(rounds.id, id)));
  const [row] = lock ? await query.for(lock) : await query;
  return row ?? null;
}

export async function findOpenRounds(db: Db, boardId: string, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return db
    .select()
    .from(rounds)
    .where(and(eq(rounds.boardId, boardId), inArray(rounds.teamId, teamIds), eq(rounds.status, 'open')));
}

/** A team's closed rounds, newest first. */
export async function findClosedRounds(db: Db, boardId: string, teamId: string) {
  return db
    .select()
    .from(rounds)
    .where(and(eq(rounds.boardId, boardId), eq(rounds.teamId, teamId), eq(rounds.status, 'closed')))
    .orderBy(desc(rounds.closesOn), desc(rounds.closedAt));
}

/** The closed rounds of a school's teams that the team shared with the school leaders. */
export async function findSharedRounds(db: Db, boardId: string, schoolId: string) {
  return db
    .select({ id: rounds.id, teamId: rounds.teamId, closesOn: rounds.closesOn, sharedAt: rounds.sharedAt })
    .from(rounds)
    .where(
      and(
        eq(rounds.boardId, boardId),
        eq(rounds.schoolId, schoolId),
        eq(rounds.status, 'closed'),
        isNotNull(rounds.sharedAt),
      ),
    )
    .orderBy(desc(rounds.closesOn));
}

export async function insertRound(db: Db, values: typeof rounds.$inferInsert) {
  const [row] = await db.insert(rounds).values(values).returning();
  return row!;
}

export async function updateRound(db: Db, boardId: string, id: string, values: Partial<typeof rounds.$inferInsert>) {
  const [row] = await db
    .update(rounds)
    .set({ ...values, version: sql`${rounds.version} + 1`, updatedAt: new Date() })
    .where(and(eq(rounds.boardId, boardId), eq(rounds.id, id)))
    .returning();
  return row ?? null;
}

/** The day the team's last round opened (open or closed), 'YYYY-MM-DD'; null before its first round. */
export async function findLastOpenedOn(db: Db, boardId: string, teamId: string): Promise<string | null> {
  const [row] = await db
    .select({ day: sql<string | null>`max(${rounds.opensOn})::text` })
    .from(rounds)
    .where(and(eq(rounds.boardId, boardId), eq(rounds.teamId, teamId)));
  return row?.day ?? null;
}

/**
 * Every team (of every board) that has automatic opening on, with its rhythm, the day its last round opened and
 * whether one is open now: what the daily job chooses from. A handful of rows per board.
 */
export async function findAutoOpenTeams(db: Db) {
  return db
    .select({
      boardId: settings.boardId,
      teamId: settings.teamId,
      intervalWeeks: settings.intervalWeeks,
      lastOpenedOn: sql<string | null>`max(${rounds.opensOn})::text`,
      hasOpen: sql<boolean>`coalesce(bool_or(${rounds.status} = 'open'), false)`,
    })
    .from(settings)
    .leftJoin(rounds, and(eq(rounds.boardId, settings.boardId), eq(rounds.teamId, settings.teamId)))
    .where(eq(settings.autoOpen, true))
    .groupBy(settings.boardId, settings.teamId, settings.intervalWeeks);
}

/**
 * Of the given teams, those that open their rounds by hand (automatic opening off, or never set), have had at
 * least one round and have none open now: with the day the last one opened and their rhythm. One statement.
 */
export async function findManualTeamsWithoutOpenRound(
  db: Db,
  boardId: string,
  teamIds: string[],
  defaultIntervalWeeks: number,
) {
  if (teamIds.length === 0) return [];
  return db
    .select({
      teamId: org.teams.id,
      teamName: org.teams.name,
      intervalWeeks: sql<number>`coalesce(${settings.intervalWeeks}, ${defaultIntervalWeeks})`.mapWith(Number),
      lastOpenedOn: sql<string>`max(${rounds.opensOn})::text`,
    })
    .from(org.teams)
    .innerJoin(rounds, and(eq(rounds.boardId, boardId), eq(rounds.teamId, org.teams.id)))
    .leftJoin(settings, and(eq(settings.boardId, boardId), eq(settings.teamId, org.teams.id)))
    .where(
      and(
        eq(org.teams.boardId, boardId),
        inArray(org.teams.id, teamIds),
        sql`coalesce(${settings.autoOpen}, false) = false`,
      ),
    )
    .groupBy(org.teams.id, org.teams.name, settings.intervalWeeks)
    .having(sql`not bool_or(${rounds.status} = 'open')`);
}

/** Open rounds whose last day has passed. */
export async function findExpiredRounds(db: Db, today: string) {
  return db
    .select({ id: rounds.id, boardId: rounds.boardId, teamId: rounds.teamId })
    .from(rounds)
    .where(and(eq(rounds.status, 'open'), lt(rounds.closesOn, today)));
}

// ---- participation

export async function insertParticipation(db: Db, values: (typeof participation.$inferInsert)[]) {
  if (values.length === 0) return;
  await db.insert(participation).values(values).onConflictDoNothing();
}

/** Invited and answered per round: counts only. */
export async function countParticipation(db: Db, boardId: string, roundIds: string[]) {
  if (roundIds.length === 0) return new Map<string, { invited: number; answered: number }>();
  const rows = await db
    .select({
      roundId: participation.roundId,
      invited: count(),
      answered: sql<number>`count(*) filter (where ${participation.answered})`.mapWith(Number),
    })
    .from(participation)
    .where(and(eq(participation.boardId, boardId), inArray(participation.roundId, roundIds)))
    .groupBy(participation.roundId);
  return new Map(rows.map((r) => [r.roundId, { invited: r.invited, answered: r.answered }]));
}

export async function findParticipation(db: Db, boardId: string, roundId: string, personId: string) {
  const [row] = await db
    .select()
    .from(participation)
    .where(
      and(eq(participation.boardId, boardId), eq(participation.roundId, roundId), eq(participation.personId, personId)),
    );
  return row ?? null;
}

/**
 * Marks the person as having answered, only when they had not: a second submit finds no row to change. The
 * condition in the update (not a read before it) makes two submits at the same moment count once.
 */
export async function markAnswered(db: Db, boardId: string, roundId: string, personId: string): Promise<boolean> {
  const rows = await db
    .update(participation)
    .set({ answered: true })
    .where(
      and(
        eq(participation.boardId, boardId),
        eq(participation.roundId, roundId),
        eq(participation.personId, personId),
        eq(participation.answered, false),
      ),
    )
    .returning({ roundId: participation.roundId });
  return rows.length === 1;
}

/** Who still has to answer an open round and was not reminded yet, with their address. */
export async function findReminderCandidates(db: Db, closingBy: string, today: string) {
  return db
    .select({
      boardId: rounds.boardId,
      roundId: rounds.id,
      closesOn: rounds.closesOn,
      minGroupSize: rounds.minGroupSize,
      teamName: org.teams.name,
      personId: participation.personId,
      firstName: org.people.firstName,
      email: org.people.email,
    })
    .from(participation)
    .innerJoin(rounds, eq(rounds.id, participation.roundId))
    .innerJoin(org.teams, eq(org.teams.id, rounds.teamId))
    .innerJoin(org.people, eq(org.people.id, participation.personId))
    .where(
      and(
        eq(rounds.status, 'open'),
        lte(rounds.closesOn, closingBy),
        sql`${rounds.closesOn} >= ${today}`,
        eq(participation.answered, false),
        isNull(participation.remindedAt),
        eq(org.people.active, true),
      ),
    );
}

export async function markReminded(db: Db, roundId: string, personId: string, at: Date) {
  await db
    .update(participation)
    .set({ remindedAt: at })
    .where(and(eq(participation.roundId, roundId), eq(participation.personId, personId)));
}

/** Open rounds the person was asked for and did not answer yet: their home tasks. */
export async function findPendingFor(db: Db, boardId: string, personId: string, today: string) {
  return db
    .select({ roundId: rounds.id, closesOn: rounds.closesOn, teamName: org.teams.name })
    .from(participation)
    .innerJoin(rounds, eq(rounds.id, participation.roundId))
    .innerJoin(org.teams, eq(org.teams.id, rounds.teamId))
    .where(
      and(
        eq(participation.boardId, boardId),
        eq(participation.personId, personId),
        eq(participation.answered, false),
        eq(rounds.status, 'open'),
        sql`${rounds.closesOn} >= ${today}`,
      ),
    )
    .orderBy(asc(rounds.closesOn));
}

/** Every round the person was asked for, and whether they answered: for their own data export. */
export async function findParticipationOf(db: Db, boardId: string, personId: string) {
  return db
    .select({
      roundId: rounds.id,
      teamName: org.teams.name,
      opensOn: rounds.opensOn,
      closesOn: rounds.closesOn,
      status: rounds.status,
      answered: participation.answered,
      remindedAt: participation.remindedAt,
    })
    .from(participation)
    .innerJoin(rounds, eq(rounds.id, participation.roundId))
    .innerJoin(org.teams, eq(org.teams.id, rounds.teamId))
    .where(and(eq(participation.boardId, boardId), eq(participation.personId, personId)))
    .orderBy(desc(rounds.opensOn));
}

// ---- responses

export async function insertResponse(db: Db, values: typeof responses.$inferInsert) {
  await db.insert(responses).values(values);
}

export async function findResponses(db: Db, boardId: string, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db
    .select()
    .from(responses)
    .where(and(eq(responses.boardId, boardId), inArray(responses.roundId, roundIds)));
}

/**
 * Seals a closing round: its answers are written again in the given (shuffled) order with fresh ids and the old
 * rows deleted, and every participation row is touched in one statement. While the round was open each answer
 * was stored in the same transaction as its participation row; afterwards neither row ids, physical order nor
 * transaction ids line the answers up with the people who gave them.
 */
export async function sealRound(db: Db, boardId: string, roundId: string, shuffledRows: ResponseRow[]) {
  await db
    .update(participation)
    .set({ answered: sql`${participation.answered}` })
    .where(and(eq(participation.boardId, boardId), eq(participation.roundId, roundId)));
  if (shuffledRows.length === 0) return;
  const oldIds = shuffledRows.map((r) => r.id);
  for (let i = 0; i < shuffledRows.length; i += 500) {
    await db.insert(responses).values(
      shuffledRows.slice(i, i + 500).map((r) => ({
        boardId: r.boardId,
        roundId: r.roundId,
        scores: r.scores,
        texts: r.texts,
      })),
    );
  }
  await db.delete(responses).where(and(eq(responses.roundId, roundId), inArray(responses.id, oldIds)));
}
