import type { PizzaList, YearPlan, YearPlanEvent, YearPlanEventInput, YearPlanKind } from '@groeipad/contracts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { schoolDay } from '../../platform/time.ts';
import { displayName } from '../organisation/index.ts';
import { isBoardStaff, organisesPizza, yearPlanAccess, yearPlanSchools } from './programme.policy.ts';
import { currentWeek, programmeEnd, schoolYearOf } from './programme.rules.ts';
import * as repo from './yearplan.repository.ts';

// The school's year plan (which teams run the programme when, kick-off, linking sessions, other dates) and the
// board's monthly pizzasessies with registrations.

const notFound = () => new AppError('not_found', 'Deze datum bestaat niet of je hebt er geen toegang toe.');

/** Whether the actor may delete the event: its school's leadership, or for a pizzasessie any organiser. */
function canDelete(actor: Actor, e: { schoolId: string | null; kind: string }): boolean {
  if (e.schoolId === null) return organisesPizza(actor);
  return yearPlanAccess(actor, e.schoolId) === 'manage';
}

/** Whether the actor may see the event at all. */
function canSee(actor: Actor, e: { schoolId: string | null }): boolean {
  if (e.schoolId === null) return isBoardStaff(actor);
  return yearPlanAccess(actor, e.schoolId) !== 'none';
}

async function presentEvents(db: Db, actor: Actor, rows: repo.EventRow[]): Promise<YearPlanEvent[]> {
  const ids = rows.map((r) => r.id);
  const organiser = organisesPizza(actor);
  const [counts, registrants] = await Promise.all([
    repo.findRegistrationCounts(db, ids, actor.personId),
    organiser ? repo.findRegistrants(db, ids) : Promise.resolve([]),
  ]);
  return rows.map((r) => {
    const c = counts.get(r.id) ?? { registered: 0, mine: false };
    const pizza = r.kind === 'pizza';
    return {
      id: r.id,
      schoolId: r.schoolId,
      kind: r.kind as YearPlanKind,
      title: r.title,
      description: r.description,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt ? r.endsAt.toISOString() : null,
      location: r.location,
      capacity: r.capacity,
      team: r.teamId && r.teamName ? { id: r.teamId, name: r.teamName } : null,
      otherTeam: r.otherTeamId && r.otherTeamName ? { id: r.otherTeamId, name: r.otherTeamName } : null,
      registered: c.registered,
      registeredByMe: c.mine,
      registrants:
        pizza && organiser
          ? registrants.filter((p) => p.eventId === r.id).map((p) => ({ id: p.id, displayName: displayName(p) }))
          : null,
      abilities: { delete: canDelete(actor, r), register: pizza && isBoardStaff(actor) },
      version: r.version,
    };
  });
}

/** The plan of one school (the first one the reader leads or works at, unless asked for another). */
export async function getYearPlan(ctx: Ctx, schoolId: string | undefined): Promise<YearPlan> {
  const { actor } = ctx;
  const allowed = yearPlanSchools(actor);
  const chosen = schoolId ?? allowed[0];
  if (!chosen || yearPlanAccess(actor, chosen) === 'none')
    throw new AppError('not_found', 'Dit jaarplan bestaat niet.');
  const schools = await repo.findSchools(ctx.db, actor.boardId, allowed);
  const school = schools.find((s) => s.id === chosen);
  if (!school) throw new AppError('not_found', 'Dit jaarplan bestaat niet.');
  const today = schoolDay(ctx.now);
  const { from, to } = schoolYearOf(today);
  const programmes = await repo.findSchoolProgrammes(ctx.db, actor.boardId, chosen, from, to);
  // A linking session joins teams of one school, so the next team is one of the school's teams.
  const teamNames = new Map(programmes.map((p) => [p.teamId, p.teamName]));
  for (const t of await repo.findSchoolTeamNames(ctx.db, actor.boardId, chosen)) teamNames.set(t.id, t.name);
  const events = await repo.findEvents(
    ctx.db,
    actor.boardId,
    chosen,
    new Date(`${from}T00:00:00Z`),
    new Date(`${to}T23:59:59Z`),
  );
  return {
    school,
    schools,
    abilities: { manage: yearPlanAccess(actor, chosen) === 'manage' },
    from,
    to,
    programmes: programmes.map((p) => ({
      id: p.id,
      team: { id: p.teamId, name: p.teamName },
      startsOn: p.startsOn,
      endsOn: programmeEnd(p.startsOn),
      status: p.status as YearPlan['programmes'][number]['status'],
      currentWeek: currentWeek(p.startsOn, today),
      nextTeam: p.nextTeamId ? { id: p.nextTeamId, name: teamNames.get(p.nextTeamId) ?? '' } : null,
    })),
    events: await presentEvents(ctx.db, actor, events),
  };
}

