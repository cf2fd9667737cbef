import type {
  DevelopmentAction,
  DevelopmentActionInput,
  DevelopmentActionUpdate,
  DevelopmentCheckinInput,
  DevelopmentEvidence,
  DevelopmentEvidenceInput,
  DevelopmentGoal,
  DevelopmentGoalInput,
  DevelopmentGoalStatus,
  DevelopmentGoalUpdate,
  DevelopmentPlan,
  DevelopmentPlanUpdate,
  StaleGoalList,
} from '@groeipad/contracts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { stripUndefined } from '../../platform/objects.ts';
import { displayName } from '../organisation/index.ts';
import * as policy from './development.policy.ts';
import type { Relation } from './development.policy.ts';
import * as repo from './development.repository.ts';

const stale = () => new AppError('conflict', undefined, { reason: 'stale' });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

// ---------------------------------------------------------------------------------------------
// Reading a plan

type Names = Map<string, { id: string; displayName: string }>;

function presentAction(a: repo.ActionRow, relation: Relation, actorId: string, names: Names): DevelopmentAction {
  return {
    id: a.id,
    goalId: a.goalId,
    conversationId: a.conversationId,
    title: a.title,
    owner: names.get(a.ownerId) ?? { id: a.ownerId, displayName: '' },
    dueOn: a.dueOn,
    doneAt: iso(a.doneAt),
    version: a.version,
    abilities: policy.actionAbilities(relation, actorId, a),
  };
}

function presentEvidence(e: repo.EvidenceRow, relation: Relation): DevelopmentEvidence {
  return {
    id: e.id,
    goalId: e.goalId,
    conversationId: e.conversationId,
    feedbackRoundId: e.feedbackRoundId,
    title: e.title,
    description: e.description,
    url: e.url,
    createdAt: e.createdAt.toISOString(),
    abilities: { delete: relation === 'owner' },
  };
}

type PlanParts = {
  goals: repo.GoalRow[];
  actions: repo.ActionRow[];
  checkins: repo.CheckinRow[];
  evidence: repo.EvidenceRow[];
  names: Names;
};

/** Everything of a person's plan that the relation may see, with the names it mentions. */
async function loadParts(db: Db, boardId: string, personId: string, relation: Relation): Promise<PlanParts> {
  const [allGoals, allActions, allEvidence] = await Promise.all([
    repo.findGoals(db, boardId, personId),
    repo.findActions(db, boardId, personId),
    repo.findEvidence(db, boardId, personId),
  ]);
  const goals = allGoals.filter((g) => policy.canSeeGoal(relation, g));
  const goalIds = new Set(goals.map((g) => g.id));
  const owner = relation === 'owner';
  // A manager sees what hangs on a shared goal; quick actions and loose evidence stay the owner's.
  const actions = allActions.filter((a) => (a.goalId ? goalIds.has(a.goalId) : owner));
  const evidence = allEvidence.filter((e) => (e.goalId ? goalIds.has(e.goalId) : owner));
  const checkins = await repo.findCheckins(db, boardId, [...goalIds]);
  const nameRows = await repo.findNames(db, boardId, [
    ...actions.map((a) => a.ownerId),
    ...checkins.map((c) => c.authorId),
  ]);
  const names: Names = new Map(nameRows.map((n) => [n.id, { id: n.id, displayName: displayName(n) }]));
  return { goals, actions, checkins, evidence, names };
}

function presentGoal(
  g: repo.GoalRow,
  parts: PlanParts,
  relation: Relation,
  actorId: string,
  now: Date,
): DevelopmentGoal {
  return {
    id: g.id,
    title: g.title,
    description: g.description,
    measure: g.measure,
    targetDate: g.targetDate,
    status: g.status as DevelopmentGoalStatus,
    source: g.source === 'conversation' ? 'conversation' : 'own',
    conversationId: g.conversationId,
    progressEvidence: g.progressEvidence,
    visibleToManager: g.source === 'conversation' || g.visibleToManager,
    createdAt: g.createdAt.toISOString(),
    lastProgressAt: iso(g.lastProgressAt),
    isStale: policy.isStale(g, now),
    version: g.version,
    actions: parts.actions
      .filter((a) => a.goalId === g.id)
      .map((a) => presentAction(a, relation, actorId, parts.names)),
    checkins: parts.checkins
      .filter((c) => c.goalId === g.id)
      .map((c) => ({
        id: c.id,
        status: c.status as DevelopmentGoalStatus,
        note: c.note,
        author: parts.names.get(c.authorId) ?? { id: c.authorId, displayName: '' },
        createdAt: c.createdAt.toISOString(),
      })),
    evidence: parts.evidence.filter((e) => e.goalId === g.id).map((e) => presentEvidence(e, relation)),
    abilities: policy.goalAbilities(relation, g),
  };
}

