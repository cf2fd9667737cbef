import { count } from 'drizzle-orm';
import type { Role } from '@groeipad/contracts';
import type { Db } from '../../platform/db/client.ts';
import { audit } from '../../platform/audit/audit.ts';
import { hashPassword } from '../auth/index.ts';
import { organisationTables as t, searchTextOf } from '../organisation/index.ts';
import {
  DEMO_BOARD,
  DEMO_DOMAIN,
  DEMO_PASSWORD,
  DEMO_SCHOOLS,
  FIRST_NAMES,
  LAST_NAMES,
  type DemoSchool,
} from './demo.data.ts';
import { seedCycleHistory } from './demo.cycle.ts';
import { seedDemoFeedback } from './demo.feedback.ts';
import { findDemoTeam, seedDemoTeamBoard } from './demo.team-board.ts';
import { seedDemoVisits } from './demo.visits.ts';
import { seedDemoBarometer } from './demo.barometer.ts';
import { seedDemoProgramme } from './demo.programme.ts';
import { seedDemoPreparations } from './demo.preparations.ts';

/** A small seeded PRNG (mulberry32): the same seed gives the same board every time. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
    hex[12] = '4';
    hex[16] = (Math.floor(next() * 4) + 8).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  return { next, pick, uuid };
}

type PersonRow = typeof t.people.$inferInsert & { id: string };
type MembershipRow = typeof t.memberships.$inferInsert;
type ManagerRow = typeof t.lineManagers.$inferInsert;

export type BoardSpec = {
  name: string;
  slug: string;
  domain: string;
  schools: DemoSchool[];
  seed: number;
  /** Fixed e-mail addresses for the people the README names. */
  namedAccounts: boolean;
};

export type SeededBoard = { boardId: string; people: number; schools: number; teams: number };

