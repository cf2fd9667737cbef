import { randomBytes, randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { desc, eq } from 'drizzle-orm';
import type { Role } from '@groeipad/contracts';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { migrateDatabase, openDatabase, type Database } from '../src/platform/db/client.ts';
import { createMailer } from '../src/platform/mail/mailer.ts';
import { hashPassword } from '../src/modules/auth/index.ts';
import { seedBoard, type BoardSpec } from '../src/modules/demo/index.ts';
import { organisationTables as t, searchTextOf } from '../src/modules/organisation/index.ts';
import { sessions } from '../src/modules/auth/auth.schema.ts';
import { mailOutbox } from '../src/platform/mail/mail.schema.ts';
import { newToken, tokenId } from '../src/modules/auth/tokens.ts';

export const TEST_PASSWORD = 'test-wachtwoord-123';

/** The database a test file runs on: in-memory PGlite, or the suite's PostgreSQL when GP_TEST_DB=postgres. */
export async function openTestDatabase(): Promise<Database> {
  if (process.env.GP_TEST_DB === 'postgres') {
    return openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, poolSize: 4 });
  }
  const database = await openDatabase({ memory: true });
  await migrateDatabase(database);
  return database;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), ...overrides };
}

export type TestEnv = { database: Database; app: FastifyInstance; config: Config; close(): Promise<void> };

/** One app per test file on its own database (PGlite) or on the shared one (PostgreSQL). */
export async function startTestApp(overrides: Partial<Config> = {}): Promise<TestEnv> {
  const database = await openTestDatabase();
  const config = testConfig(overrides);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  // GP_TEST_LOG=error shows the server's own log while debugging a test.
  const app = await buildApp(
    {
      database,
      config: process.env.GP_TEST_LOG ? { ...config, logLevel: process.env.GP_TEST_LOG } : config,
      mailer,
      version: 'test',
    },
    { logger: Boolean(process.env.GP_TEST_LOG) },
  );
  await app.ready();
  return {
    database,
    app,
    config,
    async close() {
      await app.close();
      mailer.close();
      await database.close();
    },
  };
}

let passwordHash: Promise<string> | null = null;
export function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

/** A fresh small board (2 schools, 4 teams) with a unique domain, so tests never share rows. */
export async function createBoard(database: Database) {
  const tag = randomBytes(4).toString('hex');
  const spec: BoardSpec = {
    name: `Testbestuur ${tag}`,
    slug: `test-${tag}`,
    domain: `${tag}.test.groeipad.nl`,
    seed: randomInt(1, 2 ** 31),
    namedAccounts: false,
    schools: [
      {
        name: 'School Noord',
        kind: 'vo',
        brin: '01AA',
        teams: [
          { name: 'Exact', kind: 'onderwijs', size: 4, staffRole: 'docent', jobTitle: 'Docent' },
          { name: 'Talen', kind: 'onderwijs', size: 3, staffRole: 'docent', jobTitle: 'Docent' },
        ],
      },
      {
        name: 'School Zuid',
        kind: 'po',
        brin: '02BB',
        teams: [
          { name: 'Onderbouw', kind: 'onderwijs', size: 3, staffRole: 'docent', jobTitle: 'Leerkracht' },
          { name: 'Ondersteuning', kind: 'ondersteuning', size: 2, staffRole: 'oop', jobTitle: 'Onderwijsassistent' },
        ],
      },
    ],
  };
  const seeded = await seedBoard(database.db, spec, await testPasswordHash());
  const schools = await database.db.select().from(t.schools).where(eq(t.schools.boardId, seeded.boardId));
  const teams = await database.db.select().from(t.teams).where(eq(t.teams.boardId, seeded.boardId));
  const memberships = await database.db.select().from(t.memberships).where(eq(t.memberships.boardId, seeded.boardId));
  const people = await database.db.select().from(t.people).where(eq(t.people.boardId, seeded.boardId));
  const byRole = (role: Role, schoolName?: string) => {
    const schoolId = schoolName ? schools.find((s) => s.name === schoolName)?.id : undefined;
    const m = memberships.find((x) => x.role === role && (!schoolId || x.schoolId === schoolId));
    if (!m) throw new Error(`no ${role} in test board`);
    return people.find((p) => p.id === m.personId)!;
  };
  return { ...seeded, tag, domain: spec.domain, schools, teams, memberships, people, byRole };
}
export type TestBoard = Awaited<ReturnType<typeof createBoard>>;

/** Adds one person with the given roles to a board. */
export async function createPerson(
  database: Database,
  board: TestBoard,
  opts: {
    roles?: { role: Role; schoolId?: string | null; teamId?: string | null }[];
    active?: boolean;
    email?: string;
  } = {},
) {
  const tag = randomBytes(4).toString('hex');
  const values = {
    boardId: board.boardId,
    firstName: 'Test',
    infix: null,
    lastName: `Persoon ${tag}`,
    email: opts.email ?? `p-${tag}@${board.domain}`,
    employeeNumber: `T${tag}`,
    active: opts.active ?? true,
    passwordHash: await testPasswordHash(),
  };
  const [person] = await database.db
    .insert(t.people)
    .values({ ...values, searchText: searchTextOf(values) })
    .returning();
  for (const r of opts.roles ?? []) {
    await database.db.insert(t.memberships).values({
      boardId: board.boardId,
      personId: person!.id,
      role: r.role,
      schoolId: r.schoolId ?? null,
      teamId: r.teamId ?? null,
    });
  }
  return person!;
}

export type Session = { cookie: string; csrf: string; headers: Record<string, string> };

/** A session for a person without going through the login route (which has its own tests). */
export async function sessionFor(database: Database, personId: string): Promise<Session> {
  const token = newToken();
  const csrf = newToken();
  await database.db
    .insert(sessions)
    .values({ id: tokenId(token), personId, csrfToken: csrf, expiresAt: new Date(Date.now() + 3600_000) });
  const cookie = `gp_session=${token}`;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** The newest message in the outbox for an address, or undefined. */
export async function latestMailTo(database: Database, email: string) {
  const [row] = await database.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, email))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  return row;
}
