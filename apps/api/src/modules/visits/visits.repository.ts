import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { developmentTables as dt } from '../development/index.ts';
import { organisationTables as ot } from '../organisation/index.ts';
import { teamTables as tt } from '../team/index.ts';
import { teamVisits } from './visits.schema.ts';

// Reads and writes of visits. Every function takes the board (tenant); a versioned update returns undefined when
// the version no longer matches.

const observer = alias(ot.people, 'observer');
const observed = alias(ot.people, 'observed');

const summaryColumns = {
  id: teamVisits.id,
  boardId: teamVisits.boardId,
  teamId: teamVisits.teamId,
  observerId: teamVisits.observerId,
  observedId: teamVisits.observedId,
  observerFirstName: observer.firstName,
  observerInfix: observer.infix,
  observerLastName: observer.lastName,
  observedFirstName: observed.firstName,
  observedInfix: observed.infix,
  observedLastName: observed.lastName,
  kind: teamVisits.kind,
  scheduledAt: teamVisits.scheduledAt,
  durationMinutes: teamVisits.durationMinutes,
  status: teamVisits.status,
  sharedAt: teamVisits.sharedAt,
  rescheduledAt: teamVisits.rescheduledAt,
};
/** The team's visits, soonest first. */
export async function findTeamVisits(db: Db, boardId: string, teamId: string) {
  return db
    .select(summaryColumns)
    .from(teamVisits)
    .innerJoin(observer, eq(observer.id, teamVisits.observerId))
    .innerJoin(observed, eq(observed.id, teamVisits.observedId))
    .where(and(eq(teamVisits.boardId, boardId), eq(teamVisits.teamId, teamId)))
    .orderBy(asc(teamVisits.scheduledAt), asc(teamVisits.id));
}
export type VisitSummaryRow = Awaited<ReturnType<typeof findTeamVisits>>[number];

const feedbackBy = alias(ot.people, 'feedback_by');

export async function findVisit(db: Db, boardId: string, teamId: string, visitId: string) {
  const [row] = await db
    .select({
      ...summaryColumns,
      location: teamVisits.location,
      learningQuestion: teamVisits.learningQuestion,
      formId: teamVisits.formId,
      formTitle: teamVisits.formTitle,
      formFields: teamVisits.formFields,
      answers: teamVisits.answers,
      observedAt: teamVisits.observedAt,
      feedbackObservation: teamVisits.feedbackObservation,
      feedbackEffect: teamVisits.feedbackEffect,
      feedbackReaction: teamVisits.feedbackReaction,
      feedbackSuggestions: teamVisits.feedbackSuggestions,
      feedbackAt: teamVisits.feedbackAt,
      feedbackById: teamVisits.feedbackBy,
      feedbackByFirstName: feedbackBy.firstName,
      feedbackByInfix: feedbackBy.infix,
      feedbackByLastName: feedbackBy.lastName,
      teamGoalId: teamVisits.teamGoalId,
      teamGoalTitle: tt.teamGoals.title,
      developmentGoalId: teamVisits.developmentGoalId,
      developmentGoalTitle: dt.developmentGoals.title,
      cancelledReason: teamVisits.cancelledReason,
      rescheduledReason: teamVisits.rescheduledReason,
      sharedReadAt: teamVisits.sharedReadAt,
      version: teamVisits.version,
    })
    .from(teamVisits)
    .innerJoin(observer, eq(observer.id, teamVisits.observerId))
    .innerJoin(observed, eq(observed.id, teamVisits.observedId))
    .leftJoin(feedbackBy, eq(feedbackBy.id, teamVisits.feedbackBy))
    .leftJoin(tt.teamGoals, eq(tt.teamGoals.id, teamVisits.teamGoalId))
    .leftJoin(dt.developmentGoals, eq(dt.developmentGoals.id, teamVisits.developmentGoalId))
    .where(and(eq(teamVisits.boardId, boardId), eq(teamVisits.teamId, teamId), eq(teamVisits.id, visitId)));
  return row;
}
export type VisitRow = NonNullable<Awaited<ReturnType<typeof findVisit>>>;

