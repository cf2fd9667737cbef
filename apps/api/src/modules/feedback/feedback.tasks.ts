import type { HomeTask } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { displayName } from '../organisation/index.ts';
import * as repo from './feedback.repository.ts';
import { schoolDay } from '../../platform/time.ts';

/** Home tasks: feedback the person was asked to give, and their own rounds about to close. */
export async function findFeedbackTasks(db: Db, actor: Actor, now: Date): Promise<HomeTask[]> {
  const today = schoolDay(now);
  const soon = schoolDay(new Date(now.getTime() + 3 * 86_400_000));
  const [pending, closing] = await Promise.all([
    repo.findPendingInvitationsFor(db, actor.boardId, actor.personId, now),
    repo.findRoundsClosingBy(db, actor.boardId, actor.personId, soon),
  ]);
  const tasks: HomeTask[] = pending.map((p) => ({
    key: `feedback-give-${p.id}`,
    kind: 'give_feedback',
    params: {
      name: p.raterGroup === 'self' ? '' : displayName(p),
      title: p.roundTitle,
      self: p.raterGroup === 'self' ? 'true' : 'false',
    },
    dueOn: p.closesOn,
    href: `/feedback/invulling/${p.id}`,
  }));
  for (const r of closing) {
    tasks.push({
      key: `feedback-close-${r.id}`,
      kind: 'close_feedback_round',
      params: { title: r.title, overdue: r.closesOn < today ? 'true' : 'false' },
      dueOn: r.closesOn,
      href: `/feedback/${r.id}`,
    });
  }
  return tasks;
}
