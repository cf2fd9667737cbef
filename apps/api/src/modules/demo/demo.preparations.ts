// Joint preparations and a team library for the demo team: about eight weeks of preparations (done ones with the
// form filled and a result, one cancelled, some planned this week and next), and four products in the library, one
// with three versions. Deterministic for a given team and day. Texts are our own.
import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import type { PreparationAnswers, PreparationFormField } from '@groeipad/contracts';
import type { Db } from '../../platform/db/client.ts';
import { addDays, schoolDay, weekStartOf } from '../../platform/time.ts';
import { organisationTables as org } from '../organisation/index.ts';
import { preparationsTables as pt } from '../preparations/index.ts';
import { teamGoals } from '../team/team.schema.ts';
import { teamForms } from '../visits/visits.schema.ts';
import { createRandom } from './demo.seed.ts';

const SEED = 20261125;
export type DemoPreparationsOptions = { boardId: string; teamId: string; now: Date };

/** The form the demo's preparations were filled on, when the team has no preparation form of its own yet. */
export const DEMO_PREPARATION_FORM: { title: string; fields: PreparationFormField[] } = {
  title: 'Samen voorbereiden',
  fields: [
    { id: 'richting', kind: 'heading', label: 'Waar werken we naartoe?' },
    { id: 'doel', kind: 'text', label: 'Wat kunnen of weten de leerlingen (of collega’s) na afloop?' },
    {
      id: 'werkvorm',
      kind: 'choice',
      label: 'Welke aanpak kiezen we?',
      options: ['Klassikale instructie', 'Samenwerkend leren', 'Zelfstandig met verlengde instructie', 'Anders'],
    },
    { id: 'verschillen', kind: 'check', label: 'We hebben besproken hoe we omgaan met verschillen in de groep' },
    { id: 'doelpassend', kind: 'scale', label: 'Hoe goed helpt dit ons teamdoel? (1 = nauwelijks, 4 = precies)' },
    { id: 'afspraak', kind: 'heading', label: 'Wat spreken we af?' },
    { id: 'proberen', kind: 'text', label: 'Wat proberen we uit, en wanneer kijken we samen terug?' },
  ],
};

type DonePlan = {
  title: string;
  kind: 'lesson' | 'work';
  goal: 0 | 1 | 2 | null;
  doel: string;
  werkvorm: string;
  proberen: string;
  result: string;
};

