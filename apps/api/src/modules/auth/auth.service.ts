import type { LoginInput, SetPasswordInput } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as repo from './auth.repository.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { newToken, tokenId } from './tokens.ts';
import { inviteLink, inviteMail, resetMail } from './auth.mails.ts';

export const SESSION_IDLE_MS = 7 * 24 * 3600_000;
export const SESSION_MAX_MS = 30 * 24 * 3600_000;
const TOUCH_EVERY_MS = 5 * 60_000;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
const RESET_TTL_MS = 2 * 3600_000;
const INVITE_TTL_MS = 14 * 24 * 3600_000;

export type AuthDeps = { db: Db; now: Date; config: Config; mailer: Mailer };

/** Checks the password and opens a session; the same answer for unknown e-mail and wrong password. */
export async function login(
  deps: AuthDeps,
  input: LoginInput,
  meta: SessionMeta,
): Promise<{ token: string; personId: string }> {
  const { db, now } = deps;
  const person = await repo.findLoginCandidate(db, input.email);
  if (person?.lockedUntil && person.lockedUntil > now) {
    await verifyPassword(null, input.password);
    throw new AppError(
      'rate_limited',
      'Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over een kwartier opnieuw.',
    );
  }
  const ok = await verifyPassword(person?.passwordHash ?? null, input.password);
  if (!person || !ok || !person.active) {
    if (person) {
      const failed = person.failedLogins + 1;
      const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MS) : null;
      await repo.recordFailedLogin(db, person.id, lockedUntil ? 0 : failed, lockedUntil);
      await audit(db, {
        boardId: person.boardId,
        actorId: null,
        action: lockedUntil ? 'auth.locked' : 'auth.login_failed',
        subjectPersonId: person.id,
        details: { ip: meta.ip },
      });
    }
    throw new AppError('unauthenticated', 'E-mailadres of wachtwoord klopt niet.');
  }
  if (await isPasswordLoginBlocked(db, person)) {
    await audit(db, {
      boardId: person.boardId,
      actorId: null,
      action: 'auth.login_refused',
      subjectPersonId: person.id,
      details: { ip: meta.ip, reason: 'sso_required' },
    });
    throw new AppError(
      'forbidden',
      'Je bestuur laat alleen inloggen via single sign-on toe. Kies "Inloggen met je schoolaccount".',
    );
  }
  const token = await openSession(db, person, meta, now);
  return { token, personId: person.id };
}

export type SessionMeta = { userAgent: string | null; ip: string | undefined; method?: 'sso' | undefined };

/**
 * Opens a session for a person who has just proved who they are (password or SSO): clears failed
 * attempts, stores the session and logs 'auth.login'. Returns the cookie token.
 */
export async function openSession(
  db: Db,
  person: { id: string; boardId: string; failedLogins: number; lockedUntil: Date | null },
  meta: SessionMeta,
  now: Date,
): Promise<string> {
  const token = newToken();
  await db.transaction(async (tx) => {
    if (person.failedLogins > 0 || person.lockedUntil) await repo.clearFailedLogins(tx, person.id);
    await repo.insertSession(tx, {
      id: tokenId(token),
      personId: person.id,
      csrfToken: newToken(),
      expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      now,
    });
    await audit(tx, {
      boardId: person.boardId,
      actorId: person.id,
      action: 'auth.login',
      subjectPersonId: person.id,
      details: { ip: meta.ip, ...(meta.method ? { method: meta.method } : {}) },
    });
  });
  return token;
}

/**
 * A board that requires SSO refuses password sign-in, except for its beheerders: they keep a
 * password as the way back in when the identity provider is down or misconfigured.
 */
async function isPasswordLoginBlocked(db: Db, person: { id: string; boardId: string }): Promise<boolean> {
  return repo.isSsoRequiredWithoutBreakGlass(db, person.id, person.boardId);
}

/** The actor behind a session cookie, or null; extends an idle session now and then. */
export async function resolveSession(db: Db, token: string, now: Date): Promise<Actor | null> {
  const row = await repo.findLiveSession(db, tokenId(token), now);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const cap = row.createdAt.getTime() + SESSION_MAX_MS;
    await repo.touchSession(db, row.sessionId, now, new Date(Math.min(now.getTime() + SESSION_IDLE_MS, cap)));
  }
  return {
    personId: row.personId,
    boardId: row.boardId,
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    memberships: row.memberships,
  };
}

