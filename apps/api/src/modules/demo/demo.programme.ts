// The demo's programme and year plan: team Exact ran its 8 weeks (started ten weeks before the demo's today), noted
// its team sessions, scored the progress meter over time for all three interventions in both phases, and linked
// with team Talen, whose programme starts in two weeks. The school has a kick-off in its year plan, the board two
// pizzasessies ahead with some registrations, and Exact's staff have a phone number. Deterministic for a given
// board and day; skipped when Exact already has a programme.
import { and, asc, eq, ne } from 'drizzle-orm';
import { PROGRESS_CRITERIA, PROGRESS_INTERVENTIONS, type ProgressPhase } from '@groeipad/contracts';
import type { Db } from '../../platform/db/client.ts';
import { addDays, schoolDay, weekStartOf } from '../../platform/time.ts';
import { organisationTables as org } from '../organisation/index.ts';
import { programmeTables as pt } from '../programme/index.ts';
import { createRandom } from './demo.seed.ts';

const SEED = 20_261_126;
export type DemoProgrammeOptions = { boardId: string; teamId: string; now: Date };

const WEEK_NOTES = [
  'Bord ingericht en de eerste bordsessie gehouden. Afgesproken: dinsdag 07:15, kwartier.',
  'Twee teamdoelen gekozen: rekenvoldoendes en cijfers op tijd. Nulmeting gedaan.',
  'Feedbackmodel geoefend in tweetallen; de eerste bezoeken staan in de planning.',
  'Samen een les breuken voorbereid; het formulier werkt, maar is wat lang.',
  'Verbeteracties opgeschoond; twee hulpvragen direct opgepakt.',
  '',
  'Periodetoets besproken: rekenen gaat vooruit. Bezoeken leveren bruikbare tips op.',
  'Verbindingssessie met Talen voorbereid: wat nemen we mee, wat geven we door?',
];

/** A work phone number per person, from their place in the list: 06 2345 67xx. */
const phoneOf = (i: number) => `06 2345 67${String(10 + i).padStart(2, '0')}`;

