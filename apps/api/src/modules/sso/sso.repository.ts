import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { boards, people } from '../organisation/organisation.schema.ts';
import { ssoConfigs, ssoLoginStates } from './sso.schema.ts';

export type SsoConfigRow = typeof ssoConfigs.$inferSelect & { required: boolean };

const configColumns = {
  boardId: ssoConfigs.boardId,
  provider: ssoConfigs.provider,
  displayName: ssoConfigs.displayName,
  issuer: ssoConfigs.issuer,
  clientId: ssoConfigs.clientId,
  clientSecretEnc: ssoConfigs.clientSecretEnc,
  enabled: ssoConfigs.enabled,
  allowedDomains: ssoConfigs.allowedDomains,
  version: ssoConfigs.version,
  updatedBy: ssoConfigs.updatedBy,
  createdAt: ssoConfigs.createdAt,
  updatedAt: ssoConfigs.updatedAt,
  required: boards.ssoRequired,
};

export async function findConfig(db: Db, boardId: string): Promise<SsoConfigRow | null> {
  const rows = await db
    .select(configColumns)
    .from(ssoConfigs)
    .innerJoin(boards, eq(boards.id, ssoConfigs.boardId))
    .where(eq(ssoConfigs.boardId, boardId));
  return rows[0] ?? null;
}

/** The row locked for an update, so two admins saving at once cannot both pass the version check. */
export async function lockConfig(db: Db, boardId: string) {
  const rows = await db
    .select({ version: ssoConfigs.version, clientSecretEnc: ssoConfigs.clientSecretEnc })
    .from(ssoConfigs)
    .where(eq(ssoConfigs.boardId, boardId))
    .for('update');
  return rows[0] ?? null;
}

export async function insertConfig(db: Db, values: typeof ssoConfigs.$inferInsert) {
  // A concurrent first save loses: the primary key turns it into zero rows, which the caller reports as 409.
  const rows = await db
    .insert(ssoConfigs)
    .values(values)
    .onConflictDoNothing()
    .returning({ boardId: ssoConfigs.boardId });
  return rows.length === 1;
}

export async function updateConfig(
  db: Db,
  boardId: string,
  version: number,
  values: Partial<typeof ssoConfigs.$inferInsert>,
) {
  const rows = await db
    .update(ssoConfigs)
    .set({ ...values, version: sql`${ssoConfigs.version} + 1` })
    .where(and(eq(ssoConfigs.boardId, boardId), eq(ssoConfigs.version, version)))
    .returning({ boardId: ssoConfigs.boardId });
  return rows.length === 1;
}

export async function setBoardSsoRequired(db: Db, boardId: string, required: boolean, now: Date) {
  await db.update(boards).set({ ssoRequired: required, updatedAt: now }).where(eq(boards.id, boardId));
}

/** The board of the person with this address (any status), for choosing a provider. */
export async function findBoardIdByPersonEmail(db: Db, email: string): Promise<string | null> {
  const rows = await db
    .select({ boardId: people.boardId })
    .from(people)
    .where(sql`lower(${people.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return rows[0]?.boardId ?? null;
}

/** Boards whose enabled SSO claims this e-mail domain. */
export async function findBoardIdsByDomain(db: Db, domain: string): Promise<string[]> {
  const rows = await db
    .select({ boardId: ssoConfigs.boardId })
    .from(ssoConfigs)
    .where(and(eq(ssoConfigs.enabled, true), sql`${ssoConfigs.allowedDomains} @> ${JSON.stringify([domain])}::jsonb`));
  return rows.map((r) => r.boardId);
}

export async function findBoardIdBySlug(db: Db, slug: string): Promise<string | null> {
  const rows = await db.select({ id: boards.id }).from(boards).where(eq(boards.slug, slug));
  return rows[0]?.id ?? null;
}

/** The person with this address in this board, whatever their status; the caller checks `active`. */
export async function findBoardPersonByEmail(db: Db, boardId: string, email: string) {
  const rows = await db
    .select({
      id: people.id,
      boardId: people.boardId,
      active: people.active,
      failedLogins: people.failedLogins,
      lockedUntil: people.lockedUntil,
    })
    .from(people)
    .where(and(eq(people.boardId, boardId), sql`lower(${people.email}) = ${email.toLowerCase()}`));
  return rows[0] ?? null;
}

export async function insertLoginState(db: Db, values: typeof ssoLoginStates.$inferInsert) {
  await db.insert(ssoLoginStates).values(values);
}

export async function findLoginState(db: Db, id: string) {
  const rows = await db.select().from(ssoLoginStates).where(eq(ssoLoginStates.id, id));
  return rows[0] ?? null;
}

/** Marks the state used; true only for the one caller that used it first. */
export async function consumeLoginState(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(ssoLoginStates)
    .set({ usedAt: now })
    .where(and(eq(ssoLoginStates.id, id), isNull(ssoLoginStates.usedAt)))
    .returning({ id: ssoLoginStates.id });
  return rows.length === 1;
}

/** Forgets sign-ins that ended long ago; kept a day so a late reuse still reads as "expired". */
export async function deleteOldLoginStates(db: Db, before: Date) {
  await db.delete(ssoLoginStates).where(lt(ssoLoginStates.expiresAt, before));
}
