import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { prepared } from '../../platform/db/prepared.ts';
import type { ActorMembership } from '../../platform/actor.ts';
import { boards, memberships, people } from '../organisation/organisation.schema.ts';
import { authTokens, sessions } from './auth.schema.ts';

export type SessionRow = {
  sessionId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  personId: string;
  boardId: string;
  memberships: ActorMembership[];
};

const liveSession = (db: Db) =>
  db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      personId: people.id,
      boardId: people.boardId,
      memberships: sql<
        ActorMembership[]
      >`coalesce(json_agg(json_build_object('role', ${memberships.role}, 'schoolId', ${memberships.schoolId}, 'teamId', ${memberships.teamId})) filter (where ${memberships.id} is not null), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .leftJoin(memberships, eq(memberships.personId, people.id))
    .where(
      and(
        eq(sessions.id, sql.placeholder('sessionId')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        eq(people.active, true),
      ),
    )
    .groupBy(sessions.id, people.id)
    .prepare('find_live_session');

/** One round trip, prepared once: the live session, its active person and their memberships. */
export async function findLiveSession(db: Db, sessionId: string, now: Date): Promise<SessionRow | null> {
  const rows = await prepared(db, 'find_live_session', liveSession).execute({ sessionId, now });
  return rows[0] ?? null;
}

export async function touchSession(db: Db, sessionId: string, now: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, sessionId));
}

export async function insertSession(
  db: Db,
  row: { id: string; personId: string; csrfToken: string; expiresAt: Date; userAgent: string | null; now: Date },
): Promise<void> {
  await db.insert(sessions).values({
    id: row.id,
    personId: row.personId,
    csrfToken: row.csrfToken,
    expiresAt: row.expiresAt,
    userAgent: row.userAgent,
    createdAt: row.now,
    lastSeenAt: row.now,
  });
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteSessionsOf(db: Db, personId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.personId, personId)).returning({ id: sessions.id });
  return rows.length;
}

export async function findLoginCandidate(db: Db, email: string) {
  const rows = await db
    .select({
      id: people.id,
      boardId: people.boardId,
      passwordHash: people.passwordHash,
      active: people.active,
      failedLogins: people.failedLogins,
      lockedUntil: people.lockedUntil,
    })
    .from(people)
    .where(sql`lower(${people.email}) = ${email.toLowerCase()}`);
  return rows[0] ?? null;
}

export async function recordFailedLogin(db: Db, personId: string, failedLogins: number, lockedUntil: Date | null) {
  await db.update(people).set({ failedLogins, lockedUntil }).where(eq(people.id, personId));
}

export async function clearFailedLogins(db: Db, personId: string) {
  await db.update(people).set({ failedLogins: 0, lockedUntil: null }).where(eq(people.id, personId));
}

export async function setPasswordHash(db: Db, personId: string, passwordHash: string) {
  await db
    .update(people)
    .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
    .where(eq(people.id, personId));
}

export async function insertAuthToken(
  db: Db,
  row: { id: string; personId: string; purpose: 'invite' | 'reset'; expiresAt: Date },
) {
  await db.insert(authTokens).values(row);
}

/** Marks the token used and returns it, only if it was unused and unexpired: a second use finds nothing. */
export async function consumeAuthToken(db: Db, id: string, now: Date) {
  const rows = await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.id, id), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
    .returning({ personId: authTokens.personId, purpose: authTokens.purpose });
  return rows[0] ?? null;
}

export async function findAuthToken(db: Db, id: string, now: Date) {
  const rows = await db
    .select({ personId: authTokens.personId, purpose: authTokens.purpose })
    .from(authTokens)
    .where(and(eq(authTokens.id, id), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)));
  return rows[0] ?? null;
}

export async function findPersonForMail(db: Db, personId: string) {
  const rows = await db
    .select({
      id: people.id,
      boardId: people.boardId,
      email: people.email,
      firstName: people.firstName,
      active: people.active,
    })
    .from(people)
    .where(eq(people.id, personId));
  return rows[0] ?? null;
}

/** True when the person's board requires SSO and they hold no beheerder role (the break-glass account). */
export async function isSsoRequiredWithoutBreakGlass(db: Db, personId: string, boardId: string): Promise<boolean> {
  const rows = await db
    .select({
      required: boards.ssoRequired,
      breakGlass: sql<boolean>`exists (select 1 from ${memberships} where ${memberships.personId} = ${personId} and ${memberships.role} = 'beheerder')`,
    })
    .from(boards)
    .where(eq(boards.id, boardId));
  const row = rows[0];
  return !!row && row.required && !row.breakGlass;
}
