import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { TEAM_STANDARD_PARTS } from '@groeipad/contracts';
import type { Db } from '../../platform/db/client.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { organisationTables as ot } from '../organisation/index.ts';
import { teamVisits } from '../visits/visits.schema.ts';
import { teamPreparationMembers, teamPreparations } from '../preparations/preparations.schema.ts';
import {
  teamActions,
  teamBoardItems,
  teamBoards,
  teamGoals,
  teamGoalValues,
  teamSessionAttendance,
  teamSessions,
  type TeamBoardPart,
} from './team.schema.ts';

// The reads of the board: what GET /api/teams/:teamId/board shows, in one round of parallel queries after the
// team itself. Each statement is prepared once per database handle (see prepared.ts).

const ph = (name: string) => sql.placeholder(name);

export const STANDARD_PARTS: TeamBoardPart[] = TEAM_STANDARD_PARTS.map((key) => ({ key, title: '', hidden: false }));

const boardColumns = {
  id: teamBoards.id,
  parts: teamBoards.parts,
  sessionsPerWeek: teamBoards.sessionsPerWeek,
  sessionMinutes: teamBoards.sessionMinutes,
  visitsPerWeek: teamBoards.visitsPerWeek,
  preparationsPerWeek: teamBoards.preparationsPerWeek,
  version: teamBoards.version,
  createdAt: teamBoards.createdAt,
};
export type BoardRow = { [K in keyof typeof boardColumns]: (typeof teamBoards.$inferSelect)[K] };

const teamHeader = (db: Db) =>
  db
    .select({
      id: ot.teams.id,
      boardId: ot.teams.boardId,
      name: ot.teams.name,
      schoolId: ot.teams.schoolId,
      schoolName: ot.schools.name,
      board: boardColumns,
    })
    .from(ot.teams)
    .innerJoin(ot.schools, eq(ot.schools.id, ot.teams.schoolId))
    .leftJoin(teamBoards, eq(teamBoards.teamId, ot.teams.id))
    .where(and(eq(ot.teams.boardId, ph('boardId')), eq(ot.teams.id, ph('teamId'))))
    .prepare('team_header');

export type TeamHeader = NonNullable<Awaited<ReturnType<typeof findTeamHeader>>>;

/** The team, its school's name and its board (null before the first read). */
export async function findTeamHeader(db: Db, boardId: string, teamId: string) {
  const [row] = await prepared(db, 'team_header', teamHeader).execute({ boardId, teamId });
  return row ?? null;
}

/** Creates the team's board with the standard parts unless it exists; safe when two readers race. */
export async function ensureBoard(db: Db, boardId: string, teamId: string, now: Date): Promise<BoardRow> {
  const [created] = await db
    .insert(teamBoards)
    .values({ boardId, teamId, parts: STANDARD_PARTS, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: teamBoards.teamId })
    .returning(boardColumns);
  if (created) return created;
  const [existing] = await db
    .select(boardColumns)
    .from(teamBoards)
    .where(and(eq(teamBoards.boardId, boardId), eq(teamBoards.teamId, teamId)));
  return existing!;
}

// ---------------------------------------------------------------------------------------------
// The board's content

/** The owner's name parts of a goal or action (owners can have left the team since). */
const ownerName = {
  ownerFirstName: ot.people.firstName,
  ownerInfix: ot.people.infix,
  ownerLastName: ot.people.lastName,
};

const goalsOf = (db: Db) =>
  db
    .select({
      id: teamGoals.id,
      title: teamGoals.title,
      description: teamGoals.description,
      unit: teamGoals.unit,
      startValue: teamGoals.startValue,
      targetValue: teamGoals.targetValue,
      targetDate: teamGoals.targetDate,
      ownerId: teamGoals.ownerId,
      status: teamGoals.status,
      position: teamGoals.position,
      version: teamGoals.version,
      ...ownerName,
    })
    .from(teamGoals)
    .leftJoin(ot.people, eq(ot.people.id, teamGoals.ownerId))
    .where(
      and(eq(teamGoals.boardId, ph('boardId')), eq(teamGoals.teamId, ph('teamId')), ne(teamGoals.status, 'stopped')),
    )
    .orderBy(asc(teamGoals.position), asc(teamGoals.createdAt), asc(teamGoals.id))
    .prepare('team_goals');

