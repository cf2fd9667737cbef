// A believable history of the conversation cycle on a seeded board: school years, conversations in every
// state, signed reports with agreements, and development plans with goals and check-ins. Deterministic for a
// given seed and date; used by the demo board and by the benchmark's large board.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { applyCycleDefaults, cycleTables, standardYear } from '../cycle/index.ts';
import { conversationsTables } from '../conversations/index.ts';
import { developmentTables } from '../development/index.ts';
import { organisationTables as org } from '../organisation/index.ts';
import { createRandom } from './demo.seed.ts';
import { AGREEMENT_IDEAS, REPORT_PHRASES } from './demo.phrases.ts';

type Random = ReturnType<typeof createRandom>;
type ConversationRow = typeof conversationsTables.conversations.$inferInsert & { id: string };
type ReportRow = typeof conversationsTables.conversationReports.$inferInsert;
type EventRow = typeof conversationsTables.conversationEvents.$inferInsert;
type GoalRow = typeof developmentTables.developmentGoals.$inferInsert & { id: string };
type ActionRow = typeof developmentTables.developmentActions.$inferInsert;
type CheckinRow = typeof developmentTables.developmentCheckins.$inferInsert;

export type CycleHistoryOptions = {
  boardId: string;
  now: Date;
  /** Past school years to fill besides the current one. */
  yearsBack: number;
  seed: number;
  /** Only these schools (default: every school of the board). */
  schoolIds?: string[];
};

export type CycleHistory = { conversations: number; goals: number };

const DAY = 86_400_000;