async function buildPlan(
  db: Db,
  boardId: string,
  actorId: string,
  person: repo.NameRow,
  relation: Exclude<Relation, 'none'>,
  now: Date,
): Promise<DevelopmentPlan> {
  const [plan, parts] = await Promise.all([
    repo.findPlan(db, boardId, person.id),
    loadParts(db, boardId, person.id, relation),
  ]);
  return {
    person: { id: person.id, displayName: displayName(person) },
    viewer: relation,
    plan: { ambition: relation === 'owner' ? (plan?.ambition ?? '') : null, version: plan?.version ?? 0 },
    goals: parts.goals.map((g) => presentGoal(g, parts, relation, actorId, now)),
    quickActions: parts.actions.filter((a) => !a.goalId).map((a) => presentAction(a, relation, actorId, parts.names)),
    evidence: parts.evidence.filter((e) => !e.goalId).map((e) => presentEvidence(e, relation)),
    abilities: policy.planAbilities(relation),
  };
}

/** How the actor stands to a person's plan; 'none' and unknown people are both a 404. */
async function relationOf(
  ctx: Ctx,
  personId: string,
): Promise<{ relation: 'owner' | 'manager'; person: repo.NameRow }> {
  const person = await repo.findPerson(ctx.db, ctx.actor.boardId, personId);
  if (!person) throw new AppError('not_found');
  const managers =
    personId === ctx.actor.personId ? [] : await repo.findManagerIds(ctx.db, ctx.actor.boardId, personId);
  const relation = policy.relationTo(ctx.actor, { boardId: ctx.actor.boardId, personId }, managers);
  if (relation === 'none') throw new AppError('not_found');
  return { relation, person };
}

async function auditManagerRead(ctx: Ctx, personId: string, view: string, targetId?: string) {
  await audit(ctx.db, {
    boardId: ctx.actor.boardId,
    actorId: ctx.actor.personId,
    action: 'development.read',
    subjectPersonId: personId,
    targetType: 'development_plan',
    targetId,
    details: { view },
  });
}

export async function getMyPlan(ctx: Ctx): Promise<DevelopmentPlan> {
  const person = await repo.findPerson(ctx.db, ctx.actor.boardId, ctx.actor.personId);
  if (!person) throw new AppError('unauthenticated');
  return buildPlan(ctx.db, ctx.actor.boardId, ctx.actor.personId, person, 'owner', ctx.now);
}

/** A report's plan as their leidinggevende sees it; every such read is in the audit log. */
export async function getPersonPlan(ctx: Ctx, personId: string): Promise<DevelopmentPlan> {
  const { relation, person } = await relationOf(ctx, personId);
  if (relation === 'manager') await auditManagerRead(ctx, personId, 'plan');
  return buildPlan(ctx.db, ctx.actor.boardId, ctx.actor.personId, person, relation, ctx.now);
}

// ---------------------------------------------------------------------------------------------
// The ambition and goals

export async function updateAmbition(ctx: Ctx, input: DevelopmentPlanUpdate) {
  const { boardId, personId } = ctx.actor;
  const ok = await repo.saveAmbition(ctx.db, boardId, personId, input.version, input.ambition, ctx.now);
  if (!ok) throw stale();
  const plan = await repo.findPlan(ctx.db, boardId, personId);
  return { ambition: plan?.ambition ?? '', version: plan?.version ?? 0 };
}

