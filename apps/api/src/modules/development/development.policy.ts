import type { DevelopmentGoalStatus } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';
import { schoolDay } from '../../platform/time.ts';

// Who sees what of a development plan. The plan is the person's own: besides them only their
// current leidinggevende(n) see it, and only the goals the person shares. Roles such as beheerder,
// hr or schoolleider give no access at all (a personal file is not an admin record).

export type Relation = 'owner' | 'manager' | 'none';

export const STALE_AFTER_WEEKS = 8;
const WEEK_MS = 7 * 24 * 3600_000;
const RUNNING: readonly string[] = ['open', 'on_track', 'behind'] satisfies DevelopmentGoalStatus[];

/** How the actor stands to a person's plan, given that person's current line managers. */
export function relationTo(
  actor: Actor,
  plan: { boardId: string; personId: string },
  currentManagerIds: readonly string[],
): Relation {
  if (plan.boardId !== actor.boardId) return 'none';
  if (plan.personId === actor.personId) return 'owner';
  if (currentManagerIds.includes(actor.personId)) return 'manager';
  return 'none';
}

type GoalFacts = { source: string; visibleToManager: boolean };

/** Goals agreed in a conversation are always visible to the manager; own goals only when shared. */
export function canSeeGoal(relation: Relation, goal: GoalFacts): boolean {
  if (relation === 'owner') return true;
  if (relation === 'manager') return goal.source === 'conversation' || goal.visibleToManager;
  return false;
}

export function goalAbilities(relation: Relation, goal: GoalFacts) {
  const owner = relation === 'owner';
  const visible = canSeeGoal(relation, goal);
  const own = goal.source === 'own';
  return {
    edit: owner,
    editText: owner && own,
    changeVisibility: owner && own,
    delete: owner && own,
    checkin: visible,
    addAction: visible,
    addEvidence: owner,
  };
}

type ActionFacts = { ownerId: string; createdBy: string | null; conversationId: string | null };

/**
 * The plan's owner changes every action; a manager only the ones they added or that are theirs to do.
 * Actions agreed in a conversation keep their wording: they can only be ticked off.
 */
export function actionAbilities(relation: Relation, actorId: string, action: ActionFacts) {
  const owner = relation === 'owner';
  const manager = relation === 'manager';
  const added = manager && action.createdBy === actorId;
  const agreed = action.conversationId !== null;
  return {
    edit: (owner || added) && !agreed,
    toggle: owner || added || (manager && action.ownerId === actorId),
    delete: (owner || added) && !agreed,
  };
}

export function planAbilities(relation: Relation) {
  const owner = relation === 'owner';
  return { editAmbition: owner, addGoal: owner, addQuickAction: owner, addEvidence: owner };
}

/** When the goal last moved: the latest check-in, or its creation when nobody reported yet. */
export function progressBasis(goal: { lastProgressAt: Date | null; createdAt: Date }): Date {
  return goal.lastProgressAt ?? goal.createdAt;
}

export function weeksSince(from: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - from.getTime()) / WEEK_MS));
}

/** A running goal with no progress for 8 weeks: the manager should ask after it. */
export function isStale(goal: { status: string; lastProgressAt: Date | null; createdAt: Date }, now: Date): boolean {
  if (!RUNNING.includes(goal.status)) return false;
  return now.getTime() - progressBasis(goal).getTime() >= STALE_AFTER_WEEKS * WEEK_MS;
}

/** The moment before which a running goal's progress counts as stale. */
export function staleBefore(now: Date): Date {
  return new Date(now.getTime() - STALE_AFTER_WEEKS * WEEK_MS);
}

export const RUNNING_STATUSES = RUNNING;

/** Only web links may be stored as evidence; anything else could run code when opened. */
export function isWebLink(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Today's date at the schools (Dutch time), as YYYY-MM-DD. */
export function schoolDate(now: Date, addDays = 0): string {
  return schoolDay(now.getTime() + addDays * 86_400_000);
}
