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
});
