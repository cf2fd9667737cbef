// The demo team's barometer: two closed rounds, so the demo shows both sides of the minimum. Four weeks ago most of
// the team answered and the outcome shows; two weeks ago only two did, and the outcome stays withheld.
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { barometerTables as b, STANDARD_BAROMETER_QUESTIONS } from '../barometer/index.ts';
import { organisationTables as org } from '../organisation/index.ts';
import { createRandom } from './demo.seed.ts';

const DAY_MS = 86_400_000;

const KEEP = [
  'De bordsessie op maandag geeft de week richting.',
  'We helpen elkaar snel als iemand vastloopt.',
  'De lesbezoeken zijn leerzaam en voelen veilig.',
  'Successen worden echt gevierd.',
  'Iedereen komt afspraken na.',
  'Er is ruimte om iets uit te proberen.',
];
const BETTER = [
  'Minder onderwerpen per sessie, dan lukt het in 15 minuten.',
  'Vaker terugkijken of een actie iets opleverde.',
  'Lesbezoeken eerder inplannen, dan schieten ze er niet bij in.',
  'De parkeerplaats vaker leegmaken.',
  'Nieuwe collega’s beter meenemen.',
];

/** Closed rounds for the team: one answered by most members, one by two. Skipped when the team has rounds. */
export async function seedDemoBarometer(db: Db, opts: { boardId: string; teamId: string; now: Date }) {
  const { boardId, teamId, now } = opts;
  const rnd = createRandom(20_261_125);
  const [team] = await db
    .select({ schoolId: org.teams.schoolId })
    .from(org.teams)
    .where(and(eq(org.teams.boardId, boardId), eq(org.teams.id, teamId)));
  if (!team) return;
  const existing = await db
    .select({ id: b.barometerRounds.id })
    .from(b.barometerRounds)
    .where(eq(b.barometerRounds.teamId, teamId))
    .limit(1);
  if (existing.length > 0) return;
  const members = await db
    .selectDistinct({ id: org.memberships.personId })
    .from(org.memberships)
    .innerJoin(org.people, eq(org.people.id, org.memberships.personId))
    .where(and(eq(org.memberships.teamId, teamId), ne(org.memberships.role, 'student'), eq(org.people.active, true)));
  const questions = [...STANDARD_BAROMETER_QUESTIONS];
  const day = (offset: number) => new Date(now.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd.next() * list.length)]!;

  await db.transaction(async (tx) => {
    for (const [opensIn, answering] of [
      [-30, Math.max(3, members.length - 2)],
      [-16, 2],
    ] as const) {
      const closesOn = day(opensIn + 7);
      const [round] = await tx
        .insert(b.barometerRounds)
        .values({
          boardId,
          schoolId: team.schoolId,
          teamId,
          questions,
          opensOn: day(opensIn),
          closesOn,
          status: 'closed',
          closedAt: new Date(`${closesOn}T22:00:00Z`),
          createdAt: new Date(`${day(opensIn)}T07:00:00Z`),
        })
        .returning({ id: b.barometerRounds.id });
      const answered = new Set(
        [...members]
          .sort(() => rnd.next() - 0.5)
          .slice(0, answering)
          .map((m) => m.id),
      );
      await tx
        .insert(b.barometerParticipation)
        .values(members.map((m) => ({ boardId, roundId: round!.id, personId: m.id, answered: answered.has(m.id) })));
      if (answered.size === 0) continue;
      await tx.insert(b.barometerResponses).values(
        [...answered].map(() => {
          const scores: Record<string, number | 'dk'> = {};
          const texts: Record<string, string> = {};
          for (const q of questions) {
            if (q.kind === 'scale') scores[q.id] = rnd.next() < 0.06 ? 'dk' : 3 + Math.floor(rnd.next() * 2.6);
            else if (rnd.next() < 0.8) texts[q.id] = pick(q.id === 'vasthouden' ? KEEP : BETTER);
          }
          return { boardId, roundId: round!.id, scores, texts };
        }),
      );
    }
  });
}
