import type {
  Preparation,
  PreparationFormField,
  PreparationInput,
  PreparationKind,
  PreparationList,
  PreparationStatus,
  PreparationSummary,
  PreparationUpdate,
  PreparationVersionBody,
  PreparationWork,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { stripUndefined } from '../../platform/objects.ts';
import { addDays, schoolDay, weekStartOf } from '../../platform/time.ts';
import { changeInTeam, loadTeam, type TeamRef } from './preparations.access.ts';
import { mayEditPreparation, type TeamAccess } from './preparations.policy.ts';
import * as repo from './preparations.repository.ts';
import { allowedSteps, checkAnswers, checkParticipantList, participantsOf } from './preparations.rules.ts';

// Joint preparations: a duo or small group of one team plans one, fills the team's form together, records the
// result and marks it done; or reschedules or cancels it. The whole team reads them; the participants change them.

/** How far back the list reaches: done and cancelled ones of the last twelve weeks (planned ones always). */
const HISTORY_WEEKS = 12;

const notFound = () => new AppError('not_found', 'Deze voorbereiding bestaat niet (meer).');
const notParticipant = () =>
  new AppError('forbidden', 'Alleen wie aan deze voorbereiding meedoet, past haar aan. Je kunt haar wel lezen.');

function summaryOf(row: repo.PreparationRow, participants: repo.Person[]): PreparationSummary {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as PreparationKind,
    plannedAt: row.plannedAt.toISOString(),
    day: schoolDay(row.plannedAt),
    durationMinutes: row.durationMinutes,
    status: row.status as PreparationStatus,
    participants,
    goal: row.teamGoalId && row.goalTitle !== null ? { id: row.teamGoalId, title: row.goalTitle } : null,
    formTitle: row.formTitle,
    hasResult: row.result.trim() !== '',
    version: row.version,
  };
}

async function preparationOf(ctx: Ctx, db: Db, teamId: string, id: string, access: TeamAccess) {
  const { boardId, personId } = ctx.actor;
  const row = await repo.findPreparation(db, boardId, teamId, id);
  if (!row) return null;
  const participants = (await repo.findParticipants(db, boardId, [id])).get(id) ?? [];
  const createdBy = row.createdBy ? await repo.findPerson(db, boardId, row.createdBy) : null;
  const edit = mayEditPreparation(
    access,
    personId,
    participants.map((p) => p.id),
  );
  const detail: Preparation = {
    ...summaryOf(row, participants),
    teamId,
    formId: row.formId,
    formFields: row.formFields,
    answers: row.answers,
    result: row.result,
    doneAt: row.doneAt?.toISOString() ?? null,
    createdBy,
    abilities: { edit, saveToLibrary: access === 'edit' && row.status === 'done' },
  };
  return detail;
}

export async function listPreparations(ctx: Ctx, teamId: string): Promise<PreparationList> {
  const { team, access } = await loadTeam(ctx, teamId);
  const { boardId } = ctx.actor;
  const today = schoolDay(ctx.now);
  const weekStart = weekStartOf(today);
  const since = new Date(`${addDays(weekStart, -7 * HISTORY_WEEKS)}T00:00:00Z`);
  const rows = await repo.listPreparations(ctx.db, boardId, teamId, since);
  const participants = await repo.findParticipants(
    ctx.db,
    boardId,
    rows.map((r) => r.id),
  );
  const canAdd = access === 'edit';
  const [members, goals, forms] = canAdd
    ? await Promise.all([
        repo.findTeamMembers(ctx.db, boardId, teamId),
        repo.findTeamGoals(ctx.db, boardId, teamId),
        repo.findPreparationForms(ctx.db, boardId, teamId),
      ])
    : [[], [], []];
  return {
    team: { id: team.id, name: team.name },
    weekStart,
    today,
    items: rows.map((r) => summaryOf(r, participants.get(r.id) ?? [])),
    members,
    goals,
    forms: forms.map((f) => ({
      id: f.id,
      title: f.title,
      fieldCount: f.fields.filter((x) => x.kind !== 'heading').length,
    })),
    abilities: { create: canAdd },
  };
}

export async function getPreparation(ctx: Ctx, teamId: string, id: string): Promise<Preparation> {
  const { access } = await loadTeam(ctx, teamId);
  const found = await preparationOf(ctx, ctx.db, teamId, id, access);
  if (!found) throw notFound();
  return found;
}

/** Every participant must be active staff of this team. */
async function checkTeamPeople(db: Db, team: TeamRef, ids: string[]) {
  const members = new Set((await repo.findTeamMembers(db, team.boardId, team.id)).map((m) => m.id));
  if (ids.some((id) => !members.has(id))) throw fieldError('participantIds', 'Kies collega’s uit dit team.');
}

async function checkGoal(db: Db, team: TeamRef, goalId: string | null | undefined) {
  if (goalId && !(await repo.isTeamGoal(db, team.boardId, team.id, goalId)))
    throw fieldError('teamGoalId', 'Kies een doel van het bord van dit team.');
}

