import {
  BOARD_ROLES,
  type Me,
  type MembershipInput,
  type PeoplePage,
  type PeopleQuery,
  type PersonDetail,
  type PersonInput,
  type PersonUpdate,
  type Role,
} from '@groeipad/contracts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { stripUndefined } from '../../platform/objects.ts';
import { displayName, searchTextOf } from './names.ts';
import { emailTaken, numberTaken } from './organisation.errors.ts';
import * as policy from './organisation.policy.ts';
import * as repo from './organisation.repository.ts';

type NameParts = { id: string; firstName: string; infix: string | null; lastName: string; email: string };
const ref = (p: NameParts) => ({ id: p.id, displayName: displayName(p), email: p.email });

/** The signed-in person: who they are, where they belong, whom they report to, what they may open. */
export type OrganisationMe = Omit<Me, 'abilities'> & { abilities: Omit<Me['abilities'], 'configureSso'> };

export async function getMe(db: Db, actor: Actor): Promise<OrganisationMe> {
  const [person, board, memberships, managers, reports] = await Promise.all([
    repo.findPerson(db, actor.boardId, actor.personId),
    repo.findBoard(db, actor.boardId),
    repo.findMembershipsOf(db, actor.boardId, actor.personId),
    repo.findManagersOf(db, actor.boardId, actor.personId),
    repo.findReportsOf(db, actor.boardId, actor.personId),
  ]);
  if (!person || !board) throw new AppError('unauthenticated');
  return {
    id: person.id,
    displayName: displayName(person),
    firstName: person.firstName,
    email: person.email,
    jobTitle: person.jobTitle,
    board,
    memberships: memberships.map((m) => ({ ...m, role: m.role as Role })),
    roles: [...new Set(memberships.map((m) => m.role as Role))],
    managers: managers.map(ref),
    reports: reports.map(ref),
    nav: policy.navFor(actor),
    abilities: policy.adminAbilities(actor),
    csrfToken: actor.csrfToken,
  };
}

