import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, openTestDatabase, type TestBoard } from '../../../test/harness.ts';
import type { Database } from '../../platform/db/client.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { applyCycleDefaults, cycleTables } from '../cycle/index.ts';
import { conversationsTables } from '../conversations/index.ts';
import { developmentTables, storeEvidenceFile } from '../development/index.ts';
import { feedbackTables } from '../feedback/index.ts';
import { organisationTables } from '../organisation/index.ts';
import { visitsTables } from '../visits/index.ts';
import { applyRetention } from './index.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const monthsAgo = (n: number) => new Date(Date.UTC(2026, 10 - n, 20));

let database: Database;
let board: TestBoard;

beforeAll(async () => {
  database = await openTestDatabase();
  board = await createBoard(database);
  for (const s of board.schools)
    await applyCycleDefaults(database.db, { boardId: board.boardId, schoolId: s.id, now: NOW });
});
afterAll(() => database.close());

/** A leaver of School Noord with one conversation and report, one feedback round, one goal and two files. */
async function leaverWithData(leftAt: Date) {
  const db = database.db;
  const school = board.schools.find((s) => s.name === 'School Noord')!;
  const member = board.memberships.find(
    (m) => m.role === 'docent' && m.schoolId === school.id && !used.has(m.personId),
  )!;
  used.add(member.personId);
  const manager = board.byRole('teamleider', 'School Noord');
  await db
    .update(organisationTables.people)
    .set({ active: false, leftAt })
    .where(eq(organisationTables.people.id, member.personId));
  const [kind] = await db
    .select()
    .from(cycleTables.conversationKinds)
    .where(eq(cycleTables.conversationKinds.schoolId, school.id))
    .limit(1);
  const [conversation] = await db
    .insert(conversationsTables.conversations)
    .values({
      boardId: board.boardId,
      schoolId: school.id,
      kindId: kind!.id,
      employeeId: member.personId,
      managerId: manager.id,
      state: 'closed',
      scheduledAt: monthsAgo(30),
    })
    .returning();
  await db
    .insert(conversationsTables.conversationReports)
    .values({ boardId: board.boardId, conversationId: conversation!.id, goingWell: 'Goed' });
  const [round] = await db
    .insert(feedbackTables.feedbackRounds)
    .values({
      boardId: board.boardId,
      schoolId: school.id,
      subjectId: member.personId,
      instrument: {
        name: 'x',
        description: '',
        scale: { labels: ['a', 'b'], dontKnowLabel: null },
        sections: [],
        raterGroups: ['collega'],
      },
      title: 'Ronde',
      status: 'closed',
      closesOn: '2024-06-01',
      minGroupSize: 3,
      minTextGroupSize: 5,
    })
    .returning();
  await db
    .insert(feedbackTables.feedbackResponses)
    .values({ boardId: board.boardId, roundId: round!.id, raterGroup: 'collega', scores: { a: 1 } });
  await db
    .insert(developmentTables.developmentGoals)
    .values({ boardId: board.boardId, personId: member.personId, title: 'Doel' });
  // A file with its evidence, and one whose evidence was never made (an interrupted upload elsewhere).
  const file = { boardId: board.boardId, personId: member.personId, createdBy: member.personId };
  const certificate = await storeEvidenceFile(db, { ...file, name: 'certificaat.pdf', bytes: Buffer.from('%PDF-1.4') });
  await db.insert(developmentTables.developmentEvidence).values({
    boardId: board.boardId,
    personId: member.personId,
    title: 'Certificaat',
    fileId: certificate.fileId,
  });
  await storeEvidenceFile(db, { ...file, name: 'los.txt', bytes: Buffer.from('los') });
  return { personId: member.personId, conversationId: conversation!.id, roundId: round!.id };
}
const used = new Set<string>();

async function remaining(who: { personId: string; conversationId: string; roundId: string }) {
  const db = database.db;
  const files = developmentTables.developmentFiles;
  const [c, r, g, f] = await Promise.all([
    db
      .select()
      .from(conversationsTables.conversations)
      .where(eq(conversationsTables.conversations.id, who.conversationId)),
    db.select().from(feedbackTables.feedbackResponses).where(eq(feedbackTables.feedbackResponses.roundId, who.roundId)),
    db
      .select()
      .from(developmentTables.developmentGoals)
      .where(eq(developmentTables.developmentGoals.personId, who.personId)),
    db.select({ id: files.id }).from(files).where(eq(files.personId, who.personId)),
  ]);
  return { conversations: c.length, responses: r.length, goals: g.length, files: f.length };
}

