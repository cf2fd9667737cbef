import { and, asc, eq, gte, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { displayName, organisationTables as ot } from '../organisation/index.ts';
import { teamGoals } from '../team/team.schema.ts';
import { teamForms } from '../visits/visits.schema.ts';
import { teamPreparationMembers as members, teamPreparations as preps } from './preparations.schema.ts';

// Reads and writes of joint preparations, and what planning one needs from the team: its members, goals and forms.

export type Person = { id: string; displayName: string };

const personName = { firstName: ot.people.firstName, infix: ot.people.infix, lastName: ot.people.lastName };

const columns = {
  id: preps.id,
  teamId: preps.teamId,
  title: preps.title,
  kind: preps.kind,
  plannedAt: preps.plannedAt,
  durationMinutes: preps.durationMinutes,
  formId: preps.formId,
  formTitle: preps.formTitle,
  formFields: preps.formFields,
  answers: preps.answers,
  result: preps.result,
  teamGoalId: preps.teamGoalId,
  goalTitle: teamGoals.title,
  status: preps.status,
  doneAt: preps.doneAt,
  createdBy: preps.createdBy,
  version: preps.version,
};

const selectPreparations = (db: Db) =>
  db.select(columns).from(preps).leftJoin(teamGoals, eq(teamGoals.id, preps.teamGoalId));

export type PreparationRow = NonNullable<Awaited<ReturnType<typeof findPreparation>>>;

/** The participants of these preparations, by preparation, in the order they were added (the planner first). */
export async function findParticipants(db: Db, boardId: string, ids: string[]): Promise<Map<string, Person[]>> {
  const out = new Map<string, Person[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ preparationId: members.preparationId, id: ot.people.id, ...personName })
    .from(members)
    .innerJoin(ot.people, eq(ot.people.id, members.personId))
    .where(and(eq(members.boardId, boardId), inArray(members.preparationId, ids)))
    .orderBy(asc(ot.people.firstName), asc(ot.people.lastName), asc(ot.people.id));
  for (const r of rows) {
    const list = out.get(r.preparationId) ?? [];
    list.push({ id: r.id, displayName: displayName(r) });
    out.set(r.preparationId, list);
  }
  return out;
}

/** The team's preparations from `since` on, and every one still planned, in time order. */
export async function listPreparations(db: Db, boardId: string, teamId: string, since: Date) {
  return selectPreparations(db)
    .where(
      and(
        eq(preps.boardId, boardId),
        eq(preps.teamId, teamId),
        or(gte(preps.plannedAt, since), eq(preps.status, 'planned')),
      ),
    )
    .orderBy(asc(preps.plannedAt), asc(preps.id));
}

export async function findPreparation(db: Db, boardId: string, teamId: string, id: string) {
  const [row] = await selectPreparations(db).where(
    and(eq(preps.boardId, boardId), eq(preps.teamId, teamId), eq(preps.id, id)),
  );
  return row ?? null;
}

export async function findPerson(db: Db, boardId: string, id: string): Promise<Person | null> {
  const [row] = await db
    .select(personName)
    .from(ot.people)
    .where(and(eq(ot.people.boardId, boardId), eq(ot.people.id, id)));
  return row ? { id, displayName: displayName(row) } : null;
}

export async function insertPreparation(
  db: Db,
  values: typeof preps.$inferInsert,
  participantIds: string[],
): Promise<string> {
  const [row] = await db.insert(preps).values(values).returning({ id: preps.id });
  await setParticipants(db, values.boardId, row!.id, participantIds);
  return row!.id;
}

export async function setParticipants(db: Db, boardId: string, preparationId: string, ids: string[]): Promise<void> {
  await db.delete(members).where(and(eq(members.boardId, boardId), eq(members.preparationId, preparationId)));
  await db.insert(members).values(ids.map((personId) => ({ boardId, preparationId, personId })));
}

/** Changes a preparation when it is still at `version`; false when someone else changed it first. */
export async function updatePreparation(
  db: Db,
  boardId: string,
  teamId: string,
  id: string,
  version: number,
  values: Partial<typeof preps.$inferInsert>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(preps)
    .set({ ...values, version: sql`${preps.version} + 1`, updatedAt: now })
    .where(and(eq(preps.boardId, boardId), eq(preps.teamId, teamId), eq(preps.id, id), eq(preps.version, version)))
    .returning({ id: preps.id });
  return rows.length > 0;
}

/** The team's active staff (pupils placed in a team are not part of its practice). */
export async function findTeamMembers(db: Db, boardId: string, teamId: string): Promise<Person[]> {
  const rows = await db
    .selectDistinct({ id: ot.people.id, ...personName })
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
  return rows.map((r) => ({ id: r.id, displayName: displayName(r) }));
}

/** The team's goals that are still running, to link a preparation or a product to. */
export async function findTeamGoals(db: Db, boardId: string, teamId: string) {
  return db
    .select({ id: teamGoals.id, title: teamGoals.title })
    .from(teamGoals)
    .where(and(eq(teamGoals.boardId, boardId), eq(teamGoals.teamId, teamId), ne(teamGoals.status, 'stopped')))
    .orderBy(asc(teamGoals.position), asc(teamGoals.createdAt), asc(teamGoals.id));
}

export async function isTeamGoal(db: Db, boardId: string, teamId: string, goalId: string): Promise<boolean> {
  const rows = await db
    .select({ id: teamGoals.id })
    .from(teamGoals)
    .where(and(eq(teamGoals.boardId, boardId), eq(teamGoals.teamId, teamId), eq(teamGoals.id, goalId)));
  return rows.length > 0;
}

const preparationForms = (boardId: string, teamId: string) =>
  and(
    eq(teamForms.boardId, boardId),
    eq(teamForms.teamId, teamId),
    eq(teamForms.purpose, 'preparation'),
    isNull(teamForms.archivedAt),
  );

/** The team's forms for joint preparation (the team designs them in the form builder of visits). */
export async function findPreparationForms(db: Db, boardId: string, teamId: string) {
  return db
    .select({ id: teamForms.id, title: teamForms.title, fields: teamForms.fields })
    .from(teamForms)
    .where(preparationForms(boardId, teamId))
    .orderBy(asc(teamForms.title), asc(teamForms.id));
}

export async function findPreparationForm(db: Db, boardId: string, teamId: string, formId: string) {
  const [row] = await db
    .select({ id: teamForms.id, title: teamForms.title, fields: teamForms.fields })
    .from(teamForms)
    .where(and(preparationForms(boardId, teamId), eq(teamForms.id, formId)));
  return row ?? null;
}
