import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { teamForms, type TeamFormField } from './visits.schema.ts';

// The team's forms. Every function takes the board (tenant) and the team; a versioned update returns undefined when
// the version no longer matches (or the form is gone).

const formColumns = {
  id: teamForms.id,
  teamId: teamForms.teamId,
  purpose: teamForms.purpose,
  title: teamForms.title,
  description: teamForms.description,
  fields: teamForms.fields,
  archivedAt: teamForms.archivedAt,
  updatedAt: teamForms.updatedAt,
  version: teamForms.version,
};
export type FormRow = { [K in keyof typeof formColumns]: (typeof teamForms.$inferSelect)[K] };

export async function findForms(
  db: Db,
  boardId: string,
  teamId: string,
  opts: { purpose?: string | undefined; archived: boolean },
): Promise<FormRow[]> {
  return db
    .select(formColumns)
    .from(teamForms)
    .where(
      and(
        eq(teamForms.boardId, boardId),
        eq(teamForms.teamId, teamId),
        opts.purpose ? eq(teamForms.purpose, opts.purpose) : undefined,
        opts.archived ? isNotNull(teamForms.archivedAt) : isNull(teamForms.archivedAt),
      ),
    )
    .orderBy(asc(teamForms.purpose), asc(teamForms.title), desc(teamForms.createdAt), asc(teamForms.id));
}

export async function findForm(db: Db, boardId: string, teamId: string, formId: string): Promise<FormRow | undefined> {
  const [row] = await db
    .select(formColumns)
    .from(teamForms)
    .where(and(eq(teamForms.boardId, boardId), eq(teamForms.teamId, teamId), eq(teamForms.id, formId)));
  return row;
}

export async function insertForm(db: Db, values: typeof teamForms.$inferInsert): Promise<FormRow> {
  const [row] = await db.insert(teamForms).values(values).returning(formColumns);
  return row!;
}

export async function updateForm(
  db: Db,
  key: { boardId: string; teamId: string; formId: string; version: number },
  values: { title?: string; description?: string; fields?: TeamFormField[]; archivedAt?: Date },
  now: Date,
): Promise<FormRow | undefined> {
  const [row] = await db
    .update(teamForms)
    .set({ ...values, version: sql`${teamForms.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(teamForms.boardId, key.boardId),
        eq(teamForms.teamId, key.teamId),
        eq(teamForms.id, key.formId),
        eq(teamForms.version, key.version),
      ),
    )
    .returning(formColumns);
  return row;
}
