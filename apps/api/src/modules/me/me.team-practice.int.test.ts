import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, sessionFor, startTestApp, type TestBoard, type TestEnv } from '../../../test/harness.ts';
import { addDays, schoolDay } from '../../platform/time.ts';
import { organisationTables } from '../organisation/index.ts';
import { preparationsTables as pt } from '../preparations/index.ts';
import { programmeTables as gt } from '../programme/index.ts';
import { teamTables as tt } from '../team/index.ts';
import { visitsTables as vt } from '../visits/index.ts';
import { eq } from 'drizzle-orm';

// The personal export's team-practice parts: the visits and preparations the person took part in, what the team
// board and the programme hold about them, and nothing of colleagues' visits or preparations without them.

let env: TestEnv;
let board: TestBoard;
let teamId: string;
let me: string;
let colleague: string;
let third: string;
let lead: string;

const FIELDS = [
  { id: 'kop', kind: 'heading' as const, label: 'Start van de les' },
  { id: 'doel', kind: 'scale' as const, label: 'Het lesdoel is zichtbaar' },
  { id: 'vlot', kind: 'check' as const, label: 'Vlotte start' },
  { id: 'vorm', kind: 'choice' as const, label: 'Werkvorm', options: ['Alleen', 'Samen'] },
  { id: 'gezien', kind: 'scale' as const, label: 'Iedereen doet mee' },
  { id: 'open', kind: 'text' as const, label: 'Wat viel op?' },
];

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  const team = board.teams.find((t) => t.name === 'Exact')!;
  teamId = team.id;
  const members = board.memberships.filter((m) => m.teamId === teamId);
  lead = members.find((m) => m.role === 'teamleider')!.personId;
  const coach = members.find((m) => m.role === 'coach')?.personId;
  const staff = [...new Set(members.filter((m) => m.role === 'docent').map((m) => m.personId))].filter(
    (p) => p !== coach && p !== lead,
  );
  [me, colleague, third] = [staff[0]!, staff[1]!, staff[2]!];
  // A phone number: shown to the team on the board, so it is in the export too.
  await env.database.db
    .update(organisationTables.people)
    .set({ phone: '0612345678' })
    .where(eq(organisationTables.people.id, me));
  await seed();
});
afterAll(() => env.close());

