import { and, asc, eq, exists, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { conversationsTables as ct } from '../conversations/index.ts';
import { organisationTables as ot } from '../organisation/index.ts';
import { conversationKinds } from './cycle.schema.ts';
import { schoolDay } from '../../platform/time.ts';
import { anyOf, placeholder } from './cycle.sql.ts';

// The cycle's reads beyond its configuration, each taking the board it reads: the schools and teams a cycle belongs
// to, and for the overview and the coverage the reports, memberships, staff and conversations in a window. Most are
// prepared statements (see cycle.sql.ts) whose SQL bench/scenarios.ts copies: keep their texts as they are.

// Schools and teams

const schoolById = (db: Db) =>
  db
    .select({ id: ot.schools.id, name: ot.schools.name })
    .from(ot.schools)
    .where(and(eq(ot.schools.boardId, placeholder('boardId')), eq(ot.schools.id, placeholder('schoolId'))))
    .prepare('cycle_school');

export async function findSchool(db: Db, boardId: string, schoolId: string) {
  const [row] = await prepared(db, 'cycle_school', schoolById).execute({ boardId, schoolId });
  return row ?? null;
}

/** Schools of the board (or some of them), by name, and whether each has a cycle (kinds). */
export async function findSchools(db: Db, boardId: string, schoolIds?: string[]) {
  return db
    .select({
      id: ot.schools.id,
      name: ot.schools.name,
      configured: exists(
        db
          .select({ one: sql`1` })
          .from(conversationKinds)
          .where(eq(conversationKinds.schoolId, ot.schools.id)),
      ).mapWith(Boolean),
    })
    .from(ot.schools)
    .where(and(eq(ot.schools.boardId, boardId), schoolIds ? inArray(ot.schools.id, schoolIds) : undefined))
    .orderBy(asc(ot.schools.name));
}

/** Names of some schools, by name; nothing else (findSchools also tells whether each is configured). */
const schoolNames = (db: Db) =>
  db
    .select({ id: ot.schools.id, name: ot.schools.name })
    .from(ot.schools)
    .where(and(eq(ot.schools.boardId, placeholder('boardId')), anyOf(ot.schools.id, 'schoolIds')))
    .orderBy(asc(ot.schools.name))
    .prepare('cycle_school_names');

export async function findSchoolNames(db: Db, boardId: string, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return prepared(db, 'cycle_school_names', schoolNames).execute({ boardId, schoolIds });
}

const teamsOfSchool = (db: Db) =>
  db
    .select({ id: ot.teams.id, name: ot.teams.name })
    .from(ot.teams)
    .where(and(eq(ot.teams.boardId, placeholder('boardId')), eq(ot.teams.schoolId, placeholder('schoolId'))))
    .orderBy(asc(ot.teams.name))
    .prepare('cycle_teams');

export async function findTeams(db: Db, boardId: string, schoolId: string) {
  return prepared(db, 'cycle_teams', teamsOfSchool).execute({ boardId, schoolId });
}

const teamsOfSchools = (db: Db) =>
  db
    .select({ id: ot.teams.id, name: ot.teams.name })
    .from(ot.teams)
    .where(and(eq(ot.teams.boardId, placeholder('boardId')), anyOf(ot.teams.schoolId, 'schoolIds')))
    .prepare('cycle_teams_of');

export async function findTeamsOf(db: Db, boardId: string, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return prepared(db, 'cycle_teams_of', teamsOfSchools).execute({ boardId, schoolIds });
}

// People

const reportsOf = (db: Db) =>
  db
    .select({
      id: ot.people.id,
      firstName: ot.people.firstName,
      infix: ot.people.infix,
      lastName: ot.people.lastName,
      jobTitle: ot.people.jobTitle,
    })
    .from(ot.lineManagers)
    .innerJoin(ot.people, eq(ot.people.id, ot.lineManagers.employeeId))
    .where(
      and(
        eq(ot.lineManagers.boardId, placeholder('boardId')),
        eq(ot.lineManagers.managerId, placeholder('managerId')),
        eq(ot.people.active, true),
      ),
    )
    .orderBy(asc(ot.people.lastName), asc(ot.people.firstName))
    .prepare('cycle_reports');

/** The active direct reports of a manager. */
export async function findReports(db: Db, boardId: string, managerId: string) {
  return prepared(db, 'cycle_reports', reportsOf).execute({ boardId, managerId });
}

const membershipsOfPeople = (db: Db) =>
  db
    .select({
      personId: ot.memberships.personId,
      role: ot.memberships.role,
      schoolId: ot.memberships.schoolId,
      teamId: ot.memberships.teamId,
    })
    .from(ot.memberships)
    .where(and(eq(ot.memberships.boardId, placeholder('boardId')), anyOf(ot.memberships.personId, 'personIds')))
    .prepare('cycle_memberships_of');

/** School memberships (role, school, team) of some people. */
export async function findMembershipsOf(db: Db, boardId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return prepared(db, 'cycle_memberships_of', membershipsOfPeople).execute({ boardId, personIds });
}

const schoolStaff = (db: Db) =>
  db
    .select({
      personId: ot.people.id,
      firstName: ot.people.firstName,
      infix: ot.people.infix,
      lastName: ot.people.lastName,
      role: ot.memberships.role,
      teamId: ot.memberships.teamId,
      hasManager: exists(
        db
          .select({ one: sql`1` })
          .from(ot.lineManagers)
          .where(eq(ot.lineManagers.employeeId, ot.people.id)),
      ).mapWith(Boolean),
    })
    .from(ot.memberships)
    .innerJoin(ot.people, eq(ot.people.id, ot.memberships.personId))
    .where(
      and(
        eq(ot.memberships.boardId, placeholder('boardId')),
        eq(ot.memberships.schoolId, placeholder('schoolId')),
        eq(ot.people.active, true),
      ),
    )
    .prepare('cycle_school_staff');

/** Every active person with a membership in the school, with their memberships there and whether they have a manager. */
export async function findSchoolStaff(db: Db, boardId: string, schoolId: string) {
  return prepared(db, 'cycle_school_staff', schoolStaff).execute({ boardId, schoolId });
}

// Conversations

// The instant as milliseconds (a number on both drivers): the overview and the coverage read hundreds to thousands
// of conversations per request and need no Date object for any of them; their Dutch day comes from schoolDay's
// per-hour table.
const conversationFields = {
  id: ct.conversations.id,
  schoolId: ct.conversations.schoolId,
  employeeId: ct.conversations.employeeId,
  kindId: ct.conversations.kindId,
  state: ct.conversations.state,
  at: sql<number>`(extract(epoch from ${ct.conversations.scheduledAt}) * 1000)::float8`,
};

const conversationsOfSchools = (db: Db) =>
  db
    .select(conversationFields)
    .from(ct.conversations)
    .where(
      and(
        eq(ct.conversations.boardId, placeholder('boardId')),
        anyOf(ct.conversations.schoolId, 'schoolIds'),
        gte(ct.conversations.scheduledAt, placeholder('from')),
        lte(ct.conversations.scheduledAt, placeholder('to')),
      ),
    )
    .prepare('cycle_conversations');

const conversationsOfEmployees = (db: Db) =>
  db
    .select(conversationFields)
    .from(ct.conversations)
    .where(
      and(
        eq(ct.conversations.boardId, placeholder('boardId')),
        anyOf(ct.conversations.schoolId, 'schoolIds'),
        anyOf(ct.conversations.employeeId, 'employeeIds'),
        gte(ct.conversations.scheduledAt, placeholder('from')),
        lte(ct.conversations.scheduledAt, placeholder('to')),
      ),
    )
    .prepare('cycle_conversations_of');

/** Conversations of the given schools between two days, optionally of some employees only; no contents. */
export async function findConversationsBetween(
  db: Db,
  boardId: string,
  q: { schoolIds: string[]; employeeIds?: string[]; from: Date; to: Date },
) {
  if (q.schoolIds.length === 0 || q.employeeIds?.length === 0) return [];
  // Instants as ISO text, as Drizzle sends a timestamp column's Date when the statement is not prepared.
  const params = { boardId, schoolIds: q.schoolIds, from: q.from.toISOString(), to: q.to.toISOString() };
  const rows = await (q.employeeIds
    ? prepared(db, 'cycle_conversations_of', conversationsOfEmployees).execute({
        ...params,
        employeeIds: q.employeeIds,
      })
    : prepared(db, 'cycle_conversations', conversationsOfSchools).execute(params));
  return rows.map((r) => ({
    id: r.id,
    schoolId: r.schoolId,
    employeeId: r.employeeId,
    kindId: r.kindId,
    state: r.state,
    at: r.at,
    day: schoolDay(r.at),
  }));
}