describe('retention of leavers’ personal files', () => {
  it('deletes reports, feedback and the plan with its files 24 months after leaving by default, and keeps recent leavers', async () => {
    const old = await leaverWithData(monthsAgo(25));
    const recent = await leaverWithData(monthsAgo(10));
    await applyRetention(database.db, NOW);
    expect(await remaining(old)).toEqual({ conversations: 0, responses: 0, goals: 0, files: 0 });
    expect(await remaining(recent)).toEqual({ conversations: 1, responses: 1, goals: 1, files: 2 });
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectPersonId, old.personId), eq(auditLog.action, 'retention.deleted')));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.details).toMatchObject({ conversations: 1, feedbackRounds: 1, developmentPlan: true });
  });

  it('follows a shorter period the school set', async () => {
    const recent = await leaverWithData(monthsAgo(10));
    const school = board.schools.find((s) => s.name === 'School Noord')!;
    await database.db
      .insert(cycleTables.schoolSettings)
      .values({ boardId: board.boardId, schoolId: school.id, retentionMonths: 6 });
    await applyRetention(database.db, NOW);
    expect(await remaining(recent)).toEqual({ conversations: 0, responses: 0, goals: 0, files: 0 });
  });

  it('empties the visits in which a leaver was observed, keeps the bare visits and the visits they made', async () => {
    const db = database.db;
    const school = board.schools.find((x) => x.name === 'School Noord')!;
    const exact = board.teams.find((x) => x.name === 'Exact')!;
    const [oldLeaver, recentLeaver, colleague] = board.memberships
      .filter((m) => m.role === 'docent' && m.schoolId === school.id && !used.has(m.personId))
      .map((m) => m.personId)
      .filter((id, i, all) => all.indexOf(id) === i);
    for (const id of [oldLeaver!, recentLeaver!, colleague!]) used.add(id);
    // 25 months is past both the default and the 6 months the school may have set; 3 months is inside both.
    for (const [id, leftAt] of [
      [oldLeaver!, monthsAgo(25)],
      [recentLeaver!, monthsAgo(3)],
    ] as const)
      await db
        .update(organisationTables.people)
        .set({ active: false, leftAt })
        .where(eq(organisationTables.people.id, id));
    const [goal] = await db
      .insert(developmentTables.developmentGoals)
      .values({ boardId: board.boardId, personId: oldLeaver!, title: 'Doel bij het bezoek' })
      .returning();
    const content = {
      boardId: board.boardId,
      teamId: exact.id,
      kind: 'lesson',
      scheduledAt: monthsAgo(28),
      durationMinutes: 40,
      learningQuestion: 'Mijn leervraag',
      formTitle: 'Kijkwijzer',
      formFields: [{ id: 'a', kind: 'text' as const, label: 'Wat viel op?' }],
      answers: { a: 'Rustige klas' },
      status: 'discussed',
      observedAt: monthsAgo(28),
      feedbackObservation: 'Waarneming',
      feedbackEffect: 'Effect',
      feedbackReaction: 'Reactie',
      feedbackSuggestions: 'Tips',
      feedbackAt: monthsAgo(28),
      sharedAt: monthsAgo(27),
      sharedReadAt: monthsAgo(27),
      rescheduledReason: 'Toetsweek',
      rescheduledAt: monthsAgo(29),
    };
    const visits = visitsTables.teamVisits;
    const [observed, cancelled, observing, recent] = await db
      .insert(visits)
      .values([
        { ...content, observerId: colleague!, observedId: oldLeaver!, developmentGoalId: goal!.id },
        { ...content, observerId: colleague!, observedId: oldLeaver!, status: 'cancelled', cancelledReason: 'Ziek' },
        { ...content, observerId: oldLeaver!, observedId: colleague! },
        { ...content, observerId: colleague!, observedId: recentLeaver! },
      ])
      .returning();

    const result = await applyRetention(db, NOW);
    expect(result.visits).toBe(2);
    const byId = async (id: string) => (await db.select().from(visits).where(eq(visits.id, id)))[0]!;
    for (const emptied of [await byId(observed!.id), await byId(cancelled!.id)]) {
      expect(emptied).toMatchObject({
        learningQuestion: '',
        answers: {},
        feedbackObservation: '',
        feedbackEffect: '',
        feedbackReaction: '',
        feedbackSuggestions: '',
        sharedAt: null,
        sharedReadAt: null,
        rescheduledReason: null,
        cancelledReason: null,
        developmentGoalId: null,
        // The bare fact stays, so the team's counts of visits held stay true.
        observerId: colleague,
        observedId: oldLeaver,
        scheduledAt: content.scheduledAt,
        durationMinutes: 40,
      });
    }
    expect((await byId(observed!.id)).status).toBe('discussed');
    expect((await byId(observed!.id)).version).toBe(observed!.version + 1);
    // Where the leaver visited a colleague, the file is the colleague's; a recent leaver's visit waits.
    for (const kept of [observing!, recent!])
      expect(await byId(kept.id)).toMatchObject({
        learningQuestion: 'Mijn leervraag',
        answers: { a: 'Rustige klas' },
        feedbackSuggestions: 'Tips',
        rescheduledReason: 'Toetsweek',
      });

    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectPersonId, oldLeaver!), eq(auditLog.action, 'retention.deleted')));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.details).toMatchObject({ visits: 2 });

    // A second run finds nothing left to remove and writes nothing more about the leaver.
    expect((await applyRetention(db, NOW)).visits).toBe(0);
    const again = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectPersonId, oldLeaver!), eq(auditLog.action, 'retention.deleted')));
    expect(again).toHaveLength(1);
  });
});