/** A goal the actor may see, with their relation to it; anything else is a 404. */
async function loadGoal(ctx: Ctx, goalId: string) {
  const goal = await repo.findGoal(ctx.db, ctx.actor.boardId, goalId);
  if (!goal) throw new AppError('not_found');
  const { relation, person } = await relationOf(ctx, goal.personId);
  if (!policy.canSeeGoal(relation, goal)) throw new AppError('not_found');
  return { goal, relation, person };
}

async function presentOneGoal(ctx: Ctx, goalId: string): Promise<DevelopmentGoal> {
  const goal = await repo.findGoal(ctx.db, ctx.actor.boardId, goalId);
  if (!goal) throw new AppError('not_found');
  const { relation } = await relationOf(ctx, goal.personId);
  const parts = await loadParts(ctx.db, ctx.actor.boardId, goal.personId, relation);
  return presentGoal(goal, parts, relation, ctx.actor.personId, ctx.now);
}

export async function createGoal(ctx: Ctx, input: DevelopmentGoalInput): Promise<DevelopmentGoal> {
  const goal = await repo.insertGoal(ctx.db, {
    boardId: ctx.actor.boardId,
    personId: ctx.actor.personId,
    title: input.title,
    description: input.description ?? '',
    measure: input.measure ?? '',
    targetDate: input.targetDate ?? null,
    progressEvidence: input.progressEvidence ?? '',
    visibleToManager: input.visibleToManager ?? true,
    source: 'own',
    createdBy: ctx.actor.personId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  return presentOneGoal(ctx, goal.id);
}

const AGREED_FIELDS = ['title', 'description', 'measure', 'targetDate'] as const;

export async function updateGoal(ctx: Ctx, goalId: string, input: DevelopmentGoalUpdate): Promise<DevelopmentGoal> {
  const { goal, relation } = await loadGoal(ctx, goalId);
  if (relation !== 'owner') throw new AppError('forbidden', 'Alleen de eigenaar van het plan past een doel aan.');
  const { version, ...changes } = input;
  if (goal.source === 'conversation') {
    // The wording was agreed and signed by both; a change belongs in the next conversation.
    for (const field of AGREED_FIELDS) {
      if (changes[field] !== undefined && changes[field] !== goal[field]) {
        throw fieldError(field, 'Dit doel is afgesproken in een gesprek. Dit deel pas je aan in het volgende gesprek.');
      }
    }
    if (changes.visibleToManager === false) {
      throw fieldError('visibleToManager', 'Een doel uit een gesprek blijft zichtbaar voor je leidinggevende.');
    }
  }
  const values = stripUndefined(changes);
  const statusChanged = changes.status !== undefined && changes.status !== goal.status;
  const updated = await repo.updateGoal(
    ctx.db,
    ctx.actor.boardId,
    goalId,
    version,
    { ...values, ...(statusChanged ? { lastProgressAt: ctx.now } : {}) },
    ctx.now,
  );
  if (!updated) throw stale();
  return presentOneGoal(ctx, goalId);
}

export async function deleteGoal(ctx: Ctx, goalId: string): Promise<void> {
  const { goal, relation } = await loadGoal(ctx, goalId);
  if (!policy.goalAbilities(relation, goal).delete) {
    throw new AppError(
      'forbidden',
      goal.source === 'conversation' && relation === 'owner'
        ? 'Een doel uit een gesprek kun je niet verwijderen. Zet het op "gestopt" als het niet meer speelt.'
        : undefined,
    );
  }
  await repo.deleteGoals(ctx.db, ctx.actor.boardId, [goalId]);
}

// ---------------------------------------------------------------------------------------------
// Actions, check-ins and evidence

async function presentOneAction(ctx: Ctx, row: repo.ActionRow, relation: Relation): Promise<DevelopmentAction> {
  const names = await repo.findNames(ctx.db, ctx.actor.boardId, [row.ownerId]);
  const map: Names = new Map(names.map((n) => [n.id, { id: n.id, displayName: displayName(n) }]));
  return presentAction(row, relation, ctx.actor.personId, map);
}

async function managerWrote(ctx: Ctx, relation: Relation, personId: string, action: string, targetId: string) {
  if (relation !== 'manager') return;
  await audit(ctx.db, {
    boardId: ctx.actor.boardId,
    actorId: ctx.actor.personId,
    action,
    subjectPersonId: personId,
    targetType: 'development_goal',
    targetId,
  });
}

export async function createAction(ctx: Ctx, input: DevelopmentActionInput): Promise<DevelopmentAction> {
  let personId = ctx.actor.personId;
  let relation: Relation = 'owner';
  if (input.goalId) {
    const loaded = await loadGoal(ctx, input.goalId);
    if (!policy.goalAbilities(loaded.relation, loaded.goal).addAction) throw new AppError('forbidden');
    personId = loaded.goal.personId;
    relation = loaded.relation;
  }
  const [row] = await repo.insertActions(ctx.db, [
    {
      boardId: ctx.actor.boardId,
      personId,
      goalId: input.goalId ?? null,
      title: input.title,
      // Whoever adds an action does it: the owner on their own plan, a manager on a report's goal.
      ownerId: ctx.actor.personId,
      dueOn: input.dueOn ?? null,
      createdBy: ctx.actor.personId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
  ]);
  if (input.goalId) await managerWrote(ctx, relation, personId, 'development.action_added', input.goalId);
  return presentOneAction(ctx, row!, relation);
}

/** An action the actor may see: on their own plan, or on a goal of a report's plan they may see. */
async function loadAction(ctx: Ctx, actionId: string) {
  const action = await repo.findAction(ctx.db, ctx.actor.boardId, actionId);
  if (!action) throw new AppError('not_found');
  const { relation } = await relationOf(ctx, action.personId);
  if (relation === 'manager') {
    const goal = action.goalId ? await repo.findGoal(ctx.db, ctx.actor.boardId, action.goalId) : undefined;
    if (!goal || !policy.canSeeGoal(relation, goal)) throw new AppError('not_found');
  }
  return { action, relation };
}

export async function updateAction(
  ctx: Ctx,
  actionId: string,
  input: DevelopmentActionUpdate,
): Promise<DevelopmentAction> {
  const { action, relation } = await loadAction(ctx, actionId);
  const can = policy.actionAbilities(relation, ctx.actor.personId, action);
  const { version, done, ...text } = input;
  const editsText =
    (text.title !== undefined && text.title !== action.title) ||
    (text.dueOn !== undefined && text.dueOn !== action.dueOn);
  if (editsText && !can.edit) {
    throw new AppError(
      'forbidden',
      action.conversationId ? 'Deze actie is afgesproken in een gesprek; je kunt hem alleen afvinken.' : undefined,
    );
  }
  if (done !== undefined && !can.toggle) throw new AppError('forbidden');
  const doneAt = done === undefined ? undefined : done ? (action.doneAt ?? ctx.now) : null;
  const updated = await repo.updateAction(
    ctx.db,
    ctx.actor.boardId,
    actionId,
    version,
    stripUndefined({ ...(editsText ? text : {}), doneAt }),
    ctx.now,
  );
  if (!updated) throw stale();
  if (action.goalId) await managerWrote(ctx, relation, action.personId, 'development.action_updated', action.goalId);
  return presentOneAction(ctx, updated, relation);
}

export async function deleteAction(ctx: Ctx, actionId: string): Promise<void> {
  const { action, relation } = await loadAction(ctx, actionId);
  if (!policy.actionAbilities(relation, ctx.actor.personId, action).delete) {
    throw new AppError(
      'forbidden',
      action.conversationId ? 'Deze actie is afgesproken in een gesprek; je kunt hem alleen afvinken.' : undefined,
    );
  }
  await repo.deleteAction(ctx.db, ctx.actor.boardId, actionId);
}

export async function addCheckin(ctx: Ctx, goalId: string, input: DevelopmentCheckinInput): Promise<DevelopmentGoal> {
  const { goal, relation } = await loadGoal(ctx, goalId);
  if (!policy.goalAbilities(relation, goal).checkin) throw new AppError('forbidden');
  await ctx.db.transaction(async (tx) => {
    await repo.insertCheckin(tx, {
      boardId: ctx.actor.boardId,
      goalId,
      authorId: ctx.actor.personId,
      status: input.status,
      note: input.note,
      createdAt: ctx.now,
    });
    await repo.recordProgress(tx, ctx.actor.boardId, goalId, input.status, ctx.now);
    if (relation === 'manager') {
      await audit(tx, {
        boardId: ctx.actor.boardId,
        actorId: ctx.actor.personId,
        action: 'development.checkin_added',
        subjectPersonId: goal.personId,
        targetType: 'development_goal',
        targetId: goalId,
      });
    }
  });
  return presentOneGoal(ctx, goalId);
}

export async function addEvidence(ctx: Ctx, input: DevelopmentEvidenceInput): Promise<DevelopmentEvidence> {
  const { boardId, personId } = ctx.actor;
  if (input.goalId) {
    const { relation } = await loadGoal(ctx, input.goalId);
    if (relation !== 'owner') throw new AppError('forbidden', 'Alleen de eigenaar voegt bewijs toe aan een doel.');
  }
  if (input.url && !policy.isWebLink(input.url)) {
    throw fieldError('url', 'Gebruik een link die begint met https:// of http://.');
  }
  if (input.conversationId && !(await repo.isConversationOf(ctx.db, boardId, input.conversationId, personId))) {
    throw fieldError('conversationId', 'Dit gesprek is niet gevonden.');
  }
  if (input.feedbackRoundId && !(await repo.isFeedbackRoundOf(ctx.db, boardId, input.feedbackRoundId, personId))) {
    throw fieldError('feedbackRoundId', 'Deze feedbackronde is niet gevonden.');
  }
  const row = await repo.insertEvidence(ctx.db, {
    boardId,
    personId,
    goalId: input.goalId ?? null,
    conversationId: input.conversationId ?? null,
    feedbackRoundId: input.feedbackRoundId ?? null,
    title: input.title,
    description: input.description ?? '',
    url: input.url || null,
    createdBy: personId,
    createdAt: ctx.now,
  });
  return presentEvidence(row, 'owner');
}

export async function deleteEvidence(ctx: Ctx, evidenceId: string): Promise<void> {
  const row = await repo.findEvidenceItem(ctx.db, ctx.actor.boardId, evidenceId);
  if (!row) throw new AppError('not_found');
  const { relation } = await relationOf(ctx, row.personId);
  if (relation !== 'owner') {
    const goal = row.goalId ? await repo.findGoal(ctx.db, ctx.actor.boardId, row.goalId) : undefined;
    if (!goal || !policy.canSeeGoal(relation, goal)) throw new AppError('not_found');
    throw new AppError('forbidden');
  }
  await repo.deleteEvidence(ctx.db, ctx.actor.boardId, evidenceId);
}

// ---------------------------------------------------------------------------------------------
// The manager's list

type StaleRow = Awaited<ReturnType<typeof repo.findStaleGoals>>[number];

async function staleGoalsOfReports(db: Db, actor: Actor, now: Date): Promise<StaleRow[]> {
  const reports = await repo.findReportIds(db, actor.boardId, actor.personId);
  return repo.findStaleGoals(db, actor.boardId, reports, policy.staleBefore(now));
}

/** The actor's reports' shared goals that have not moved for 8 weeks; empty for someone who leads nobody. */
export async function listStaleGoals(ctx: Ctx): Promise<StaleGoalList> {
  const rows = await staleGoalsOfReports(ctx.db, ctx.actor, ctx.now);
  for (const personId of new Set(rows.map((r) => r.personId))) await auditManagerRead(ctx, personId, 'stale_goals');
  return {
    items: rows.map((r) => ({
      person: { id: r.personId, displayName: displayName(r) },
      goalId: r.id,
      goalTitle: r.title,
      status: r.status as DevelopmentGoalStatus,
      lastProgressAt: iso(r.lastProgressAt),
      weeksSinceProgress: policy.weeksSince(policy.progressBasis(r), ctx.now),
      href: `/ontwikkeling/${r.personId}#doel-${r.id}`,
    })),
  };
}

export { staleGoalsOfReports };

/** Everything of a person's plan, private goals included, for their own data export; null when unknown. */
export async function exportDevelopment(db: Db, boardId: string, personId: string): Promise<DevelopmentPlan | null> {
  const person = await repo.findPerson(db, boardId, personId);
  if (!person) return null;
  return buildPlan(db, boardId, personId, person, 'owner', new Date());
}