async function seed() {
  const db = env.database.db;
  const base = { boardId: board.boardId, teamId };
  const [goal] = await db
    .insert(tt.teamGoals)
    .values({
      ...base,
      title: 'Iedereen aan het werk in 5 minuten',
      targetValue: 80,
      unit: '%',
      ownerId: me,
      createdBy: lead,
    })
    .returning();
  await db.insert(tt.teamGoals).values({ ...base, title: 'Doel van een ander', targetValue: 3, ownerId: third });
  await db.insert(tt.teamGoalValues).values([
    {
      boardId: board.boardId,
      goalId: goal!.id,
      measuredOn: '2030-01-10',
      value: 62,
      note: 'Eerste meting',
      createdBy: me,
    },
    {
      boardId: board.boardId,
      goalId: goal!.id,
      measuredOn: '2030-01-17',
      value: 71,
      note: 'Meting van een ander',
      createdBy: third,
    },
  ]);

  await db.insert(vt.teamVisits).values([
    {
      ...base,
      observerId: me,
      observedId: colleague,
      kind: 'lesson',
      scheduledAt: new Date('2030-02-04T09:00:00+01:00'),
      durationMinutes: 45,
      location: 'Lokaal 12',
      learningQuestion: 'Hoe krijg ik de achterste rij erbij?',
      formTitle: 'Lesbezoek Exact',
      formFields: FIELDS,
      answers: { doel: 3, vlot: true, vorm: 'Samen', gezien: null, open: 'De uitleg was kort en helder.' },
      status: 'discussed',
      observedAt: new Date('2030-02-04T10:00:00+01:00'),
      feedbackObservation: 'Je liep twee keer naar achteren.',
      feedbackEffect: 'De leerlingen achterin gingen aan het werk.',
      feedbackReaction: 'Dat had ik zelf niet gemerkt.',
      feedbackSuggestions: 'Begin de les achterin.',
      feedbackAt: new Date('2030-02-04T12:00:00+01:00'),
      feedbackBy: colleague,
      rescheduledReason: 'Toetsweek, een week later',
      rescheduledAt: new Date('2030-01-25T12:00:00+01:00'),
      createdBy: me,
    },
    {
      ...base,
      observerId: colleague,
      observedId: me,
      kind: 'work',
      scheduledAt: new Date('2030-02-11T13:00:00+01:00'),
      learningQuestion: 'Geef ik genoeg beurten aan stille leerlingen?',
      formFields: FIELDS,
      status: 'cancelled',
      cancelledReason: 'Ziek thuis',
      sharedAt: new Date('2030-02-01T08:00:00+01:00'),
      createdBy: colleague,
    },
    {
      ...base,
      observerId: colleague,
      observedId: third,
      scheduledAt: new Date('2030-02-12T09:00:00+01:00'),
      learningQuestion: 'Geheime leervraag van een derde',
      feedbackSuggestions: 'Geheime tip voor een derde',
      status: 'discussed',
      createdBy: third,
    },
  ]);
  await db
    .insert(vt.teamForms)
    .values({ ...base, purpose: 'visit', title: 'Mijn kijkwijzer', fields: FIELDS, createdBy: me });

  const [together, without] = await db
    .insert(pt.teamPreparations)
    .values([
      {
        ...base,
        title: 'Rekenles breuken samen voorbereid',
        kind: 'lesson',
        plannedAt: new Date('2030-02-05T15:00:00+01:00'),
        formTitle: 'Lesvoorbereiding',
        formFields: [{ id: 'doel', kind: 'text', label: 'Wat is het lesdoel?' }],
        answers: { doel: 'Breuken vergelijken' },
        result: 'Een lesopzet met drie niveaus',
        status: 'done',
        doneAt: new Date('2030-02-05T16:00:00+01:00'),
        createdBy: colleague,
      },
      {
        ...base,
        title: 'Voorbereiding zonder mij',
        plannedAt: new Date('2030-02-06T15:00:00+01:00'),
        result: 'Geheim resultaat van anderen',
        createdBy: third,
      },
    ])
    .returning();
  await db.insert(pt.teamPreparationMembers).values([
    { boardId: board.boardId, preparationId: together!.id, personId: colleague },
    { boardId: board.boardId, preparationId: together!.id, personId: me },
    { boardId: board.boardId, preparationId: without!.id, personId: colleague },
    { boardId: board.boardId, preparationId: without!.id, personId: third },
  ]);
  const [item] = await db
    .insert(pt.teamLibraryItems)
    .values({
      ...base,
      title: 'Checklist start van de les',
      kind: 'checklist',
      currentVersion: 2,
      createdBy: colleague,
    })
    .returning();
  await db.insert(pt.teamLibraryVersions).values([
    { boardId: board.boardId, itemId: item!.id, number: 1, body: 'Eerste tekst van een collega', createdBy: colleague },
    {
      boardId: board.boardId,
      itemId: item!.id,
      number: 2,
      body: 'Stap 1: deur open. Stap 2: opdracht op het bord.',
      note: 'Stap 2 toegevoegd',
      fileName: 'checklist.pdf',
      mediaType: 'application/pdf',
      size: 2048,
      bytes: Buffer.from('%PDF-1.4 geheime bytes'),
      createdBy: me,
    },
  ]);

  await db.insert(tt.teamActions).values([
    {
      ...base,
      title: 'Rooster voor bezoeken maken',
      ownerId: me,
      createdBy: colleague,
      dueOn: '2030-03-01',
      nextStep: 'Vragen wie wanneer kan',
    },
    { ...base, title: 'Kopieerapparaat laten maken', ownerId: colleague, createdBy: me, status: 'done' },
    { ...base, title: 'Actie van een ander', ownerId: third, createdBy: third },
  ]);
  await db.insert(tt.teamBoardItems).values([
    { ...base, kind: 'success', body: 'Klas 2b haalde allemaal een voldoende', createdBy: me },
    { ...base, kind: 'parking', body: 'Parkeerpunt van een ander', createdBy: third },
  ]);
  const today = schoolDay(new Date());
  const [present, absent] = await db
    .insert(tt.teamSessions)
    .values([
      { ...base, heldOn: addDays(today, 1), moodPositive: 3, createdBy: me },
      { ...base, heldOn: addDays(today, 2), moodNegative: 1, createdBy: lead },
    ])
    .returning();
  await db.insert(tt.teamSessionAttendance).values([
    { boardId: board.boardId, sessionId: present!.id, personId: me },
    { boardId: board.boardId, sessionId: absent!.id, personId: colleague },
  ]);

  const [programme] = await db
    .insert(gt.teamProgrammes)
    .values({ ...base, startsOn: '2030-01-07', createdBy: lead })
    .returning();
  await db.insert(gt.teamProgrammeWeeks).values([
    {
      boardId: board.boardId,
      programmeId: programme!.id,
      week: 1,
      sessionHeldOn: '2030-01-08',
      note: 'Bord staat, iedereen was er',
      updatedBy: me,
    },
    { boardId: board.boardId, programmeId: programme!.id, week: 2, note: 'Notitie van de teamleider', updatedBy: lead },
  ]);
  await db.insert(gt.teamProgressScores).values([
    {
      ...base,
      intervention: 'visits',
      phase: 'start',
      scoredOn: '2030-02-01',
      scores: { planned: 4, learningQuestion: 3, feedbackModel: 4, safe: 5 },
      note: 'Het gaat goed',
      createdBy: me,
    },
    {
      ...base,
      intervention: 'session',
      phase: 'start',
      scoredOn: '2030-02-01',
      scores: { onTime: 2 },
      note: 'Score van een ander',
      createdBy: lead,
    },
  ]);
  const [pizza] = await db
    .insert(gt.yearPlanEvents)
    .values({
      boardId: board.boardId,
      kind: 'pizza',
      title: 'Pizzasessie maart',
      startsAt: new Date('2030-03-12T16:00:00+01:00'),
      location: 'Aula Noord',
      capacity: 20,
      createdBy: lead,
    })
    .returning();
  await db.insert(gt.yearPlanRegistrations).values([
    { boardId: board.boardId, eventId: pizza!.id, personId: me },
    { boardId: board.boardId, eventId: pizza!.id, personId: third },
  ]);
}

