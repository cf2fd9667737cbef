import { aliasedTable, and, asc, count, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { addDays } from '../../platform/time.ts';
import { organisationTables as ot } from '../organisation/index.ts';
import { teamProgrammes, yearPlanEvents, yearPlanRegistrations } from './programme.schema.ts';

// The reads and writes of a school's year plan and the board's pizzasessies with their registrations.

const otherTeams = aliasedTable(ot.teams, 'other_teams');

const eventColumns = {
  id: yearPlanEvents.id,
  schoolId: yearPlanEvents.schoolId,
  kind: yearPlanEvents.kind,
  title: yearPlanEvents.title,
  description: yearPlanEvents.description,
  startsAt: yearPlanEvents.startsAt,
  endsAt: yearPlanEvents.endsAt,
  location: yearPlanEvents.location,
  capacity: yearPlanEvents.capacity,
  teamId: yearPlanEvents.teamId,
  teamName: ot.teams.name,
  otherTeamId: yearPlanEvents.otherTeamId,
  otherTeamName: otherTeams.name,
  version: yearPlanEvents.version,
};

function selectEvents(db: Db) {
  return db
    .select(eventColumns)
    .from(yearPlanEvents)
    .leftJoin(ot.teams, eq(ot.teams.id, yearPlanEvents.teamId))
    .leftJoin(otherTeams, eq(otherTeams.id, yearPlanEvents.otherTeamId));
}
export type EventRow = Awaited<ReturnType<ReturnType<typeof selectEvents>['where']>>[number];

/** The school's own dates and the board's pizzasessies between two instants, soonest first. */
export async function findEvents(db: Db, boardId: string, schoolId: string, from: Date, to: Date) {
  return selectEvents(db)
    .where(
      and(
        eq(yearPlanEvents.boardId, boardId),
        or(
          eq(yearPlanEvents.schoolId, schoolId),
          and(isNull(yearPlanEvents.schoolId), eq(yearPlanEvents.kind, 'pizza')),
        ),
        gte(yearPlanEvents.startsAt, from),
        lte(yearPlanEvents.startsAt, to),
      ),
    )
    .orderBy(asc(yearPlanEvents.startsAt), asc(yearPlanEvents.id));
}

/** The board's pizzasessies from an instant on. */
export async function findPizzas(db: Db, boardId: string, from: Date) {
  return selectEvents(db)
    .where(
      and(
        eq(yearPlanEvents.boardId, boardId),
        isNull(yearPlanEvents.schoolId),
        eq(yearPlanEvents.kind, 'pizza'),
        gte(yearPlanEvents.startsAt, from),
      ),
    )
    .orderBy(asc(yearPlanEvents.startsAt), asc(yearPlanEvents.id));
}

export async function findEvent(db: Db, boardId: string, id: string) {
  const [row] = await selectEvents(db).where(and(eq(yearPlanEvents.boardId, boardId), eq(yearPlanEvents.id, id)));
  return row ?? null;
}

/** Locks the event, so registrations for its last place (and a change of its places) queue up. */
export async function lockEvent(db: Db, boardId: string, id: string) {
  const [row] = await db
    .select({
      id: yearPlanEvents.id,
      capacity: yearPlanEvents.capacity,
      kind: yearPlanEvents.kind,
      version: yearPlanEvents.version,
    })
    .from(yearPlanEvents)
    .where(and(eq(yearPlanEvents.boardId, boardId), eq(yearPlanEvents.id, id)))
    .for('update');
  return row ?? null;
}

export async function insertEvent(db: Db, values: typeof yearPlanEvents.$inferInsert): Promise<string> {
  const [row] = await db.insert(yearPlanEvents).values(values).returning({ id: yearPlanEvents.id });
  return row!.id;
}

export async function updateEvent(
  db: Db,
  id: string,
  values: Pick<
    typeof yearPlanEvents.$inferInsert,
    'kind' | 'title' | 'description' | 'startsAt' | 'endsAt' | 'location' | 'capacity'
  >,
  now: Date,
) {
  await db
    .update(yearPlanEvents)
    .set({ ...values, version: sql`${yearPlanEvents.version} + 1`, updatedAt: now })
    .where(eq(yearPlanEvents.id, id));
}

export async function deleteEvent(db: Db, boardId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(yearPlanEvents)
    .where(and(eq(yearPlanEvents.boardId, boardId), eq(yearPlanEvents.id, id)))
    .returning({ id: yearPlanEvents.id });
  return rows.length > 0;
}

/** Per event: how many registered, and whether the person did. */
export async function findRegistrationCounts(db: Db, eventIds: string[], personId: string) {
  if (eventIds.length === 0) return new Map<string, { registered: number; mine: boolean }>();
  const rows = await db
    .select({
      eventId: yearPlanRegistrations.eventId,
      registered: count(),
      mine: sql<boolean>`bool_or(${yearPlanRegistrations.personId} = ${personId})`,
    })
    .from(yearPlanRegistrations)
    .where(inArray(yearPlanRegistrations.eventId, eventIds))
    .groupBy(yearPlanRegistrations.eventId);
  return new Map(rows.map((r) => [r.eventId, { registered: Number(r.registered), mine: Boolean(r.mine) }]));
}

/** Who registered for the events, by name. */
export async function findRegistrants(db: Db, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return db
    .select({
      eventId: yearPlanRegistrations.eventId,
      id: ot.people.id,
      firstName: ot.people.firstName,
      infix: ot.people.infix,
      lastName: ot.people.lastName,
    })
    .from(yearPlanRegistrations)
    .innerJoin(ot.people, eq(ot.people.id, yearPlanRegistrations.personId))
    .where(inArray(yearPlanRegistrations.eventId, eventIds))
    .orderBy(asc(ot.people.firstName), asc(ot.people.lastName), asc(ot.people.id));
}

/** The active people registered for an event, with their e-mail address. */
export async function findRegistrantAddresses(db: Db, boardId: string, eventId: string) {
  return db
    .select({ id: ot.people.id, email: ot.people.email, firstName: ot.people.firstName })
    .from(yearPlanRegistrations)
    .innerJoin(ot.people, eq(ot.people.id, yearPlanRegistrations.personId))
    .where(
      and(
        eq(yearPlanRegistrations.boardId, boardId),
        eq(yearPlanRegistrations.eventId, eventId),
        eq(ot.people.active, true),
      ),
    )
    .orderBy(asc(ot.people.email));
}

/** The person's pizzasessies (registered) that start between two instants. */
export async function findMyPizzas(db: Db, boardId: string, personId: string, from: Date, to: Date) {
  return db
    .select({
      id: yearPlanEvents.id,
      title: yearPlanEvents.title,
      startsAt: yearPlanEvents.startsAt,
      location: yearPlanEvents.location,
    })
    .from(yearPlanRegistrations)
    .innerJoin(yearPlanEvents, eq(yearPlanEvents.id, yearPlanRegistrations.eventId))
    .where(
      and(
        eq(yearPlanRegistrations.boardId, boardId),
        eq(yearPlanRegistrations.personId, personId),
        eq(yearPlanEvents.boardId, boardId),
        eq(yearPlanEvents.kind, 'pizza'),
        gte(yearPlanEvents.startsAt, from),
        lte(yearPlanEvents.startsAt, to),
      ),
    )
    .orderBy(asc(yearPlanEvents.startsAt), asc(yearPlanEvents.id));
}

export async function countRegistrations(db: Db, eventId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(yearPlanRegistrations)
    .where(eq(yearPlanRegistrations.eventId, eventId));
  return Number(row?.n ?? 0);
}

/** Registers once; false when the person already was. */
export async function insertRegistration(db: Db, boardId: string, eventId: string, personId: string, now: Date) {
  const rows = await db
    .insert(yearPlanRegistrations)
    .values({ boardId, eventId, personId, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: yearPlanRegistrations.id });
  return rows.length > 0;
}

export async function deleteRegistration(db: Db, boardId: string, eventId: string, personId: string) {
  const rows = await db
    .delete(yearPlanRegistrations)
    .where(
      and(
        eq(yearPlanRegistrations.boardId, boardId),
        eq(yearPlanRegistrations.eventId, eventId),
        eq(yearPlanRegistrations.personId, personId),
      ),
    )
    .returning({ id: yearPlanRegistrations.id });
  return rows.length > 0;
}

/** The programmes of the school's teams that run in a period (not stopped). */
export async function findSchoolProgrammes(db: Db, boardId: string, schoolId: string, from: string, to: string) {
  return db
    .select({
      id: teamProgrammes.id,
      teamId: teamProgrammes.teamId,
      teamName: ot.teams.name,
      startsOn: teamProgrammes.startsOn,
      status: teamProgrammes.status,
      nextTeamId: teamProgrammes.nextTeamId,
    })
    .from(teamProgrammes)
    .innerJoin(ot.teams, eq(ot.teams.id, teamProgrammes.teamId))
    .where(
      and(
        eq(teamProgrammes.boardId, boardId),
        eq(ot.teams.schoolId, schoolId),
        ne(teamProgrammes.status, 'stopped'),
        gte(teamProgrammes.startsOn, addDays(from, -55)),
        lte(teamProgrammes.startsOn, to),
      ),
    )
    .orderBy(asc(teamProgrammes.startsOn), asc(ot.teams.name));
}

export async function findSchools(db: Db, boardId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: ot.schools.id, name: ot.schools.name })
    .from(ot.schools)
    .where(and(eq(ot.schools.boardId, boardId), inArray(ot.schools.id, ids)))
    .orderBy(asc(ot.schools.name));
}

export async function findSchoolTeamNames(db: Db, boardId: string, schoolId: string) {
  return db
    .select({ id: ot.teams.id, name: ot.teams.name })
    .from(ot.teams)
    .where(and(eq(ot.teams.boardId, boardId), eq(ot.teams.schoolId, schoolId)));
}
