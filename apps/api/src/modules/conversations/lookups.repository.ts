import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
// Other modules' tables straight from their schema files (allowed for *.schema.ts): their index.ts files
// import this module, and going through them would make a cycle that breaks start-up order.
import * as cycleTables from '../cycle/cycle.schema.ts';
import * as developmentTables from '../development/development.schema.ts';
import * as feedbackTables from '../feedback/feedback.schema.ts';
import { organisationTables } from '../organisation/index.ts';

// Rows of other modules that a conversation is planned from or shows: people and their memberships, the
// cycle's kinds, forms and school years, the development plan's evidence and the feedback rounds.

const { people, memberships, schools } = organisationTables;
const { conversationKinds, conversationForms, schoolYears } = cycleTables;
const { developmentEvidence, developmentFiles } = developmentTables;

export async function findPerson(db: Db, boardId: string, personId: string) {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.boardId, boardId), eq(people.id, personId)));
  return row;
}

export async function findMemberships(db: Db, boardId: string, personId: string) {
  return db
    .select({ role: memberships.role, schoolId: memberships.schoolId })
    .from(memberships)
    .where(and(eq(memberships.boardId, boardId), eq(memberships.personId, personId)));
}

export async function findKind(db: Db, boardId: string, kindId: string) {
  const [row] = await db
    .select()
    .from(conversationKinds)
    .where(and(eq(conversationKinds.boardId, boardId), eq(conversationKinds.id, kindId)));
  return row;
}

/** Active kinds of the given schools, with the school's name. */
export async function findKindsOfSchools(db: Db, boardId: string, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return db
    .select({
      id: conversationKinds.id,
      name: conversationKinds.name,
      schoolId: conversationKinds.schoolId,
      schoolName: schools.name,
    })
    .from(conversationKinds)
    .innerJoin(schools, eq(schools.id, conversationKinds.schoolId))
    .where(
      and(
        eq(conversationKinds.boardId, boardId),
        inArray(conversationKinds.schoolId, schoolIds),
        eq(conversationKinds.active, true),
      ),
    )
    .orderBy(asc(schools.name), asc(conversationKinds.position), asc(conversationKinds.name));
}

export async function findSchoolYearOn(db: Db, boardId: string, schoolId: string, day: string) {
  const [row] = await db
    .select({ id: schoolYears.id })
    .from(schoolYears)
    .where(
      and(
        eq(schoolYears.boardId, boardId),
        eq(schoolYears.schoolId, schoolId),
        lte(schoolYears.startsOn, day),
        gte(schoolYears.endsOn, day),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

export async function findForm(db: Db, boardId: string, formId: string | null) {
  if (!formId) return null;
  const [row] = await db
    .select()
    .from(conversationForms)
    .where(and(eq(conversationForms.boardId, boardId), eq(conversationForms.id, formId)));
  return row ?? null;
}

/** An active question set of the school aimed at one of the given roles. */
export async function findRoleQuestionForm(db: Db, boardId: string, schoolId: string, roles: string[]) {
  if (roles.length === 0) return null;
  const [row] = await db
    .select({ id: conversationForms.id })
    .from(conversationForms)
    .where(
      and(
        eq(conversationForms.boardId, boardId),
        eq(conversationForms.schoolId, schoolId),
        eq(conversationForms.purpose, 'questions'),
        eq(conversationForms.active, true),
        inArray(conversationForms.role, roles),
      ),
    )
    .orderBy(asc(conversationForms.name))
    .limit(1);
  return row ?? null;
}

export async function findFormsOf(db: Db, boardId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: conversationForms.id, items: conversationForms.items })
    .from(conversationForms)
    .where(and(eq(conversationForms.boardId, boardId), inArray(conversationForms.id, [...new Set(ids)])));
}

/** The conversation's evidence with the name, type and size of its file (never the bytes). */
export async function findEvidence(db: Db, boardId: string, conversationId: string) {
  return db
    .select({
      id: developmentEvidence.id,
      title: developmentEvidence.title,
      description: developmentEvidence.description,
      url: developmentEvidence.url,
      fileId: developmentEvidence.fileId,
      fileName: developmentFiles.name,
      fileMediaType: developmentFiles.mediaType,
      fileSize: developmentFiles.size,
      createdAt: developmentEvidence.createdAt,
    })
    .from(developmentEvidence)
    .leftJoin(developmentFiles, eq(developmentFiles.id, developmentEvidence.fileId))
    .where(and(eq(developmentEvidence.boardId, boardId), eq(developmentEvidence.conversationId, conversationId)))
    .orderBy(asc(developmentEvidence.createdAt), asc(developmentEvidence.id));
}

/** One piece of the conversation's evidence; undefined when it is not there (or not of this conversation). */
export async function findEvidenceItem(db: Db, boardId: string, conversationId: string, evidenceId: string) {
  const [row] = await db
    .select({ id: developmentEvidence.id, title: developmentEvidence.title, fileId: developmentEvidence.fileId })
    .from(developmentEvidence)
    .where(
      and(
        eq(developmentEvidence.boardId, boardId),
        eq(developmentEvidence.conversationId, conversationId),
        eq(developmentEvidence.id, evidenceId),
      ),
    );
  return row;
}

export async function insertEvidence(db: Db, values: typeof developmentEvidence.$inferInsert) {
  const [row] = await db.insert(developmentEvidence).values(values).returning();
  return row!;
}

/** Deletes one piece of the conversation's evidence; the trigger of migration 0006 deletes its file with it. */
export async function deleteEvidence(db: Db, boardId: string, conversationId: string, evidenceId: string) {
  const rows = await db
    .delete(developmentEvidence)
    .where(
      and(
        eq(developmentEvidence.boardId, boardId),
        eq(developmentEvidence.conversationId, conversationId),
        eq(developmentEvidence.id, evidenceId),
      ),
    )
    .returning({ id: developmentEvidence.id });
  return rows.length > 0;
}

export async function findFeedbackRounds(db: Db, boardId: string, conversationId: string) {
  const r = feedbackTables.feedbackRounds;
  return db
    .select({ id: r.id, title: r.title, status: r.status, closedAt: r.closedAt })
    .from(r)
    .where(and(eq(r.boardId, boardId), eq(r.conversationId, conversationId)))
    .orderBy(asc(r.createdAt));
}
