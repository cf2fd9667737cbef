import type {
  VisitAnswersInput,
  VisitCancel,
  VisitDetail,
  VisitFeedbackInput,
  VisitInput,
  VisitList,
  SharedVisitList,
  VisitShareInput,
  VisitUpdate,
} from '@groeipad/contracts';
import { checkAnswers } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { publishChange } from '../../platform/live/index.ts';
import { schoolDay, weekStartOf } from '../../platform/time.ts';
import { displayName } from '../organisation/index.ts';
import { loadTeam, topicOf } from '../team/index.ts';
import { findForm } from './forms.repository.ts';
import { rescheduledMail, sharedMail, visitUrl } from './visits.mails.ts';
import * as repo from './visits.repository.ts';
import { visitRelation, type VisitRelation } from './visits.policy.ts';
import { presentDetail, presentShared, presentSummary, staleVisit } from './visits.present.ts';

// Visits: planned in the open by the team, held by two colleagues, discussed along the feedback model. Every change
// is announced on the team's live topic (the board's planning part shows visits); the event carries no content.

const notFound = () => new AppError('not_found', 'Dit bezoek bestaat niet of je hebt er geen toegang toe.');

/** The team's visits, for its members only (school leadership sees counts on the board, not who visits whom). */
export async function listVisits(ctx: Ctx, teamId: string): Promise<VisitList> {
  const { team, canEdit } = await loadTeam(ctx, teamId);
  if (!canEdit) throw notFound();
  const { boardId, personId } = ctx.actor;
  const [rows, members] = await Promise.all([
    repo.findTeamVisits(ctx.db, boardId, teamId),
    repo.findActiveMembers(ctx.db, boardId, teamId),
  ]);
  const today = schoolDay(ctx.now);
  return {
    items: rows.map((r) => presentSummary(r, personId)),
    team: { id: team.id, name: team.name },
    members: members.map((m) => ({ id: m.id, displayName: displayName(m) })),
    abilities: { plan: canEdit },
    today,
    thisWeek: weekStartOf(today),
  };
}

type Loaded = { row: repo.VisitRow; relation: Exclude<VisitRelation, 'none'>; detail: VisitDetail };

/** The visit when the actor may read its content, else 404 (also for the team's other members). */
async function loadVisit(db: Db, ctx: Ctx, teamId: string, visitId: string): Promise<Loaded> {
  const { boardId, personId } = ctx.actor;
  const row = await repo.findVisit(db, boardId, teamId, visitId);
  if (!row) throw notFound();
  const isParty = row.observerId === personId || row.observedId === personId;
  const managers = isParty || row.sharedAt === null ? [] : await repo.findManagerIds(db, boardId, row.observedId);
  const relation = visitRelation(ctx.actor, row, managers);
  if (relation === 'none') throw notFound();
  const [evidence] = await repo.findEvidenceOf(db, boardId, row.observedId, [row.id]);
  const detail = presentDetail(row, {
    actorId: personId,
    relation,
    today: schoolDay(ctx.now),
    evidenceId: evidence?.id ?? null,
  });
  return { row, relation, detail };
}

/** The visit; a leidinggevende's read is audited, and their first read since sharing ends their home task. */
export async function getVisit(ctx: Ctx, teamId: string, visitId: string): Promise<VisitDetail> {
  const { row, relation, detail } = await loadVisit(ctx.db, ctx, teamId, visitId);
  if (relation !== 'manager') return detail;
  await ctx.db.transaction(async (tx) => {
    await audit(tx, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'visit.read',
      subjectPersonId: row.observedId,
      targetType: 'team_visit',
      targetId: row.id,
    });
    if (row.sharedReadAt === null) await repo.markSharedRead(tx, ctx.actor.boardId, row.id, ctx.now);
  });
  return { ...detail, sharedReadAt: detail.sharedReadAt ?? ctx.now.toISOString() };
}

/** The visits the people I am leidinggevende of shared with me: who, when, what kind, read yet. No content. */
export async function listSharedWithMe(ctx: Ctx): Promise<SharedVisitList> {
  const rows = await repo.findSharedWithManager(ctx.db, ctx.actor.boardId, ctx.actor.personId);
  return { items: rows.map(presentShared) };
}