/** Writes a complete board (schools, teams, people, roles, line management) in one transaction. */
export async function seedBoard(db: Db, spec: BoardSpec, passwordHash: string | null): Promise<SeededBoard> {
  const rnd = createRandom(spec.seed);
  const boardId = rnd.uuid();
  const people: PersonRow[] = [];
  const memberships: MembershipRow[] = [];
  const managers: ManagerRow[] = [];
  const usedEmails = new Set<string>();
  let employeeNumber = 100_000 + (spec.seed % 1000) * 1000;

  const slugify = (s: string) =>
    s
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z]+/g, '');

  function person(jobTitle: string, email?: string): PersonRow {
    const firstName = rnd.pick(FIRST_NAMES);
    const [infix, lastName] = rnd.pick(LAST_NAMES);
    let address = email;
    if (!address) {
      const base = `${slugify(firstName)}.${slugify(`${infix ?? ''}${lastName}`)}`;
      address = `${base}@${spec.domain}`;
      for (let n = 2; usedEmails.has(address); n++) address = `${base}${n}@${spec.domain}`;
    }
    usedEmails.add(address);
    const row: PersonRow = {
      id: rnd.uuid(),
      boardId,
      employeeNumber: String(employeeNumber++),
      firstName,
      infix: infix || null,
      lastName,
      email: address,
      jobTitle,
      passwordHash,
      searchText: '',
    };
    row.searchText = searchTextOf({ ...row, infix: row.infix ?? null });
    people.push(row);
    return row;
  }
  const role = (p: PersonRow, r: Role, schoolId: string | null = null, teamId: string | null = null) =>
    memberships.push({ boardId, personId: p.id, role: r, schoolId, teamId });
  const manages = (m: PersonRow, e: PersonRow) => managers.push({ boardId, managerId: m.id, employeeId: e.id });

  const named = (local: string) => (spec.namedAccounts ? `${local}@${spec.domain}` : undefined);
  const bestuurder = person('Voorzitter college van bestuur');
  role(bestuurder, 'bestuurder');
  const beheerder = person('Functioneel beheerder', named('beheer'));
  role(beheerder, 'beheerder');
  const hr = person('P&O-adviseur');
  role(hr, 'hr');
  manages(bestuurder, beheerder);
  manages(bestuurder, hr);

  const schools: (typeof t.schools.$inferInsert)[] = [];
  const teams: (typeof t.teams.$inferInsert)[] = [];
  spec.schools.forEach((school, schoolIndex) => {
    const schoolId = rnd.uuid();
    schools.push({ id: schoolId, boardId, name: school.name, kind: school.kind, brin: school.brin });
    const first = schoolIndex === 0;
    const leader = person(school.kind === 'po' ? 'Directeur' : 'Rector', first ? named('directeur') : undefined);
    role(leader, 'schoolleider', schoolId);
    manages(bestuurder, leader);
    if (school.kind === 'vo') {
      const mt = person('Conrector onderwijs');
      role(mt, 'mt_lid', schoolId);
      manages(leader, mt);
    }
    school.teams.forEach((team, teamIndex) => {
      const teamId = rnd.uuid();
      teams.push({ id: teamId, boardId, schoolId, name: team.name, kind: team.kind });
      const namedTeam = first && teamIndex === 0;
      const lead = person(
        team.kind === 'ondersteuning' ? 'Hoofd ondersteuning' : 'Teamleider',
        namedTeam ? named('teamleider') : undefined,
      );
      role(lead, 'teamleider', schoolId, teamId);
      manages(leader, lead);
      for (let i = 0; i < team.size; i++) {
        const member = person(team.jobTitle, namedTeam && i === 0 ? named('docent') : undefined);
        role(member, team.staffRole, schoolId, teamId);
        manages(lead, member);
        if (team.kind === 'onderwijs' && i === 1) role(member, 'coach', schoolId, teamId);
        if (school.kind === 'vo' && team.kind === 'onderwijs' && i === 2)
          role(member, 'werkplekbegeleider', schoolId, teamId);
      }
    });
  });

  await db.transaction(async (tx) => {
    await tx.insert(t.boards).values({ id: boardId, name: spec.name, slug: spec.slug });
    await tx.insert(t.schools).values(schools);
    await tx.insert(t.teams).values(teams);
    for (let i = 0; i < people.length; i += 1000) await tx.insert(t.people).values(people.slice(i, i + 1000));
    for (let i = 0; i < memberships.length; i += 1000)
      await tx.insert(t.memberships).values(memberships.slice(i, i + 1000));
    for (let i = 0; i < managers.length; i += 1000) await tx.insert(t.lineManagers).values(managers.slice(i, i + 1000));
    await audit(tx, { boardId, actorId: null, action: 'board.seeded', details: { people: people.length } });
  });
  return { boardId, people: people.length, schools: schools.length, teams: teams.length };
}

export const DEMO_SPEC: BoardSpec = {
  name: DEMO_BOARD.name,
  slug: DEMO_BOARD.slug,
  domain: DEMO_DOMAIN,
  schools: DEMO_SCHOOLS,
  seed: 20261123,
  namedAccounts: true,
};

/** Loads the demo board when the database holds no board yet. Returns null when it did nothing. */
export async function seedDemoIfEmpty(db: Db): Promise<SeededBoard | null> {
  const [row] = await db.select({ n: count() }).from(t.boards);
  if ((row?.n ?? 0) > 0) return null;
  const board = await seedBoard(db, DEMO_SPEC, await hashPassword(DEMO_PASSWORD));
  const now = new Date();
  await seedCycleHistory(db, { boardId: board.boardId, now, yearsBack: 2, seed: DEMO_SPEC.seed });
  await seedDemoFeedback(db, {
    boardId: board.boardId,
    subjectEmail: `docent@${DEMO_DOMAIN}`,
    now,
    seed: DEMO_SPEC.seed,
  });
  const teamId = await findDemoTeam(db, board.boardId, `teamleider@${DEMO_DOMAIN}`);
  if (teamId) {
    await seedDemoTeamBoard(db, { boardId: board.boardId, teamId, now });
    await seedDemoVisits(db, { boardId: board.boardId, teamId, now });
    await seedDemoPreparations(db, { boardId: board.boardId, teamId, now });
    await seedDemoBarometer(db, { boardId: board.boardId, teamId, now });
    await seedDemoProgramme(db, { boardId: board.boardId, teamId, now });
  }
  return board;
}
