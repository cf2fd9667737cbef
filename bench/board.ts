// The generated board the benchmark measures against: 40 schools at scale 1, the first a large secondary school of
// 300 staff, the others ~10 teams of ~10 staff; a cycle history and a closed 360° round on top.
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../apps/api/src/platform/db/client.ts';
import { createRandom, seedCycleHistory, type BoardSpec } from '../apps/api/src/modules/demo/index.ts';
import { FEEDBACK_TEMPLATES, feedbackTables as f } from '../apps/api/src/modules/feedback/index.ts';
import { organisationTables as org } from '../apps/api/src/modules/organisation/index.ts';
import { teamTables as tb } from '../apps/api/src/modules/team/index.ts';
import { visitsTables as vt } from '../apps/api/src/modules/visits/index.ts';
import { preparationsTables as pt } from '../apps/api/src/modules/preparations/index.ts';
import { STANDARD_PARTS } from '../apps/api/src/modules/team/board.repository.ts';

export const BENCH_SEED = 20_261_124;
export const BENCH_PASSWORD = 'bench-wachtwoord-2026';

type School = BoardSpec['schools'][number];
type Team = School['teams'][number];

const PLACES = ['Oost', 'West', 'Noord', 'Zuid', 'Centrum', 'Haven', 'Dijk', 'Veld', 'Brink', 'Molen'];
const PO_NAMES = ['De Regenboog', 'De Vlinder', 'Het Kompas', 'De Wegwijzer', 'De Springplank', 'Het Palet'];
const VO_NAMES = ['College', 'Lyceum', 'Scholengemeenschap', 'Vakcollege'];
const SUBJECTS: [string, string][] = [
  ['Exact', 'Docent wiskunde'],
  ['Talen', 'Docent Engels'],
  ['Nederlands', 'Docent Nederlands'],
  ['Mens en maatschappij', 'Docent geschiedenis'],
  ['Kunst en bewegen', 'Docent LO'],
  ['Onderbouw', 'Docent'],
  ['Bovenbouw havo', 'Docent'],
  ['Bovenbouw vwo', 'Docent'],
];
const GROUPS = ['Groep 1-2', 'Groep 3', 'Groep 4', 'Groep 5', 'Groep 6', 'Groep 7', 'Groep 8', 'Plusklas', 'Taalklas'];

/**
 * A deterministic board spec: `scale` multiplies the number of schools (40 at scale 1, at least 1), every school
 * has 10 teams of 8–12 staff (10 on average), so scale 1 holds about 4,000 staff plus their leaders.
 */
export function benchBoardSpec(scale: number, seed: number): BoardSpec {
  const rnd = createRandom(BENCH_SEED);
  const size = () => 8 + Math.floor(rnd.next() * 5);
  const schoolCount = Math.max(1, Math.round(40 * scale));
  const schools: School[] = [bigSchool()];
  for (let i = 1; i < schoolCount; i++) {
    const vo = i % 4 === 3;
    const place = `${PLACES[i % PLACES.length]!} ${Math.floor(i / PLACES.length) + 1}`;
    const teams: Team[] = vo
      ? SUBJECTS.map(([name, jobTitle]) => ({ name, kind: 'onderwijs', size: size(), staffRole: 'docent', jobTitle }))
      : GROUPS.map((name) => ({ name, kind: 'onderwijs', size: size(), staffRole: 'docent', jobTitle: 'Leerkracht' }));
    teams.push({
      name: 'Ondersteuning',
      kind: 'ondersteuning',
      size: size(),
      staffRole: 'oop',
      jobTitle: 'Onderwijsassistent',
    });
    if (vo) {
      teams.push({
        name: 'Administratie',
        kind: 'ondersteuning',
        size: size(),
        staffRole: 'oop',
        jobTitle: 'Administratief medewerker',
      });
    }
    schools.push({
      name: vo ? `${VO_NAMES[i % VO_NAMES.length]!} ${place}` : `${PO_NAMES[i % PO_NAMES.length]!} ${place}`,
      kind: vo ? 'vo' : 'po',
      brin: `${String(10 + (i % 90))}${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}`,
      teams,
    });
  }
  // Only digits in slug and domain, so the staff search term never matches the domain every address shares.
  return {
    name: `Benchmarkbestuur ${seed}`,
    slug: `bench-${seed}`,
    domain: `b${seed}.bench.groeipad.nl`,
    schools,
    seed,
    namedAccounts: true,
  };
}

/** Teams and staff per team of the big school: 25 × 12 = 300 staff. */
export const BIG_SCHOOL = { teams: 25, size: 12 };