const valuesOf = (db: Db) =>
  db
    .select({
      id: teamGoalValues.id,
      goalId: teamGoalValues.goalId,
      measuredOn: teamGoalValues.measuredOn,
      value: teamGoalValues.value,
      note: teamGoalValues.note,
    })
    .from(teamGoalValues)
    .innerJoin(teamGoals, eq(teamGoals.id, teamGoalValues.goalId))
    .where(
      and(
        eq(teamGoalValues.boardId, ph('boardId')),
        eq(teamGoals.teamId, ph('teamId')),
        ne(teamGoals.status, 'stopped'),
      ),
    )
    .orderBy(asc(teamGoalValues.measuredOn), asc(teamGoalValues.createdAt))
    .prepare('team_goal_values');

export const actionColumns = {
  id: teamActions.id,
  title: teamActions.title,
  goalId: teamActions.goalId,
  ownerId: teamActions.ownerId,
  dueOn: teamActions.dueOn,
  status: teamActions.status,
  nextStep: teamActions.nextStep,
  helpWanted: teamActions.helpWanted,
  position: teamActions.position,
  doneAt: teamActions.doneAt,
  celebratedAt: teamActions.celebratedAt,
  version: teamActions.version,
};

const actionsOf = (db: Db) =>
  db
    .select({ ...actionColumns, ...ownerName })
    .from(teamActions)
    .leftJoin(ot.people, eq(ot.people.id, teamActions.ownerId))
    .where(
      and(eq(teamActions.boardId, ph('boardId')), eq(teamActions.teamId, ph('teamId')), isNull(teamActions.archivedAt)),
    )
    .orderBy(asc(teamActions.position), asc(teamActions.createdAt), asc(teamActions.id))
    .prepare('team_actions');

export const itemColumns = {
  id: teamBoardItems.id,
  kind: teamBoardItems.kind,
  partKey: teamBoardItems.partKey,
  body: teamBoardItems.body,
  position: teamBoardItems.position,
  createdAt: teamBoardItems.createdAt,
  version: teamBoardItems.version,
};

const itemsOf = (db: Db) =>
  db
    .select(itemColumns)
    .from(teamBoardItems)
    .where(
      and(
        eq(teamBoardItems.boardId, ph('boardId')),
        eq(teamBoardItems.teamId, ph('teamId')),
        isNull(teamBoardItems.archivedAt),
      ),
    )
    .orderBy(asc(teamBoardItems.position), asc(teamBoardItems.createdAt), asc(teamBoardItems.id))
    .prepare('team_items');

/** Active staff with a role in the team (pupils placed in a team are not its staff), with all their team roles. */
const membersOf = (db: Db) =>
  db
    .select({
      id: ot.people.id,
      firstName: ot.people.firstName,
      infix: ot.people.infix,
      lastName: ot.people.lastName,
      email: ot.people.email,
      phone: ot.people.phone,
      roles: sql<string[]>`array_agg(distinct ${ot.memberships.role})`,
    })
    .from(ot.memberships)
    .innerJoin(ot.people, eq(ot.people.id, ot.memberships.personId))
    .where(
      and(
        eq(ot.memberships.boardId, ph('boardId')),
        eq(ot.memberships.teamId, ph('teamId')),
        ne(ot.memberships.role, 'student'),
        eq(ot.people.active, true),
      ),
    )
    .groupBy(ot.people.id)
    .orderBy(asc(ot.people.firstName), asc(ot.people.lastName), asc(ot.people.id))
    .prepare('team_members');