export async function logout(db: Db, actor: Actor): Promise<void> {
  await repo.deleteSession(db, actor.sessionId);
}

/** Ends every session of the actor, on every device. */
export async function logoutEverywhere(db: Db, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const n = await repo.deleteSessionsOf(tx, actor.personId);
    await audit(tx, {
      boardId: actor.boardId,
      actorId: actor.personId,
      action: 'auth.logout_everywhere',
      subjectPersonId: actor.personId,
      details: { sessions: n },
    });
    return n;
  });
}

/** Sends a reset link when the e-mail belongs to an active person; says nothing about whether it does. */
export async function requestPasswordReset(deps: AuthDeps, email: string): Promise<void> {
  const person = await repo.findLoginCandidate(deps.db, email);
  if (!person || !person.active) return;
  const token = newToken();
  await deps.db.transaction(async (tx) => {
    await repo.insertAuthToken(tx, {
      id: tokenId(token),
      personId: person.id,
      purpose: 'reset',
      expiresAt: new Date(deps.now.getTime() + RESET_TTL_MS),
    });
    const target = await repo.findPersonForMail(tx, person.id);
    await deps.mailer.send(tx, resetMail(deps.config, target!, token));
    await audit(tx, {
      boardId: person.boardId,
      actorId: null,
      action: 'auth.reset_requested',
      subjectPersonId: person.id,
    });
  });
}

/** Sends an invitation to set a password; returns the outbox id. */
export async function sendInvitation(deps: AuthDeps, actor: Actor, personId: string): Promise<void> {
  const target = await repo.findPersonForMail(deps.db, personId);
  if (!target || target.boardId !== actor.boardId) throw new AppError('not_found');
  await issueInvitation(deps, personId, actor.personId);
}

/**
 * Mails a single-use link to choose a password (valid two weeks) and returns it; the actor is null when the
 * invitation comes from the command line that creates a board.
 */
export async function issueInvitation(deps: AuthDeps, personId: string, actorId: string | null): Promise<string> {
  const target = await repo.findPersonForMail(deps.db, personId);
  if (!target) throw new AppError('not_found');
  if (!target.active) throw new AppError('conflict', 'Deze persoon is niet actief; activeer eerst het account.');
  const token = newToken();
  await deps.db.transaction(async (tx) => {
    await repo.insertAuthToken(tx, {
      id: tokenId(token),
      personId,
      purpose: 'invite',
      expiresAt: new Date(deps.now.getTime() + INVITE_TTL_MS),
    });
    await deps.mailer.send(tx, inviteMail(deps.config, target, token));
    await audit(tx, { boardId: target.boardId, actorId, action: 'auth.invited', subjectPersonId: personId });
  });
  return inviteLink(deps.config, token);
}

/** Tells the set-password page whether a link still works, without using it. */
export async function checkToken(db: Db, token: string, now: Date): Promise<{ purpose: string }> {
  const row = await repo.findAuthToken(db, tokenId(token), now);
  if (!row) throw new AppError('not_found', 'Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.');
  return { purpose: row.purpose };
}

/** Uses an invitation or reset link once: sets the password and ends all existing sessions. */
export async function setPasswordWithToken(deps: AuthDeps, input: SetPasswordInput): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    const row = await repo.consumeAuthToken(tx, tokenId(input.token), deps.now);
    if (!row) throw new AppError('not_found', 'Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.');
    const person = await repo.findPersonForMail(tx, row.personId);
    if (!person?.active) throw new AppError('not_found', 'Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.');
    await repo.setPasswordHash(tx, row.personId, passwordHash);
    await repo.deleteSessionsOf(tx, row.personId);
    await audit(tx, {
      boardId: person.boardId,
      actorId: row.personId,
      action: row.purpose === 'invite' ? 'auth.invite_accepted' : 'auth.password_reset',
      subjectPersonId: row.personId,
    });
  });
}
