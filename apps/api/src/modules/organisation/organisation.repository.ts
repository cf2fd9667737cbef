import { and, asc, count, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { boards, lineManagers, memberships, people, schools, teams } from './organisation.schema.ts';
import { likePattern } from './names.ts';

export type PeopleFilter = {
  boardId: string;
  schoolIds?: string[] | undefined;
  schoolId?: string | undefined;
  teamId?: string | undefined;
  search?: string | undefined;
  active: 'true' | 'false' | 'all';
};

type PeopleShape = { active: PeopleFilter['active']; words: number; scoped: boolean; school: boolean; team: boolean };

function searchWords(search: string | undefined): string[] {
  return (search ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
}

/** The WHERE of the staff list, with placeholders, for one shape of filter. */
function peopleWhere(shape: PeopleShape): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(people.boardId, sql.placeholder('boardId'))];
  if (shape.active !== 'all') conditions.push(eq(people.active, sql.placeholder('active')));
  for (let i = 0; i < shape.words; i++) conditions.push(sql`${people.searchText} like ${sql.placeholder(`w${i}`)}`);
  if (shape.scoped) {
    conditions.push(
      exists(
        sql`(select 1 from ${memberships} where ${memberships.personId} = ${people.id} and ${memberships.schoolId} = any(${sql.placeholder('schoolIds')}::uuid[]))`,
      ),
    );
  }
  if (shape.school) {
    conditions.push(
      exists(
        sql`(select 1 from ${memberships} where ${memberships.personId} = ${people.id} and ${memberships.schoolId} = ${sql.placeholder('schoolId')})`,
      ),
    );
  }
  if (shape.team) {
    conditions.push(
      exists(
        sql`(select 1 from ${memberships} where ${memberships.personId} = ${people.id} and ${memberships.teamId} = ${sql.placeholder('teamId')})`,
      ),
    );
  }
  return and(...conditions);
}

function peopleStatements(db: Db, shape: PeopleShape) {
  const key = `${shape.active}_${shape.words}_${Number(shape.scoped)}${Number(shape.school)}${Number(shape.team)}`;
  return prepared(db, `find_people_${key}`, (d) => {
    const where = peopleWhere(shape);
    return {
      page: d
        .select({
          id: people.id,
          firstName: people.firstName,
          infix: people.infix,
          lastName: people.lastName,
          email: people.email,
          employeeNumber: people.employeeNumber,
          jobTitle: people.jobTitle,
          active: people.active,
        })
        .from(people)
        .where(where)
        .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id))
        .limit(sql.placeholder('limit'))
        .offset(sql.placeholder('offset'))
        .prepare(`find_people_${key}`),
      count: d.select({ total: count() }).from(people).where(where).prepare(`count_people_${key}`),
    };
  });
}