export async function seedDemoProgramme(db: Db, opts: DemoProgrammeOptions): Promise<void> {
  const { boardId, teamId, now } = opts;
  const rnd = createRandom(SEED);
  const int = (min: number, max: number) => min + Math.floor(rnd.next() * (max - min + 1));
  const today = schoolDay(now);
  const thisMonday = weekStartOf(today);
  const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00Z`);

  const [team] = await db
    .select({ schoolId: org.teams.schoolId, name: org.teams.name })
    .from(org.teams)
    .where(and(eq(org.teams.boardId, boardId), eq(org.teams.id, teamId)));
  if (!team) return;
  const existing = await db
    .select({ id: pt.teamProgrammes.id })
    .from(pt.teamProgrammes)
    .where(eq(pt.teamProgrammes.teamId, teamId))
    .limit(1);
  if (existing.length > 0) return;

  const members = await db
    .selectDistinct({ id: org.people.id, firstName: org.people.firstName, lastName: org.people.lastName })
    .from(org.memberships)
    .innerJoin(org.people, eq(org.people.id, org.memberships.personId))
    .where(
      and(
        eq(org.memberships.boardId, boardId),
        eq(org.memberships.teamId, teamId),
        ne(org.memberships.role, 'student'),
        eq(org.people.active, true),
      ),
    )
    .orderBy(asc(org.people.firstName), asc(org.people.lastName), asc(org.people.id));
  if (members.length === 0) return;
  const [lead] = await db
    .select({ id: org.memberships.personId })
    .from(org.memberships)
    .where(and(eq(org.memberships.teamId, teamId), eq(org.memberships.role, 'teamleider')))
    .limit(1);
  const leadId = lead?.id ?? members[0]!.id;
  // The next team: Talen (the other teaching team of the demo school), else the first other team by name.
  const others = await db
    .select({ id: org.teams.id, name: org.teams.name })
    .from(org.teams)
    .where(and(eq(org.teams.boardId, boardId), eq(org.teams.schoolId, team.schoolId), ne(org.teams.id, teamId)))
    .orderBy(asc(org.teams.name));
  const next = others.find((t) => t.name === 'Talen') ?? others[0];
  const staff = await db
    .selectDistinct({ id: org.people.id, email: org.people.email })
    .from(org.memberships)
    .innerJoin(org.people, eq(org.people.id, org.memberships.personId))
    .where(and(eq(org.memberships.boardId, boardId), ne(org.memberships.role, 'student'), eq(org.people.active, true)))
    .orderBy(asc(org.people.email));

  await db.transaction(async (tx) => {
    // Exact's staff get a phone number (the board's team part shows it).
    for (const [i, m] of members.entries())
      await tx
        .update(org.people)
        .set({ phone: phoneOf(i) })
        .where(eq(org.people.id, m.id));

    // The programme, ten weeks ago, and what happened in each week (week 6 without a noted team session).
    const startsOn = addDays(thisMonday, -70);
    const [programme] = await tx
      .insert(pt.teamProgrammes)
      .values({
        boardId,
        teamId,
        startsOn,
        nextTeamId: next?.id ?? null,
        createdBy: leadId,
        version: next ? 2 : 1,
        createdAt: at(addDays(startsOn, -7), '12:00'),
        updatedAt: at(addDays(startsOn, -7), '12:00'),
      })
      .returning({ id: pt.teamProgrammes.id });
    await tx.insert(pt.teamProgrammeWeeks).values(
      WEEK_NOTES.map((note, i) => ({
        boardId,
        programmeId: programme!.id,
        week: i + 1,
        sessionHeldOn: note ? addDays(startsOn, 7 * i + 2) : null,
        note,
        updatedBy: leadId,
        createdAt: at(addDays(startsOn, 7 * i + 2), '16:00'),
        updatedAt: at(addDays(startsOn, 7 * i + 2), '16:00'),
      })),
    );

    // The school's year plan: the kick-off before week 1; the linking session in week 8; Talen starts in two weeks.
    const base = {
      boardId,
      schoolId: team.schoolId,
      createdBy: leadId,
      createdAt: at(addDays(startsOn, -14), '12:00'),
    };
    await tx.insert(pt.yearPlanEvents).values({
      ...base,
      kind: 'kickoff',
      title: 'Kick-off teamleren',
      description: 'Start van het teamleren met het hele team: waarom, hoe, en de eerste afspraken.',
      startsAt: at(addDays(startsOn, -4), '14:30'),
      endsAt: at(addDays(startsOn, -4), '16:30'),
      location: 'Aula',
    });
    if (next) {
      await tx.insert(pt.yearPlanEvents).values({
        ...base,
        kind: 'linking',
        title: `Verbindingssessie ${team.name} en ${next.name}`,
        startsAt: at(addDays(startsOn, 7 * 7 + 3), '14:30'),
        location: 'Teamkamer',
        teamId,
        otherTeamId: next.id,
        details: { programmeId: programme!.id },
      });
      await tx.insert(pt.teamProgrammes).values({
        boardId,
        teamId: next.id,
        startsOn: addDays(thisMonday, 14),
        createdBy: leadId,
        createdAt: at(addDays(thisMonday, -5), '12:00'),
        updatedAt: at(addDays(thisMonday, -5), '12:00'),
      });
      await tx.insert(pt.yearPlanEvents).values({
        ...base,
        kind: 'kickoff',
        title: `Kick-off ${next.name}`,
        startsAt: at(addDays(thisMonday, 10), '14:30'),
        location: 'Aula',
        teamId: next.id,
      });
    }

    // The progress meter: the first phase in weeks 2, 5 and 8, the deepening phase in week 10; scores grow a little.
    const scoring: [number, ProgressPhase, number][] = [
      [1, 'start', 2],
      [4, 'start', 3],
      [7, 'start', 3],
      [9, 'deepening', 2],
    ];
    const scores: (typeof pt.teamProgressScores.$inferInsert)[] = [];
    for (const [weekIndex, phase, level] of scoring) {
      const scoredOn = addDays(startsOn, 7 * weekIndex + 3);
      if (scoredOn > today) continue;
      for (const [n, intervention] of PROGRESS_INTERVENTIONS.entries()) {
        const values = Object.fromEntries(
          PROGRESS_CRITERIA[intervention][phase].map((c) => [c, Math.min(5, level + int(0, 1) + (n === 0 ? 1 : 0))]),
        );
        scores.push({
          boardId,
          teamId,
          intervention,
          phase,
          scoredOn,
          scores: values,
          note: weekIndex === 1 && n === 1 ? 'Nog onwennig, maar iedereen deed mee.' : '',
          createdBy: leadId,
          createdAt: at(scoredOn, '16:00'),
        });
      }
    }
    await tx.insert(pt.teamProgressScores).values(scores);

    // Two pizzasessies ahead for the whole board, with some registrations.
    const pizzas = await tx
      .insert(pt.yearPlanEvents)
      .values([
        {
          boardId,
          schoolId: null,
          kind: 'pizza',
          title: 'Pizzasessie: leren van elkaars bordsessies',
          description: 'Teams vertellen wat werkt aan hun bord en waar ze tegenaan lopen. Pizza staat klaar.',
          startsAt: at(addDays(thisMonday, 9), '16:00'),
          endsAt: at(addDays(thisMonday, 9), '18:00'),
          location: 'Bestuurskantoor, grote zaal',
          capacity: 20,
          createdBy: leadId,
          createdAt: at(addDays(thisMonday, -14), '12:00'),
        },
        {
          boardId,
          schoolId: null,
          kind: 'pizza',
          title: 'Pizzasessie: bij elkaar kijken',
          description: 'Ervaringen met lesbezoeken en werkbezoeken, met een korte oefening in het feedbackmodel.',
          startsAt: at(addDays(thisMonday, 37), '16:00'),
          endsAt: at(addDays(thisMonday, 37), '18:00'),
          location: 'Oostland College, aula',
          capacity: 15,
          createdBy: leadId,
          createdAt: at(addDays(thisMonday, -14), '12:00'),
        },
      ])
      .returning({ id: pt.yearPlanEvents.id });
    // The demo docent is left free to register in the demo itself.
    const registering = staff.filter((p, i) => i % 7 === 3 && !p.email.startsWith('docent@'));
    const registrations = [
      ...registering.slice(0, 6).map((p) => ({ eventId: pizzas[0]!.id, personId: p.id })),
      ...registering.slice(6, 9).map((p) => ({ eventId: pizzas[1]!.id, personId: p.id })),
      ...(leadId ? [{ eventId: pizzas[0]!.id, personId: leadId }] : []),
    ];
    const unique = [...new Map(registrations.map((r) => [`${r.eventId}-${r.personId}`, r])).values()];
    if (unique.length > 0)
      await tx
        .insert(pt.yearPlanRegistrations)
        .values(unique.map((r) => ({ boardId, ...r, createdAt: at(addDays(thisMonday, -3), '12:00') })));
  });
}
