import type { HomeTask } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { displayName } from '../organisation/index.ts';
import * as policy from './development.policy.ts';
import * as repo from './development.repository.ts';
import { staleGoalsOfReports } from './development.service.ts';

const ACTION_HORIZON_DAYS = 14;

/**
 * What the development plan asks of the person now: their open actions due within two weeks or
 * overdue ('open_action'), and for a leidinggevende the shared goals of reports that have not moved
 * for 8 weeks ('stale_goal').
 */
export async function findDevelopmentTasks(db: Db, actor: Actor, now: Date): Promise<HomeTask[]> {
  const { boardId, personId } = actor;
  const [actions, reports, staleGoals] = await Promise.all([
    repo.findOpenActionsOf(db, boardId, personId, policy.schoolDate(now, ACTION_HORIZON_DAYS)),
    repo.findReportIds(db, boardId, personId),
    staleGoalsOfReports(db, actor, now),
  ]);
  const others = actions.filter((a) => a.personId !== personId).map((a) => a.personId);
  const names = new Map((await repo.findNames(db, boardId, others)).map((n) => [n.id, displayName(n)]));
  const tasks: HomeTask[] = [];
  for (const a of actions) {
    if (a.personId === personId) {
      tasks.push({
        key: `development:action:${a.id}`,
        kind: 'open_action',
        params: { title: a.title },
        dueOn: a.dueOn,
        href: '/ontwikkeling',
      });
      continue;
    }
    // An action the manager took on for a report: only while they still lead them and see the goal.
    const visible = a.goalSource === 'conversation' || a.goalVisible === true;
    if (!reports.includes(a.personId) || !visible) continue;
    tasks.push({
      key: `development:action:${a.id}`,
      kind: 'open_action',
      params: { title: a.title, name: names.get(a.personId) ?? '' },
      dueOn: a.dueOn,
      href: `/ontwikkeling/${a.personId}`,
    });
  }
  for (const g of staleGoals) {
    const basis = policy.progressBasis(g);
    tasks.push({
      key: `development:stale:${g.id}`,
      kind: 'stale_goal',
      params: { name: displayName(g), title: g.title, weeks: String(policy.weeksSince(basis, now)) },
      // Not a deadline: the title already says how long it has been quiet, so it sorts after dated tasks.
      dueOn: null,
      href: `/ontwikkeling/${g.personId}#doel-${g.id}`,
    });
  }
  return tasks;
}
