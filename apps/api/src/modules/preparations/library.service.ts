import { createHash } from 'node:crypto';
import {
  EVIDENCE_FILE_MAX_BYTES,
  type LibraryItem,
  type LibraryItemInput,
  type LibraryItemSummary,
  type LibraryItemUpdate,
  type LibraryKind,
  type LibraryList,
  type LibraryListQuery,
  type LibraryVersion,
  type LibraryVersionBody,
  type LibraryVersionDetail,
  type LibraryVersionFileQuery,
  type LibraryVersionInput,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { stripUndefined } from '../../platform/objects.ts';
import { cleanFileName, detectFile, FILE_TOO_LARGE, type EvidenceFileContent } from '../development/index.ts';
import { displayName } from '../organisation/index.ts';
import { changeInTeam, loadTeam, readOnly, type TeamRef } from './preparations.access.ts';
import * as repo from './library.repository.ts';
import { findTeamGoals, isTeamGoal } from './preparations.repository.ts';

// The team library: products (standard procedures, checklists, lesson designs) whose content lives in numbered
// versions of a text and optionally a file. A version is never changed; a new one is added with a note on what
// changed. The team reads and adds; school leadership of the school reads; archiving takes a product off the list.

const notFound = () => new AppError('not_found', 'Dit product staat niet (meer) in de bibliotheek.');

function versionOf(row: repo.VersionRow): LibraryVersion {
  return {
    number: row.number,
    note: row.note,
    file:
      row.fileName && row.mediaType && row.size !== null
        ? { name: row.fileName, mediaType: row.mediaType, size: row.size }
        : null,
    createdAt: row.createdAt.toISOString(),
    createdBy:
      row.createdById && row.authorFirstName !== null && row.authorLastName !== null
        ? {
            id: row.createdById,
            displayName: displayName({
              firstName: row.authorFirstName,
              infix: row.authorInfix,
              lastName: row.authorLastName,
            }),
          }
        : null,
  };
}

function summaryOf(row: repo.ItemRow): LibraryItemSummary {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as LibraryKind,
    goal: row.teamGoalId && row.goalTitle !== null ? { id: row.teamGoalId, title: row.goalTitle } : null,
    preparation:
      row.preparationId && row.preparationTitle !== null
        ? { id: row.preparationId, title: row.preparationTitle }
        : null,
    currentVersion: row.currentVersion,
    current: versionOf(row),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    version: row.version,
  };
}

async function itemOf(ctx: Ctx, db: Db, teamId: string, id: string, edit: boolean): Promise<LibraryItem | null> {
  const row = await repo.findItem(db, ctx.actor.boardId, teamId, id);
  if (!row) return null;
  const versions = await repo.listVersions(db, ctx.actor.boardId, id);
  return { ...summaryOf(row), teamId, body: row.body, versions: versions.map(versionOf), abilities: { edit } };
}

const stale = (current: LibraryItem | null) =>
  current
    ? current.archivedAt
      ? new AppError('conflict', 'Dit product is gearchiveerd; er komen geen nieuwe versies bij.', {
          reason: 'archived',
        })
      : new AppError('conflict', 'Iemand anders heeft dit product net aangepast.', { reason: 'stale', current })
    : notFound();

export async function listLibrary(ctx: Ctx, teamId: string, query: LibraryListQuery): Promise<LibraryList> {
  const { team, access } = await loadTeam(ctx, teamId);
  const rows = await repo.listItems(ctx.db, ctx.actor.boardId, teamId, {
    kind: query.kind,
    goalId: query.goalId,
    q: query.q || undefined,
    archived: query.archived === 'true',
  });
  return {
    team: { id: team.id, name: team.name },
    items: rows.map(summaryOf),
    goals: await findTeamGoals(ctx.db, ctx.actor.boardId, teamId),
    abilities: { edit: access === 'edit' },
  };
}