/**
 * A change by one of the two: loads and checks the visit and its version inside one transaction, applies the
 * change, tells whoever needs telling (`notify`, in the same transaction, so a refused change sends nothing),
 * announces it on the team's topic, and returns the visit as it is now.
 */
async function changeVisit(
  ctx: Ctx,
  teamId: string,
  visitId: string,
  version: number,
  change: (tx: Db, loaded: Loaded) => Promise<Parameters<typeof repo.updateVisit>[2] | null>,
  notify?: (tx: Db, before: Loaded, after: Loaded) => Promise<void>,
): Promise<VisitDetail> {
  const { boardId } = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadVisit(tx, ctx, teamId, visitId);
    if (loaded.detail.version !== version) throw staleVisit(loaded.detail);
    const values = await change(tx, loaded);
    if (values) {
      const ok = await repo.updateVisit(tx, { boardId, teamId, visitId, version }, values, ctx.now);
      if (!ok) throw staleVisit((await loadVisit(tx, ctx, teamId, visitId)).detail);
    }
    const after = await loadVisit(tx, ctx, teamId, visitId);
    if (values && notify) await notify(tx, loaded, after);
    await publishChange(tx, topicOf(teamId));
    return after.detail;
  });
}

function refuse(message: string): AppError {
  return new AppError('conflict', message);
}

async function checkGoals(
  db: Db,
  boardId: string,
  teamId: string,
  observedId: string,
  input: { teamGoalId?: string | null | undefined; developmentGoalId?: string | null | undefined },
) {
  if (input.teamGoalId && !(await repo.isTeamGoal(db, boardId, teamId, input.teamGoalId)))
    throw fieldError('teamGoalId', 'Kies een doel van het bord van dit team.');
  if (input.developmentGoalId && !(await repo.isDevelopmentGoalOf(db, boardId, observedId, input.developmentGoalId)))
    throw fieldError('developmentGoalId', 'Kies een doel uit het ontwikkelplan van wie bezocht wordt.');
}

