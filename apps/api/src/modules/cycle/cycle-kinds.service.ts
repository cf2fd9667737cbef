import { randomBytes } from 'node:crypto';
import type {
  ConversationFormInput,
  ConversationFormUpdate,
  ConversationKindInput,
  ConversationKindUpdate,
  CycleConfig,
  CycleRuleInput,
  CycleRuleUpdate,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { fieldError } from '../../platform/http/errors.ts';
import { stripUndefined } from '../../platform/objects.ts';
import * as lookups from './cycle-overview.repository.ts';
import * as repo from './cycle.repository.ts';
import { changeCycle, requireEdit, requireEditRow, stale } from './cycle.service.ts';

// A school's kinds of conversation, the rules that say who has which kind when, and the forms the kinds use.

// Kinds

const KIND_TAKEN = 'Er is al een soort gesprek met deze naam.';

async function checkForms(
  ctx: Ctx,
  schoolId: string,
  input: { reflectionFormId?: string | null | undefined; questionFormId?: string | null | undefined },
) {
  const checks = [
    ['reflectionFormId', input.reflectionFormId, 'reflection'],
    ['questionFormId', input.questionFormId, 'questions'],
  ] as const;
  for (const [path, id, purpose] of checks) {
    if (!id) continue;
    const form = await repo.findForm(ctx.db, ctx.actor.boardId, schoolId, id);
    if (!form || form.purpose !== purpose) throw fieldError(path, 'Kies een formulier van deze school.');
  }
}

export async function createKind(ctx: Ctx, schoolId: string, input: ConversationKindInput): Promise<CycleConfig> {
  const school = await requireEdit(ctx, schoolId);
  await checkForms(ctx, schoolId, input);
  const { boardId } = ctx.actor;
  return changeCycle(
    ctx,
    school,
    async (tx) => {
      const position = input.position ?? (await repo.findKinds(tx, boardId, [schoolId])).length + 1;
      await repo.insertKinds(tx, [
        {
          boardId,
          schoolId,
          key: input.key,
          name: input.name,
          description: input.description,
          reflectionFormId: input.reflectionFormId ?? null,
          questionFormId: input.questionFormId ?? null,
          position,
        },
      ]);
      return ['cycle.kind_created', { name: input.name }];
    },
    KIND_TAKEN,
  );
}

export async function updateKind(ctx: Ctx, schoolId: string, kindId: string, input: ConversationKindUpdate) {
  const { school } = await requireEditRow(ctx, schoolId, repo.findKind, kindId);
  await checkForms(ctx, schoolId, input);
  const { version, ...values } = input;
  return changeCycle(
    ctx,
    school,
    async (tx) => {
      if (!(await repo.updateKind(tx, ctx.actor.boardId, kindId, version, stripUndefined(values)))) throw stale();
      return ['cycle.kind_updated', { kindId }];
    },
    KIND_TAKEN,
  );
}

/** Deletes a kind with its rules; a kind that conversations use is switched off instead. */
export async function deleteKind(ctx: Ctx, schoolId: string, kindId: string) {
  const { school, row: kind } = await requireEditRow(ctx, schoolId, repo.findKind, kindId);
  return changeCycle(ctx, school, async (tx) => {
    if (await repo.isKindInUse(tx, ctx.actor.boardId, kindId)) {
      await repo.updateKind(tx, ctx.actor.boardId, kindId, kind.version, { active: false });
      return ['cycle.kind_deactivated', { name: kind.name }];
    }
    await repo.deleteKind(tx, ctx.actor.boardId, kindId);
    return ['cycle.kind_deleted', { name: kind.name }];
  });
}

// Rules

async function checkRuleTargets(
  ctx: Ctx,
  schoolId: string,
  input: { kindId?: string; teamIds?: string[] | undefined },
) {
  if (input.kindId && !(await repo.findKind(ctx.db, ctx.actor.boardId, schoolId, input.kindId)))
    throw fieldError('kindId', 'Kies een soort gesprek van deze school.');
  if (input.teamIds && input.teamIds.length > 0) {
    const teams = new Set((await lookups.findTeams(ctx.db, ctx.actor.boardId, schoolId)).map((t) => t.id));
    if (input.teamIds.some((id) => !teams.has(id))) throw fieldError('teamIds', 'Kies teams van deze school.');
  }
}

export async function createRule(ctx: Ctx, schoolId: string, input: CycleRuleInput): Promise<CycleConfig> {
  const school = await requireEdit(ctx, schoolId);
  await checkRuleTargets(ctx, schoolId, input);
  return changeCycle(ctx, school, async (tx) => {
    await repo.insertRules(tx, [
      {
        boardId: ctx.actor.boardId,
        schoolId,
        kindId: input.kindId,
        roles: [...new Set(input.roles)],
        teamIds: [...new Set(input.teamIds)],
        everyYears: input.everyYears,
        periodPosition: input.periodPosition,
        active: input.active ?? true,
      },
    ]);
    return ['cycle.rule_created', { kindId: input.kindId }];
  });
}

export async function updateRule(ctx: Ctx, schoolId: string, ruleId: string, input: CycleRuleUpdate) {
  const { school } = await requireEditRow(ctx, schoolId, repo.findRule, ruleId);
  await checkRuleTargets(ctx, schoolId, input);
  const { version, ...values } = input;
  return changeCycle(ctx, school, async (tx) => {
    if (!(await repo.updateRule(tx, ctx.actor.boardId, ruleId, version, stripUndefined(values)))) throw stale();
    return ['cycle.rule_updated', { ruleId }];
  });
}

export async function deleteRule(ctx: Ctx, schoolId: string, ruleId: string) {
  const { school } = await requireEditRow(ctx, schoolId, repo.findRule, ruleId);
  return changeCycle(ctx, school, async (tx) => {
    await repo.deleteRule(tx, ctx.actor.boardId, ruleId);
    return ['cycle.rule_deleted', { ruleId }];
  });
}

// Forms

const FORM_TAKEN = 'Er is al een formulier met deze naam.';

/** Items keep their ids (answers refer to them); new items get a fresh one. */
function formItems(items: ConversationFormInput['items']) {
  const seen = new Set<string>();
  return items.map((item) => {
    let id = item.id && !seen.has(item.id) ? item.id : randomBytes(4).toString('hex');
    while (seen.has(id)) id = randomBytes(4).toString('hex');
    seen.add(id);
    return item.help ? { id, text: item.text, help: item.help } : { id, text: item.text };
  });
}

export async function createForm(ctx: Ctx, schoolId: string, input: ConversationFormInput): Promise<CycleConfig> {
  const school = await requireEdit(ctx, schoolId);
  return changeCycle(
    ctx,
    school,
    async (tx) => {
      await repo.insertForms(tx, [
        {
          boardId: ctx.actor.boardId,
          schoolId,
          purpose: input.purpose,
          name: input.name,
          role: input.role ?? null,
          items: formItems(input.items),
        },
      ]);
      return ['cycle.form_created', { name: input.name }];
    },
    FORM_TAKEN,
  );
}

export async function updateForm(ctx: Ctx, schoolId: string, formId: string, input: ConversationFormUpdate) {
  const { school } = await requireEditRow(ctx, schoolId, repo.findForm, formId);
  const { version, items, ...values } = input;
  return changeCycle(
    ctx,
    school,
    async (tx) => {
      const saved = await repo.updateForm(tx, ctx.actor.boardId, formId, version, {
        ...stripUndefined(values),
        ...(items ? { items: formItems(items) } : {}),
      });
      if (!saved) throw stale();
      return ['cycle.form_updated', { formId }];
    },
    FORM_TAKEN,
  );
}

/** Deletes a form; one that a kind or conversation uses is switched off instead. */
export async function deleteForm(ctx: Ctx, schoolId: string, formId: string) {
  const { school, row: form } = await requireEditRow(ctx, schoolId, repo.findForm, formId);
  return changeCycle(ctx, school, async (tx) => {
    if (await repo.isFormInUse(tx, ctx.actor.boardId, formId)) {
      await repo.updateForm(tx, ctx.actor.boardId, formId, form.version, { active: false });
      return ['cycle.form_deactivated', { name: form.name }];
    }
    await repo.deleteForm(tx, ctx.actor.boardId, formId);
    return ['cycle.form_deleted', { name: form.name }];
  });
}
