import type { Actor } from '../../platform/actor.ts';

// Who may read what of a visit. The team plans visits in the open: its members see who visits whom, when and what
// kind. What happens in the visit (the learning question, the answers, the talk) is for the two of them; the
// observed person may share it with their leidinggevende and take it back. Nobody else reads it.

export type VisitRelation = 'observer' | 'observed' | 'manager' | 'none';

export type VisitFacts = { boardId: string; observerId: string; observedId: string; sharedAt: Date | null };

/** The actor's relation to the visit's content; `managerIds` are the observed person's current leidinggevenden. */
export function visitRelation(actor: Actor, visit: VisitFacts, managerIds: readonly string[]): VisitRelation {
  if (visit.boardId !== actor.boardId) return 'none';
  if (visit.observerId === actor.personId) return 'observer';
  if (visit.observedId === actor.personId) return 'observed';
  if (visit.sharedAt !== null && managerIds.includes(actor.personId)) return 'manager';
  return 'none';
}

export type VisitState = { status: string; day: string; today: string; hasEvidence: boolean };

/** What the actor may do with a visit they can read. */
export function visitAbilities(relation: VisitRelation, v: VisitState) {
  const party = relation === 'observer' || relation === 'observed';
  const held = v.status === 'observed' || v.status === 'discussed';
  return {
    edit: party && v.status === 'planned',
    answer: relation === 'observer' && (v.status === 'planned' || v.status === 'observed'),
    markDone: relation === 'observer' && v.status === 'planned' && v.day <= v.today,
    feedback: party && held,
    share: relation === 'observed' && v.status !== 'cancelled',
    addEvidence: relation === 'observed' && held && !v.hasEvidence,
  };
}
