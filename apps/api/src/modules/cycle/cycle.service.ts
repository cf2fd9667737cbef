import { randomBytes } from 'node:crypto';
import type {
  ConversationFormInput,
  ConversationFormUpdate,
  ConversationKindInput,
  ConversationKindUpdate,
  CycleConfig,
  CycleRuleInput,
  CycleRuleUpdate,
  SchoolSettings,
  SchoolSettingsInput,
  SchoolYearInput,
  SchoolYearUpdate,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { stripUndefined } from '../../platform/objects.ts';
import * as policy from './cycle.policy.ts';
import * as repo from './cycle.repository.ts';
import {
  FORM_TEMPLATES,
  INACTIVE_KINDS,
  KIND_TEMPLATES,
  RULE_TEMPLATES,
  schoolYearStartOf,
  standardYear,
} from './cycle.templates.ts';
import { localDay } from './cycle-status.ts';

// A school's cycle configuration: settings, school years, kinds, rules and forms.

export const DEFAULT_SETTINGS = { minGroupSize: 3, minTextGroupSize: 5, retentionMonths: 24, reminderDays: 3 };

const stale = () => new AppError('conflict', undefined, { reason: 'stale' });
const taken = (path: string, message: string) => new AppError('conflict', message, [{ path, message }]);

/** The school when the actor may see its cycle; 404 otherwise (never reveal another school). */
async function requireView(ctx: Ctx, schoolId: string) {
  const school = await repo.findSchool(ctx.db, ctx.actor.boardId, schoolId);
  if (!school || !policy.canViewCycle(ctx.actor, schoolId)) throw new AppError('not_found');
  return school;
}

async function requireEdit(ctx: Ctx, schoolId: string) {
  const school = await requireView(ctx, schoolId);
  if (!policy.canEditCycle(ctx.actor, schoolId)) throw new AppError('forbidden');
  return school;
}

function auditChange(ctx: Ctx, db: Db, schoolId: string, action: string, details?: Record<string, unknown>) {
  return audit(db, {
    boardId: ctx.actor.boardId,
    actorId: ctx.actor.personId,
    action,
    targetType: 'school',
    targetId: schoolId,
    details,
  });
}

/** A school's settings, or the defaults (version 0) when it has none yet. */
export async function getSchoolSettings(db: Db, boardId: string, schoolId: string): Promise<SchoolSettings> {
  const row = await repo.findSettings(db, boardId, schoolId);
  if (!row) return { schoolId, ...DEFAULT_SETTINGS, version: 0 };
  return {
    schoolId,
    minGroupSize: row.minGroupSize,
    minTextGroupSize: row.minTextGroupSize,
    retentionMonths: row.retentionMonths,
    reminderDays: row.reminderDays,
    version: row.version,
  };
}

export async function listCycleSchools(ctx: Ctx) {
  const scope = policy.cycleSchoolScope(ctx.actor);
  if (scope.kind === 'schools' && scope.schoolIds.length === 0) return { items: [] };
  const rows = await repo.findSchools(ctx.db, ctx.actor.boardId, scope.kind === 'board' ? undefined : scope.schoolIds);
  return {
    items: rows.map((s) => ({ ...s, abilities: policy.cycleAbilities(ctx.actor, s.id, s.configured) })),
  };
}

export async function getCycleConfig(ctx: Ctx, schoolId: string): Promise<CycleConfig> {
  const school = await requireView(ctx, schoolId);
  return loadConfig(ctx, school);
}

async function loadConfig(ctx: Ctx, school: { id: string; name: string }): Promise<CycleConfig> {
  const { boardId } = ctx.actor;
  const [settings, years, inUse, kinds, rules, forms, teams] = await Promise.all([
    getSchoolSettings(ctx.db, boardId, school.id),
    repo.findYears(ctx.db, boardId, [school.id]),
    repo.findYearsInUse(ctx.db, boardId, school.id),
    repo.findKinds(ctx.db, boardId, [school.id]),
    repo.findRules(ctx.db, boardId, [school.id]),
    repo.findForms(ctx.db, boardId, school.id),
    repo.findTeams(ctx.db, boardId, school.id),
  ]);
  return {
    school,
    settings,
    years: years.map((y) => ({
      id: y.id,
      name: y.name,
      startsOn: y.startsOn,
      endsOn: y.endsOn,
      periods: y.periods.map((p) => ({
        id: p.id,
        position: p.position,
        name: p.name,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
      })),
      inUse: inUse.has(y.id),
      version: y.version,
    })),
    kinds: kinds.map((k) => ({
      id: k.id,
      key: k.key as CycleConfig['kinds'][number]['key'],
      name: k.name,
      description: k.description,
      reflectionFormId: k.reflectionFormId,
      questionFormId: k.questionFormId,
      position: k.position,
      active: k.active,
      version: k.version,
    })),
    rules: rules.map((r) => ({
      id: r.id,
      kindId: r.kindId,
      roles: r.roles as CycleConfig['rules'][number]['roles'],
      teamIds: r.teamIds,
      everyYears: r.everyYears,
      periodPosition: r.periodPosition,
      active: r.active,
      version: r.version,
    })),
    forms: forms.map((f) => ({
      id: f.id,
      purpose: f.purpose as CycleConfig['forms'][number]['purpose'],
      name: f.name,
      role: f.role as CycleConfig['forms'][number]['role'],
      templateKey: f.templateKey,
      items: f.items.map((i) => stripUndefined(i) as { id: string; text: string; help?: string }),
      active: f.active,
      version: f.version,
    })),
    teams,
    abilities: policy.cycleAbilities(ctx.actor, school.id, kinds.length > 0),
  };
}

// Defaults

/**
 * Sets a school up with the standard cycle: this school year and the next (three periods each), the six
 * kinds, rules, a self-reflection form and question sets. Refuses (409) when the school already has kinds.
 */
export async function applyCycleDefaults(db: Db, input: { boardId: string; schoolId: string; now: Date }) {
  const { boardId, schoolId } = input;
  await db.transaction(async (tx) => {
    if ((await repo.findKinds(tx, boardId, [schoolId])).length > 0)
      throw new AppError('conflict', 'Deze school heeft al een gesprekscyclus.', { reason: 'configured' });
    const first = schoolYearStartOf(localDay(input.now));
    const existing = new Set((await repo.findYears(tx, boardId, [schoolId])).map((y) => y.name));
    for (const start of [first, first + 1]) {
      const year = standardYear(start);
      if (existing.has(year.name)) continue;
      const row = await repo.insertYear(tx, {
        boardId,
        schoolId,
        name: year.name,
        startsOn: year.startsOn,
        endsOn: year.endsOn,
      });
      await repo.replacePeriods(tx, boardId, row.id, year.periods);
    }
    const forms = await repo.insertForms(
      tx,
      FORM_TEMPLATES.map((f) => ({
        boardId,
        schoolId,
        purpose: f.purpose,
        name: f.name,
        role: f.role,
        templateKey: f.key,
        items: f.items.map((i) => ({ ...i })),
      })),
    );
    const reflection = forms.find((f) => f.templateKey === 'reflectie-algemeen')!;
    const questions = forms.find((f) => f.templateKey === 'vragen-algemeen')!;
    const kinds = await repo.insertKinds(
      tx,
      KIND_TEMPLATES.map((k, i) => ({
        boardId,
        schoolId,
        key: k.key,
        name: k.name,
        description: k.description,
        reflectionFormId: reflection.id,
        questionFormId: questions.id,
        position: i + 1,
        active: !INACTIVE_KINDS.includes(k.key),
      })),
    );
    await repo.insertRules(
      tx,
      RULE_TEMPLATES.map((r) => ({
        boardId,
        schoolId,
        kindId: kinds.find((k) => k.key === r.kind)!.id,
        everyYears: r.everyYears,
        periodPosition: r.periodPosition,
      })),
    );
  });
}

export async function applyDefaults(ctx: Ctx, schoolId: string): Promise<CycleConfig> {
  const school = await requireEdit(ctx, schoolId);
  await applyCycleDefaults(ctx.db, { boardId: ctx.actor.boardId, schoolId, now: ctx.now });
  await auditChange(ctx, ctx.db, schoolId, 'cycle.defaults_applied');
  return loadConfig(ctx, school);
}

// Settings

export async function saveSettings(ctx: Ctx, schoolId: string, input: SchoolSettingsInput): Promise<CycleConfig> {
  const school = await requireEdit(ctx, schoolId);
  if (input.minTextGroupSize < input.minGroupSize)
    throw fieldError('minTextGroupSize', 'Dit moet minstens zo groot zijn als het minimum voor scores.');
  const { version, ...values } = input;
  const saved =
    version === 0
      ? await repo.insertSettings(ctx.db, { boardId: ctx.actor.boardId, schoolId, ...values })
      : await repo.updateSettings(ctx.db, ctx.actor.boardId, schoolId, version, values);
  if (!saved) throw stale();
  await auditChange(ctx, ctx.db, schoolId, 'cycle.settings_changed', { ...values });
  return loadConfig(ctx, school);
}

// School years

function checkYear(input: SchoolYearInput) {
  if (input.endsOn <= input.startsOn) throw fieldError('endsOn', 'Het einde moet na het begin liggen.');
  let previousEnd = '';
  input.periods.forEach((p, i) => {
    if (p.endsOn < p.startsOn) throw fieldError(`periods.${i}.endsOn`, 'Het einde moet na het begin liggen.');
    if (p.startsOn < input.startsOn || p.endsOn > input.endsOn)
      throw fieldError(`periods.${i}.startsOn`, 'Deze periode valt buiten het schooljaar.');
    if (previousEnd && p.startsOn <= previousEnd)
      throw fieldError(`periods.${i}.startsOn`, 'Deze periode begint voordat de vorige is afgelopen.');
    previousEnd = p.endsOn;
  });
}

const yearTaken = () => taken('name', 'Er is al een schooljaar met deze naam.');

export async function createYear(ctx: Ctx, schoolId: string, input: SchoolYearInput): Promise<CycleConfig> {
  const school = await requireEdit(ctx, schoolId);
  checkYear(input);
  try {
    await ctx.db.transaction(async (tx) => {
      const row = await repo.insertYear(tx, {
        boardId: ctx.actor.boardId,
        schoolId,
        name: input.name,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      });
      await repo.replacePeriods(tx, ctx.actor.boardId, row.id, input.periods);
      await auditChange(ctx, tx, schoolId, 'cycle.year_created', { name: input.name });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw yearTaken();
    throw err;
  }
  return loadConfig(ctx, school);
}

export async function updateYear(ctx: Ctx, schoolId: string, yearId: string, input: SchoolYearUpdate) {
  const school = await requireView(ctx, schoolId);
  if (!(await repo.findYear(ctx.db, ctx.actor.boardId, schoolId, yearId))) throw new AppError('not_found');
  if (!policy.canEditCycle(ctx.actor, schoolId)) throw new AppError('forbidden');
  checkYear(input);
  const { version, periods, ...values } = input;
  try {
    await ctx.db.transaction(async (tx) => {
      if (!(await repo.updateYear(tx, ctx.actor.boardId, yearId, version, values))) throw stale();
      await repo.replacePeriods(tx, ctx.actor.boardId, yearId, periods);
      await auditChange(ctx, tx, schoolId, 'cycle.year_updated', { name: input.name });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw yearTaken();
    throw err;
  }
  return loadConfig(ctx, school);
}

export async function deleteYear(ctx: Ctx, schoolId: string, yearId: string) {
  const school = await requireView(ctx, schoolId);
  const year = await repo.findYear(ctx.db, ctx.actor.boardId, schoolId, yearId);
  if (!year) throw new AppError('not_found');
  if (!policy.canEditCycle(ctx.actor, schoolId)) throw new AppError('forbidden');
  if ((await repo.findYearsInUse(ctx.db, ctx.actor.boardId, schoolId)).has(yearId))
    throw new AppError('conflict', 'Er zijn gesprekken in dit schooljaar; je kunt het daarom niet verwijderen.', {
      reason: 'in_use',
    });
  await ctx.db.transaction(async (tx) => {
    await repo.deleteYear(tx, ctx.actor.boardId, yearId);
    await auditChange(ctx, tx, schoolId, 'cycle.year_deleted', { name: year.name });
  });
  return loadConfig(ctx, school);
}

// Kinds

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

const kindTaken = () => taken('name', 'Er is al een soort gesprek met deze naam.');

export async function createKind(ctx: Ctx, schoolId: string, input: ConversationKindInput) {
  const school = await requireEdit(ctx, schoolId);
  await checkForms(ctx, schoolId, input);
  try {
    await ctx.db.transaction(async (tx) => {
      const position = input.position ?? (await repo.findKinds(tx, ctx.actor.boardId, [schoolId])).length + 1;
      await repo.insertKinds(tx, [
        {
          boardId: ctx.actor.boardId,
          schoolId,
          key: input.key,
          name: input.name,
          description: input.description,
          reflectionFormId: input.reflectionFormId ?? null,
          questionFormId: input.questionFormId ?? null,
          position,
        },
      ]);
      await auditChange(ctx, tx, schoolId, 'cycle.kind_created', { name: input.name });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw kindTaken();
    throw err;
  }
  return loadConfig(ctx, school);
}

export async function updateKind(ctx: Ctx, schoolId: string, kindId: string, input: ConversationKindUpdate) {
  const school = await requireView(ctx, schoolId);
  if (!(await repo.findKind(ctx.db, ctx.actor.boardId, schoolId, kindId))) throw new AppError('not_found');
  if (!policy.canEditCycle(ctx.actor, schoolId)) throw new AppError('forbidden');
  await checkForms(ctx, schoolId, input);
  const { version, ...values } = input;
  try {
    if (!(await repo.updateKind(ctx.db, ctx.actor.boardId, kindId, version, stripUndefined(values)))) throw stale();
  } catch (err) {
    if (isUniqueViolation(err)) throw kindTaken();
    throw err;
  }
  await auditChange(ctx, ctx.db, schoolId, 'cycle.kind_updated', { kindId });
  return loadConfig(ctx, school);
}

/** Deletes a kind with its rules; a kind that conversations use is switched off instead. */
export async function deleteKind(ctx: Ctx, schoolId: string, kindId: string) {
  const school = await requireView(ctx, schoolId);
  const kind = await repo.findKind(ctx.db, ctx.actor.boardId, schoolId, kindId);
  if (!kind) throw new AppError('not_found');
  if (!policy.canEditCycle(ctx.actor, schoolId)) throw new AppError('forbidden');
  await ctx.db.transaction(async (tx) => {
    if (await repo.isKindInUse(tx, ctx.actor.boardId, kindId)) {
      await repo.updateKind(tx, ctx.actor.boardId, kindId, kind.version, { active: false });
      await auditChange(ctx, tx, schoolId, 'cycle.kind_deactivated', { name: kind.name });
    } else {
      await repo.deleteKind(tx, ctx.actor.boardId, kindId);
      await auditChange(ctx, tx, schoolId, 'cycle.kind_deleted', { name: kind.name });
    }
  });
  return loadConfig(ctx, school);
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
    const teams = new Set((await repo.findTeams(ctx.db, ctx.actor.boardId, schoolId)).map((t) => t.id));
    if (input.teamIds.some((id) => !teams.has(id))) throw fieldError('teamIds', 'Kies teams van deze school.');
  }
}

export async function createRule(ctx: Ctx, schoolId: string, input: CycleRuleInput) {
  const school = await requireEdit(ctx, schoolId);
  await checkRuleTargets(ctx, schoolId, input);
  await ctx.db.transaction(async (tx) => {
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
    await auditChange(ctx, tx, schoolId, 'cycle.rule_created', { kindId: input.kindId });
  });
  return loadConfig(ctx, school);
}

export async function updateRule(ctx: Ctx, schoolId: string, ruleId: string, input: CycleRuleUpdate) {
  const school = await requireView(ctx, schoolId);
  if (!(await repo.findRule(ctx.db, ctx.actor.boardId, schoolId, ruleId))) throw new AppError('not_found');
  if (!policy.canEditCycle(ctx.actor, schoolId)) throw new AppError('forbidden');
  await checkRuleTargets(ctx, schoolId, input);
  const { version, ...values } = input;
  if (!(await repo.updateRule(ctx.db, ctx.actor.boardId, ruleId, version, stripUndefined(values)))) throw stale();
  await auditChange(ctx, ctx.db, schoolId, 'cycle.rule_updated', { ruleId });
  return loadConfig(ctx, school);
}

export async function deleteRule(ctx: Ctx, schoolId: string, ruleId: string) {
  const school = await requireView(ctx, schoolId);
  if (!(await repo.findRule(ctx.db, ctx.actor.boardId, schoolId, ruleId))) throw new AppError('not_found');
  if (!policy.canEditCycle(ctx.actor, schoolId)) throw new AppError('forbidden');
  await ctx.db.transaction(async (tx) => {
    await repo.deleteRule(tx, ctx.actor.boardId, ruleId);
    await auditChange(ctx, tx, schoolId, 'cycle.rule_deleted', { ruleId });
  });
  return loadConfig(ctx, school);
}

// Forms

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

const formTaken = () => taken('name', 'Er is al een formulier met deze naam.');

export async function createForm(ctx: Ctx, schoolId: string, input: ConversationFormInput) {
  const school = await requireEdit(ctx, schoolId);
  try {
    await ctx.db.transaction(async (tx) => {
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
      await auditChange(ctx, tx, schoolId, 'cycle.form_created', { name: input.name });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw formTaken();
    throw err;
  }
  return loadConfig(ctx, school);
}

export async function updateForm(ctx: Ctx, schoolId: string, formId: string, input: ConversationFormUpdate) {
  const school = await requireView(ctx, schoolId);
  if (!(await repo.findForm(ctx.db, ctx.actor.boardId, schoolId, formId))) throw new AppError('not_found');
  if (!policy.canEditCycle(ctx.actor, schoolId)) throw new AppError('forbidden');
  const { version, items, ...values } = input;
  try {
    const saved = await repo.updateForm(ctx.db, ctx.actor.boardId, formId, version, {
      ...stripUndefined(values),
      ...(items ? { items: formItems(items) } : {}),
    });
    if (!saved) throw stale();
  } catch (err) {
    if (isUniqueViolation(err)) throw formTaken();
    throw err;
  }
  await auditChange(ctx, ctx.db, schoolId, 'cycle.form_updated', { formId });
  return loadConfig(ctx, school);
}

/** Deletes a form; one that a kind or conversation uses is switched off instead. */
export async function deleteForm(ctx: Ctx, schoolId: string, formId: string) {
  const school = await requireView(ctx, schoolId);
  const form = await repo.findForm(ctx.db, ctx.actor.boardId, schoolId, formId);
  if (!form) throw new AppError('not_found');
  if (!policy.canEditCycle(ctx.actor, schoolId)) throw new AppError('forbidden');
  await ctx.db.transaction(async (tx) => {
    if (await repo.isFormInUse(tx, ctx.actor.boardId, formId)) {
      await repo.updateForm(tx, ctx.actor.boardId, formId, form.version, { active: false });
      await auditChange(ctx, tx, schoolId, 'cycle.form_deactivated', { name: form.name });
    } else {
      await repo.deleteForm(tx, ctx.actor.boardId, formId);
      await auditChange(ctx, tx, schoolId, 'cycle.form_deleted', { name: form.name });
    }
  });
  return loadConfig(ctx, school);
}