export const sessionColumns = {
  id: teamSessions.id,
  heldOn: teamSessions.heldOn,
  startedAt: teamSessions.startedAt,
  endedAt: teamSessions.endedAt,
  moodPositive: teamSessions.moodPositive,
  moodNeutral: teamSessions.moodNeutral,
  moodNegative: teamSessions.moodNegative,
  notes: teamSessions.notes,
  version: teamSessions.version,
  attendees: sql<
    string[]
  >`coalesce(array_agg(${teamSessionAttendance.personId}::text) filter (where ${teamSessionAttendance.personId} is not null), '{}')`,
};

const sessionsSince = (db: Db) =>
  db
    .select(sessionColumns)
    .from(teamSessions)
    .leftJoin(teamSessionAttendance, eq(teamSessionAttendance.sessionId, teamSessions.id))
    .where(
      and(
        eq(teamSessions.boardId, ph('boardId')),
        eq(teamSessions.teamId, ph('teamId')),
        gte(teamSessions.heldOn, sql`${ph('since')}::date`),
      ),
    )
    .groupBy(teamSessions.id)
    .orderBy(asc(teamSessions.startedAt), asc(teamSessions.id))
    .prepare('team_sessions');

// The planning part: visits and joint preparations from the first week of the statistics to the end of next week.
// Who visits whom is planning the whole team sees; nothing of a visit's content is read here.

const visitObserver = alias(ot.people, 'visit_observer');
const visitObserved = alias(ot.people, 'visit_observed');

const visitsBetween = (db: Db) =>
  db
    .select({
      id: teamVisits.id,
      kind: teamVisits.kind,
      scheduledAt: teamVisits.scheduledAt,
      durationMinutes: teamVisits.durationMinutes,
      status: teamVisits.status,
      observerId: teamVisits.observerId,
      observerFirstName: visitObserver.firstName,
      observerInfix: visitObserver.infix,
      observerLastName: visitObserver.lastName,
      observedId: teamVisits.observedId,
      observedFirstName: visitObserved.firstName,
      observedInfix: visitObserved.infix,
      observedLastName: visitObserved.lastName,
    })
    .from(teamVisits)
    .innerJoin(visitObserver, eq(visitObserver.id, teamVisits.observerId))
    .innerJoin(visitObserved, eq(visitObserved.id, teamVisits.observedId))
    .where(
      and(
        eq(teamVisits.boardId, ph('boardId')),
        eq(teamVisits.teamId, ph('teamId')),
        ne(teamVisits.status, 'cancelled'),
        gte(teamVisits.scheduledAt, sql`${ph('from')}::timestamptz`),
        lt(teamVisits.scheduledAt, sql`${ph('to')}::timestamptz`),
      ),
    )
    .orderBy(asc(teamVisits.scheduledAt), asc(teamVisits.id))
    .prepare('team_planning_visits');

const preparationsBetween = (db: Db) =>
  db
    .select({
      id: teamPreparations.id,
      title: teamPreparations.title,
      kind: teamPreparations.kind,
      plannedAt: teamPreparations.plannedAt,
      durationMinutes: teamPreparations.durationMinutes,
      status: teamPreparations.status,
      people: sql<
        { id: string; firstName: string; infix: string | null; lastName: string }[]
      >`coalesce(json_agg(json_build_object('id', ${ot.people.id}, 'firstName', ${ot.people.firstName}, 'infix', ${ot.people.infix}, 'lastName', ${ot.people.lastName}) order by ${ot.people.firstName}, ${ot.people.lastName}) filter (where ${ot.people.id} is not null), '[]'::json)`,
    })
    .from(teamPreparations)
    .leftJoin(teamPreparationMembers, eq(teamPreparationMembers.preparationId, teamPreparations.id))
    .leftJoin(ot.people, eq(ot.people.id, teamPreparationMembers.personId))
    .where(
      and(
        eq(teamPreparations.boardId, ph('boardId')),
        eq(teamPreparations.teamId, ph('teamId')),
        inArray(teamPreparations.status, ['planned', 'done']),
        gte(teamPreparations.plannedAt, sql`${ph('from')}::timestamptz`),
        lt(teamPreparations.plannedAt, sql`${ph('to')}::timestamptz`),
      ),
    )
    .groupBy(teamPreparations.id)
    .orderBy(asc(teamPreparations.plannedAt), asc(teamPreparations.id))
    .prepare('team_planning_preparations');

