import type {
  FeedbackInstrument,
  FeedbackQuestionnaire,
  FeedbackQuestionnaireCreate,
  FeedbackQuestionnaireList,
  FeedbackQuestionnairesQuery,
  FeedbackQuestionnaireSummary,
  FeedbackQuestionnaireUpdate,
  FeedbackTemplateKey,
  QuestionnaireStatus,
  RaterGroup,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/http/errors.ts';
import { instrumentErrors } from './feedback.rules.ts';
import * as policy from './feedback.policy.ts';
import * as repo from './feedback.repository.ts';
import { emptyInstrument, FEEDBACK_TEMPLATES } from './feedback.templates.ts';

type Loaded = NonNullable<Awaited<ReturnType<typeof repo.findQuestionnaire>>>;

const itemCount = (sections: { items: unknown[] }[]) => sections.reduce((n, s) => n + s.items.length, 0);

function summary({ q, schoolName }: Loaded): FeedbackQuestionnaireSummary {
  return {
    id: q.id,
    schoolId: q.schoolId,
    schoolName,
    name: q.name,
    description: q.description,
    status: q.status as QuestionnaireStatus,
    templateKey: q.templateKey,
    items: itemCount(q.sections),
    raterGroups: q.raterGroups as RaterGroup[],
    updatedAt: q.updatedAt.toISOString(),
  };
}

function present(ctx: Ctx, loaded: Loaded): FeedbackQuestionnaire {
  const manage = policy.canManageQuestionnaires(ctx.actor, loaded.q.schoolId);
  return {
    ...summary(loaded),
    scale: loaded.q.scale,
    sections: loaded.q.sections,
    version: loaded.q.version,
    abilities: {
      edit: manage && loaded.q.status !== 'archived',
      publish: manage && loaded.q.status === 'draft',
      archive: manage && loaded.q.status !== 'archived',
    },
  };
}

/** The instrument a questionnaire holds, in the shape a round copies. */
export function instrumentOf(q: repo.QuestionnaireRow): FeedbackInstrument {
  return {
    name: q.name,
    description: q.description,
    scale: q.scale,
    sections: q.sections,
    raterGroups: q.raterGroups as RaterGroup[],
  };
}

export async function listQuestionnaires(
  ctx: Ctx,
  query: FeedbackQuestionnairesQuery,
): Promise<FeedbackQuestionnaireList> {
  const schools = await repo.findSchools(ctx.db, ctx.actor.boardId);
  const manageable = schools.filter((s) => policy.canManageQuestionnaires(ctx.actor, s.id));
  const mine = new Set(policy.schoolsOf(ctx.actor));
  const visible = schools
    .filter((s) => manageable.includes(s) || mine.has(s.id))
    .filter((s) => !query.schoolId || s.id === query.schoolId);
  const rows = await repo.findQuestionnaires(ctx.db, ctx.actor.boardId, {
    schoolIds: visible.map((s) => s.id),
    publishedOnly: false,
  });
  const items = rows
    .filter((r) => policy.canViewQuestionnaire(ctx.actor, r.q))
    .filter((r) => query.status === 'all' || r.q.status === 'published')
    .map(summary);
  return {
    items,
    templates: (Object.keys(FEEDBACK_TEMPLATES) as FeedbackTemplateKey[]).map((key) => ({
      key,
      name: FEEDBACK_TEMPLATES[key].name,
      description: FEEDBACK_TEMPLATES[key].description,
      items: itemCount(FEEDBACK_TEMPLATES[key].sections),
    })),
    manageableSchools: manageable,
  };
}

async function loadVisible(ctx: Ctx, id: string): Promise<Loaded> {
  const loaded = await repo.findQuestionnaire(ctx.db, ctx.actor.boardId, id);
  if (!loaded || !policy.canViewQuestionnaire(ctx.actor, loaded.q)) throw new AppError('not_found');
  return loaded;
}

export async function getQuestionnaire(ctx: Ctx, id: string): Promise<FeedbackQuestionnaire> {
  return present(ctx, await loadVisible(ctx, id));
}

export async function createQuestionnaire(
  ctx: Ctx,
  input: FeedbackQuestionnaireCreate,
): Promise<FeedbackQuestionnaire> {
  const [school] = await repo.findSchools(ctx.db, ctx.actor.boardId, [input.schoolId]);
  if (!school) throw new AppError('not_found', 'Deze school bestaat niet.');
  if (!policy.canManageQuestionnaires(ctx.actor, school.id)) throw new AppError('forbidden');
  const base = input.templateKey
    ? FEEDBACK_TEMPLATES[input.templateKey]
    : emptyInstrument(input.name ?? 'Nieuwe vragenlijst');
  const row = await ctx.db.transaction(async (tx) => {
    const q = await repo.insertQuestionnaire(tx, {
      boardId: ctx.actor.boardId,
      schoolId: school.id,
      name: input.name ?? base.name,
      description: base.description,
      templateKey: input.templateKey ?? null,
      scale: structuredClone(base.scale),
      sections: structuredClone(base.sections),
      raterGroups: [...base.raterGroups],
      status: 'draft',
      createdBy: ctx.actor.personId,
    });
    await audit(tx, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'feedback.questionnaire.created',
      targetType: 'feedback_questionnaire',
      targetId: q.id,
    });
    return q;
  });
  return getQuestionnaire(ctx, row.id);
}

