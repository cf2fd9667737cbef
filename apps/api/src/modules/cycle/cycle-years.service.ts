import type { CycleConfig, SchoolYearInput, SchoolYearUpdate } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import * as repo from './cycle.repository.ts';
import { changeCycle, requireEdit, requireEditRow, stale } from './cycle.service.ts';

// A school's school years and their periods.

const YEAR_TAKEN = 'Er is al een schooljaar met deze naam.';

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

export async function createYear(ctx: Ctx, schoolId: string, input: SchoolYearInput): Promise<CycleConfig> {
  const school = await requireEdit(ctx, schoolId);
  checkYear(input);
  const { boardId } = ctx.actor;
  return changeCycle(
    ctx,
    school,
    async (tx) => {
      const { name, startsOn, endsOn } = input;
      const row = await repo.insertYear(tx, { boardId, schoolId, name, startsOn, endsOn });
      await repo.replacePeriods(tx, boardId, row.id, input.periods);
      return ['cycle.year_created', { name }];
    },
    YEAR_TAKEN,
  );
}

export async function updateYear(ctx: Ctx, schoolId: string, yearId: string, input: SchoolYearUpdate) {
  const { school } = await requireEditRow(ctx, schoolId, repo.findYear, yearId);
  checkYear(input);
  const { version, periods, ...values } = input;
  return changeCycle(
    ctx,
    school,
    async (tx) => {
      if (!(await repo.updateYear(tx, ctx.actor.boardId, yearId, version, values))) throw stale();
      await repo.replacePeriods(tx, ctx.actor.boardId, yearId, periods);
      return ['cycle.year_updated', { name: input.name }];
    },
    YEAR_TAKEN,
  );
}

export async function deleteYear(ctx: Ctx, schoolId: string, yearId: string) {
  const { school, row: year } = await requireEditRow(ctx, schoolId, repo.findYear, yearId);
  if ((await repo.findYearsInUse(ctx.db, ctx.actor.boardId, schoolId)).has(yearId))
    throw new AppError('conflict', 'Er zijn gesprekken in dit schooljaar; je kunt het daarom niet verwijderen.', {
      reason: 'in_use',
    });
  return changeCycle(ctx, school, async (tx) => {
    await repo.deleteYear(tx, ctx.actor.boardId, yearId);
    return ['cycle.year_deleted', { name: year.name }];
  });
}