export type GoalRow = Awaited<ReturnType<ReturnType<typeof goalsOf>['execute']>>[number];
export type ValueRow = Awaited<ReturnType<ReturnType<typeof valuesOf>['execute']>>[number];
export type ActionRow = Awaited<ReturnType<ReturnType<typeof actionsOf>['execute']>>[number];
export type ItemRow = Awaited<ReturnType<ReturnType<typeof itemsOf>['execute']>>[number];
export type MemberRow = Awaited<ReturnType<ReturnType<typeof membersOf>['execute']>>[number];
export type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionsSince>['execute']>>[number];
export type PlanningVisitRow = Awaited<ReturnType<ReturnType<typeof visitsBetween>['execute']>>[number];
export type PlanningPreparationRow = Awaited<ReturnType<ReturnType<typeof preparationsBetween>['execute']>>[number];

/**
 * Everything on the board, in parallel. `since`: the first day of the statistics (eight weeks back); visits and
 * preparations are read from a day before it to a day after `until` (the end of next week), as instants: the
 * service keeps those whose school day falls in the window.
 */
export async function findBoardContent(db: Db, boardId: string, teamId: string, since: string, until: string) {
  const key = { boardId, teamId };
  const window = {
    ...key,
    from: new Date(Date.parse(`${since}T00:00:00Z`) - 86_400_000).toISOString(),
    to: new Date(Date.parse(`${until}T00:00:00Z`) + 2 * 86_400_000).toISOString(),
  };
  const [goals, values, actions, items, members, sessions, visits, preparations] = await Promise.all([
    prepared(db, 'team_goals', goalsOf).execute(key),
    prepared(db, 'team_goal_values', valuesOf).execute(key),
    prepared(db, 'team_actions', actionsOf).execute(key),
    prepared(db, 'team_items', itemsOf).execute(key),
    prepared(db, 'team_members', membersOf).execute(key),
    prepared(db, 'team_sessions', sessionsSince).execute({ ...key, since }),
    prepared(db, 'team_planning_visits', visitsBetween).execute(window),
    prepared(db, 'team_planning_preparations', preparationsBetween).execute(window),
  ]);
  return { goals, values, actions, items, members, sessions, visits, preparations };
}

/** The teams of some ids and of some schools, with their school's name. */
export async function findTeamsFor(db: Db, boardId: string, teamIds: string[], schoolIds: string[]) {
  if (teamIds.length === 0 && schoolIds.length === 0) return [];
  return db
    .select({ id: ot.teams.id, name: ot.teams.name, schoolId: ot.teams.schoolId, schoolName: ot.schools.name })
    .from(ot.teams)
    .innerJoin(ot.schools, eq(ot.schools.id, ot.teams.schoolId))
    .where(
      and(
        eq(ot.teams.boardId, boardId),
        or(
          teamIds.length > 0 ? inArray(ot.teams.id, teamIds) : undefined,
          schoolIds.length > 0 ? inArray(ot.teams.schoolId, schoolIds) : undefined,
        ),
      ),
    )
    .orderBy(asc(ot.schools.name), asc(ot.teams.name));
}

/** The latest session of the team, with or without an end. */
export async function findLatestSession(db: Db, boardId: string, teamId: string) {
  const [row] = await db
    .select(sessionColumns)
    .from(teamSessions)
    .leftJoin(teamSessionAttendance, eq(teamSessionAttendance.sessionId, teamSessions.id))
    .where(and(eq(teamSessions.boardId, boardId), eq(teamSessions.teamId, teamId)))
    .groupBy(teamSessions.id)
    .orderBy(desc(teamSessions.startedAt))
    .limit(1);
  return row ?? null;
}
