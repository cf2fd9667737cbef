import type { BoardSetupInput, SchoolInput, SchoolUpdate, TeamInput, TeamUpdate } from '@groeipad/contracts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { stripUndefined } from '../../platform/objects.ts';
import { searchTextOf } from './names.ts';
import { emailTaken, schoolNameTaken, teamNameTaken } from './organisation.errors.ts';
import * as policy from './organisation.policy.ts';
import * as repo from './organisation.repository.ts';

// Boards, schools and teams: the structure people belong to.

function requireStructureView(actor: Actor) {
  if (policy.peopleScope(actor).kind === 'none' && !policy.canManageStructure(actor)) throw new AppError('forbidden');
}

export async function listSchools(ctx: Ctx) {
  requireStructureView(ctx.actor);
  const rows = await repo.findSchools(ctx.db, ctx.actor.boardId);
  return { items: rows.map((r) => ({ ...r, kind: r.kind as SchoolInput['kind'] })) };
}

export async function createSchool(ctx: Ctx, input: SchoolInput) {
  if (!policy.canManageStructure(ctx.actor)) throw new AppError('forbidden');
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const school = await repo.insertSchool(tx, {
        boardId: ctx.actor.boardId,
        name: input.name,
        kind: input.kind,
        brin: input.brin ?? null,
      });
      await audit(tx, {
        boardId: ctx.actor.boardId,
        actorId: ctx.actor.personId,
        action: 'school.created',
        targetType: 'school',
        targetId: school.id,
      });
      return school;
    });
    return { ...row, kind: input.kind, teamCount: 0, peopleCount: 0 };
  } catch (err) {
    if (isUniqueViolation(err)) throw schoolNameTaken();
    throw err;
  }
}

export async function updateSchool(ctx: Ctx, schoolId: string, input: SchoolUpdate) {
  if (!(await repo.findSchool(ctx.db, ctx.actor.boardId, schoolId))) throw new AppError('not_found');
  if (!policy.canManageStructure(ctx.actor)) throw new AppError('forbidden');
  const { version, ...fields } = input;
  try {
    const row = await repo.updateSchool(ctx.db, ctx.actor.boardId, schoolId, version, stripUndefined(fields));
    if (!row) throw new AppError('conflict');
    await audit(ctx.db, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'school.updated',
      targetType: 'school',
      targetId: schoolId,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw schoolNameTaken();
    throw err;
  }
  const all = await listSchools(ctx);
  return all.items.find((s) => s.id === schoolId)!;
}

export async function listTeams(ctx: Ctx, schoolId?: string) {
  requireStructureView(ctx.actor);
  const rows = await repo.findTeams(ctx.db, ctx.actor.boardId, schoolId);
  return { items: rows.map((r) => ({ ...r, kind: r.kind as TeamInput['kind'] })) };
}

export async function createTeam(ctx: Ctx, input: TeamInput) {
  if (!policy.canManageStructure(ctx.actor)) throw new AppError('forbidden');
  if (!(await repo.findSchool(ctx.db, ctx.actor.boardId, input.schoolId)))
    throw fieldError('schoolId', 'Deze school bestaat niet.');
  try {
    const team = await ctx.db.transaction(async (tx) => {
      const row = await repo.insertTeam(tx, {
        boardId: ctx.actor.boardId,
        schoolId: input.schoolId,
        name: input.name,
        kind: input.kind,
      });
      await audit(tx, {
        boardId: ctx.actor.boardId,
        actorId: ctx.actor.personId,
        action: 'team.created',
        targetType: 'team',
        targetId: row.id,
      });
      return row;
    });
    return (await listTeams(ctx, input.schoolId)).items.find((t) => t.id === team.id)!;
  } catch (err) {
    if (isUniqueViolation(err)) throw teamNameTaken();
    throw err;
  }
}

export async function updateTeam(ctx: Ctx, teamId: string, input: TeamUpdate) {
  const team = await repo.findTeam(ctx.db, ctx.actor.boardId, teamId);
  if (!team) throw new AppError('not_found');
  if (!policy.canManageStructure(ctx.actor)) throw new AppError('forbidden');
  const { version, ...fields } = input;
  try {
    const row = await repo.updateTeam(ctx.db, ctx.actor.boardId, teamId, version, stripUndefined(fields));
    if (!row) throw new AppError('conflict');
    await audit(ctx.db, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'team.updated',
      targetType: 'team',
      targetId: teamId,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw teamNameTaken();
    throw err;
  }
  return (await listTeams(ctx, team.schoolId)).items.find((t) => t.id === teamId)!;
}

/**
 * Creates a board with its first beheerder: how a fresh installation starts (no actor yet: the command line
 * does this). The beheerder then gets an invitation to choose a password.
 */
export async function createBoardWithAdmin(
  db: Db,
  input: BoardSetupInput,
): Promise<{ boardId: string; adminId: string }> {
  if (await repo.findPersonByEmail(db, input.admin.email)) throw emailTaken();
  try {
    return await db.transaction(async (tx) => {
      const boardId = await repo.insertBoard(tx, { name: input.name, slug: input.slug });
      const admin = await repo.insertPerson(tx, {
        boardId,
        firstName: input.admin.firstName,
        infix: input.admin.infix ?? null,
        lastName: input.admin.lastName,
        email: input.admin.email,
        jobTitle: 'Functioneel beheerder',
        searchText: searchTextOf(input.admin),
      });
      await repo.insertMembership(tx, { boardId, personId: admin.id, role: 'beheerder', schoolId: null, teamId: null });
      await audit(tx, {
        boardId,
        actorId: null,
        action: 'board.created',
        subjectPersonId: admin.id,
        details: { slug: input.slug },
      });
      await audit(tx, {
        boardId,
        actorId: null,
        action: 'role.granted',
        subjectPersonId: admin.id,
        details: { role: 'beheerder' },
      });
      return { boardId, adminId: admin.id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('conflict', `Er is al een bestuur met de korte naam "${input.slug}".`, [
        { path: 'slug', message: 'Deze korte naam is al in gebruik.' },
      ]);
    }
    throw err;
  }
}