export async function insertVisit(db: Db, values: typeof teamVisits.$inferInsert): Promise<string> {
  const [row] = await db.insert(teamVisits).values(values).returning({ id: teamVisits.id });
  return row!.id;
}

export async function updateVisit(
  db: Db,
  key: { boardId: string; teamId: string; visitId: string; version: number },
  values: Partial<typeof teamVisits.$inferInsert>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(teamVisits)
    .set({ ...values, version: key.version + 1, updatedAt: now })
    .where(
      and(
        eq(teamVisits.boardId, key.boardId),
        eq(teamVisits.teamId, key.teamId),
        eq(teamVisits.id, key.visitId),
        eq(teamVisits.version, key.version),
      ),
    )
    .returning({ id: teamVisits.id });
  return rows.length > 0;
}

/** Active staff of the team, with their names (who can observe or be observed). */
export async function findActiveMembers(db: Db, boardId: string, teamId: string) {
  return db
    .selectDistinct({
      id: ot.people.id,
      firstName: ot.people.firstName,
      infix: ot.people.infix,
      lastName: ot.people.lastName,
    })
    .from(ot.memberships)
    .innerJoin(ot.people, eq(ot.people.id, ot.memberships.personId))
    .where(
      and(
        eq(ot.memberships.boardId, boardId),
        eq(ot.memberships.teamId, teamId),
        ne(ot.memberships.role, 'student'),
        eq(ot.people.active, true),
      ),
    )
    .orderBy(asc(ot.people.firstName), asc(ot.people.lastName), asc(ot.people.id));
}

export async function findManagerIds(db: Db, boardId: string, personId: string): Promise<string[]> {
  const rows = await db
    .select({ id: ot.lineManagers.managerId })
    .from(ot.lineManagers)
    .where(and(eq(ot.lineManagers.boardId, boardId), eq(ot.lineManagers.employeeId, personId)));
  return rows.map((r) => r.id);
}

/** The person's current leidinggevenden who can still sign in, with what a mail needs. */
export async function findActiveManagers(db: Db, boardId: string, personId: string) {
  return db
    .select({ id: ot.people.id, firstName: ot.people.firstName, email: ot.people.email })
    .from(ot.lineManagers)
    .innerJoin(ot.people, eq(ot.people.id, ot.lineManagers.managerId))
    .where(
      and(
        eq(ot.lineManagers.boardId, boardId),
        eq(ot.lineManagers.employeeId, personId),
        eq(ot.people.boardId, boardId),
        eq(ot.people.active, true),
      ),
    )
    .orderBy(asc(ot.people.id));
}

/** One active person of the board, with what a mail needs; undefined when gone or inactive. */
export async function findActivePerson(db: Db, boardId: string, personId: string) {
  const [row] = await db
    .select({ id: ot.people.id, firstName: ot.people.firstName, email: ot.people.email })
    .from(ot.people)
    .where(and(eq(ot.people.boardId, boardId), eq(ot.people.id, personId), eq(ot.people.active, true)));
  return row;
}

/**
 * The first read by a leidinggevende since the visit was (last) shared. Not a change of the visit: no new version,
 * so the two of them never get a stale-version refusal because someone read along.
 */
export async function markSharedRead(db: Db, boardId: string, visitId: string, now: Date): Promise<void> {
  await db
    .update(teamVisits)
    .set({ sharedReadAt: now })
    .where(
      and(
        eq(teamVisits.boardId, boardId),
        eq(teamVisits.id, visitId),
        isNotNull(teamVisits.sharedAt),
        isNull(teamVisits.sharedReadAt),
      ),
    );
}

/**
 * Visits shared with the manager by the people they are now leidinggevende of (not those in which the manager is
 * the observer: those are theirs anyway). Not read yet first, then the latest visit first. No content.
 */
