import type {
  HomeTask,
  PizzaList,
  YearPlan,
  YearPlanEvent,
  YearPlanEventInput,
  YearPlanEventUpdate,
  YearPlanKind,
} from '@groeipad/contracts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { SCHOOL_TIME_ZONE, schoolDay } from '../../platform/time.ts';
import { displayName } from '../organisation/index.ts';
import { isBoardStaff, organisesPizza, yearPlanAccess, yearPlanSchools } from './programme.policy.ts';
import { currentWeek, programmeEnd, schoolYearOf } from './programme.rules.ts';
import { pizzaMovedMail } from './yearplan.mails.ts';
import * as repo from './yearplan.repository.ts';

const timeFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: SCHOOL_TIME_ZONE, hour: '2-digit', minute: '2-digit' });
/** "16:00": the Dutch clock time of an instant. */
const schoolTime = (at: Date) => timeFormat.format(at);

// The school's year plan (which teams run the programme when, kick-off, linking sessions, other dates) and the
// board's monthly pizzasessies with registrations.

const notFound = () => new AppError('not_found', 'Deze datum bestaat niet of je hebt er geen toegang toe.');

/**
 * Whether the actor manages the event, as whoever may create one of its kind: its school's leadership, or for a
 * pizzasessie any organiser. They delete it; they edit it unless it is a linking session (that moves on its
 * programme's page).
 */
function canDelete(actor: Actor, e: { schoolId: string | null; kind: string }): boolean {
  if (e.schoolId === null) return organisesPizza(actor);
  return yearPlanAccess(actor, e.schoolId) === 'manage';
}

function canEdit(actor: Actor, e: { schoolId: string | null; kind: string }): boolean {
  return e.kind !== 'linking' && canDelete(actor, e);
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
      abilities: { edit: canEdit(actor, r), delete: canDelete(actor, r), register: pizza && isBoardStaff(actor) },
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
  if (isPast(ctx, new Date(input.startsAt))) throw fieldError('startsAt', 'Kies een moment dat nog komt.');
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

/** Before yesterday: a date being planned lies ahead (a day's margin for time zones and late entry). */
function isPast(ctx: Ctx, at: Date): boolean {
  return at < new Date(ctx.now.getTime() - 86_400_000);
}

/**
 * Changes a date, for whoever may create one of its kind, over the version the editor saw (409 with the date as it
 * is now). A linking session moves on its programme's page only (409). A pizzasessie keeps at least as many places
 * as people registered (400 on capacity), and its registrants hear by mail when its moment or place changes.
 */
export async function updateEvent(ctx: Ctx, id: string, input: YearPlanEventUpdate): Promise<YearPlanEvent> {
  const { actor } = ctx;
  const row = await repo.findEvent(ctx.db, actor.boardId, id);
  if (!row || !canSee(actor, row)) throw notFound();
  if (!canDelete(actor, row))
    throw new AppError(
      'forbidden',
      row.schoolId === null
        ? 'Alleen schoolleiders en de beheerder passen een pizzasessie aan.'
        : 'Alleen de schoolleiding past het jaarplan aan.',
    );
  if (row.kind === 'linking')
    throw new AppError(
      'conflict',
      'Een verbindingssessie verplaats je op de programmapagina van het team: daar plan je hem opnieuw.',
      { reason: 'linking', teamId: row.teamId },
    );
  if ((row.kind === 'pizza') !== (input.kind === 'pizza'))
    throw fieldError(
      'kind',
      row.kind === 'pizza'
        ? 'Een pizzasessie blijft een pizzasessie.'
        : 'Een datum van de school wordt geen pizzasessie: organiseer die apart.',
    );
  const startsAt = new Date(input.startsAt);
  if (startsAt.getTime() !== row.startsAt.getTime() && isPast(ctx, startsAt))
    throw fieldError('startsAt', 'Kies een moment dat nog komt.');
  const capacity = input.kind === 'pizza' ? input.capacity : null;
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockEvent(tx, actor.boardId, id);
    if (!locked) throw notFound();
    if (locked.version !== input.version) {
      const fresh = await repo.findEvent(tx, actor.boardId, id);
      const current = fresh ? (await presentEvents(tx, actor, [fresh]))[0] : undefined;
      throw new AppError('conflict', 'Iemand anders heeft deze datum net gewijzigd.', { reason: 'stale', current });
    }
    if (capacity !== null) {
      const registered = await repo.countRegistrations(tx, id);
      if (capacity < registered)
        throw fieldError(
          'capacity',
          `Er zijn al ${registered} aanmeldingen. Kies minstens ${registered} plaatsen, of laat het veld leeg.`,
        );
    }
    await repo.updateEvent(
      tx,
      id,
      {
        kind: input.kind,
        title: input.title,
        description: input.description,
        startsAt,
        endsAt: input.endsAt ? new Date(input.endsAt) : null,
        location: input.location,
        capacity,
      },
      ctx.now,
    );
    const moved = startsAt.getTime() !== row.startsAt.getTime() || input.location !== row.location;
    if (row.kind === 'pizza' && moved && startsAt > ctx.now) {
      const registrants = await repo.findRegistrantAddresses(tx, actor.boardId, id);
      for (const person of registrants.filter((p) => p.id !== actor.personId)) {
        const mail = pizzaMovedMail(ctx.config, {
          firstName: person.firstName,
          title: input.title,
          startsAt,
          location: input.location,
          was: { startsAt: row.startsAt, location: row.location },
        });
        await ctx.mailer.send(tx, { boardId: actor.boardId, to: person.email, ...mail });
      }
    }
  });
  return (await eventFor(ctx, id))!;
}

const WEEK_MS = 7 * 86_400_000;

/**
 * For the home page: the pizzasessies the person registered for that start within the next seven days, each with
 * its title and Dutch start time.
 */
export async function findPizzaTasks(db: Db, actor: Actor, now: Date): Promise<HomeTask[]> {
  if (!isBoardStaff(actor)) return [];
  const rows = await repo.findMyPizzas(db, actor.boardId, actor.personId, now, new Date(now.getTime() + WEEK_MS));
  return rows.map((r) => ({
    key: `pizza:${r.id}`,
    kind: 'pizza_session' as const,
    // The web app words the task with the place when there is one (the `context`).
    params: {
      title: r.title,
      time: schoolTime(r.startsAt),
      location: r.location,
      ...(r.location ? { context: 'place' } : {}),
    },
    dueOn: schoolDay(r.startsAt),
    href: '/team/pizzasessies',
  }));
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