/**
 * The board's first school: a large secondary school of 300 staff (23 subject teams, 2 support teams, 12 each)
 * for the cycle overview and coverage scenarios. Its leader, first teamleider and first docent have the named
 * addresses (directeur@, teamleider@, docent@).
 */
function bigSchool(): School {
  const teams: Team[] = Array.from({ length: BIG_SCHOOL.teams }, (_, t) => {
    if (t >= BIG_SCHOOL.teams - 2) {
      const name = t === BIG_SCHOOL.teams - 1 ? 'Administratie' : 'Ondersteuning';
      return { name, kind: 'ondersteuning', size: BIG_SCHOOL.size, staffRole: 'oop', jobTitle: 'Onderwijsassistent' };
    }
    const [subject, jobTitle] = SUBJECTS[t % SUBJECTS.length]!;
    return {
      name: `${subject} ${Math.floor(t / SUBJECTS.length) + 1}`,
      kind: 'onderwijs',
      size: BIG_SCHOOL.size,
      staffRole: 'docent',
      jobTitle,
    };
  });
  return { name: 'Stedelijk Lyceum Centrum', kind: 'vo', brin: '99ZZ', teams };
}

/** The board id seedBoard derives from a seed: it is the generator's first uuid. */
export function boardIdFor(seed: number): string {
  return createRandom(seed).uuid();
}

/** The people and ids the scenarios act as and ask for, besides the beheerder. */
export type BenchFixtures = {
  /** The big school. */
  schoolId: string;
  /** The closed 360° round about its first docent (docent@). */
  roundId: string;
  conversations: number;
  responses: number;
};

/** Past school years besides the current one: three years of history in all. */
export const HISTORY_YEARS_BACK = 2;
/**
 * Schools that get a cycle and its history: the big school and the next three. Every school would take minutes
 * (seedCycleHistory builds ~6 conversations, reports, goals and check-ins per staff member through Drizzle);
 * the scenarios read one school, the others only make the tables bigger.
 */
export const HISTORY_SCHOOLS = 4;

/**
 * What the cycle and feedback scenarios need on top of the board: every school's standard cycle with two past
 * years of conversations, reports and goals (`seedCycleHistory`), and a closed 360° round about the big
 * school's first docent with 25 responses (self, leidinggevende, 15 pupils, 6 colleagues, 2 parents: the
 * parents fold into "others" or stay withheld, so the guard has work to do).
 */