export async function updateQuestionnaire(
  ctx: Ctx,
  id: string,
  input: FeedbackQuestionnaireUpdate,
): Promise<FeedbackQuestionnaire> {
  const loaded = await loadVisible(ctx, id);
  if (!policy.canManageQuestionnaires(ctx.actor, loaded.q.schoolId)) throw new AppError('forbidden');
  if (loaded.q.status === 'archived') {
    throw new AppError('conflict', 'Deze vragenlijst is gearchiveerd en kan niet meer worden aangepast.');
  }
  const { version, ...instrument } = input;
  // A published questionnaire must stay publishable; a draft may be half finished.
  const errors = instrumentErrors(instrument, { publishing: loaded.q.status === 'published' });
  if (errors.length) throw new AppError('validation', errors[0]!.message, errors);
  const updated = await repo.updateQuestionnaire(ctx.db, ctx.actor.boardId, id, version, {
    name: instrument.name,
    description: instrument.description,
    scale: instrument.scale,
    sections: instrument.sections,
    raterGroups: instrument.raterGroups,
  });
  if (!updated) throw new AppError('conflict', undefined, { reason: 'stale' });
  return getQuestionnaire(ctx, id);
}

export async function setQuestionnaireStatus(
  ctx: Ctx,
  id: string,
  version: number,
  status: 'published' | 'archived',
): Promise<FeedbackQuestionnaire> {
  const loaded = await loadVisible(ctx, id);
  if (!policy.canManageQuestionnaires(ctx.actor, loaded.q.schoolId)) throw new AppError('forbidden');
  if (status === 'published') {
    if (loaded.q.status !== 'draft') throw new AppError('conflict', 'Alleen een concept kun je publiceren.');
    const errors = instrumentErrors(instrumentOf(loaded.q), { publishing: true });
    if (errors.length) throw new AppError('validation', errors[0]!.message, errors);
  } else if (loaded.q.status === 'archived') {
    throw new AppError('conflict', 'Deze vragenlijst is al gearchiveerd.');
  }
  await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateQuestionnaire(tx, ctx.actor.boardId, id, version, { status });
    if (!updated) throw new AppError('conflict', undefined, { reason: 'stale' });
    await audit(tx, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: status === 'published' ? 'feedback.questionnaire.published' : 'feedback.questionnaire.archived',
      targetType: 'feedback_questionnaire',
      targetId: id,
    });
  });
  return getQuestionnaire(ctx, id);
}