function at(day: string, hour: number, minute = 0): Date {
  // Local school time (CET) expressed in UTC: good enough for demo data.
  return new Date(`${day}T${String(hour - 1).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function dayIn(rnd: Random, from: string, to: string): string {
  const a = Date.parse(`${from}T12:00:00Z`);
  const b = Date.parse(`${to}T12:00:00Z`);
  let d = new Date(a + Math.floor(rnd.next() * ((b - a) / DAY + 1)) * DAY);
  // Weekdays only.
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = new Date(d.getTime() + DAY);
  return d.toISOString().slice(0, 10);
}

/** Fills every school of the board (or the given ones) with a cycle and its history. */
export async function seedCycleHistory(db: Db, opts: CycleHistoryOptions): Promise<CycleHistory> {
  const rnd = createRandom(opts.seed);
  const today = opts.now.toISOString().slice(0, 10);
  const schools = await db
    .select({ id: org.schools.id })
    .from(org.schools)
    .where(
      and(eq(org.schools.boardId, opts.boardId), opts.schoolIds ? inArray(org.schools.id, opts.schoolIds) : undefined),
    );
  const chosen = new Set(schools.map((s) => s.id));
  for (const s of schools) await applyCycleDefaults(db, { boardId: opts.boardId, schoolId: s.id, now: opts.now });

  const c = cycleTables;
  const currentStart = Number((await firstYearName(db, opts.boardId)).slice(0, 4));
  const pastYears = Array.from({ length: opts.yearsBack }, (_, i) => standardYear(currentStart - 1 - i));
  await db.transaction(async (tx) => {
    for (const s of schools)
      for (const y of pastYears) {
        const [row] = await tx
          .insert(c.schoolYears)
          .values({ boardId: opts.boardId, schoolId: s.id, name: y.name, startsOn: y.startsOn, endsOn: y.endsOn })
          .returning({ id: c.schoolYears.id });
        await tx.insert(c.schoolYearPeriods).values(
          y.periods.map((p: { name: string; startsOn: string; endsOn: string }, i: number) => ({
            boardId: opts.boardId,
            yearId: row!.id,
            position: i + 1,
            ...p,
          })),
        );
      }
  });

  const years = await db
    .select({ id: c.schoolYears.id, schoolId: c.schoolYears.schoolId, name: c.schoolYears.name })
    .from(c.schoolYears)
    .where(eq(c.schoolYears.boardId, opts.boardId));
  const kinds = await db
    .select({
      id: c.conversationKinds.id,
      schoolId: c.conversationKinds.schoolId,
      key: c.conversationKinds.key,
      reflectionFormId: c.conversationKinds.reflectionFormId,
      questionFormId: c.conversationKinds.questionFormId,
    })
    .from(c.conversationKinds)
    .where(eq(c.conversationKinds.boardId, opts.boardId));
  const forms = await db
    .select({ id: c.conversationForms.id, items: c.conversationForms.items })
    .from(c.conversationForms)
    .where(eq(c.conversationForms.boardId, opts.boardId));
  const formItems = new Map(forms.map((f) => [f.id, f.items]));
  const yearOf = (schoolId: string, start: number) =>
    years.find((y) => y.schoolId === schoolId && y.name === `${start}-${start + 1}`);
  const kindOf = (schoolId: string, key: string) => kinds.find((k) => k.schoolId === schoolId && k.key === key)!;

  // Pairs of manager and employee, with the employee's school: the teams' staff and their teamleider.
  const pairs = await db
    .selectDistinctOn([org.lineManagers.managerId, org.lineManagers.employeeId], {
      managerId: org.lineManagers.managerId,
      employeeId: org.lineManagers.employeeId,
      schoolId: org.memberships.schoolId,
    })
    .from(org.lineManagers)
    .innerJoin(
      org.memberships,
      and(eq(org.memberships.personId, org.lineManagers.employeeId), eq(org.memberships.role, 'docent')),
    )
    .where(eq(org.lineManagers.boardId, opts.boardId));
  const oop = await db
    .selectDistinctOn([org.lineManagers.managerId, org.lineManagers.employeeId], {
      managerId: org.lineManagers.managerId,
      employeeId: org.lineManagers.employeeId,
      schoolId: org.memberships.schoolId,
    })
    .from(org.lineManagers)
    .innerJoin(
      org.memberships,
      and(eq(org.memberships.personId, org.lineManagers.employeeId), inArray(org.memberships.role, ['oop'])),
    )
    .where(eq(org.lineManagers.boardId, opts.boardId));

  const conversations: ConversationRow[] = [];
  const reports: ReportRow[] = [];
  const events: EventRow[] = [];
  const goals: GoalRow[] = [];
  const actions: ActionRow[] = [];
  const checkins: CheckinRow[] = [];

  function conversation(
    pair: { managerId: string; employeeId: string; schoolId: string },
    key: string,
    start: number,
    day: string,
    state: string,
  ) {
    const kind = kindOf(pair.schoolId, key);
    const year = yearOf(pair.schoolId, start);
    const scheduledAt = at(day, 9 + Math.floor(rnd.next() * 7), rnd.next() < 0.5 ? 0 : 30);
    const held = !['planned', 'preparing', 'cancelled'].includes(state);
    const items = kind.reflectionFormId ? (formItems.get(kind.reflectionFormId) ?? []) : [];
    const prepared = state !== 'planned';
    const row: ConversationRow = {
      id: rnd.uuid(),
      boardId: opts.boardId,
      schoolId: pair.schoolId,
      schoolYearId: year?.id ?? null,
      kindId: kind.id,
      employeeId: pair.employeeId,
      managerId: pair.managerId,
      state,
      scheduledAt,
      durationMinutes: 45,
      location: rnd.pick(['Kamer teamleider', 'Stilteruimte', 'Lokaal 1.12', 'Online (Teams)']),
      preparationDueOn: addDays(day, -3),
      reflectionFormId: kind.reflectionFormId,
      questionFormId: kind.questionFormId,
      preparation: prepared ? Object.fromEntries(items.map((i) => [i.id, rnd.pick(REPORT_PHRASES.reflection)])) : {},
      preparationSharedAt: prepared ? new Date(scheduledAt.getTime() - 2 * DAY) : null,
      heldAt: held ? scheduledAt : null,
      closedAt: state === 'closed' ? new Date(scheduledAt.getTime() + 21 * DAY) : null,
      createdBy: pair.managerId,
      createdAt: new Date(scheduledAt.getTime() - 20 * DAY),
      updatedAt: held ? new Date(scheduledAt.getTime() + 7 * DAY) : scheduledAt,
    };
    conversations.push(row);
    events.push({
      boardId: opts.boardId,
      conversationId: row.id,
      actorId: pair.managerId,
      type: 'planned',
      toState: 'planned',
      createdAt: row.createdAt!,
    });
    if (held)
      events.push({
        boardId: opts.boardId,
        conversationId: row.id,
        actorId: pair.managerId,
        type: 'state',
        fromState: 'preparing',
        toState: 'held',
        createdAt: scheduledAt,
      });
    if (!held) return row;
    const signed = state === 'agreed' || state === 'closed';
    const agreements = Array.from({ length: 1 + Math.floor(rnd.next() * 2) }, () => {
      const idea = rnd.pick(AGREEMENT_IDEAS);
      return {
        id: rnd.uuid(),
        title: idea.title,
        description: idea.description,
        measure: idea.measure,
        targetDate: addDays(day, 120),
        actions: idea.actions.map((a) => ({
          id: rnd.uuid(),
          title: a.title,
          owner: a.owner,
          dueOn: addDays(day, a.inDays),
        })),
      };
    });
    const signedAt = new Date(scheduledAt.getTime() + 5 * DAY);
    reports.push({
      boardId: opts.boardId,
      conversationId: row.id,
      revision: 1,
      goingWell: rnd.pick(REPORT_PHRASES.goingWell),
      toDevelop: rnd.pick(REPORT_PHRASES.toDevelop),
      employeeNeeds: rnd.pick(REPORT_PHRASES.needs),
      managerOffers: rnd.pick(REPORT_PHRASES.offers),
      progressEvidence: rnd.pick(REPORT_PHRASES.evidence),
      nextDate: addDays(day, 100),
      agreements,
      employeeView: signed && rnd.next() < 0.3 ? rnd.pick(REPORT_PHRASES.employeeView) : '',
      employeeSignedAt: signed ? signedAt : null,
      managerSignedAt: signed
        ? new Date(signedAt.getTime() - DAY)
        : state === 'report_draft' && rnd.next() < 0.5
          ? signedAt
          : null,
      lockedAt: signed ? signedAt : null,
      createdAt: scheduledAt,
      updatedAt: signed ? signedAt : scheduledAt,
    });
    if (signed) {
      events.push({
        boardId: opts.boardId,
        conversationId: row.id,
        actorId: pair.employeeId,
        type: 'state',
        fromState: 'report_draft',
        toState: 'agreed',
        createdAt: signedAt,
      });
      for (const a of agreements) {
        const goal: GoalRow = {
          id: rnd.uuid(),
          boardId: opts.boardId,
          personId: pair.employeeId,
          title: a.title,
          description: a.description,
          measure: a.measure,
          targetDate: a.targetDate,
          status: 'open',
          source: 'conversation',
          conversationId: row.id,
          progressEvidence: reports.at(-1)!.progressEvidence ?? '',
          visibleToManager: true,
          createdBy: pair.managerId,
          createdAt: signedAt,
          updatedAt: signedAt,
        };
        goals.push(goal);
        for (const act of a.actions)
          actions.push({
            boardId: opts.boardId,
            personId: pair.employeeId,
            goalId: goal.id,
            conversationId: row.id,
            title: act.title,
            ownerId: act.owner === 'manager' ? pair.managerId : pair.employeeId,
            dueOn: act.dueOn,
            // Actions of earlier conversations are done by now; recent ones mostly.
            doneAt:
              act.dueOn && act.dueOn < today && (act.dueOn < addDays(today, -90) || rnd.next() < 0.7)
                ? at(act.dueOn, 15)
                : null,
            createdBy: pair.managerId,
            createdAt: signedAt,
          });
        // Progress between conversations: a few check-ins, some goals left without news for months.
        const lastDay = today < addDays(day, 200) ? today : addDays(day, 200);
        const n = rnd.next() < 0.2 ? 0 : 1 + Math.floor(rnd.next() * 3);
        let last: Date | null = null;
        for (let i = 0; i < n; i++) {
          const d = dayIn(rnd, addDays(day, 14), lastDay);
          if (d > today) continue;
          const status = rnd.pick(['on_track', 'on_track', 'behind', 'achieved'] as const);
          const when = at(d, 16);
          checkins.push({
            boardId: opts.boardId,
            goalId: goal.id,
            authorId: rnd.next() < 0.7 ? pair.employeeId : pair.managerId,
            status,
            note: rnd.pick(REPORT_PHRASES.checkin),
            createdAt: when,
          });
          if (!last || when > last) {
            last = when;
            goal.status = status;
          }
        }
        // Goals older than a year were mostly reached or dropped by now; last spring's goals still run.
        if (addDays(day, 365) < today) {
          const when = at(addDays(day, 180), 16);
          const status = rnd.next() < 0.8 ? 'achieved' : 'stopped';
          checkins.push({
            boardId: opts.boardId,
            goalId: goal.id,
            authorId: pair.employeeId,
            status,
            note: '',
            createdAt: when,
          });
          last = when;
          goal.status = status;
        }
        goal.lastProgressAt = last;
      }
    }
    return row;
  }

  const schoolYearStart = currentStart;
  for (const pair of [...pairs, ...oop]) {
    if (!pair.schoolId || !chosen.has(pair.schoolId)) continue;
    const p = { ...pair, schoolId: pair.schoolId };
    const offset = Math.floor(rnd.next() * 3);
    for (const y of pastYears) {
      const start = Number(y.name.slice(0, 4));
      conversation(p, 'planning', start, dayIn(rnd, `${start}-09-08`, `${start}-10-31`), 'closed');
      conversation(p, 'voortgang', start, dayIn(rnd, `${start + 1}-01-12`, `${start + 1}-03-20`), 'closed');
      if ((start + offset) % 3 === 0)
        conversation(p, 'beoordeling', start, dayIn(rnd, `${start + 1}-04-14`, `${start + 1}-06-26`), 'closed');
    }
    // This year, autumn: most planning talks held, some waiting for a signature or still to come.
    const roll = rnd.next();
    const from = `${schoolYearStart}-09-08`;
    const to = addDays(today, -7);
    if (roll < 0.55)
      conversation(p, 'planning', schoolYearStart, dayIn(rnd, from, to), rnd.next() < 0.6 ? 'closed' : 'agreed');
    else if (roll < 0.7)
      conversation(p, 'planning', schoolYearStart, dayIn(rnd, addDays(today, -20), addDays(today, -2)), 'report_draft');
    else if (roll < 0.85)
      conversation(
        p,
        'planning',
        schoolYearStart,
        dayIn(rnd, addDays(today, 2), addDays(today, 16)),
        rnd.next() < 0.5 ? 'preparing' : 'planned',
      );
    // else: nothing yet, so it shows as due (and overdue once the period ends).
  }

  await db.transaction(async (tx) => {
    const t = conversationsTables;
    const d = developmentTables;
    for (let i = 0; i < conversations.length; i += 500)
      await tx.insert(t.conversations).values(conversations.slice(i, i + 500));
    for (let i = 0; i < reports.length; i += 500)
      await tx.insert(t.conversationReports).values(reports.slice(i, i + 500));
    for (let i = 0; i < events.length; i += 1000)
      await tx.insert(t.conversationEvents).values(events.slice(i, i + 1000));
    for (let i = 0; i < goals.length; i += 500) await tx.insert(d.developmentGoals).values(goals.slice(i, i + 500));
    for (let i = 0; i < actions.length; i += 1000)
      await tx.insert(d.developmentActions).values(actions.slice(i, i + 1000));
    for (let i = 0; i < checkins.length; i += 1000)
      await tx.insert(d.developmentCheckins).values(checkins.slice(i, i + 1000));
  });
  return { conversations: conversations.length, goals: goals.length };
}

async function firstYearName(db: Db, boardId: string): Promise<string> {
  const rows = await db
    .select({ name: cycleTables.schoolYears.name })
    .from(cycleTables.schoolYears)
    .where(eq(cycleTables.schoolYears.boardId, boardId))
    .orderBy(cycleTables.schoolYears.startsOn)
    .limit(1);
  return rows[0]!.name;
}
