import type { Role } from '@groeipad/contracts';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { Mailer } from './mail/mailer.ts';

export type ActorMembership = { role: Role; schoolId: string | null; teamId: string | null };

/** The signed-in person a request acts for. */
export type Actor = {
  personId: string;
  boardId: string;
  sessionId: string;
  csrfToken: string;
  memberships: ActorMembership[];
};

/** What every service function receives. */
export type Ctx = {
  db: Db;
  actor: Actor;
  now: Date;
  config: Config;
  mailer: Mailer;
  ip?: string | undefined;
};

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.memberships.some((m) => m.role === role);
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.memberships.some((m) => roles.includes(m.role));
}

/** Schools in which the actor holds one of the roles. */
export function schoolsWithRole(actor: Actor, roles: readonly Role[]): string[] {
  const ids = new Set<string>();
  for (const m of actor.memberships) if (roles.includes(m.role) && m.schoolId) ids.add(m.schoolId);
  return [...ids];
}
