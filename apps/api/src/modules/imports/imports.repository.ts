import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Role } from '@groeipad/contracts';
import type { Db } from '../../platform/db/client.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { displayName, organisationTables as t, searchTextOf } from '../organisation/index.ts';
import type { BoardState, ImportPlan, Placement } from './plan.ts';
import { staffImports } from './imports.schema.ts';

export async function insertImport(db: Db, values: typeof staffImports.$inferInsert) {
  const [row] = await db.insert(staffImports).values(values).returning({ id: staffImports.id });
  return row!;
}

/** Uploaded files that were never committed hold personal data for nothing: they go after a day. */
export async function deleteStaleUploads(db: Db, boardId: string, before: Date): Promise<number> {
  const rows = await db
    .delete(staffImports)
    .where(
      and(eq(staffImports.boardId, boardId), eq(staffImports.status, 'uploaded'), lt(staffImports.createdAt, before)),
    )
    .returning({ id: staffImports.id });
  return rows.length;
}

export async function findImport(db: Db, boardId: string, id: string) {
  const rows = await db
    .select()
    .from(staffImports)
    .where(and(eq(staffImports.boardId, boardId), eq(staffImports.id, id)));
  return rows[0] ?? null;
}

/** Locks the import row so two commits of one file cannot both run. */
export async function lockImport(db: Db, boardId: string, id: string) {
  const rows = await db
    .select({ status: staffImports.status })
    .from(staffImports)
    .where(and(eq(staffImports.boardId, boardId), eq(staffImports.id, id)))
    .for('update');
  return rows[0] ?? null;
}

export async function markCommitted(db: Db, id: string, summary: Record<string, unknown>, now: Date) {
  // The parsed rows are personal data that is now in the people table: keep only the summary.
  await db
    .update(staffImports)
    .set({ status: 'committed', summary, committedAt: now, rows: [] })
    .where(eq(staffImports.id, id));
}

/** Which of these (lower-case) addresses belong to people of other boards. */
async function findForeignEmails(db: Db, boardId: string, emails: string[]) {
  const found: { email: string }[] = [];
  for (let i = 0; i < emails.length; i += 5000) {
    const lower = sql<string>`lower(${t.people.email})`;
    found.push(
      ...(await db
        .select({ email: lower })
        .from(t.people)
        .where(and(sql`${t.people.boardId} <> ${boardId}`, inArray(lower, emails.slice(i, i + 5000))))),
    );
  }
  return found;
}

/** Everything the planner needs about a board, in four queries. */
export async function loadBoardState(db: Db, boardId: string, actorId: string, emails: string[]): Promise<BoardState> {
  // One after the other: during a commit these run inside one transaction, on one connection.
  const people = await db
    .select({
      id: t.people.id,
      employeeNumber: t.people.employeeNumber,
      email: t.people.email,
      firstName: t.people.firstName,
      infix: t.people.infix,
      lastName: t.people.lastName,
      jobTitle: t.people.jobTitle,
      active: t.people.active,
    })
    .from(t.people)
    .where(eq(t.people.boardId, boardId));
  const schools = await db
    .select({ id: t.schools.id, name: t.schools.name })
    .from(t.schools)
    .where(eq(t.schools.boardId, boardId));
  const teams = await db
    .select({ id: t.teams.id, schoolId: t.teams.schoolId, name: t.teams.name })
    .from(t.teams)
    .where(eq(t.teams.boardId, boardId));
  const memberships = await db
    .select({
      personId: t.memberships.personId,
      role: t.memberships.role,
      schoolId: t.memberships.schoolId,
      teamId: t.memberships.teamId,
      source: t.memberships.source,
    })
    .from(t.memberships)
    .where(eq(t.memberships.boardId, boardId));
  const managers = await db
    .select({
      employeeId: t.lineManagers.employeeId,
      managerId: t.lineManagers.managerId,
      source: t.lineManagers.source,
    })
    .from(t.lineManagers)
    .where(eq(t.lineManagers.boardId, boardId));
  const foreign = await findForeignEmails(db, boardId, emails);
  const placements = new Map<string, Placement[]>();
  for (const m of memberships) {
    const list = placements.get(m.personId) ?? [];
    list.push({
      role: m.role as Role,
      schoolId: m.schoolId,
      teamId: m.teamId,
      source: m.source as Placement['source'],
    });
    placements.set(m.personId, list);
  }
  const managerMap: BoardState['managers'] = new Map();
  for (const m of managers) {
    const list = managerMap.get(m.employeeId) ?? [];
    list.push({ managerId: m.managerId, source: m.source as 'import' | 'manual' });
    managerMap.set(m.employeeId, list);
  }
  return {
    people: people.map((p) => ({ ...p, name: displayName(p) })),
    schools,
    teams,
    placements,
    managers: managerMap,
    actorId,
    foreignEmails: new Set(foreign.map((f) => f.email)),
  };
}

const BATCH = 1000;
async function inBatches<T>(items: T[], work: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += BATCH) await work(items.slice(i, i + BATCH));
}