export async function seedBenchHistory(
  db: Db,
  opts: { boardId: string; spec: BoardSpec; now: Date },
): Promise<BenchFixtures> {
  const { boardId, spec, now } = opts;
  const schools = await db
    .select({ id: org.schools.id, name: org.schools.name })
    .from(org.schools)
    .where(eq(org.schools.boardId, boardId));
  const idOf = new Map(schools.map((s) => [s.name, s.id]));
  const school = { id: idOf.get(spec.schools[0]!.name)! };
  const history = await seedCycleHistory(db, {
    boardId,
    now,
    yearsBack: HISTORY_YEARS_BACK,
    seed: spec.seed,
    schoolIds: spec.schools.slice(0, HISTORY_SCHOOLS).map((s) => idOf.get(s.name)!),
  });
  const byEmail = async (local: string) => {
    const [row] = await db
      .select({ id: org.people.id })
      .from(org.people)
      .where(and(eq(org.people.boardId, boardId), eq(org.people.email, `${local}@${spec.domain}`)));
    if (!row) throw new Error(`bench board has no ${local}@${spec.domain}`);
    return row.id;
  };
  const [teamleider, subject] = [await byEmail('teamleider'), await byEmail('docent')];
  const colleagues = await db
    .select({ id: org.people.id, firstName: org.people.firstName, lastName: org.people.lastName })
    .from(org.lineManagers)
    .innerJoin(org.people, eq(org.people.id, org.lineManagers.employeeId))
    .where(eq(org.lineManagers.managerId, teamleider))
    .orderBy(asc(org.people.lastName), asc(org.people.id));

  const rnd = createRandom(spec.seed + 1);
  const template = FEEDBACK_TEMPLATES.docent;
  const instrument = { ...template, raterGroups: [...template.raterGroups, 'ouder'] };
  const scaleItems = instrument.sections.flatMap((s) => s.items).filter((i) => i.type === 'scale');
  const openItems = instrument.sections.flatMap((s) => s.items).filter((i) => i.type === 'open');
  const closedAt = new Date(now.getTime() - 30 * 86_400_000);
  const round = await db.transaction(async (tx) => {
    const [questionnaire] = await tx
      .insert(f.feedbackQuestionnaires)
      .values({
        boardId,
        schoolId: school.id,
        name: template.name,
        description: template.description,
        templateKey: 'docent',
        scale: template.scale,
        sections: template.sections,
        raterGroups: template.raterGroups,
        status: 'published',
      })
      .returning({ id: f.feedbackQuestionnaires.id });
    const [inserted] = await tx
      .insert(f.feedbackRounds)
      .values({
        boardId,
        schoolId: school.id,
        subjectId: subject,
        questionnaireId: questionnaire!.id,
        instrument,
        title: 'Feedback op mijn lessen, najaar',
        status: 'closed',
        closesOn: closedAt.toISOString().slice(0, 10),
        minGroupSize: 3,
        minTextGroupSize: 5,
        closedAt,
        createdAt: new Date(closedAt.getTime() - 21 * 86_400_000),
      })
      .returning({ id: f.feedbackRounds.id });
    const roundId = inserted!.id;
    const invitations: (typeof f.feedbackInvitations.$inferInsert)[] = [];
    const rows: (typeof f.feedbackResponses.$inferInsert)[] = [];
    const answer = (group: string, name: string, personId: string | null, lean: number) => {
      invitations.push({
        boardId,
        roundId,
        raterGroup: group,
        personId,
        name,
        email: `${group}${invitations.length}@${spec.domain}`,
        tokenHash: createHash('sha256').update(`${roundId}:${invitations.length}`).digest('hex'),
        expiresAt: closedAt,
        status: 'answered',
      });
      const scores: Record<string, number | 'dk'> = {};
      for (const item of scaleItems)
        scores[item.id] =
          rnd.next() < 0.08 ? 'dk' : Math.max(1, Math.min(4, Math.round(lean + (rnd.next() - 0.5) * 2)));
      const open = Object.fromEntries(openItems.map((i) => [i.id, `Antwoord ${rows.length + 1} op ${i.id}.`]));
      rows.push({ boardId, roundId, raterGroup: group, scores, openAnswers: open });
    };
    answer('self', 'Zelf', subject, 3);
    answer('leidinggevende', 'Leidinggevende', teamleider, 3.2);
    for (let i = 1; i <= 15; i++) answer('leerling', `Leerling ${i}`, null, 3.1);
    for (const c of colleagues.filter((c) => c.id !== subject).slice(0, 6))
      answer('collega', `${c.firstName} ${c.lastName}`, c.id, 3.4);
    for (let i = 1; i <= 2; i++) answer('ouder', `Ouder ${i}`, null, 2.6);
    await tx.insert(f.feedbackInvitations).values(invitations);
    await tx.insert(f.feedbackResponses).values(rows);
    return { roundId, count: rows.length };
  });
  return {
    schoolId: school.id,
    roundId: round.roundId,
    conversations: history.conversations,
    responses: round.count,
  };
}

/**
 * A full team board for the teamleider's team (12 staff): the board as a team has it after a term of use. Four
 * goals (one stopped) with ten values each, 26 improvement actions over the columns (two archived), 18 texts,
 * two board sessions a week for eight weeks with attendance and mood, and for the planning part two visits and one
 * joint preparation (three people) a week from eight weeks back to two weeks ahead. Returns the team's id.
 */