type Export = {
  person: { phone: string | null };
  visits: {
    about: string;
    visits: {
      role: string;
      with: string;
      learningQuestion: string;
      form: { answers: { label: string; kind: string; answer?: unknown }[] };
      talk: { suggestions: string; recordedBy: string | null };
      rescheduledReason: string | null;
      cancelledReason: string | null;
      sharedWithManagerAt: string | null;
    }[];
    formsMade: { title: string }[];
  };
  preparations: {
    preparations: {
      title: string;
      participants: string[];
      participant: boolean;
      result: string;
      form: { answers: unknown[] };
    }[];
    libraryVersions: { product: string; number: number; note: string; text: string; file: unknown }[];
  };
  teamBoard: {
    about: string;
    actions: { title: string; ownedByYou: boolean; createdByYou: boolean }[];
    goals: { title: string; ownedByYou: boolean }[];
    measurements: { value: number }[];
    items: { kind: string; text: string }[];
    sessions: { heldOn: string; present: boolean; startedByYou: boolean }[];
  };
  programme: {
    registrations: { title: string }[];
    weeks: { week: number; note: string }[];
    progressScores: { intervention: string; scores: Record<string, number> }[];
  };
};

const nameOf = (id: string) => {
  const p = board.people.find((x) => x.id === id)!;
  return [p.firstName, p.infix, p.lastName].filter(Boolean).join(' ');
};