export async function createPreparation(ctx: Ctx, teamId: string, input: PreparationInput): Promise<Preparation> {
  const { boardId, personId } = ctx.actor;
  return changeInTeam(ctx, teamId, async (tx, team) => {
    const people = participantsOf(personId, input.participantIds);
    if (!people.ok) throw fieldError('participantIds', people.message);
    await checkTeamPeople(tx, team, people.ids);
    await checkGoal(tx, team, input.teamGoalId);
    let form: { id: string | null; title: string; fields: PreparationFormField[] } = {
      id: null,
      title: '',
      fields: [],
    };
    if (input.formId) {
      const found = await repo.findPreparationForm(tx, boardId, teamId, input.formId);
      if (!found) throw fieldError('formId', 'Kies een voorbereidingsformulier van dit team.');
      // A snapshot: later changes to the team's form leave this preparation as it was planned.
      form = { id: found.id, title: found.title, fields: found.fields };
    }
    const id = await repo.insertPreparation(
      tx,
      {
        boardId,
        teamId,
        title: input.title,
        kind: input.kind,
        plannedAt: new Date(input.plannedAt),
        durationMinutes: input.durationMinutes,
        formId: form.id,
        formTitle: form.title,
        formFields: form.fields,
        teamGoalId: input.teamGoalId ?? null,
        createdBy: personId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
      people.ids,
    );
    return (await preparationOf(ctx, tx, teamId, id, 'edit'))!;
  });
}

/**
 * A change by a participant to the preparation as they saw it: 404 when it is gone, 403 for a reader, 409 when
 * someone changed it since (with the current one, so the screen can show it) or when the step does not fit.
 */
async function changePreparation(
  ctx: Ctx,
  teamId: string,
  id: string,
  version: number,
  change: (tx: Db, team: TeamRef, current: Preparation) => Promise<object>,
): Promise<Preparation> {
  return changeInTeam(ctx, teamId, async (tx, team) => {
    const current = await preparationOf(ctx, tx, teamId, id, 'edit');
    if (!current) throw notFound();
    if (!current.abilities.edit) throw notParticipant();
    if (current.version !== version) throw stale(current);
    const values = stripUndefined(await change(tx, team, current));
    const ok = await repo.updatePreparation(tx, ctx.actor.boardId, teamId, id, version, values, ctx.now);
    const after = await preparationOf(ctx, tx, teamId, id, 'edit');
    if (!ok || !after) throw after ? stale(after) : notFound();
    return after;
  });
}

function stale(current: Preparation): AppError {
  return new AppError('conflict', 'Iemand anders heeft deze voorbereiding net aangepast.', {
    reason: 'stale',
    current,
  });
}

function wrongStep(message: string, reason: string): AppError {
  return new AppError('conflict', message, { reason });
}

/** Reschedule, rename or change who takes part, while it is planned. */
export async function updatePreparation(
  ctx: Ctx,
  teamId: string,
  id: string,
  input: PreparationUpdate,
): Promise<Preparation> {
  const { version, participantIds, ...changes } = input;
  return changePreparation(ctx, teamId, id, version, async (tx, team, current) => {
    if (!allowedSteps(current.status).reschedule)
      throw wrongStep('Een voorbereiding die klaar of geannuleerd is, plan je niet meer om.', 'not_planned');
    await checkGoal(tx, team, changes.teamGoalId);
    if (participantIds) {
      const problem = checkParticipantList(participantIds);
      if (problem) throw fieldError('participantIds', problem);
      await checkTeamPeople(tx, team, participantIds);
      await repo.setParticipants(tx, ctx.actor.boardId, id, participantIds);
    }
    return {
      ...changes,
      plannedAt: changes.plannedAt ? new Date(changes.plannedAt) : undefined,
    };
  });
}

/** The filled form and the result, saved together from the one screen the participants share. */
export async function savePreparationWork(
  ctx: Ctx,
  teamId: string,
  id: string,
  input: PreparationWork,
): Promise<Preparation> {
  return changePreparation(ctx, teamId, id, input.version, async (_tx, _team, current) => {
    if (!allowedSteps(current.status).fill)
      throw wrongStep('Deze voorbereiding is geannuleerd; er valt niets meer in te vullen.', 'cancelled');
    if (input.answers) {
      const issues = checkAnswers(current.formFields, input.answers);
      if (issues.length > 0) throw new AppError('validation', issues[0]!.message, issues);
    }
    return { answers: input.answers, result: input.result };
  });
}

/** Done: the result is written down (else there is nothing to keep). */
export async function markPreparationDone(
  ctx: Ctx,
  teamId: string,
  id: string,
  input: PreparationVersionBody,
): Promise<Preparation> {
  return changePreparation(ctx, teamId, id, input.version, async (_tx, _team, current) => {
    if (!allowedSteps(current.status).markDone)
      throw wrongStep('Deze voorbereiding is al afgerond of geannuleerd.', 'not_planned');
    if (current.result.trim() === '')
      throw fieldError('result', 'Schrijf eerst het resultaat op: wat hebben jullie samen gemaakt of afgesproken?');
    return { status: 'done', doneAt: ctx.now };
  });
}

export async function cancelPreparation(
  ctx: Ctx,
  teamId: string,
  id: string,
  input: PreparationVersionBody,
): Promise<Preparation> {
  return changePreparation(ctx, teamId, id, input.version, async (_tx, _team, current) => {
    if (!allowedSteps(current.status).cancel)
      throw wrongStep('Alleen een geplande voorbereiding kun je annuleren.', 'not_planned');
    return { status: 'cancelled' };
  });
}
