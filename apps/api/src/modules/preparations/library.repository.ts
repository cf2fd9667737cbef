import { and, asc, desc, eq, ilike, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { organisationTables as ot } from '../organisation/index.ts';
import { teamGoals } from '../team/team.schema.ts';
import {
  teamLibraryItems as items,
  teamLibraryVersions as versions,
  teamPreparations as preps,
} from './preparations.schema.ts';

// Reads and writes of the team library: products and their versions. A version is only ever inserted, never
// updated or deleted (the item's `current_version` points at the newest).

const author = alias(ot.people, 'version_author');

/** A title search: LIKE wildcards in the term are taken literally. */
const containing = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const versionColumns = {
  number: versions.number,
  note: versions.note,
  fileName: versions.fileName,
  mediaType: versions.mediaType,
  size: versions.size,
  createdAt: versions.createdAt,
  createdById: versions.createdBy,
  authorFirstName: author.firstName,
  authorInfix: author.infix,
  authorLastName: author.lastName,
};

const itemColumns = {
  id: items.id,
  teamId: items.teamId,
  title: items.title,
  kind: items.kind,
  teamGoalId: items.teamGoalId,
  goalTitle: teamGoals.title,
  preparationId: items.preparationId,
  preparationTitle: preps.title,
  currentVersion: items.currentVersion,
  archivedAt: items.archivedAt,
  version: items.version,
  ...versionColumns,
  body: versions.body,
};

const selectItems = (db: Db) =>
  db
    .select(itemColumns)
    .from(items)
    .innerJoin(versions, and(eq(versions.itemId, items.id), eq(versions.number, items.currentVersion)))
    .leftJoin(author, eq(author.id, versions.createdBy))
    .leftJoin(teamGoals, eq(teamGoals.id, items.teamGoalId))
    .leftJoin(preps, eq(preps.id, items.preparationId));

export type ItemRow = Awaited<ReturnType<ReturnType<typeof selectItems>['execute']>>[number];
export type VersionRow = { [K in keyof typeof versionColumns]: ItemRow[K] };

export type ItemFilter = {
  kind?: string | undefined;
  goalId?: string | undefined;
  q?: string | undefined;
  archived: boolean;
};

export async function listItems(db: Db, boardId: string, teamId: string, filter: ItemFilter) {
  const where: SQL[] = [eq(items.boardId, boardId), eq(items.teamId, teamId)];
  where.push(filter.archived ? isNotNull(items.archivedAt) : isNull(items.archivedAt));
  if (filter.kind) where.push(eq(items.kind, filter.kind));
  if (filter.goalId) where.push(eq(items.teamGoalId, filter.goalId));
  if (filter.q) where.push(ilike(items.title, containing(filter.q)));
  return selectItems(db)
    .where(and(...where))
    .orderBy(asc(sql`lower(${items.title})`), asc(items.id));
}

export async function findItem(db: Db, boardId: string, teamId: string, id: string) {
  const [row] = await selectItems(db).where(
    and(eq(items.boardId, boardId), eq(items.teamId, teamId), eq(items.id, id)),
  );
  return row ?? null;
}

/** The versions of an item, newest first, without their texts and files. */
export async function listVersions(db: Db, boardId: string, itemId: string): Promise<VersionRow[]> {
  return db
    .select(versionColumns)
    .from(versions)
    .leftJoin(author, eq(author.id, versions.createdBy))
    .where(and(eq(versions.boardId, boardId), eq(versions.itemId, itemId)))
    .orderBy(desc(versions.number));
}

export async function findVersion(db: Db, boardId: string, itemId: string, number: number) {
  const [row] = await db
    .select({ ...versionColumns, body: versions.body })
    .from(versions)
    .leftJoin(author, eq(author.id, versions.createdBy))
    .where(and(eq(versions.boardId, boardId), eq(versions.itemId, itemId), eq(versions.number, number)));
  return row ?? null;
}

export async function findVersionFile(db: Db, boardId: string, itemId: string, number: number) {
  const [row] = await db
    .select({
      name: versions.fileName,
      mediaType: versions.mediaType,
      size: versions.size,
      sha256: versions.sha256,
      bytes: versions.bytes,
    })
    .from(versions)
    .where(and(eq(versions.boardId, boardId), eq(versions.itemId, itemId), eq(versions.number, number)));
  return row ?? null;
}

export async function insertItem(db: Db, values: typeof items.$inferInsert): Promise<string> {
  const [row] = await db.insert(items).values(values).returning({ id: items.id });
  return row!.id;
}

/** The file of a version, to carry over into the next one (null when it has none). */
export async function findFileColumns(db: Db, boardId: string, itemId: string, number: number) {
  const [row] = await db
    .select({
      fileName: versions.fileName,
      mediaType: versions.mediaType,
      size: versions.size,
      sha256: versions.sha256,
      bytes: versions.bytes,
    })
    .from(versions)
    .where(and(eq(versions.boardId, boardId), eq(versions.itemId, itemId), eq(versions.number, number)));
  return row?.fileName ? row : null;
}

export async function insertVersion(db: Db, values: typeof versions.$inferInsert): Promise<void> {
  await db.insert(versions).values(values);
}

/**
 * Takes the next version number when the item is still at `version` and not archived: returns that number, or
 * null when someone else changed the item first (or it was archived).
 */
export async function claimNextVersion(
  db: Db,
  boardId: string,
  teamId: string,
  id: string,
  version: number,
  now: Date,
): Promise<number | null> {
  const [row] = await db
    .update(items)
    .set({ currentVersion: sql`${items.currentVersion} + 1`, version: sql`${items.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(items.boardId, boardId),
        eq(items.teamId, teamId),
        eq(items.id, id),
        eq(items.version, version),
        isNull(items.archivedAt),
      ),
    )
    .returning({ number: items.currentVersion });
  return row?.number ?? null;
}

export async function updateItem(
  db: Db,
  boardId: string,
  teamId: string,
  id: string,
  version: number,
  values: Partial<typeof items.$inferInsert>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(items)
    .set({ ...values, version: sql`${items.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(items.boardId, boardId),
        eq(items.teamId, teamId),
        eq(items.id, id),
        eq(items.version, version),
        isNull(items.archivedAt),
      ),
    )
    .returning({ id: items.id });
  return rows.length > 0;
}

/** A done preparation of the team, as the source of a product. */
export async function findDonePreparation(db: Db, boardId: string, teamId: string, id: string) {
  const [row] = await db
    .select({ id: preps.id })
    .from(preps)
    .where(and(eq(preps.boardId, boardId), eq(preps.teamId, teamId), eq(preps.id, id), eq(preps.status, 'done')));
  return row ?? null;
}