const DONE: DonePlan[] = [
  {
    title: 'Rekenles breuken vergelijken (klas 1)',
    kind: 'lesson',
    goal: 0,
    doel: 'Twee breuken met verschillende noemers vergelijken en uitleggen welke groter is.',
    werkvorm: 'Klassikale instructie',
    proberen: 'Beide in klas 1b en 1d; woensdag na het derde uur kort terugkijken.',
    result:
      'Lesopzet in drie stappen: 1. voordoen met stroken papier, 2. samen twee voorbeelden hardop, 3. zelf vijf sommen met een controlekaart. Leerlingen die klaar zijn helpen een buur.',
  },
  {
    title: 'Nakijkmodel periodetoets afstemmen',
    kind: 'work',
    goal: 1,
    doel: 'Iedere sectiegenoot kijkt de toets op dezelfde manier na.',
    werkvorm: 'Anders',
    proberen: 'Elk tien toetsen nakijken met het nieuwe model en verschillen bespreken.',
    result:
      'Eén nakijkmodel met per vraag de punten en twee voorbeeldantwoorden; twijfelgevallen leggen we in het sectie-overleg voor.',
  },
  {
    title: 'Verlengde instructie procenten',
    kind: 'lesson',
    goal: 0,
    doel: 'Procenten omrekenen naar een deel van een geheel, met en zonder rekenmachine.',
    werkvorm: 'Zelfstandig met verlengde instructie',
    proberen: 'Instructietafel in drie lessen; daarna vergelijken we de toetsscores.',
    result:
      'Instructietafel voor maximaal zes leerlingen, na tien minuten klassikaal. Een kaart met drie vaste tussenstappen ligt op elke tafel.',
  },
  {
    title: 'Cijferinvoer: wie doet wat na een toetsweek',
    kind: 'work',
    goal: 1,
    doel: 'Cijfers staan binnen tien werkdagen in het systeem.',
    werkvorm: 'Anders',
    proberen: 'Planning in de sectiemap; na de volgende toetsweek kijken we of het gelukt is.',
    result:
      'Per toets een eigenaar en een uiterste invoerdatum in de gedeelde planning; wie uitloopt meldt het bij de bordsessie.',
  },
  {
    title: 'Lesstart met het leerdoel zichtbaar',
    kind: 'lesson',
    goal: 2,
    doel: 'Leerlingen kunnen aan het begin van de les zeggen wat ze gaan leren.',
    werkvorm: 'Klassikale instructie',
    proberen: 'Twee weken elke les; een collega kijkt één keer mee.',
    result:
      'Vaste plek op het bord, één zin in leerlingtaal, aan het eind van de les twee leerlingen laten terugvertellen.',
  },
  {
    title: 'Samenwerkingsopdracht meetkunde',
    kind: 'lesson',
    goal: 0,
    doel: 'Oppervlakte van samengestelde figuren berekenen en de aanpak aan elkaar uitleggen.',
    werkvorm: 'Samenwerkend leren',
    proberen: 'In klas 2a; rollen per tweetal en een korte nabespreking.',
    result:
      'Opdracht voor tweetallen met rollen (rekenaar en controleur) die halverwege wisselen; drie figuren van makkelijk naar moeilijk.',
  },
  {
    title: 'Checklist toetsweek voorbereiden',
    kind: 'work',
    goal: 1,
    doel: 'Niets vergeten in de week voor de toetsweek.',
    werkvorm: 'Anders',
    proberen: 'Gebruiken voor de toetsweek van deze periode.',
    result:
      'Checklist: toets bij de teamleider, kopieën besteld, aangepaste versies klaar, nakijkmodel gedeeld, invoerdatum gepland.',
  },
];

