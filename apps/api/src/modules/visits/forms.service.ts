import type {
  TeamForm,
  TeamFormExampleList,
  TeamFormInput,
  TeamFormList,
  TeamFormListQuery,
  TeamFormPurpose,
  TeamFormUpdate,
  TeamVersionBody,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import { changeTeam, loadTeam } from '../team/index.ts';
import * as repo from './forms.repository.ts';
import { TEAM_FORM_EXAMPLES } from './visits.examples.ts';

// The team's forms: kijkwijzers for visits and forms for joint preparation, built in one form builder. The team's
// members build and change them; school leadership may look at them. A visit copies the fields when it is planned,
// so editing or archiving a form never changes a visit that used it.

const notFound = () => new AppError('not_found', 'Dit formulier bestaat niet (meer).');

export function presentForm(row: repo.FormRow): TeamForm {
  return {
    id: row.id,
    teamId: row.teamId,
    purpose: row.purpose as TeamFormPurpose,
    title: row.title,
    description: row.description,
    fields: row.fields,
    archived: row.archivedAt !== null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

function staleForm(current: TeamForm): AppError {
  return new AppError('conflict', 'Iemand anders heeft dit formulier net aangepast.', { reason: 'stale', current });
}

export async function listForms(ctx: Ctx, teamId: string, query: TeamFormListQuery): Promise<TeamFormList> {
  const { canEdit } = await loadTeam(ctx, teamId);
  const rows = await repo.findForms(ctx.db, ctx.actor.boardId, teamId, {
    purpose: query.purpose,
    archived: query.archived === 'true',
  });
  return { items: rows.map(presentForm), abilities: { edit: canEdit } };
}

export async function getForm(ctx: Ctx, teamId: string, formId: string): Promise<TeamForm> {
  await loadTeam(ctx, teamId);
  const row = await repo.findForm(ctx.db, ctx.actor.boardId, teamId, formId);
  if (!row) throw notFound();
  return presentForm(row);
}

/** The starting forms, for anyone who may see the team's forms. */
export async function listExamples(ctx: Ctx, teamId: string): Promise<TeamFormExampleList> {
  await loadTeam(ctx, teamId);
  return { items: [...TEAM_FORM_EXAMPLES] };
}

export async function createForm(ctx: Ctx, teamId: string, input: TeamFormInput): Promise<TeamForm> {
  const { boardId, personId } = ctx.actor;
  return changeTeam(ctx, teamId, async (tx) => {
    const row = await repo.insertForm(tx, {
      boardId,
      teamId,
      purpose: input.purpose,
      title: input.title,
      description: input.description ?? '',
      fields: input.fields,
      createdBy: personId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    return presentForm(row);
  });
}

export async function updateForm(ctx: Ctx, teamId: string, formId: string, input: TeamFormUpdate): Promise<TeamForm> {
  const { boardId } = ctx.actor;
  return changeTeam(ctx, teamId, async (tx) => {
    const current = await repo.findForm(tx, boardId, teamId, formId);
    if (!current) throw notFound();
    if (current.archivedAt)
      throw new AppError('conflict', 'Dit formulier is gearchiveerd en kan niet meer worden aangepast.');
    if (current.version !== input.version) throw staleForm(presentForm(current));
    const { version, ...changes } = input;
    const row = await repo.updateForm(
      tx,
      { boardId, teamId, formId, version },
      { title: changes.title, description: changes.description ?? '', fields: changes.fields },
      ctx.now,
    );
    if (!row) throw staleForm(presentForm((await repo.findForm(tx, boardId, teamId, formId)) ?? current));
    return presentForm(row);
  });
}

/** Archived forms are no longer offered for new visits; visits planned with them keep their copy. */
export async function archiveForm(ctx: Ctx, teamId: string, formId: string, input: TeamVersionBody): Promise<TeamForm> {
  const { boardId } = ctx.actor;
  return changeTeam(ctx, teamId, async (tx) => {
    const current = await repo.findForm(tx, boardId, teamId, formId);
    if (!current) throw notFound();
    if (current.version !== input.version) throw staleForm(presentForm(current));
    if (current.archivedAt) return presentForm(current);
    const row = await repo.updateForm(
      tx,
      { boardId, teamId, formId, version: input.version },
      { archivedAt: ctx.now },
      ctx.now,
    );
    if (!row) throw staleForm(presentForm((await repo.findForm(tx, boardId, teamId, formId)) ?? current));
    return presentForm(row);
  });
}
