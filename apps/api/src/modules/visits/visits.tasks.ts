import type { HomeTask } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { displayName } from '../organisation/index.ts';
import { findUnreadShared } from './visits.repository.ts';

/**
 * What visits ask of the person now: as a current leidinggevende, reading each visit their people shared with
 * them and no leidinggevende read yet. The web app words the task by the visit's kind (the `context`).
 */
export async function findVisitTasks(db: Db, actor: Actor, _now: Date): Promise<HomeTask[]> {
  const rows = await findUnreadShared(db, actor.boardId, actor.personId);
  return rows.map((v) => ({
    key: `visits:shared:${v.id}`,
    kind: 'read_shared_visit' as const,
    params: {
      name: displayName({ firstName: v.observedFirstName, infix: v.observedInfix, lastName: v.observedLastName }),
      context: v.kind,
    },
    dueOn: null,
    href: `/team/${v.teamId}/bezoeken/${v.id}`,
  }));
}
