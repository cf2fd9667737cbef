// The measured endpoints. Each scenario is the real app request beside a bare handler that sends the same SQL
// through the same driver, with nothing of the app around it: no hooks, no validation, no service code, no
// serialisation schema. Adding an endpoint to the table is one more entry in SCENARIOS.
import { tokenId } from '../apps/api/src/modules/auth/tokens.ts';

/** Plain SQL on the benchmark's database, rows as arrays (the row mode Drizzle uses too). */
export type RawQuery = (text: string, params: unknown[]) => Promise<unknown[][]>;

export type BareRequest = {
  query: RawQuery;
  /** The session cookie's value, or undefined. */
  token: string | undefined;
  /** The parsed query string of the request. */
  params: Record<string, string | undefined>;
};

/** What a bare handler answers: raw rows, or a status when the session is not live. */
export type BareResult = { status: number; body: unknown };

// Response bodies are read only to count items; the app's own tests check their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export type ScenarioOptions = { search: string };

export type Scenario = {
  /** How the row is named in the table, e.g. `GET /api/me`. */
  name: string;
  /** A short id for the bare route: /bare/<id>. */
  id: string;
  /** Path and query string of the app request, sent with the beheerder's session cookie. */
  path: (opts: ScenarioOptions) => string;
  /** The same SQL as the app, raw. Receives the same query string as the app request. */
  bare: (req: BareRequest) => Promise<BareResult>;
  /** How many items each side returned (per kind), compared once before measuring. */
  counts: { app: (body: Json) => Record<string, number>; bare: (body: Json) => Record<string, number> };
};

// The SQL below is what the app sends for these requests (Drizzle's output, checked with a query log).
const SESSION_SQL =
  'select "sessions"."id", "sessions"."csrf_token", "sessions"."created_at", "sessions"."last_seen_at", "people"."id", "people"."board_id", coalesce(json_agg(json_build_object(\'role\', "memberships"."role", \'schoolId\', "memberships"."school_id", \'teamId\', "memberships"."team_id")) filter (where "memberships"."id" is not null), \'[]\'::json) from "sessions" inner join "people" on "people"."id" = "sessions"."person_id" left join "memberships" on "memberships"."person_id" = "people"."id" where ("sessions"."id" = $1 and "sessions"."expires_at" > $2 and "people"."active" = $3) group by "sessions"."id", "people"."id"';

/** findLiveSession: the session row, or null. Columns: id, csrf, created, lastSeen, personId, boardId, memberships. */
async function liveSession(req: BareRequest): Promise<unknown[] | null> {
  if (!req.token) return null;
  const rows = await req.query(SESSION_SQL, [tokenId(req.token), new Date().toISOString(), true]);
  return rows[0] ?? null;
}

const UNAUTHENTICATED: BareResult = { status: 401, body: { error: 'unauthenticated' } };

const ME_SQL = {
  person:
    'select "id", "board_id", "employee_number", "first_name", "infix", "last_name", "email", "job_title", "active", "left_at", "password_hash", "failed_logins", "locked_until", "search_text", "version", "created_at", "updated_at" from "people" where ("people"."board_id" = $1 and "people"."id" = $2)',
  board: 'select "id", "name" from "boards" where "boards"."id" = $1',
  memberships:
    'select "memberships"."id", "memberships"."role", "memberships"."school_id", "schools"."name", "memberships"."team_id", "teams"."name" from "memberships" left join "schools" on "schools"."id" = "memberships"."school_id" left join "teams" on "teams"."id" = "memberships"."team_id" where ("memberships"."board_id" = $1 and "memberships"."person_id" = $2) order by "schools"."name" asc, "teams"."name" asc, "memberships"."role" asc',
  managers:
    'select "people"."id", "people"."first_name", "people"."infix", "people"."last_name", "people"."email" from "line_managers" inner join "people" on "people"."id" = "line_managers"."manager_id" where ("line_managers"."board_id" = $1 and "line_managers"."employee_id" = $2) order by "people"."last_name" asc',
  reports:
    'select "people"."id", "people"."first_name", "people"."infix", "people"."last_name", "people"."email" from "line_managers" inner join "people" on "people"."id" = "line_managers"."employee_id" where ("line_managers"."board_id" = $1 and "line_managers"."manager_id" = $2 and "people"."active" = $3) order by "people"."last_name" asc, "people"."first_name" asc',
};

const PEOPLE_WHERE = '("people"."board_id" = $1 and "people"."active" = $2 and "people"."search_text" like $3)';
const PEOPLE_SQL = {
  page: `select "id", "first_name", "infix", "last_name", "email", "employee_number", "job_title", "active" from "people" where ${PEOPLE_WHERE} order by "people"."last_name" asc, "people"."first_name" asc, "people"."id" asc limit $4 offset $5`,
  count: `select count(*) from "people" where ${PEOPLE_WHERE}`,
  summaries:
    'select "memberships"."person_id", "memberships"."role", "schools"."name" from "memberships" left join "schools" on "schools"."id" = "memberships"."school_id" where ("memberships"."board_id" = $1 and "memberships"."person_id" = any($2::uuid[]))',
};

/** Same escaping as the app's likePattern. */
const like = (term: string) => `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const SCENARIOS: Scenario[] = [
  {
    name: 'GET /api/me',
    id: 'me',
    path: () => '/api/me',
    async bare(req) {
      const session = await liveSession(req);
      if (!session) return UNAUTHENTICATED;
      const [personId, boardId] = [session[4], session[5]];
      const [person, board, memberships, managers, reports] = await Promise.all([
        req.query(ME_SQL.person, [boardId, personId]),
        req.query(ME_SQL.board, [boardId]),
        req.query(ME_SQL.memberships, [boardId, personId]),
        req.query(ME_SQL.managers, [boardId, personId]),
        req.query(ME_SQL.reports, [boardId, personId, true]),
      ]);
      return { status: 200, body: { session, person, board, memberships, managers, reports } };
    },
    counts: {
      app: (b) => ({ memberships: b.memberships.length, managers: b.managers.length, reports: b.reports.length }),
      bare: (b) => ({ memberships: b.memberships.length, managers: b.managers.length, reports: b.reports.length }),
    },
  },
  {
    name: 'GET /api/admin/people',
    id: 'people',
    path: ({ search }) => `/api/admin/people?search=${encodeURIComponent(search)}&page=1&pageSize=50`,
    async bare(req) {
      const session = await liveSession(req);
      if (!session) return UNAUTHENTICATED;
      const boardId = session[5];
      // The benchmark's actor is a beheerder: the whole board, active people only (the app's default filter).
      // Only the first search word is used, like the app's single-word case.
      const search = like((req.params.search ?? '').trim().split(/\s+/)[0] ?? '');
      const page = Number(req.params.page ?? 1);
      const pageSize = Number(req.params.pageSize ?? 50);
      const where = [boardId, true, search];
      const [rows, totals] = await Promise.all([
        req.query(PEOPLE_SQL.page, [...where, pageSize, (page - 1) * pageSize]),
        req.query(PEOPLE_SQL.count, where),
      ]);
      const ids = rows.map((r) => r[0]);
      const summaries = ids.length > 0 ? await req.query(PEOPLE_SQL.summaries, [boardId, ids]) : [];
      return { status: 200, body: { rows, total: Number(totals[0]?.[0]), summaries } };
    },
    counts: {
      app: (b) => ({ items: b.items.length, total: b.total }),
      bare: (b) => ({ items: b.rows.length, total: b.total }),
    },
  },
];