export async function listPeople(ctx: Ctx, query: PeopleQuery): Promise<PeoplePage> {
  const scope = policy.peopleScope(ctx.actor);
  if (scope.kind === 'none') throw new AppError('forbidden');
  const { rows, total } = await repo.findPeople(
    ctx.db,
    {
      boardId: ctx.actor.boardId,
      schoolIds: scope.kind === 'schools' ? scope.schoolIds : undefined,
      schoolId: query.schoolId,
      teamId: query.teamId,
      search: query.search,
      active: query.active,
    },
    query.page,
    query.pageSize,
  );
  const summaries = await repo.findMembershipSummaries(
    ctx.db,
    ctx.actor.boardId,
    rows.map((r) => r.id),
  );
  const byPerson = new Map<string, { schools: Set<string>; roles: Set<Role> }>();
  for (const s of summaries) {
    const entry = byPerson.get(s.personId) ?? { schools: new Set(), roles: new Set() };
    if (s.schoolName) entry.schools.add(s.schoolName);
    entry.roles.add(s.role as Role);
    byPerson.set(s.personId, entry);
  }
  return {
    items: rows.map((r) => ({
      id: r.id,
      displayName: displayName(r),
      email: r.email,
      employeeNumber: r.employeeNumber,
      jobTitle: r.jobTitle,
      active: r.active,
      schools: [...(byPerson.get(r.id)?.schools ?? [])].sort(),
      roles: [...(byPerson.get(r.id)?.roles ?? [])],
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadVisiblePerson(ctx: Ctx, personId: string) {
  const person = await repo.findPerson(ctx.db, ctx.actor.boardId, personId);
  if (!person) throw new AppError('not_found');
  const memberships = await repo.findMembershipsOf(ctx.db, ctx.actor.boardId, personId);
  const schoolIds = memberships.map((m) => m.schoolId).filter((id): id is string => id !== null);
  if (!policy.canViewPerson(ctx.actor, { boardId: person.boardId, schoolIds })) throw new AppError('not_found');
  return { person, memberships };
}

export async function getPerson(ctx: Ctx, personId: string): Promise<PersonDetail> {
  const { person, memberships } = await loadVisiblePerson(ctx, personId);
  const [managers, reports] = await Promise.all([
    repo.findManagersOf(ctx.db, ctx.actor.boardId, personId),
    repo.findReportsOf(ctx.db, ctx.actor.boardId, personId),
  ]);
  const canEdit = policy.canEditPeople(ctx.actor);
  return {
    id: person.id,
    firstName: person.firstName,
    infix: person.infix,
    lastName: person.lastName,
    displayName: displayName(person),
    email: person.email,
    employeeNumber: person.employeeNumber,
    jobTitle: person.jobTitle,
    phone: person.phone,
    active: person.active,
    hasPassword: person.passwordHash !== null,
    memberships: memberships.map((m) => ({ ...m, role: m.role as Role })),
    managers: managers.map(ref),
    reports: reports.map(ref),
    version: person.version,
    abilities: {
      edit: canEdit,
      manageRoles: policy.canManageRoles(ctx.actor),
      deactivate: canEdit && person.id !== ctx.actor.personId,
    },
  };
}

async function guardUnique<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) {
      const text = String((err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message);
      throw text.includes('employee_number') ? numberTaken() : emailTaken();
    }
    throw err;
  }
}

export async function createPerson(ctx: Ctx, input: PersonInput): Promise<PersonDetail> {
  if (!policy.canEditPeople(ctx.actor)) throw new AppError('forbidden');
  const existing = await repo.findPersonByEmail(ctx.db, input.email);
  if (existing) throw emailTaken();
  const person = await guardUnique(() =>
    ctx.db.transaction(async (tx) => {
      const row = await repo.insertPerson(tx, {
        boardId: ctx.actor.boardId,
        firstName: input.firstName,
        infix: input.infix ?? null,
        lastName: input.lastName,
        email: input.email,
        employeeNumber: input.employeeNumber ?? null,
        jobTitle: input.jobTitle ?? null,
        phone: input.phone ?? null,
        searchText: searchTextOf(input),
      });
      await audit(tx, {
        boardId: ctx.actor.boardId,
        actorId: ctx.actor.personId,
        action: 'person.created',
        subjectPersonId: row.id,
      });
      return row;
    }),
  );
  return getPerson(ctx, person.id);
}

export async function updatePerson(ctx: Ctx, personId: string, input: PersonUpdate): Promise<PersonDetail> {
  const { person } = await loadVisiblePerson(ctx, personId);
  if (!policy.canEditPeople(ctx.actor)) throw new AppError('forbidden');
  if (input.active === false && personId === ctx.actor.personId) {
    throw fieldError('active', 'Je kunt je eigen account niet op inactief zetten.');
  }
  const merged = { ...person, ...stripUndefined(input) };
  const { version, active, ...fields } = input;
  await guardUnique(() =>
    ctx.db.transaction(async (tx) => {
      const updated = await repo.updatePerson(tx, ctx.actor.boardId, personId, version, {
        ...stripUndefined(fields),
        ...(active === undefined ? {} : { active, leftAt: active ? null : (person.leftAt ?? ctx.now) }),
        searchText: searchTextOf(merged),
      });
      if (!updated) throw new AppError('conflict');
      const changed = Object.keys(stripUndefined(input)).filter((k) => k !== 'version');
      await audit(tx, {
        boardId: ctx.actor.boardId,
        actorId: ctx.actor.personId,
        action:
          active === false
            ? 'person.deactivated'
            : active === true && !person.active
              ? 'person.reactivated'
              : 'person.updated',
        subjectPersonId: personId,
        details: { fields: changed },
      });
    }),
  );
  return getPerson(ctx, personId);
}

export async function addMembership(ctx: Ctx, personId: string, input: MembershipInput): Promise<PersonDetail> {
  await loadVisiblePerson(ctx, personId);
  if (!policy.canManageRoles(ctx.actor)) throw new AppError('forbidden');
  let schoolId = input.schoolId ?? null;
  const teamId = input.teamId ?? null;
  if (teamId) {
    const team = await repo.findTeam(ctx.db, ctx.actor.boardId, teamId);
    if (!team) throw fieldError('teamId', 'Dit team bestaat niet.');
    if (schoolId && schoolId !== team.schoolId)
      throw fieldError('teamId', 'Dit team hoort niet bij de gekozen school.');
    schoolId = team.schoolId;
  }
  if (schoolId && !(await repo.findSchool(ctx.db, ctx.actor.boardId, schoolId))) {
    throw fieldError('schoolId', 'Deze school bestaat niet.');
  }
  const boardRole = BOARD_ROLES.includes(input.role);
  if (boardRole && schoolId) throw fieldError('schoolId', 'Deze rol geldt voor het hele bestuur; kies geen school.');
  if (!boardRole && !schoolId) throw fieldError('schoolId', 'Kies de school waarin deze rol geldt.');
  await ctx.db.transaction(async (tx) => {
    const row = await repo.insertMembership(tx, {
      boardId: ctx.actor.boardId,
      personId,
      role: input.role,
      schoolId,
      teamId,
    });
    if (!row) throw new AppError('conflict', 'Deze persoon heeft deze rol hier al.');
    await audit(tx, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'role.granted',
      subjectPersonId: personId,
      details: { role: input.role, schoolId, teamId },
    });
  });
  return getPerson(ctx, personId);
}

export async function removeMembership(ctx: Ctx, personId: string, membershipId: string): Promise<PersonDetail> {
  const { memberships } = await loadVisiblePerson(ctx, personId);
  if (!policy.canManageRoles(ctx.actor)) throw new AppError('forbidden');
  const target = memberships.find((m) => m.id === membershipId);
  if (!target) throw new AppError('not_found');
  if (target.role === 'beheerder' && personId === ctx.actor.personId) {
    throw new AppError('conflict', 'Je kunt je eigen beheerdersrol niet intrekken; vraag een andere beheerder.');
  }
  await ctx.db.transaction(async (tx) => {
    const removed = await repo.deleteMembership(tx, ctx.actor.boardId, personId, membershipId);
    if (!removed) throw new AppError('not_found');
    await audit(tx, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'role.revoked',
      subjectPersonId: personId,
      details: { role: removed.role, schoolId: removed.schoolId, teamId: removed.teamId },
    });
  });
  return getPerson(ctx, personId);
}

export async function setManagers(ctx: Ctx, personId: string, managerIds: string[]): Promise<PersonDetail> {
  await loadVisiblePerson(ctx, personId);
  if (!policy.canManageRoles(ctx.actor)) throw new AppError('forbidden');
  const unique = [...new Set(managerIds)];
  if (unique.includes(personId)) throw fieldError('managerIds', 'Iemand kan niet zijn eigen leidinggevende zijn.');
  if ((await repo.countPeopleIn(ctx.db, ctx.actor.boardId, unique)) !== unique.length) {
    throw fieldError('managerIds', 'Een van de gekozen leidinggevenden bestaat niet in dit bestuur.');
  }
  await ctx.db.transaction(async (tx) => {
    await repo.replaceManagers(tx, ctx.actor.boardId, personId, unique);
    await audit(tx, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'managers.changed',
      subjectPersonId: personId,
      details: { managerIds: unique },
    });
  });
  return getPerson(ctx, personId);
}
