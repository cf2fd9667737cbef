// A living team board for the demo: goals with values over the weeks, actions in every column (one behind
// schedule, one with a help request, one celebrated), norms, a success, a parked topic, an own part with notes, and
// eight weeks of board sessions with attendance and mood counts. Deterministic for a given team and day.
import { and, asc, eq, ne } from 'drizzle-orm';
import { TEAM_STANDARD_PARTS } from '@groeipad/contracts';
import type { Db } from '../../platform/db/client.ts';
import { organisationTables as org } from '../organisation/index.ts';
import { teamTables as tt } from '../team/index.ts';
import { createRandom } from './demo.seed.ts';
import { addDays, schoolDay, weekStartOf } from '../../platform/time.ts';

const SEED = 20261124;
export type DemoTeamBoardOptions = { boardId: string; teamId: string; now: Date };

/** Fills the team's board unless it already has one. */
export async function seedDemoTeamBoard(db: Db, opts: DemoTeamBoardOptions): Promise<void> {
  const { boardId, teamId, now } = opts;
  const rnd = createRandom(SEED);
  const int = (min: number, max: number) => min + Math.floor(rnd.next() * (max - min + 1));
  const today = schoolDay(now);
  const thisMonday = weekStartOf(today);
  const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00Z`);

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
  const who = (i: number) => members[i % members.length]!.id;

  await db.transaction(async (tx) => {
    const ownPart = `own-${rnd.uuid()}`;
    const created = await tx
      .insert(tt.teamBoards)
      .values({
        boardId,
        teamId,
        parts: [
          ...TEAM_STANDARD_PARTS.map((key) => ({ key, title: '', hidden: false })),
          { key: ownPart, title: 'Toetsresultaten', hidden: false },
        ],
        createdAt: at(addDays(thisMonday, -70), '08:00'),
        updatedAt: at(addDays(thisMonday, -70), '08:00'),
      })
      .onConflictDoNothing({ target: tt.teamBoards.teamId })
      .returning({ id: tt.teamBoards.id });
    if (created.length === 0) return;
    const base = { boardId, createdBy: who(0) };

    // Goals and their values, one measurement every two weeks.
    const [rekenen, inleveren] = await tx
      .insert(tt.teamGoals)
      .values([
        {
          ...base,
          teamId,
          title: 'Meer leerlingen halen een voldoende voor rekenen',
          description: 'Gemeten op de periodetoets van de onderbouw.',
          unit: '%',
          startValue: 54,
          targetValue: 75,
          targetDate: addDays(thisMonday, 120),
          ownerId: who(1),
          position: 0,
        },
        {
          ...base,
          teamId,
          title: 'Cijfers binnen tien werkdagen in het systeem',
          unit: 'te laat',
          startValue: 14,
          targetValue: 3,
          ownerId: who(2),
          position: 1,
        },
        {
          ...base,
          teamId,
          title: 'Elke les begint met het leerdoel op het bord',
          unit: '%',
          startValue: 40,
          targetValue: 90,
          status: 'achieved',
          ownerId: who(3),
          position: 2,
        },
      ])
      .returning({ id: tt.teamGoals.id });
    const values: (typeof tt.teamGoalValues.$inferInsert)[] = [];
    for (let i = 0; i < 4; i++) {
      const measuredOn = addDays(thisMonday, -56 + i * 14 + 1);
      values.push({ ...base, goalId: rekenen!.id, measuredOn, value: 54 + i * 3 + int(0, 2) });
      values.push({ ...base, goalId: inleveren!.id, measuredOn, value: 14 - i * 3 + int(0, 1) });
    }
    await tx.insert(tt.teamGoalValues).values(values);

    // Actions in every column.
    const action = (
      position: number,
      values: Partial<typeof tt.teamActions.$inferInsert> & { title: string; status: string },
    ): typeof tt.teamActions.$inferInsert => ({ ...base, teamId, position, ...values });
    await tx.insert(tt.teamActions).values([
      action(0, {
        title: 'Nakijkafspraken voor de periodetoets op papier zetten',
        status: 'todo',
        ownerId: who(4),
        dueOn: addDays(today, -5),
        nextStep: 'Concept rondsturen in de sectie',
        goalId: inleveren!.id,
      }),
      action(1, {
        title: 'Rekenhoek inrichten in het lokaal van de brugklas',
        status: 'todo',
        ownerId: who(5),
        dueOn: addDays(today, 21),
        helpWanted: true,
        nextStep: 'Wie heeft nog oefenmateriaal?',
        goalId: rekenen!.id,
      }),
      action(0, {
        title: 'Oefentoetsen delen in de teammap',
        status: 'doing',
        ownerId: who(6),
        dueOn: addDays(today, 7),
        goalId: rekenen!.id,
      }),
      action(1, {
        title: 'Werkbezoek bij elkaar rond de start van de les',
        status: 'doing',
        ownerId: who(7),
        nextStep: 'Rooster voor de komende twee weken maken',
      }),
      action(0, {
        title: 'Huiswerkbeleid afgestemd met de sectie',
        status: 'done',
        ownerId: who(8),
        doneAt: at(addDays(thisMonday, -10), '14:00'),
        celebratedAt: at(addDays(thisMonday, -6), '08:30'),
      }),
      action(1, {
        title: 'Herinnering voor cijfers in de weekmail',
        status: 'done',
        ownerId: who(2),
        doneAt: at(addDays(thisMonday, -3), '12:00'),
        goalId: inleveren!.id,
      }),
    ]);

    // Short texts.
    const item = (kind: string, body: string, position: number, partKey: string | null = null) => ({
      ...base,
      teamId,
      kind,
      body,
      position,
      partKey,
    });
    await tx
      .insert(tt.teamBoardItems)
      .values([
        item('norm', 'We beginnen en eindigen de bordsessie op tijd.', 0),
        item('norm', 'Wie een actie niet haalt, zegt het op tijd en vraagt hulp.', 1),
        item('success', 'Alle mentorgesprekken van de eerste periode zijn gevoerd.', 0),
        item('parking', 'Toetsweekrooster bespreken met de roostermaker', 0),
        item('note', 'Periodetoets 1: 57% voldoende in de brugklas', 0, ownPart),
        item('note', 'Klas 2B scoort laag op breuken: samen een les voorbereiden', 1, ownPart),
      ]);

    // The last eight weeks (this one too) of sessions on Tuesday morning, one week skipped (a study day); none
    // today or later.
    for (let week = 7; week >= 0; week--) {
      if (week === 5) continue;
      const heldOn = addDays(thisMonday, -7 * week + 1);
      if (heldOn >= today) continue;
      const present = members.filter(() => rnd.next() < 0.8).map((m) => m.id);
      const positive = int(Math.floor(present.length / 2), present.length);
      const neutral = int(0, present.length - positive);
      const startedAt = at(heldOn, '07:15');
      const [session] = await tx
        .insert(tt.teamSessions)
        .values({
          ...base,
          teamId,
          heldOn,
          startedAt,
          endedAt: new Date(startedAt.getTime() + int(13, 17) * 60_000),
          moodPositive: positive,
          moodNeutral: neutral,
          moodNegative: present.length - positive - neutral,
          createdAt: startedAt,
          updatedAt: startedAt,
        })
        .returning({ id: tt.teamSessions.id });
      if (present.length > 0)
        await tx
          .insert(tt.teamSessionAttendance)
          .values(present.map((personId) => ({ boardId, sessionId: session!.id, personId })));
    }
  });
}

/** The team of the demo teamleider, whose board the demo shows alive. */
export async function findDemoTeam(db: Db, boardId: string, leaderEmail: string): Promise<string | null> {
  const [row] = await db
    .select({ teamId: org.memberships.teamId })
    .from(org.memberships)
    .innerJoin(org.people, eq(org.people.id, org.memberships.personId))
    .where(
      and(
        eq(org.memberships.boardId, boardId),
        eq(org.people.email, leaderEmail),
        eq(org.memberships.role, 'teamleider'),
      ),
    );
  return row?.teamId ?? null;
}