describe('the personal export of team practice', () => {
  it('holds my visits with the other party, the labelled answers, the talk and the reasons; never a visit without me', async () => {
    const session = await sessionFor(env.database, me);
    const res = await env.app.inject({ method: 'GET', url: '/api/me/export.json', headers: session.headers });
    expect(res.statusCode).toBe(200);
    const data = res.json<Export>();
    expect(data.person.phone).toBe('0612345678');

    const visits = data.visits.visits;
    expect(visits).toHaveLength(2);
    const [observing, observed] = visits;
    expect(observing).toMatchObject({
      role: 'observer',
      with: nameOf(colleague),
      learningQuestion: 'Hoe krijg ik de achterste rij erbij?',
      rescheduledReason: 'Toetsweek, een week later',
      talk: { suggestions: 'Begin de les achterin.', recordedBy: nameOf(colleague) },
    });
    expect(observing!.form.answers).toEqual([
      { label: 'Start van de les', kind: 'heading' },
      { label: 'Het lesdoel is zichtbaar', kind: 'scale', answer: 3 },
      { label: 'Vlotte start', kind: 'check', answer: true },
      { label: 'Werkvorm', kind: 'choice', answer: 'Samen' },
      { label: 'Iedereen doet mee', kind: 'scale', answer: null },
      { label: 'Wat viel op?', kind: 'text', answer: 'De uitleg was kort en helder.' },
    ]);
    expect(observed).toMatchObject({ role: 'observed', with: nameOf(colleague), cancelledReason: 'Ziek thuis' });
    expect(observed!.sharedWithManagerAt).not.toBeNull();
    expect(data.visits.formsMade.map((f) => f.title)).toEqual(['Mijn kijkwijzer']);
    expect(res.body).not.toContain('Geheime leervraag');
    expect(res.body).not.toContain('Geheime tip');

    const { preparations, libraryVersions } = data.preparations;
    expect(preparations).toEqual([
      expect.objectContaining({
        title: 'Rekenles breuken samen voorbereid',
        participants: [nameOf(colleague), nameOf(me)].sort((a, b) => a.localeCompare(b)),
        participant: true,
        result: 'Een lesopzet met drie niveaus',
        form: {
          title: 'Lesvoorbereiding',
          answers: [{ label: 'Wat is het lesdoel?', kind: 'text', answer: 'Breuken vergelijken' }],
        },
      }),
    ]);
    expect(res.body).not.toContain('Voorbereiding zonder mij');
    expect(res.body).not.toContain('Geheim resultaat');
    expect(libraryVersions).toEqual([
      expect.objectContaining({
        product: 'Checklist start van de les',
        number: 2,
        note: 'Stap 2 toegevoegd',
        text: 'Stap 1: deur open. Stap 2: opdracht op het bord.',
        file: { name: 'checklist.pdf', mediaType: 'application/pdf', size: 2048 },
      }),
    ]);
    expect(res.body).not.toContain('Eerste tekst van een collega');
    expect(res.body).not.toContain('geheime bytes');
  });

  it('holds my actions, goals, measurements, board texts and attendance, but no mood and nothing of others', async () => {
    const session = await sessionFor(env.database, me);
    const res = await env.app.inject({ method: 'GET', url: '/api/me/export.json', headers: session.headers });
    const { teamBoard, programme } = res.json<Export>();
    // One insert, one creation time: compare without the order.
    expect(teamBoard.actions.map((a) => [a.title, a.ownedByYou, a.createdByYou]).sort()).toEqual([
      ['Kopieerapparaat laten maken', false, true],
      ['Rooster voor bezoeken maken', true, false],
    ]);
    expect(teamBoard.goals.map((g) => [g.title, g.ownedByYou])).toEqual([['Iedereen aan het werk in 5 minuten', true]]);
    expect(teamBoard.measurements.map((m) => m.value)).toEqual([62]);
    expect(teamBoard.items).toEqual([
      expect.objectContaining({ kind: 'success', text: 'Klas 2b haalde allemaal een voldoende' }),
    ]);
    const today = schoolDay(new Date());
    expect(teamBoard.sessions).toEqual(
      expect.arrayContaining([
        { team: 'Exact', heldOn: addDays(today, 1), present: true, startedByYou: true },
        { team: 'Exact', heldOn: addDays(today, 2), present: false, startedByYou: false },
      ]),
    );
    expect(teamBoard.about).toMatch(/nooit wie wat koos/);
    expect(res.body).not.toContain('mood');
    expect(res.body).not.toContain('Actie van een ander');
    expect(res.body).not.toContain('Parkeerpunt van een ander');
    expect(res.body).not.toContain('Doel van een ander');

    expect(programme.registrations.map((r) => r.title)).toEqual(['Pizzasessie maart']);
    expect(programme.weeks).toEqual([expect.objectContaining({ week: 1, note: 'Bord staat, iedereen was er' })]);
    expect(programme.progressScores).toEqual([
      expect.objectContaining({
        intervention: 'visits',
        scores: { planned: 4, learningQuestion: 3, feedbackModel: 4, safe: 5 },
      }),
    ]);
    expect(res.body).not.toContain('Notitie van de teamleider');
    expect(res.body).not.toContain('Score van een ander');
  });

  it('leaves a visit between two colleagues out of a third colleague’s export', async () => {
    const session = await sessionFor(env.database, third);
    const res = await env.app.inject({ method: 'GET', url: '/api/me/export.json', headers: session.headers });
    const data = res.json<Export>();
    // The third colleague was observed once, and never in the visits between the other two.
    expect(data.visits.visits.map((v) => v.learningQuestion)).toEqual(['Geheime leervraag van een derde']);
    expect(res.body).not.toContain('Hoe krijg ik de achterste rij erbij?');
    expect(res.body).not.toContain('Begin de les achterin.');
    expect(res.body).not.toContain('Ziek thuis');
    expect(res.body).not.toContain('Rekenles breuken samen voorbereid');
    expect(data.preparations.preparations.map((p) => p.title)).toEqual(['Voorbereiding zonder mij']);
    expect(data.preparations.libraryVersions).toEqual([]);
  });

  it('renders the team-practice parts in the PDF with Dutch headings', async () => {
    const session = await sessionFor(env.database, me);
    const pdf = await env.app.inject({ method: 'GET', url: '/api/me/export.pdf', headers: session.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pages = await extractText(new Uint8Array(pdf.rawPayload));
    // Every page has content and its footer; the footer never spills onto a page of its own.
    expect(pages.text.at(-1)).toContain(`pagina ${pages.totalPages} van ${pages.totalPages}`);
    expect(pages.text.every((page) => page.replace(/Groeipad · .* · pagina \d+ van \d+/, '').trim() !== '')).toBe(true);
    const text = pages.text.join(' ').replace(/\s+/g, ' ');
    for (const expected of [
      '0612345678',
      'Bezoeken (2)',
      `Lesbezoek · jij bij ${nameOf(colleague)}`,
      'Hoe krijg ik de achterste rij erbij?',
      'Het lesdoel is zichtbaar: 3 van 4',
      'Vlotte start: ja',
      'Iedereen doet mee: niet gezien of niet van toepassing',
      'Begin de les achterin.',
      'Reden van verzetten',
      'Toetsweek, een week later',
      `Werkbezoek · ${nameOf(colleague)} bij jou`,
      'Ziek thuis',
      'Gezamenlijke voorbereiding (1)',
      'Een lesopzet met drie niveaus',
      'Checklist start van de les (checklist), versie 2',
      'Bestand checklist.pdf (PDF, 2 kB)',
      'Teambord en bordsessies',
      'Rooster voor bezoeken maken',
      'Klas 2b haalde allemaal een voldoende',
      'Exact: aanwezig bij',
      'Programma en pizzasessies',
      'Pizzasessie maart',
      'Bord staat, iedereen was er',
      'Bij elkaar kijken (eerste 8 weken), gemiddeld 4 van 5 over 4 punten',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Geheime leervraag');
    expect(text).not.toContain('Voorbereiding zonder mij');
    expect(text).not.toContain('Actie van een ander');
  });
});