export async function seedBenchTeamBoard(
  db: Db,
  opts: { boardId: string; spec: BoardSpec; now: Date },
): Promise<{ teamId: string; members: number }> {
  const { boardId, spec, now } = opts;
  const [lead] = await db
    .select({ personId: org.memberships.personId, teamId: org.memberships.teamId })
    .from(org.memberships)
    .innerJoin(org.people, eq(org.people.id, org.memberships.personId))
    .where(
      and(
        eq(org.memberships.boardId, boardId),
        eq(org.memberships.role, 'teamleider'),
        eq(org.people.email, `teamleider@${spec.domain}`),
      ),
    );
  if (!lead?.teamId) throw new Error('bench board: the teamleider has no team');
  const teamId = lead.teamId;
  const members = await db
    .selectDistinct({ id: org.memberships.personId })
    .from(org.memberships)
    .where(and(eq(org.memberships.teamId, teamId), eq(org.memberships.boardId, boardId)));
  const ids = members.map((m) => m.id);
  const rnd = createRandom(spec.seed + 2);
  const pick = () => ids[Math.floor(rnd.next() * ids.length)]!;
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  await db.transaction(async (tx) => {
    await tx.insert(tb.teamBoards).values({ boardId, teamId, parts: STANDARD_PARTS, sessionsPerWeek: 2 });
    const goals = await tx
      .insert(tb.teamGoals)
      .values(
        ['Leerlingen op tijd in de les', 'Huiswerk ingeleverd', 'Feedback per les', 'Oud doel'].map((title, i) => ({
          boardId,
          teamId,
          title,
          unit: '%',
          startValue: 50 + i,
          targetValue: 90,
          targetDate: day(60),
          ownerId: pick(),
          status: i === 3 ? 'stopped' : 'active',
          position: i,
          createdBy: lead.personId,
        })),
      )
      .returning({ id: tb.teamGoals.id });
    await tx.insert(tb.teamGoalValues).values(
      goals.flatMap((g, i) =>
        Array.from({ length: 10 }, (_, w) => ({
          boardId,
          goalId: g.id,
          measuredOn: day(-7 * (10 - w)),
          value: 50 + i + w * 3 + Math.round(rnd.next() * 4),
          createdBy: lead.personId,
        })),
      ),
    );
    const statuses = ['todo', 'doing', 'done'] as const;
    await tx.insert(tb.teamActions).values(
      Array.from({ length: 26 }, (_, i) => {
        const status = statuses[i % 3]!;
        return {
          boardId,
          teamId,
          goalId: goals[i % 3]!.id,
          title: `Verbeteractie ${i + 1}`,
          ownerId: pick(),
          dueOn: day(-10 + i),
          status,
          nextStep: i % 2 === 0 ? 'Bespreken in de volgende sessie' : '',
          helpWanted: i % 7 === 0,
          position: i,
          doneAt: status === 'done' ? now : null,
          archivedAt: i >= 24 ? now : null,
          createdBy: lead.personId,
        };
      }),
    );
    await tx.insert(tb.teamBoardItems).values(
      Array.from({ length: 18 }, (_, i) => ({
        boardId,
        teamId,
        kind: (['success', 'parking', 'norm'] as const)[i % 3]!,
        body: `Tekst ${i + 1} op het bord`,
        position: i,
        createdBy: pick(),
      })),
    );
    const sessions = await tx
      .insert(tb.teamSessions)
      .values(
        Array.from({ length: 16 }, (_, i) => {
          const heldOn = day(-56 + Math.floor(i / 2) * 7 + (i % 2) * 2);
          const startedAt = new Date(`${heldOn}T07:30:00Z`);
          return {
            boardId,
            teamId,
            heldOn,
            startedAt,
            endedAt: new Date(startedAt.getTime() + 15 * 60_000),
            moodPositive: 6,
            moodNeutral: 3,
            moodNegative: 1,
            createdBy: lead.personId,
          };
        }),
      )
      .returning({ id: tb.teamSessions.id });
    await tx
      .insert(tb.teamSessionAttendance)
      .values(
        sessions.flatMap((s) =>
          ids.filter(() => rnd.next() < 0.8).map((personId) => ({ boardId, sessionId: s.id, personId })),
        ),
      );
    // Ten weeks: eight past, this one and the next, so both the counts and the two planned weeks have rows.
    const weeks = Array.from({ length: 10 }, (_, w) => w - 8);
    await tx.insert(vt.teamVisits).values(
      weeks.flatMap((w) =>
        [1, 3].map((weekday, i) => {
          const observerId = pick();
          const observedId = ids.find((id) => id !== observerId)!;
          return {
            boardId,
            teamId,
            observerId,
            observedId,
            kind: 'lesson',
            scheduledAt: new Date(`${day(w * 7 + weekday)}T09:${i === 0 ? '00' : '30'}:00Z`),
            learningQuestion: 'Hoe start ik de les zo dat iedereen meteen aan het werk is?',
            status: w < 0 ? 'discussed' : 'planned',
            createdBy: observerId,
          };
        }),
      ),
    );
    const preparations = await tx
      .insert(pt.teamPreparations)
      .values(
        weeks.map((w) => ({
          boardId,
          teamId,
          title: `Samen de les van week ${w + 9} voorbereiden`,
          plannedAt: new Date(`${day(w * 7 + 2)}T14:00:00Z`),
          status: w < 0 ? 'done' : 'planned',
          result: w < 0 ? 'Een lesopzet met dezelfde start voor alle klassen.' : '',
          createdBy: lead.personId,
        })),
      )
      .returning({ id: pt.teamPreparations.id });
    await tx
      .insert(pt.teamPreparationMembers)
      .values(
        preparations.flatMap((p, i) =>
          [0, 1, 2].map((k) => ({ boardId, preparationId: p.id, personId: ids[(i + k) % ids.length]! })),
        ),
      );
  });
  return { teamId, members: ids.length };
}