export async function getLibraryItem(ctx: Ctx, teamId: string, id: string): Promise<LibraryItem> {
  const { access } = await loadTeam(ctx, teamId);
  const item = await itemOf(ctx, ctx.db, teamId, id, access === 'edit');
  if (!item) throw notFound();
  return item;
}

export async function getLibraryVersion(
  ctx: Ctx,
  teamId: string,
  id: string,
  number: number,
): Promise<LibraryVersionDetail> {
  await loadTeam(ctx, teamId);
  if (!(await repo.findItem(ctx.db, ctx.actor.boardId, teamId, id))) throw notFound();
  const row = await repo.findVersion(ctx.db, ctx.actor.boardId, id, number);
  if (!row) throw new AppError('not_found', 'Deze versie bestaat niet.');
  return { ...versionOf(row), body: row.body };
}

export async function getLibraryFile(
  ctx: Ctx,
  teamId: string,
  id: string,
  number: number,
): Promise<EvidenceFileContent> {
  await loadTeam(ctx, teamId);
  if (!(await repo.findItem(ctx.db, ctx.actor.boardId, teamId, id))) throw notFound();
  const file = await repo.findVersionFile(ctx.db, ctx.actor.boardId, id, number);
  if (!file?.name || !file.mediaType || !file.bytes || !file.sha256 || file.size === null)
    throw new AppError('not_found', 'Deze versie heeft geen bestand.');
  return { name: file.name, mediaType: file.mediaType, size: file.size, sha256: file.sha256, bytes: file.bytes };
}

async function checkGoal(db: Db, team: TeamRef, goalId: string | null | undefined) {
  if (goalId && !(await isTeamGoal(db, team.boardId, team.id, goalId)))
    throw fieldError('teamGoalId', 'Kies een doel van het bord van dit team.');
}