/** One page of people, sorted by last name, with the total for the pager. Prepared per shape of filter. */
export async function findPeople(db: Db, f: PeopleFilter, page: number, pageSize: number) {
  const words = searchWords(f.search);
  const shape: PeopleShape = {
    active: f.active,
    words: words.length,
    scoped: f.schoolIds !== undefined,
    school: !!f.schoolId,
    team: !!f.teamId,
  };
  const params: Record<string, unknown> = { boardId: f.boardId, active: f.active === 'true' };
  words.forEach((w, i) => (params[`w${i}`] = likePattern(w)));
  if (f.schoolIds) params.schoolIds = f.schoolIds;
  if (f.schoolId) params.schoolId = f.schoolId;
  if (f.teamId) params.teamId = f.teamId;
  const statements = peopleStatements(db, shape);
  const [rows, totals] = await Promise.all([
    statements.page.execute({ ...params, limit: pageSize, offset: (page - 1) * pageSize }),
    statements.count.execute(params),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

const membershipSummaries = (db: Db) =>
  db
    .select({ personId: memberships.personId, role: memberships.role, schoolName: schools.name })
    .from(memberships)
    .leftJoin(schools, eq(schools.id, memberships.schoolId))
    .where(
      and(
        eq(memberships.boardId, sql.placeholder('boardId')),
        sql`${memberships.personId} = any(${sql.placeholder('ids')}::uuid[])`,
      ),
    )
    .prepare('find_membership_summaries');

/** Roles and school names for a page of people, in one query. */
export async function findMembershipSummaries(db: Db, boardId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return prepared(db, 'find_membership_summaries', membershipSummaries).execute({ boardId, ids: personIds });
}

const personById = (db: Db) =>
  db
    .select()
    .from(people)
    .where(and(eq(people.boardId, sql.placeholder('boardId')), eq(people.id, sql.placeholder('personId'))))
    .prepare('find_person');

export async function findPerson(db: Db, boardId: string, personId: string) {
  const rows = await prepared(db, 'find_person', personById).execute({ boardId, personId });
  return rows[0] ?? null;
}

export async function findPersonByEmail(db: Db, email: string) {
  const rows = await db
    .select({ id: people.id, boardId: people.boardId })
    .from(people)
    .where(sql`lower(${people.email}) = ${email.toLowerCase()}`);
  return rows[0] ?? null;
}

const membershipsOf = (db: Db) =>
  db
    .select({
      id: memberships.id,
      role: memberships.role,
      schoolId: memberships.schoolId,
      schoolName: schools.name,
      teamId: memberships.teamId,
      teamName: teams.name,
    })
    .from(memberships)
    .leftJoin(schools, eq(schools.id, memberships.schoolId))
    .leftJoin(teams, eq(teams.id, memberships.teamId))
    .where(
      and(eq(memberships.boardId, sql.placeholder('boardId')), eq(memberships.personId, sql.placeholder('personId'))),
    )
    .orderBy(asc(schools.name), asc(teams.name), asc(memberships.role))
    .prepare('find_memberships_of');

export async function findMembershipsOf(db: Db, boardId: string, personId: string) {
  return prepared(db, 'find_memberships_of', membershipsOf).execute({ boardId, personId });
}

const personRef = {
  id: people.id,
  firstName: people.firstName,
  infix: people.infix,
  lastName: people.lastName,
  email: people.email,
};

const managersOf = (db: Db) =>
  db
    .select(personRef)
    .from(lineManagers)
    .innerJoin(people, eq(people.id, lineManagers.managerId))
    .where(
      and(
        eq(lineManagers.boardId, sql.placeholder('boardId')),
        eq(lineManagers.employeeId, sql.placeholder('personId')),
      ),
    )
    .orderBy(asc(people.lastName))
    .prepare('find_managers_of');

export async function findManagersOf(db: Db, boardId: string, personId: string) {
  return prepared(db, 'find_managers_of', managersOf).execute({ boardId, personId });
}

const reportsOf = (db: Db) =>
  db
    .select(personRef)
    .from(lineManagers)
    .innerJoin(people, eq(people.id, lineManagers.employeeId))
    .where(
      and(
        eq(lineManagers.boardId, sql.placeholder('boardId')),
        eq(lineManagers.managerId, sql.placeholder('personId')),
        eq(people.active, true),
      ),
    )
    .orderBy(asc(people.lastName), asc(people.firstName))
    .prepare('find_reports_of');

export async function findReportsOf(db: Db, boardId: string, personId: string) {
  return prepared(db, 'find_reports_of', reportsOf).execute({ boardId, personId });
}

const boardById = (db: Db) =>
  db
    .select({ id: boards.id, name: boards.name })
    .from(boards)
    .where(eq(boards.id, sql.placeholder('boardId')))
    .prepare('find_board');

export async function findBoard(db: Db, boardId: string) {
  const rows = await prepared(db, 'find_board', boardById).execute({ boardId });
  return rows[0] ?? null;
}

export async function insertBoard(db: Db, values: { name: string; slug: string }): Promise<string> {
  const [row] = await db.insert(boards).values(values).returning({ id: boards.id });
  return row!.id;
}

export async function insertPerson(db: Db, values: typeof people.$inferInsert) {
  const [row] = await db.insert(people).values(values).returning();
  return row!;
}

/** Updates when the version still matches; returns null when someone else changed it first. */
export async function updatePerson(
  db: Db,
  boardId: string,
  personId: string,
  version: number,
  values: Partial<typeof people.$inferInsert>,
) {
  const rows = await db
    .update(people)
    .set({ ...values, version: sql`${people.version} + 1`, updatedAt: new Date() })
    .where(and(eq(people.boardId, boardId), eq(people.id, personId), eq(people.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function insertMembership(db: Db, values: typeof memberships.$inferInsert) {
  const rows = await db.insert(memberships).values(values).onConflictDoNothing().returning({ id: memberships.id });
  return rows[0] ?? null;
}

export async function deleteMembership(db: Db, boardId: string, personId: string, membershipId: string) {
  const rows = await db
    .delete(memberships)
    .where(and(eq(memberships.boardId, boardId), eq(memberships.personId, personId), eq(memberships.id, membershipId)))
    .returning({ role: memberships.role, schoolId: memberships.schoolId, teamId: memberships.teamId });
  return rows[0] ?? null;
}

export async function replaceManagers(db: Db, boardId: string, employeeId: string, managerIds: string[]) {
  await db.delete(lineManagers).where(and(eq(lineManagers.boardId, boardId), eq(lineManagers.employeeId, employeeId)));
  if (managerIds.length > 0) {
    await db.insert(lineManagers).values(managerIds.map((managerId) => ({ boardId, managerId, employeeId })));
  }
}

export async function countPeopleIn(db: Db, boardId: string, ids: string[]) {
  if (ids.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(people)
    .where(and(eq(people.boardId, boardId), inArray(people.id, ids)));
  return row?.n ?? 0;
}

export async function findSchools(db: Db, boardId: string) {
  return db
    .select({
      id: schools.id,
      name: schools.name,
      kind: schools.kind,
      brin: schools.brin,
      version: schools.version,
      teamCount: sql<number>`(select count(*) from ${teams} where ${teams.schoolId} = ${schools.id})`.mapWith(Number),
      peopleCount:
        sql<number>`(select count(distinct ${memberships.personId}) from ${memberships} where ${memberships.schoolId} = ${schools.id})`.mapWith(
          Number,
        ),
    })
    .from(schools)
    .where(eq(schools.boardId, boardId))
    .orderBy(asc(schools.name));
}

export async function findSchool(db: Db, boardId: string, schoolId: string) {
  const rows = await db
    .select()
    .from(schools)
    .where(and(eq(schools.boardId, boardId), eq(schools.id, schoolId)));
  return rows[0] ?? null;
}

export async function insertSchool(db: Db, values: typeof schools.$inferInsert) {
  const [row] = await db.insert(schools).values(values).returning();
  return row!;
}

export async function updateSchool(
  db: Db,
  boardId: string,
  id: string,
  version: number,
  values: Partial<typeof schools.$inferInsert>,
) {
  const rows = await db
    .update(schools)
    .set({ ...values, version: sql`${schools.version} + 1`, updatedAt: new Date() })
    .where(and(eq(schools.boardId, boardId), eq(schools.id, id), eq(schools.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function findTeams(db: Db, boardId: string, schoolId?: string) {
  return db
    .select({
      id: teams.id,
      schoolId: teams.schoolId,
      schoolName: schools.name,
      name: teams.name,
      kind: teams.kind,
      version: teams.version,
      memberCount:
        sql<number>`(select count(distinct ${memberships.personId}) from ${memberships} where ${memberships.teamId} = ${teams.id})`.mapWith(
          Number,
        ),
    })
    .from(teams)
    .innerJoin(schools, eq(schools.id, teams.schoolId))
    .where(and(eq(teams.boardId, boardId), schoolId ? eq(teams.schoolId, schoolId) : undefined))
    .orderBy(asc(schools.name), asc(teams.name));
}

export async function findTeam(db: Db, boardId: string, teamId: string) {
  const rows = await db
    .select()
    .from(teams)
    .where(and(eq(teams.boardId, boardId), eq(teams.id, teamId)));
  return rows[0] ?? null;
}

export async function insertTeam(db: Db, values: typeof teams.$inferInsert) {
  const [row] = await db.insert(teams).values(values).returning();
  return row!;
}

export async function updateTeam(
  db: Db,
  boardId: string,
  id: string,
  version: number,
  values: Partial<typeof teams.$inferInsert>,
) {
  const rows = await db
    .update(teams)
    .set({ ...values, version: sql`${teams.version} + 1`, updatedAt: new Date() })
    .where(and(eq(teams.boardId, boardId), eq(teams.id, id), eq(teams.version, version)))
    .returning();
  return rows[0] ?? null;
}