/** Fills the demo team's preparations and library unless the team has preparations already. */
export async function seedDemoPreparations(db: Db, opts: DemoPreparationsOptions): Promise<void> {
  const { boardId, teamId, now } = opts;
  const rnd = createRandom(SEED);
  const today = schoolDay(now);
  const thisMonday = weekStartOf(today);
  // Times in the afternoon, Dutch time (UTC+1 in winter; a summer demo shows them an hour later).
  const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00Z`);

  const [existing] = await db
    .select({ n: count() })
    .from(pt.teamPreparations)
    .where(eq(pt.teamPreparations.teamId, teamId));
  if ((existing?.n ?? 0) > 0) return;

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
  if (members.length < 2) return;
  const who = (i: number) => members[i % members.length]!.id;
  const goals = await db
    .select({ id: teamGoals.id })
    .from(teamGoals)
    .where(and(eq(teamGoals.boardId, boardId), eq(teamGoals.teamId, teamId)))
    .orderBy(asc(teamGoals.position), asc(teamGoals.createdAt), asc(teamGoals.id));
  const goalOf = (i: 0 | 1 | 2 | null) => (i === null ? null : (goals[i]?.id ?? null));
  // The team's own preparation forms when it has them (the visits demo adds starting forms): a lesson form for
  // lessons and a work form for work, by their titles; else the first one; else our constant.
  const teamPrepForms = await db
    .select({ id: teamForms.id, title: teamForms.title, fields: teamForms.fields })
    .from(teamForms)
    .where(
      and(
        eq(teamForms.boardId, boardId),
        eq(teamForms.teamId, teamId),
        eq(teamForms.purpose, 'preparation'),
        isNull(teamForms.archivedAt),
      ),
    )
    .orderBy(asc(teamForms.title), asc(teamForms.id));
  type Form = { id: string | null; title: string; fields: PreparationFormField[] };
  const formFor = (kind: 'lesson' | 'work'): Form => {
    const word = kind === 'lesson' ? 'les' : 'werk';
    const found = teamPrepForms.find((f) => f.title.toLowerCase().includes(`${word}voorbereiding`)) ?? teamPrepForms[0];
    return found ? { id: found.id, title: found.title, fields: found.fields } : { id: null, ...DEMO_PREPARATION_FORM };
  };
  /** Answers to the form in use: our own form gets the plan's words; a team form gets them in field order. */
  const answersFor = (form: Form, plan: DonePlan): PreparationAnswers => {
    const texts = [plan.doel, `Aanpak: ${plan.werkvorm.toLowerCase()}.`, plan.result, plan.proberen];
    let next = 0;
    const out: PreparationAnswers = {};
    for (const f of form.fields) {
      if (f.kind === 'heading') continue;
      if (f.id === 'doel') out[f.id] = plan.doel;
      else if (f.id === 'werkvorm') out[f.id] = plan.werkvorm;
      else if (f.id === 'proberen') out[f.id] = plan.proberen;
      else if (f.kind === 'scale') out[f.id] = 2 + Math.floor(rnd.next() * 3);
      else if (f.kind === 'check') out[f.id] = rnd.next() < 0.8;
      else if (f.kind === 'choice') out[f.id] = f.options?.[0] ?? null;
      else out[f.id] = texts[next++ % texts.length]!;
    }
    return out;
  };

  await db.transaction(async (tx) => {
    const ids: string[] = [];
    const add = async (
      values: Omit<typeof pt.teamPreparations.$inferInsert, 'boardId' | 'teamId'> & { kind: 'lesson' | 'work' },
      people: string[],
    ): Promise<string> => {
      const id = rnd.uuid();
      const form = formFor(values.kind);
      await tx.insert(pt.teamPreparations).values({
        id,
        boardId,
        teamId,
        formId: form.id,
        formTitle: form.title,
        formFields: form.fields,
        ...values,
      });
      await tx
        .insert(pt.teamPreparationMembers)
        .values([...new Set(people)].map((personId) => ({ boardId, preparationId: id, personId })));
      ids.push(id);
      return id;
    };

    // Seven done preparations, one in each of the last seven weeks, by changing duos (sometimes a trio).
    const done: string[] = [];
    for (let w = 0; w < DONE.length; w++) {
      const plan = DONE[w]!;
      const day = addDays(thisMonday, -7 * (DONE.length - w) + 1 + (w % 3));
      const planner = who(w + 1);
      const people = w % 4 === 2 ? [planner, who(w + 2), who(w + 4)] : [planner, who(w + 3)];
      const plannedAt = at(day, w % 2 ? '13:30' : '14:45');
      done.push(
        await add(
          {
            title: plan.title,
            kind: plan.kind,
            plannedAt,
            durationMinutes: [30, 45, 60][w % 3]!,
            teamGoalId: goalOf(plan.goal),
            answers: answersFor(formFor(plan.kind), plan),
            result: plan.result,
            status: 'done',
            doneAt: new Date(plannedAt.getTime() + 50 * 60_000),
            createdBy: planner,
            createdAt: at(addDays(day, -6), '08:10'),
            updatedAt: new Date(plannedAt.getTime() + 50 * 60_000),
            version: 3,
          },
          people,
        ),
      );
    }
    // One that did not go ahead.
    const cancelledDay = addDays(thisMonday, -17);
    await add(
      {
        title: 'Werkwijze mentorgesprekken afstemmen',
        kind: 'work',
        plannedAt: at(cancelledDay, '14:00'),
        durationMinutes: 45,
        teamGoalId: null,
        status: 'cancelled',
        createdBy: who(2),
        createdAt: at(addDays(cancelledDay, -5), '09:00'),
        updatedAt: at(addDays(cancelledDay, -1), '16:20'),
        version: 2,
      },
      [who(2), who(5)],
    );
    // Planned: later today (this week, whatever the day) and two next week.
    await add(
      {
        title: 'Herhalingsles vergelijkingen voor de toets',
        kind: 'lesson',
        plannedAt: at(today, '14:30'),
        durationMinutes: 45,
        teamGoalId: goalOf(0),
        answers: Object.fromEntries(
          formFor('lesson')
            .fields.filter((f) => f.kind === 'text')
            .slice(0, 1)
            .map((f) => [f.id, 'Vergelijkingen met haakjes oplossen in vier stappen.']),
        ),
        createdBy: who(0),
        createdAt: at(addDays(today, -3), '12:15'),
        updatedAt: at(addDays(today, -3), '12:15'),
        version: 2,
      },
      [who(0), who(1)],
    );
    await add(
      {
        title: 'Feedback op werkstukken: één rubric',
        kind: 'work',
        plannedAt: at(addDays(thisMonday, 8), '13:30'),
        durationMinutes: 60,
        teamGoalId: goalOf(1),
        createdBy: who(3),
        createdAt: at(addDays(today, -1), '10:00'),
        updatedAt: at(addDays(today, -1), '10:00'),
      },
      [who(3), who(4), who(6)],
    );
    await add(
      {
        title: 'Instructie kwadraten met het digibord',
        kind: 'lesson',
        plannedAt: at(addDays(thisMonday, 10), '15:00'),
        durationMinutes: 30,
        teamGoalId: goalOf(0),
        createdBy: who(5),
        createdAt: at(today, '07:45'),
        updatedAt: at(today, '07:45'),
      },
      [who(5), who(2)],
    );

    // The library: four products; the lesson design went through three versions.
    const item = async (
      values: { title: string; kind: string; goal: 0 | 1 | 2 | null; preparationId: string | null; by: string },
      versions: { body: string; note: string; daysAgo: number; by: string }[],
    ) => {
      const id = rnd.uuid();
      const first = versions[0]!;
      const last = versions[versions.length - 1]!;
      await tx.insert(pt.teamLibraryItems).values({
        id,
        boardId,
        teamId,
        title: values.title,
        kind: values.kind,
        teamGoalId: goalOf(values.goal),
        preparationId: values.preparationId,
        currentVersion: versions.length,
        createdBy: values.by,
        createdAt: at(addDays(today, -first.daysAgo), '16:00'),
        updatedAt: at(addDays(today, -last.daysAgo), '16:00'),
        version: versions.length,
      });
      await tx.insert(pt.teamLibraryVersions).values(
        versions.map((v, i) => ({
          boardId,
          itemId: id,
          number: i + 1,
          body: v.body,
          note: v.note,
          createdBy: v.by,
          createdAt: at(addDays(today, -v.daysAgo), '16:00'),
        })),
      );
    };
    await item(
      { title: 'Lesontwerp breuken vergelijken', kind: 'lesson_design', goal: 0, preparationId: done[0]!, by: who(1) },
      [
        { body: DONE[0]!.result, note: 'Eerste versie', daysAgo: 47, by: who(1) },
        {
          body: `${DONE[0]!.result}\n\nNa de les: de controlekaart werkt; de stroken papier vooraf klaarleggen scheelt vijf minuten.`,
          note: 'Ervaringen uit klas 1b en 1d toegevoegd',
          daysAgo: 40,
          by: who(4),
        },
        {
          body: `${DONE[0]!.result}\n\nNa de les: de controlekaart werkt; de stroken papier vooraf klaarleggen scheelt vijf minuten.\n\nVariant voor klas 2: begin met getallenlijn in plaats van stroken.`,
          note: 'Variant voor klas 2',
          daysAgo: 12,
          by: who(2),
        },
      ],
    );
    await item({ title: 'Nakijkmodel periodetoets', kind: 'procedure', goal: 1, preparationId: done[1]!, by: who(2) }, [
      { body: DONE[1]!.result, note: 'Eerste versie', daysAgo: 40, by: who(2) },
      {
        body: `${DONE[1]!.result}\n\nHalve punten geven we alleen bij vraag 4 en 7.`,
        note: 'Afspraak over halve punten',
        daysAgo: 33,
        by: who(3),
      },
    ]);
    await item({ title: 'Checklist toetsweek', kind: 'checklist', goal: 1, preparationId: done[6]!, by: who(7) }, [
      { body: DONE[6]!.result, note: 'Eerste versie', daysAgo: 5, by: who(7) },
    ]);
    await item(
      { title: 'Lesstart: leerdoel op het bord', kind: 'procedure', goal: 2, preparationId: done[4]!, by: who(5) },
      [{ body: DONE[4]!.result, note: 'Eerste versie', daysAgo: 19, by: who(5) }],
    );
  });
}
