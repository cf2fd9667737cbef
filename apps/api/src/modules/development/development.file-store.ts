import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { EVIDENCE_FILE_MAX_BYTES } from '@groeipad/contracts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { cleanFileName, detectFile, FILE_TOO_LARGE } from './development.files.ts';
import { developmentFiles as files } from './development.schema.ts';

export type StoreEvidenceFileInput = {
  boardId: string;
  /** Whose plan (or conversation) the file belongs to: retention and the personal export follow this person. */
  personId: string;
  createdBy: string;
  /** The name as the uploader's computer had it; cleaned before it is stored. */
  name: string;
  bytes: Buffer;
};

export type StoredFile = { fileId: string; name: string; mediaType: string; size: number };

/**
 * Checks and stores one evidence file: at most 10 MB (413), an allowed kind judged on the content (400 on
 * `file`, with a Dutch message), a clean name. The media type is decided here, never taken from the client.
 * Run it in the transaction that also creates the evidence row pointing at `fileId`; deleting that evidence
 * row deletes the file.
 */
export async function storeEvidenceFile(db: Db, input: StoreEvidenceFileInput): Promise<StoredFile> {
  if (input.bytes.length === 0) throw fieldError('file', 'Het bestand is leeg.');
  if (input.bytes.length > EVIDENCE_FILE_MAX_BYTES) throw new AppError('payload_too_large', FILE_TOO_LARGE);
  const detected = detectFile(cleanFileName(input.name), input.bytes);
  if (!detected.ok) throw fieldError('file', detected.message);
  const [row] = await db
    .insert(files)
    .values({
      boardId: input.boardId,
      personId: input.personId,
      name: detected.name,
      mediaType: detected.mediaType,
      size: input.bytes.length,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      bytes: input.bytes,
      createdBy: input.createdBy,
    })
    .returning({ id: files.id });
  return { fileId: row!.id, name: detected.name, mediaType: detected.mediaType, size: input.bytes.length };
}

export type EvidenceFileContent = { name: string; mediaType: string; size: number; sha256: string; bytes: Buffer };

/** A stored file with its bytes, within the board; undefined when there is none. */
export async function readEvidenceFile(
  db: Db,
  boardId: string,
  fileId: string,
): Promise<EvidenceFileContent | undefined> {
  const [row] = await db
    .select({
      name: files.name,
      mediaType: files.mediaType,
      size: files.size,
      sha256: files.sha256,
      bytes: files.bytes,
    })
    .from(files)
    .where(and(eq(files.boardId, boardId), eq(files.id, fileId)));
  return row;
}