/** A kick-off or other date of a school (its leadership), or a pizzasessie for the whole board (an organiser). */
export async function createEvent(ctx: Ctx, input: YearPlanEventInput): Promise<YearPlanEvent> {
  const { actor } = ctx;
  if (input.schoolId === null) {
    if (!organisesPizza(actor)) {
      if (!isBoardStaff(actor)) throw notFound();
      throw new AppError('forbidden', 'Alleen schoolleiders en de beheerder organiseren een pizzasessie.');
    }
  } else {
    const access = yearPlanAccess(actor, input.schoolId);
    if (access === 'none') throw new AppError('not_found', 'Dit jaarplan bestaat niet.');
    if (access !== 'manage') throw new AppError('forbidden', 'Alleen de schoolleiding past het jaarplan aan.');
  }
  if (new Date(input.startsAt) < new Date(ctx.now.getTime() - 86_400_000))
    throw fieldError('startsAt', 'Kies een moment dat nog komt.');
  const id = await repo.insertEvent(ctx.db, {
    boardId: actor.boardId,
    schoolId: input.schoolId,
    kind: input.kind,
    title: input.title,
    description: input.description,
    startsAt: new Date(input.startsAt),
    endsAt: input.endsAt ? new Date(input.endsAt) : null,
    location: input.location,
    capacity: input.kind === 'pizza' ? input.capacity : null,
    createdBy: actor.personId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  return (await eventFor(ctx, id))!;
}

async function eventFor(ctx: Ctx, id: string): Promise<YearPlanEvent | null> {
  const row = await repo.findEvent(ctx.db, ctx.actor.boardId, id);
  if (!row || !canSee(ctx.actor, row)) return null;
  return (await presentEvents(ctx.db, ctx.actor, [row]))[0]!;
}

export async function deleteEvent(ctx: Ctx, id: string): Promise<void> {
  const row = await repo.findEvent(ctx.db, ctx.actor.boardId, id);
  if (!row || !canSee(ctx.actor, row)) throw notFound();
  if (!canDelete(ctx.actor, row))
    throw new AppError('forbidden', 'Alleen wie de datum organiseert, kan hem verwijderen.');
  await repo.deleteEvent(ctx.db, ctx.actor.boardId, id);
}

/** The upcoming pizzasessies of the board, for every staff member. */
export async function listPizzas(ctx: Ctx): Promise<PizzaList> {
  if (!isBoardStaff(ctx.actor)) throw new AppError('not_found', 'Niet gevonden.');
  const rows = await repo.findPizzas(ctx.db, ctx.actor.boardId, new Date(ctx.now.getTime() - 3 * 3_600_000));
  return { abilities: { create: organisesPizza(ctx.actor) }, items: await presentEvents(ctx.db, ctx.actor, rows) };
}

/** Registers the actor for a pizzasessie: once (409), and only while places are left (409). */
export async function register(ctx: Ctx, id: string): Promise<YearPlanEvent> {
  const { actor } = ctx;
  const row = await repo.findEvent(ctx.db, actor.boardId, id);
  if (!row || row.kind !== 'pizza' || !canSee(actor, row)) throw notFound();
  if (row.startsAt < ctx.now) throw new AppError('conflict', 'Deze pizzasessie is al begonnen.', { reason: 'past' });
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockEvent(tx, actor.boardId, id);
    if (!locked) throw notFound();
    if (locked.capacity !== null && (await repo.countRegistrations(tx, id)) >= locked.capacity)
      throw new AppError('conflict', 'Deze pizzasessie is vol. Meld je aan voor een volgende.', { reason: 'full' });
    if (!(await repo.insertRegistration(tx, actor.boardId, id, actor.personId, ctx.now)))
      throw new AppError('conflict', 'Je bent al aangemeld voor deze pizzasessie.', { reason: 'registered' });
  });
  return (await eventFor(ctx, id))!;
}

export async function unregister(ctx: Ctx, id: string): Promise<YearPlanEvent> {
  const { actor } = ctx;
  const row = await repo.findEvent(ctx.db, actor.boardId, id);
  if (!row || row.kind !== 'pizza' || !canSee(actor, row)) throw notFound();
  await repo.deleteRegistration(ctx.db, actor.boardId, id, actor.personId);
  return (await eventFor(ctx, id))!;
}
