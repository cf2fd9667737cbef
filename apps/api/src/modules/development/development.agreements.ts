import type { Db } from '../../platform/db/client.ts';
import * as repo from './development.repository.ts';

export type AgreedGoalsInput = {
  boardId: string;
  personId: string;
  managerId: string;
  conversationId: string;
  progressEvidence: string;
  createdBy: string;
  agreements: {
    title: string;
    description: string;
    measure: string;
    targetDate: string | null;
    actions: { title: string; owner: 'employee' | 'manager'; dueOn: string | null }[];
  }[];
};

const sameTitle = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Turns the agreements of a signed report into goals and actions of the employee's plan, inside the
 * caller's transaction. Safe to call again for the same conversation (a correction signed later):
 * goals of that conversation nobody worked on yet (no check-in, no done action, no evidence) are
 * replaced by the new agreements; goals with progress are kept as they are, because deleting them
 * would throw away the employee's work, and an agreement with the same title is then not added twice.
 */
export async function addAgreedGoals(db: Db, input: AgreedGoalsInput): Promise<void> {
  const { boardId, personId, managerId, conversationId } = input;
  // Locking the plan row makes two signatures of the same report take turns instead of both inserting.
  await repo.lockPlan(db, boardId, personId);
  const { all, worked } = await repo.findConversationGoals(db, boardId, conversationId);
  await repo.deleteGoals(
    db,
    boardId,
    all.filter((g) => !worked.has(g.id)).map((g) => g.id),
  );
  const kept = new Set(all.filter((g) => worked.has(g.id)).map((g) => sameTitle(g.title)));
  for (const agreement of input.agreements) {
    if (kept.has(sameTitle(agreement.title))) continue;
    const goal = await repo.insertGoal(db, {
      boardId,
      personId,
      title: agreement.title,
      description: agreement.description,
      measure: agreement.measure,
      targetDate: agreement.targetDate,
      source: 'conversation',
      conversationId,
      progressEvidence: input.progressEvidence,
      visibleToManager: true,
      createdBy: input.createdBy,
    });
    await repo.insertActions(
      db,
      agreement.actions.map((a) => ({
        boardId,
        personId,
        goalId: goal.id,
        conversationId,
        title: a.title,
        ownerId: a.owner === 'manager' ? managerId : personId,
        dueOn: a.dueOn,
        createdBy: input.createdBy,
      })),
    );
  }
}