export async function createLibraryItem(ctx: Ctx, teamId: string, input: LibraryItemInput): Promise<LibraryItem> {
  const { boardId, personId } = ctx.actor;
  return changeInTeam(ctx, teamId, async (tx, team) => {
    await checkGoal(tx, team, input.teamGoalId);
    if (input.preparationId && !(await repo.findDonePreparation(tx, boardId, teamId, input.preparationId)))
      throw fieldError('preparationId', 'Kies een afgeronde voorbereiding van dit team.');
    const id = await repo.insertItem(tx, {
      boardId,
      teamId,
      title: input.title,
      kind: input.kind,
      teamGoalId: input.teamGoalId ?? null,
      preparationId: input.preparationId ?? null,
      currentVersion: 1,
      createdBy: personId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await repo.insertVersion(tx, {
      boardId,
      itemId: id,
      number: 1,
      body: input.body,
      note: input.note || 'Eerste versie',
      createdBy: personId,
      createdAt: ctx.now,
    });
    return (await itemOf(ctx, tx, teamId, id, true))!;
  });
}

/** Title, kind and goal; the content changes only through a new version. */
export async function updateLibraryItem(
  ctx: Ctx,
  teamId: string,
  id: string,
  input: LibraryItemUpdate,
): Promise<LibraryItem> {
  const { boardId } = ctx.actor;
  return changeInTeam(ctx, teamId, async (tx, team) => {
    const { version, ...changes } = input;
    const current = await itemOf(ctx, tx, teamId, id, true);
    if (!current) throw notFound();
    if (current.archivedAt || current.version !== version) throw stale(current);
    await checkGoal(tx, team, changes.teamGoalId);
    if (!(await repo.updateItem(tx, boardId, teamId, id, version, stripUndefined(changes), ctx.now)))
      throw stale(await itemOf(ctx, tx, teamId, id, true));
    return (await itemOf(ctx, tx, teamId, id, true))!;
  });
}

type NewVersion = {
  body?: string;
  note: string;
  file?: { fileName: string; mediaType: string; bytes: Buffer } | 'keep' | 'none';
};

/** Adds the next version to an item the user saw at `version`; a stale version is a 409 with the current item. */
async function addVersion(ctx: Ctx, teamId: string, id: string, version: number, next: NewVersion) {
  const { boardId, personId } = ctx.actor;
  return changeInTeam(ctx, teamId, async (tx) => {
    const before = await itemOf(ctx, tx, teamId, id, true);
    if (!before) throw notFound();
    if (before.archivedAt || before.version !== version) throw stale(before);
    const number = await repo.claimNextVersion(tx, boardId, teamId, id, version, ctx.now);
    if (number === null) throw stale(await itemOf(ctx, tx, teamId, id, true));
    let file: {
      fileName: string | null;
      mediaType: string | null;
      size: number | null;
      sha256: string | null;
      bytes: Buffer | null;
    } | null = null;
    if (next.file === 'keep') file = await repo.findFileColumns(tx, boardId, id, before.currentVersion);
    else if (next.file && next.file !== 'none')
      file = {
        ...next.file,
        size: next.file.bytes.length,
        sha256: createHash('sha256').update(next.file.bytes).digest('hex'),
      };
    await repo.insertVersion(tx, {
      boardId,
      itemId: id,
      number,
      body: next.body ?? before.body,
      note: next.note,
      ...(file ?? {}),
      createdBy: personId,
      createdAt: ctx.now,
    });
    return (await itemOf(ctx, tx, teamId, id, true))!;
  });
}

/** A new text (the current file stays unless `keepFile` is false). */
export async function addLibraryVersion(
  ctx: Ctx,
  teamId: string,
  id: string,
  input: LibraryVersionInput,
): Promise<LibraryItem> {
  return addVersion(ctx, teamId, id, input.version, {
    body: input.body,
    note: input.note,
    file: input.keepFile === false ? 'none' : 'keep',
  });
}

/**
 * Before a file's body is read: the caller must be a member of the team and the product must still take versions,
 * so nobody else gets to send 10 MB.
 */
export async function assertMayAddVersion(ctx: Ctx, teamId: string, id: string): Promise<void> {
  const { access } = await loadTeam(ctx, teamId);
  if (access !== 'edit') throw readOnly();
  const row = await repo.findItem(ctx.db, ctx.actor.boardId, teamId, id);
  if (!row) throw notFound();
  if (row.archivedAt)
    throw new AppError('conflict', 'Dit product is gearchiveerd; er komen geen nieuwe versies bij.', {
      reason: 'archived',
    });
}

/** A new (or first) file; the text of the current version stays. The kind is judged on the bytes. */
export async function addLibraryFileVersion(
  ctx: Ctx,
  teamId: string,
  id: string,
  query: LibraryVersionFileQuery,
  bytes: Buffer,
): Promise<LibraryItem> {
  if (bytes.length > EVIDENCE_FILE_MAX_BYTES) throw new AppError('payload_too_large', FILE_TOO_LARGE);
  const detected = detectFile(cleanFileName(query.fileName), bytes);
  if (!detected.ok) throw fieldError('file', detected.message);
  return addVersion(ctx, teamId, id, query.version, {
    note: query.note,
    file: { fileName: detected.name, mediaType: detected.mediaType, bytes },
  });
}

/** Off the list; it stays readable (with its versions) for whoever has the link, and under 'archived'. */
export async function archiveLibraryItem(
  ctx: Ctx,
  teamId: string,
  id: string,
  input: LibraryVersionBody,
): Promise<LibraryItem> {
  const { boardId } = ctx.actor;
  return changeInTeam(ctx, teamId, async (tx) => {
    const current = await itemOf(ctx, tx, teamId, id, true);
    if (!current) throw notFound();
    if (current.archivedAt) return current;
    if (current.version !== input.version) throw stale(current);
    if (!(await repo.updateItem(tx, boardId, teamId, id, input.version, { archivedAt: ctx.now }, ctx.now)))
      throw stale(await itemOf(ctx, tx, teamId, id, true));
    return (await itemOf(ctx, tx, teamId, id, true))!;
  });
}
