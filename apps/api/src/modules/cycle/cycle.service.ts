import type { CycleConfig, SchoolSettings, SchoolSettingsInput } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { stripUndefined } from '../../platform/objects.ts';
import * as policy from './cycle.policy.ts';
import * as lookups from './cycle-overview.repository.ts';
import * as repo from './cycle.repository.ts';
import {
  FORM_TEMPLATES,
  INACTIVE_KINDS,
  KIND_TEMPLATES,
  RULE_TEMPLATES,
  schoolYearStartOf,
  standardYear,
} from './cycle.templates.ts';
import { schoolDay } from '../../platform/time.ts';

// A school's cycle configuration: who may see and change it, the configuration as a whole, settings, defaults.
// The changes of school years are in cycle-years.service.ts, those of kinds, rules and forms in
// cycle-kinds.service.ts; every change goes through `changeCycle`.

export const DEFAULT_SETTINGS = { minGroupSize: 3, minTextGroupSize: 5, retentionMonths: 24, reminderDays: 3 };

type School = { id: string; name: string };

export const stale = () => new AppError('conflict', undefined, { reason: 'stale' });

/** The school when the actor may see its cycle; 404 otherwise (never reveal another school). */
async function requireView(ctx: Ctx, schoolId: string): Promise<School> {
  const school = await lookups.findSchool(ctx.db, ctx.actor.boardId, schoolId);
  if (!school || !policy.canViewCycle(ctx.actor, schoolId)) throw new AppError('not_found');
  return school;
}

/** The school when the actor may change its cycle: 404 when they may not see it, 403 when they may only look. */
export async function requireEdit(ctx: Ctx, schoolId: string): Promise<School> {
  const school = await requireView(ctx, schoolId);
  if (!policy.canEditCycle(ctx.actor, schoolId)) throw new AppError('forbidden');
  return school;
}

/**
 * The school and one row of its configuration that the actor is about to change: 404 when either is hidden or
 * missing, 403 when the actor may only look.
 */
export async function requireEditRow<R>(
  ctx: Ctx,
  schoolId: string,
  find: (db: Db, boardId: string, schoolId: string, id: string) => Promise<R | null>,
  id: string,
): Promise<{ school: School; row: R }> {
  const school = await requireView(ctx, schoolId);
  const row = await find(ctx.db, ctx.actor.boardId, schoolId, id);
  if (!row) throw new AppError('not_found');
  if (!policy.canEditCycle(ctx.actor, schoolId)) throw new AppError('forbidden');
  return { school, row };
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

/** What a change writes to the audit log: its action and details. */
export type Audited = [action: string, details?: Record<string, unknown>];

/**
 * Runs one change of a school's cycle in a transaction together with its audit entry, and answers with the
 * configuration afterwards. With `takenMessage`, a name that is already taken (a unique violation) is a 409 on
 * `name` with that message.
 */
export async function changeCycle(
  ctx: Ctx,
  school: School,
  change: (tx: Db) => Promise<Audited>,
  takenMessage?: string,
): Promise<CycleConfig> {
  try {
    await ctx.db.transaction(async (tx) => {
      const [action, details] = await change(tx);
      await auditChange(ctx, tx, school.id, action, details);
    });
  } catch (err) {
    if (takenMessage && isUniqueViolation(err))
      throw new AppError('conflict', takenMessage, [{ path: 'name', message: takenMessage }]);
    throw err;
  }
  return loadConfig(ctx, school);
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
  const rows = await lookups.findSchools(
    ctx.db,
    ctx.actor.boardId,
    scope.kind === 'board' ? undefined : scope.schoolIds,
  );
  return {
    items: rows.map((s) => ({ ...s, abilities: policy.cycleAbilities(ctx.actor, s.id, s.configured) })),
  };
}

export async function getCycleConfig(ctx: Ctx, schoolId: string): Promise<CycleConfig> {
  const school = await requireView(ctx, schoolId);
  return loadConfig(ctx, school);
}

async function loadConfig(ctx: Ctx, school: School): Promise<CycleConfig> {
  const { boardId } = ctx.actor;
  const [settings, years, inUse, kinds, rules, forms, teams] = await Promise.all([
    getSchoolSettings(ctx.db, boardId, school.id),
    repo.findYears(ctx.db, boardId, [school.id]),
    repo.findYearsInUse(ctx.db, boardId, school.id),
    repo.findKinds(ctx.db, boardId, [school.id]),
    repo.findRules(ctx.db, boardId, [school.id]),
    repo.findForms(ctx.db, boardId, school.id),
    lookups.findTeams(ctx.db, boardId, school.id),
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
    const first = schoolYearStartOf(schoolDay(input.now));
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
  return changeCycle(ctx, school, async (tx) => {
    const saved =
      version === 0
        ? await repo.insertSettings(tx, { boardId: ctx.actor.boardId, schoolId, ...values })
        : await repo.updateSettings(tx, ctx.actor.boardId, schoolId, version, values);
    if (!saved) throw stale();
    return ['cycle.settings_changed', { ...values }];
  });
}