export async function findSharedWithManager(db: Db, boardId: string, managerId: string) {
  return db
    .select({
      ...summaryColumns,
      teamName: ot.teams.name,
      sharedReadAt: teamVisits.sharedReadAt,
    })
    .from(teamVisits)
    .innerJoin(
      ot.lineManagers,
      and(
        eq(ot.lineManagers.boardId, teamVisits.boardId),
        eq(ot.lineManagers.employeeId, teamVisits.observedId),
        eq(ot.lineManagers.managerId, managerId),
      ),
    )
    .innerJoin(ot.teams, eq(ot.teams.id, teamVisits.teamId))
    .innerJoin(observer, eq(observer.id, teamVisits.observerId))
    .innerJoin(observed, eq(observed.id, teamVisits.observedId))
    .where(and(eq(teamVisits.boardId, boardId), isNotNull(teamVisits.sharedAt), ne(teamVisits.observerId, managerId)))
    .orderBy(sql`${teamVisits.sharedReadAt} is not null`, desc(teamVisits.scheduledAt), asc(teamVisits.id));
}
export type SharedVisitRow = Awaited<ReturnType<typeof findSharedWithManager>>[number];

/** Shared visits the manager's people await a first read of (not cancelled ones): the home page's tasks. */
export async function findUnreadShared(db: Db, boardId: string, managerId: string) {
  return db
    .select({
      id: teamVisits.id,
      teamId: teamVisits.teamId,
      kind: teamVisits.kind,
      sharedAt: teamVisits.sharedAt,
      observedFirstName: observed.firstName,
      observedInfix: observed.infix,
      observedLastName: observed.lastName,
    })
    .from(teamVisits)
    .innerJoin(
      ot.lineManagers,
      and(
        eq(ot.lineManagers.boardId, teamVisits.boardId),
        eq(ot.lineManagers.employeeId, teamVisits.observedId),
        eq(ot.lineManagers.managerId, managerId),
      ),
    )
    .innerJoin(observed, eq(observed.id, teamVisits.observedId))
    .where(
      and(
        eq(teamVisits.boardId, boardId),
        isNotNull(teamVisits.sharedAt),
        isNull(teamVisits.sharedReadAt),
        ne(teamVisits.status, 'cancelled'),
        ne(teamVisits.observerId, managerId),
      ),
    )
    .orderBy(asc(teamVisits.sharedAt), asc(teamVisits.id));
}

/** A running goal of the team's board (not stopped). */
export async function isTeamGoal(db: Db, boardId: string, teamId: string, goalId: string): Promise<boolean> {
  const rows = await db
    .select({ id: tt.teamGoals.id })
    .from(tt.teamGoals)
    .where(
      and(
        eq(tt.teamGoals.boardId, boardId),
        eq(tt.teamGoals.teamId, teamId),
        eq(tt.teamGoals.id, goalId),
        ne(tt.teamGoals.status, 'stopped'),
      ),
    );
  return rows.length > 0;
}

/** A goal of the person's own development plan. */
export async function isDevelopmentGoalOf(db: Db, boardId: string, personId: string, goalId: string) {
  const rows = await db
    .select({ id: dt.developmentGoals.id })
    .from(dt.developmentGoals)
    .where(
      and(
        eq(dt.developmentGoals.boardId, boardId),
        eq(dt.developmentGoals.personId, personId),
        eq(dt.developmentGoals.id, goalId),
      ),
    );
  return rows.length > 0;
}

/** The evidence made from the visit in the observed person's plan. */
export async function findEvidenceOf(db: Db, boardId: string, personId: string, visitIds: string[]) {
  if (visitIds.length === 0) return [];
  return db
    .select({ id: dt.developmentEvidence.id, visitId: dt.developmentEvidence.visitId })
    .from(dt.developmentEvidence)
    .where(
      and(
        eq(dt.developmentEvidence.boardId, boardId),
        eq(dt.developmentEvidence.personId, personId),
        inArray(dt.developmentEvidence.visitId, visitIds),
      ),
    );
}

export async function insertEvidence(db: Db, values: typeof dt.developmentEvidence.$inferInsert): Promise<string> {
  const [row] = await db.insert(dt.developmentEvidence).values(values).returning({ id: dt.developmentEvidence.id });
  return row!.id;
}