/** Any member plans a visit with a colleague of the same team: they are the observer or the observed person. */
export async function planVisit(ctx: Ctx, teamId: string, input: VisitInput): Promise<VisitDetail> {
  const { canEdit } = await loadTeam(ctx, teamId);
  if (!canEdit) throw new AppError('forbidden', 'Alleen de leden van het team plannen bezoeken.');
  const { boardId, personId } = ctx.actor;
  if (input.observerId === input.observedId)
    throw fieldError('observedId', 'Kies twee verschillende collega’s: wie bezoekt en wie bezocht wordt.');
  if (input.observerId !== personId && input.observedId !== personId)
    throw fieldError('observerId', 'Je plant een bezoek waarin je zelf bezoekt of bezocht wordt.');
  const id = await ctx.db.transaction(async (tx) => {
    const members = new Set((await repo.findActiveMembers(tx, boardId, teamId)).map((m) => m.id));
    if (!members.has(input.observerId)) throw fieldError('observerId', 'Kies iemand uit het team.');
    if (!members.has(input.observedId)) throw fieldError('observedId', 'Kies iemand uit het team.');
    const form = await findForm(tx, boardId, teamId, input.formId);
    if (!form || form.archivedAt || form.purpose !== 'visit')
      throw fieldError('formId', 'Kies een kijkwijzer van dit team.');
    await checkGoals(tx, boardId, teamId, input.observedId, input);
    const visitId = await repo.insertVisit(tx, {
      boardId,
      teamId,
      observerId: input.observerId,
      observedId: input.observedId,
      kind: input.kind,
      scheduledAt: new Date(input.scheduledAt),
      durationMinutes: input.durationMinutes,
      location: input.location ?? '',
      learningQuestion: input.learningQuestion ?? '',
      formId: form.id,
      formTitle: form.title,
      formFields: form.fields,
      teamGoalId: input.teamGoalId ?? null,
      developmentGoalId: input.developmentGoalId ?? null,
      createdBy: personId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await publishChange(tx, topicOf(teamId));
    return visitId;
  });
  return (await loadVisit(ctx.db, ctx, teamId, id)).detail;
}

/**
 * Reschedule or change the plan, while the visit is still planned. A new moment, duration or place moves the
 * visit: the reason (optional) is kept for the two of them, and the other of the two is told by mail.
 */
export async function updateVisit(ctx: Ctx, teamId: string, visitId: string, input: VisitUpdate) {
  const { version, scheduledAt, reason, ...rest } = input;
  return changeVisit(
    ctx,
    teamId,
    visitId,
    version,
    async (tx, { row, detail }) => {
      if (!detail.abilities.edit) throw refuseOrForbid(detail, 'Een bezoek verander je alleen zolang het gepland is.');
      await checkGoals(tx, ctx.actor.boardId, teamId, row.observedId, rest);
      const at = scheduledAt ? new Date(scheduledAt) : undefined;
      const moved =
        (at !== undefined && at.getTime() !== row.scheduledAt.getTime()) ||
        (rest.durationMinutes !== undefined && rest.durationMinutes !== row.durationMinutes) ||
        (rest.location !== undefined && rest.location !== row.location);
      if (reason && !moved)
        throw fieldError(
          'reason',
          'De datum, tijd, duur en plaats blijven gelijk. Verander er een, of laat de reden leeg.',
        );
      return {
        ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
        ...(at ? { scheduledAt: at } : {}),
        ...(moved ? { rescheduledAt: ctx.now, rescheduledReason: reason || null } : {}),
      };
    },
    async (tx, before, after) => {
      if (after.row.rescheduledAt?.getTime() === before.row.rescheduledAt?.getTime()) return;
      const { boardId, personId } = ctx.actor;
      const otherId = after.row.observerId === personId ? after.row.observedId : after.row.observerId;
      const other = await repo.findActivePerson(tx, boardId, otherId);
      if (!other) return;
      const mover = after.row.observerId === personId ? after.detail.observer : after.detail.observed;
      const mail = rescheduledMail({
        toFirstName: other.firstName,
        byName: mover.displayName,
        kind: after.row.kind,
        scheduledAt: after.row.scheduledAt,
        durationMinutes: after.row.durationMinutes,
        location: after.row.location,
        hasReason: Boolean(after.row.rescheduledReason),
        link: visitUrl(ctx.config.publicUrl, teamId, visitId),
      });
      await ctx.mailer.send(tx, { boardId, to: other.email, ...mail });
    },
  );
}

/** A refusal for someone who could read but may not do this: 403 when their role never allows it, else 409. */
function refuseOrForbid(detail: VisitDetail, stateMessage: string): AppError {
  if (detail.role === 'manager') return new AppError('forbidden', 'Je leest dit bezoek mee; je verandert het niet.');
  return refuse(stateMessage);
}

export async function cancelVisit(ctx: Ctx, teamId: string, visitId: string, input: VisitCancel) {
  return changeVisit(ctx, teamId, visitId, input.version, async (_tx, { detail }) => {
    if (!detail.abilities.edit) throw refuseOrForbid(detail, 'Alleen een gepland bezoek kun je afzeggen.');
    return { status: 'cancelled', cancelledReason: input.reason };
  });
}

/** The observer fills the form; answers are checked against the fields the visit was planned with. */
export async function saveAnswers(ctx: Ctx, teamId: string, visitId: string, input: VisitAnswersInput) {
  return changeVisit(ctx, teamId, visitId, input.version, async (_tx, { row, detail }) => {
    if (detail.role !== 'observer') throw new AppError('forbidden', 'Alleen wie bezoekt vult de kijkwijzer in.');
    if (!detail.abilities.answer) throw refuse('Na het nagesprek ligt de ingevulde kijkwijzer vast.');
    const problems = checkAnswers(row.formFields, input.answers);
    if (problems.length > 0) {
      throw new AppError(
        'validation',
        problems[0]!.message,
        problems.map((p) => ({ path: `body.answers.${p.fieldId}`, message: p.message })),
      );
    }
    return { answers: input.answers };
  });
}

/** "Bezoek gedaan": the observer says the visit took place (not before its day). */
export async function markDone(ctx: Ctx, teamId: string, visitId: string, version: number) {
  return changeVisit(ctx, teamId, visitId, version, async (_tx, { detail }) => {
    if (detail.role !== 'observer') throw new AppError('forbidden', 'Alleen wie bezoekt meldt het bezoek als gedaan.');
    if (!detail.abilities.markDone)
      throw refuse(
        detail.status === 'planned'
          ? 'Dit bezoek staat pas later gepland; meld het als gedaan op of na de dag zelf.'
          : 'Dit bezoek is al gedaan of afgezegd.',
      );
    return { status: 'observed', observedAt: ctx.now };
  });
}

/** The follow-up talk along the feedback model, recorded by either of the two. */
export async function saveFeedback(ctx: Ctx, teamId: string, visitId: string, input: VisitFeedbackInput) {
  return changeVisit(ctx, teamId, visitId, input.version, async (_tx, { detail }) => {
    if (!detail.abilities.feedback)
      throw refuseOrForbid(detail, 'Het nagesprek leg je vast nadat het bezoek is gedaan.');
    return {
      feedbackObservation: input.observation,
      feedbackEffect: input.effect,
      feedbackReaction: input.reaction,
      feedbackSuggestions: input.suggestions,
      feedbackAt: ctx.now,
      feedbackBy: ctx.actor.personId,
      status: 'discussed',
    };
  });
}

/**
 * Only the observed person shares the visit with their leidinggevende(n), and takes it back. Sharing mails each
 * current leidinggevende (not one who is the observer: the visit is theirs already); sharing or taking it back
 * starts the "not read yet" over. Sharing what is already shared changes nothing.
 */
export async function shareVisit(ctx: Ctx, teamId: string, visitId: string, input: VisitShareInput) {
  return changeVisit(
    ctx,
    teamId,
    visitId,
    input.version,
    async (_tx, { row, detail }) => {
      if (detail.role !== 'observed')
        throw new AppError('forbidden', 'Alleen wie bezocht is deelt het bezoek met de leidinggevende.');
      if (!detail.abilities.share) throw refuse('Een afgezegd bezoek deel je niet.');
      if (input.shared === (row.sharedAt !== null)) return null;
      return { sharedAt: input.shared ? ctx.now : null, sharedReadAt: null };
    },
    async (tx, _before, { row, detail }) => {
      if (row.sharedAt === null) return;
      const { boardId } = ctx.actor;
      const managers = await repo.findActiveManagers(tx, boardId, row.observedId);
      for (const manager of managers.filter((m) => m.id !== row.observerId)) {
        const mail = sharedMail({
          managerFirstName: manager.firstName,
          observedName: detail.observed.displayName,
          observerName: detail.observer.displayName,
          kind: row.kind,
          scheduledAt: row.scheduledAt,
          link: visitUrl(ctx.config.publicUrl, teamId, row.id),
        });
        await ctx.mailer.send(tx, { boardId, to: manager.email, ...mail });
      }
    },
  );
}

/**
 * The observed person adds the visit to the evidence of their development plan, tied to the visit's development
 * goal when it has one. Once per visit; the evidence then lives in the plan (deleting it there is allowed).
 */
export async function addToPortfolio(ctx: Ctx, teamId: string, visitId: string, version: number) {
  const { boardId, personId } = ctx.actor;
  return changeVisit(ctx, teamId, visitId, version, async (tx, { row, detail }) => {
    if (detail.role !== 'observed')
      throw new AppError('forbidden', 'Alleen wie bezocht is voegt het bezoek toe aan het portfolio.');
    if (detail.evidenceId) throw refuse('Dit bezoek staat al in je portfolio.');
    if (!detail.abilities.addEvidence) throw refuse('Voeg het bezoek toe nadat het is gedaan.');
    const kindLabel = { lesson: 'Lesbezoek', work: 'Werkbezoek', meeting: 'Bezoek aan een overleg' }[detail.kind];
    await repo.insertEvidence(tx, {
      boardId,
      personId,
      goalId: row.developmentGoalId,
      visitId: row.id,
      title: `${kindLabel} door ${detail.observer.displayName} op ${detail.day}`.slice(0, 200),
      description: [
        detail.learningQuestion ? `Leervraag: ${detail.learningQuestion}` : '',
        detail.feedback.suggestions ? `Tips: ${detail.feedback.suggestions}` : '',
      ]
        .filter(Boolean)
        .join('\n\n')
        .slice(0, 2000),
      url: `${ctx.config.publicUrl}/team/${teamId}/bezoeken/${row.id}`,
      createdBy: personId,
      createdAt: ctx.now,
    });
    return null;
  });
}