/** Applies a plan that has no errors. Runs inside the caller's transaction. */
export async function applyPlan(db: Db, boardId: string, actorId: string, plan: ImportPlan, now: Date): Promise<void> {
  const lc = (s: string) => s.trim().toLowerCase();
  // 1. Schools and teams the file names but the board does not have yet.
  const schoolIds = new Map(
    (
      await db.select({ id: t.schools.id, name: t.schools.name }).from(t.schools).where(eq(t.schools.boardId, boardId))
    ).map((s) => [lc(s.name), s.id]),
  );
  if (plan.newSchools.length > 0) {
    const created = await db
      .insert(t.schools)
      .values(plan.newSchools.map((name) => ({ boardId, name, kind: 'overig' })))
      .returning({ id: t.schools.id, name: t.schools.name });
    for (const s of created) schoolIds.set(lc(s.name), s.id);
  }
  const teamIds = new Map(
    (
      await db
        .select({ id: t.teams.id, schoolId: t.teams.schoolId, name: t.teams.name })
        .from(t.teams)
        .where(eq(t.teams.boardId, boardId))
    ).map((x) => [`${x.schoolId}|${lc(x.name)}`, x.id]),
  );
  if (plan.newTeams.length > 0) {
    const created = await db
      .insert(t.teams)
      .values(
        plan.newTeams.map((p) => ({
          boardId,
          schoolId: schoolIds.get(lc(p.school))!,
          name: p.team!,
          kind: 'onderwijs',
        })),
      )
      .returning({ id: t.teams.id, schoolId: t.teams.schoolId, name: t.teams.name });
    for (const x of created) teamIds.set(`${x.schoolId}|${lc(x.name)}`, x.id);
  }

  // 2. People: new ones in batches, changed ones one by one.
  const idOf = new Map<string, string>();
  const toCreate = plan.people.filter((p) => p.action === 'create');
  await inBatches(toCreate, async (batch) => {
    const rows = await db
      .insert(t.people)
      .values(batch.map((p) => ({ boardId, ...p.fields, searchText: searchTextOf(p.fields) })))
      .returning({ id: t.people.id, employeeNumber: t.people.employeeNumber });
    for (const r of rows) idOf.set(lc(r.employeeNumber!), r.id);
  });
  for (const p of plan.people) if (p.existingId) idOf.set(p.key, p.existingId);
  for (const p of plan.people.filter(
    (x) => x.action === 'update' && (Object.keys(x.fieldChanges).length > 0 || x.reactivate),
  )) {
    await db
      .update(t.people)
      .set({
        ...p.fieldChanges,
        ...(p.reactivate ? { active: true, leftAt: null } : {}),
        searchText: searchTextOf(p.fields),
        version: sql`${t.people.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(t.people.boardId, boardId), eq(t.people.id, p.existingId!)));
  }

  // 3. Memberships: remove what an earlier import made and this file no longer has; add what is missing.
  const placementPeople = plan.people.filter((p) => p.placementsChanged);
  const wanted = placementPeople.flatMap((p) =>
    p.placements.map((pl) => {
      const schoolId = schoolIds.get(lc(pl.place.school))!;
      return {
        boardId,
        personId: idOf.get(p.key)!,
        role: pl.role,
        schoolId,
        teamId: pl.place.team ? teamIds.get(`${schoolId}|${lc(pl.place.team)}`)! : null,
        source: 'import',
      };
    }),
  );
  await inBatches(
    placementPeople.filter((p) => p.existingId),
    (batch) =>
      db.delete(t.memberships).where(
        and(
          eq(t.memberships.source, 'import'),
          inArray(
            t.memberships.personId,
            batch.map((p) => p.existingId!),
          ),
        ),
      ),
  );
  await inBatches(wanted, (batch) => db.insert(t.memberships).values(batch).onConflictDoNothing());

  // 4. Line management, the same way.
  const managerPeople = plan.people.filter((p) => p.managersChanged);
  await inBatches(
    managerPeople.filter((p) => p.existingId),
    (batch) =>
      db.delete(t.lineManagers).where(
        and(
          eq(t.lineManagers.source, 'import'),
          inArray(
            t.lineManagers.employeeId,
            batch.map((p) => p.existingId!),
          ),
        ),
      ),
  );
  const managerRows = managerPeople.flatMap((p) =>
    p.managerKeys.map((k) => ({
      boardId,
      employeeId: idOf.get(p.key)!,
      managerId: k.startsWith('file:') ? idOf.get(k.slice(5))! : k.slice(3),
      source: 'import',
    })),
  );
  await inBatches(managerRows, (batch) => db.insert(t.lineManagers).values(batch).onConflictDoNothing());

  // 5. People who left: inactive, never deleted.
  if (plan.deactivate.length > 0) {
    await inBatches(plan.deactivate, (batch) =>
      db
        .update(t.people)
        .set({ active: false, leftAt: now, updatedAt: now, version: sql`${t.people.version} + 1` })
        .where(
          and(
            eq(t.people.boardId, boardId),
            inArray(
              t.people.id,
              batch.map((p) => p.id),
            ),
          ),
        ),
    );
  }

  // 6. Each person can later see that an import changed their record.
  const entries = [
    ...plan.people
      .filter((p) => p.action === 'create' || p.action === 'update')
      .map((p) => ({
        boardId,
        actorId,
        action: p.action === 'create' ? 'person.imported' : 'person.import_updated',
        subjectPersonId: idOf.get(p.key)!,
        details: { changes: p.changes },
      })),
    ...plan.deactivate.map((p) => ({
      boardId,
      actorId,
      action: 'person.deactivated',
      subjectPersonId: p.id,
      details: { via: 'import' },
    })),
  ];
  await inBatches(entries, (batch) => db.insert(auditLog).values(batch));
}
