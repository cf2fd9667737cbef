// The measured endpoints. Each scenario is the real app request beside a bare handler that sends the same SQL
// through the same driver, with nothing of the app around it: no hooks, no validation, no service code, no
// serialisation schema. Adding an endpoint to the table is one more entry in SCENARIOS.
import { tokenId } from '../apps/api/src/modules/auth/tokens.ts';
import { shiftYears } from '../apps/api/src/modules/cycle/cycle-status.ts';
import { STATS_WEEKS } from '../apps/api/src/modules/team/team.stats.ts';
import { addDays, schoolDay, weekStartOf } from '../apps/api/src/platform/time.ts';

/**
 * Plain SQL on the benchmark's database, rows as arrays (the row mode Drizzle uses too). On PostgreSQL the
 * statement is server-side prepared (named) unless `prepared` is false: mirror what the app does for that query
 * (it names the session lookup and the organisation queries with Drizzle's `.prepare()`, not the rest).
 */
export type RawQuery = (text: string, params: unknown[], prepared?: boolean) => Promise<unknown[][]>;

export type BareRequest = {
  query: RawQuery;
  /** The session cookie's value, or undefined. */
  token: string | undefined;
  /** The parsed query string of the request, plus the scenario's `bareParams` (the app's path parameters). */
  params: Record<string, string | undefined>;
};

/** What a bare handler answers: raw rows, or a status when the session is not live. */
export type BareResult = { status: number; body: unknown };

// Response bodies are read only to count items; the app's own tests check their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** What the paths need: the staff search term, and ids from the seeded board (see BenchFixtures in board.ts). */
export type ScenarioOptions = { search: string; schoolId: string; roundId: string; teamId: string };

/**
 * Who the scenario signs in as, through the real login: the board's beheerder, the big school's schoolleider, its
 * first teamleider (12 direct reports), or that team's first docent (the subject of the closed 360° round).
 */
export type Account = 'beheerder' | 'schoolleider' | 'teamleider' | 'subject';

export type Scenario = {
  /** How the row is named in the table, e.g. `GET /api/me`. */
  name: string;
  /** A short id for the bare route: /bare/<id>. */
  id: string;
  /** Path and query string of the app request, sent with the session cookie of `as`. */
  path: (opts: ScenarioOptions) => string;
  /** Whose session the requests (both sides) carry; the beheerder's when absent. */
  as?: Account;
  /** Concurrent connections for this scenario, unless --connections is given; 10 when absent. */
  connections?: number;
  /** Path parameters of the app request, sent to the bare route in its query string. */
  bareParams?: (opts: ScenarioOptions) => Record<string, string>;
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

// getOverview (cycle-overview.service.ts): reports, their memberships, then school names, years, kinds, rules and
// teams in parallel, then the conversations in the window. All prepared (named) statements; lists of ids are one
// uuid[] parameter (`= any($2::uuid[])`), so the text does not depend on their number.
const OVERVIEW_SQL = {
  reports:
    'select "people"."id", "people"."first_name", "people"."infix", "people"."last_name", "people"."job_title" from "line_managers" inner join "people" on "people"."id" = "line_managers"."employee_id" where ("line_managers"."board_id" = $1 and "line_managers"."manager_id" = $2 and "people"."active" = $3) order by "people"."last_name" asc, "people"."first_name" asc',
  memberships:
    'select "person_id", "role", "school_id", "team_id" from "memberships" where ("memberships"."board_id" = $1 and "memberships"."person_id" = any($2::uuid[]))',
  schools:
    'select "id", "name" from "schools" where ("schools"."board_id" = $1 and "schools"."id" = any($2::uuid[])) order by "schools"."name" asc',
  years:
    'select "school_years"."id", "school_years"."board_id", "school_years"."school_id", "school_years"."name", "school_years"."starts_on", "school_years"."ends_on", "school_years"."version", "school_years"."created_at", "school_years"."updated_at", "school_year_periods"."id", "school_year_periods"."board_id", "school_year_periods"."year_id", "school_year_periods"."position", "school_year_periods"."name", "school_year_periods"."starts_on", "school_year_periods"."ends_on" from "school_years" left join "school_year_periods" on "school_year_periods"."year_id" = "school_years"."id" where ("school_years"."board_id" = $1 and "school_years"."school_id" = any($2::uuid[])) order by "school_years"."starts_on" asc, "school_year_periods"."position" asc',
  kinds:
    'select "id", "board_id", "school_id", "key", "name", "description", "reflection_form_id", "question_form_id", "position", "active", "version", "created_at", "updated_at" from "conversation_kinds" where ("conversation_kinds"."board_id" = $1 and "conversation_kinds"."school_id" = any($2::uuid[])) order by "conversation_kinds"."position" asc, "conversation_kinds"."name" asc',
  rules:
    'select "id", "board_id", "school_id", "kind_id", "roles", "team_ids", "every_years", "period_position", "active", "version", "created_at", "updated_at" from "cycle_rules" where ("cycle_rules"."board_id" = $1 and "cycle_rules"."school_id" = any($2::uuid[])) order by "cycle_rules"."created_at" asc, "cycle_rules"."id" asc',
  teams: 'select "id", "name" from "teams" where ("teams"."board_id" = $1 and "teams"."school_id" = any($2::uuid[]))',
  conversations:
    'select "id", "school_id", "employee_id", "kind_id", "state", (extract(epoch from "scheduled_at") * 1000)::float8 from "conversations" where ("conversations"."board_id" = $1 and "conversations"."school_id" = any($2::uuid[]) and "conversations"."employee_id" = any($3::uuid[]) and "conversations"."scheduled_at" >= $4 and "conversations"."scheduled_at" <= $5)',
};

// getCoverage: the school (and the policy), then years, kinds, rules, staff and teams in parallel, then the
// school's conversations in the window. All prepared; years, kinds and rules are the overview's statements.
const COVERAGE_SQL = {
  school: 'select "id", "name" from "schools" where ("schools"."board_id" = $1 and "schools"."id" = $2)',
  years: OVERVIEW_SQL.years,
  kinds: OVERVIEW_SQL.kinds,
  rules: OVERVIEW_SQL.rules,
  staff:
    'select "people"."id", "people"."first_name", "people"."infix", "people"."last_name", "memberships"."role", "memberships"."team_id", exists (select 1 from "line_managers" where "line_managers"."employee_id" = "people"."id") from "memberships" inner join "people" on "people"."id" = "memberships"."person_id" where ("memberships"."board_id" = $1 and "memberships"."school_id" = $2 and "people"."active" = $3)',
  teams:
    'select "id", "name" from "teams" where ("teams"."board_id" = $1 and "teams"."school_id" = $2) order by "teams"."name" asc',
  conversations:
    'select "id", "school_id", "employee_id", "kind_id", "state", (extract(epoch from "scheduled_at") * 1000)::float8 from "conversations" where ("conversations"."board_id" = $1 and "conversations"."school_id" = any($2::uuid[]) and "conversations"."scheduled_at" >= $3 and "conversations"."scheduled_at" <= $4)',
};

// getResults (results.service.ts): the round (loadRound: for its subject there is no isManagerOf query), then the
// responses and the subject's name in parallel. All prepared.
const RESULTS_SQL = {
  round:
    'select "id", "board_id", "school_id", "subject_id", "questionnaire_id", "instrument", "title", "message", "status", "closes_on", "min_group_size", "min_text_group_size", "shared_with_manager_at", "conversation_id", "closed_at", "version", "created_at", "updated_at" from "feedback_rounds" where ("feedback_rounds"."board_id" = $1 and "feedback_rounds"."id" = $2)',
  responses:
    'select "id", "board_id", "round_id", "rater_group", "scores", "open_answers" from "feedback_responses" where ("feedback_responses"."board_id" = $1 and "feedback_responses"."round_id" = $2)',
  people:
    'select "id", "first_name", "infix", "last_name", "email", "active" from "people" where ("people"."board_id" = $1 and "people"."id" = any($2::uuid[]))',
};

// getBoard (team/board.service.ts): the team with its board (the policy needs the team's school), then the goals,
// their values, the actions, the texts, the members and eight weeks of sessions in parallel. All prepared.
const TEAM_BOARD_SQL = {
  header:
    'select "teams"."id", "teams"."board_id", "teams"."name", "teams"."school_id", "schools"."name", "team_boards"."id", "team_boards"."parts", "team_boards"."sessions_per_week", "team_boards"."session_minutes", "team_boards"."visits_per_week", "team_boards"."preparations_per_week", "team_boards"."version", "team_boards"."created_at" from "teams" inner join "schools" on "schools"."id" = "teams"."school_id" left join "team_boards" on "team_boards"."team_id" = "teams"."id" where ("teams"."board_id" = $1 and "teams"."id" = $2)',
  goals:
    'select "team_goals"."id", "team_goals"."title", "team_goals"."description", "team_goals"."unit", "team_goals"."start_value", "team_goals"."target_value", "team_goals"."target_date", "team_goals"."owner_id", "team_goals"."status", "team_goals"."position", "team_goals"."version", "people"."first_name", "people"."infix", "people"."last_name" from "team_goals" left join "people" on "people"."id" = "team_goals"."owner_id" where ("team_goals"."board_id" = $1 and "team_goals"."team_id" = $2 and "team_goals"."status" <> $3) order by "team_goals"."position" asc, "team_goals"."created_at" asc, "team_goals"."id" asc',
  values:
    'select "team_goal_values"."id", "team_goal_values"."goal_id", "team_goal_values"."measured_on", "team_goal_values"."value", "team_goal_values"."note" from "team_goal_values" inner join "team_goals" on "team_goals"."id" = "team_goal_values"."goal_id" where ("team_goal_values"."board_id" = $1 and "team_goals"."team_id" = $2 and "team_goals"."status" <> $3) order by "team_goal_values"."measured_on" asc, "team_goal_values"."created_at" asc',
  actions:
    'select "team_actions"."id", "team_actions"."title", "team_actions"."goal_id", "team_actions"."owner_id", "team_actions"."due_on", "team_actions"."status", "team_actions"."next_step", "team_actions"."help_wanted", "team_actions"."position", "team_actions"."done_at", "team_actions"."celebrated_at", "team_actions"."version", "people"."first_name", "people"."infix", "people"."last_name" from "team_actions" left join "people" on "people"."id" = "team_actions"."owner_id" where ("team_actions"."board_id" = $1 and "team_actions"."team_id" = $2 and "team_actions"."archived_at" is null) order by "team_actions"."position" asc, "team_actions"."created_at" asc, "team_actions"."id" asc',
  items:
    'select "id", "kind", "part_key", "body", "position", "created_at", "version" from "team_board_items" where ("team_board_items"."board_id" = $1 and "team_board_items"."team_id" = $2 and "team_board_items"."archived_at" is null) order by "team_board_items"."position" asc, "team_board_items"."created_at" asc, "team_board_items"."id" asc',
  members:
    'select "people"."id", "people"."first_name", "people"."infix", "people"."last_name", "people"."email", array_agg(distinct "memberships"."role") from "memberships" inner join "people" on "people"."id" = "memberships"."person_id" where ("memberships"."board_id" = $1 and "memberships"."team_id" = $2 and "memberships"."role" <> $3 and "people"."active" = $4) group by "people"."id" order by "people"."first_name" asc, "people"."last_name" asc, "people"."id" asc',
  sessions:
    'select "team_sessions"."id", "team_sessions"."held_on", "team_sessions"."started_at", "team_sessions"."ended_at", "team_sessions"."mood_positive", "team_sessions"."mood_neutral", "team_sessions"."mood_negative", "team_sessions"."notes", "team_sessions"."version", coalesce(array_agg("team_session_attendance"."person_id"::text) filter (where "team_session_attendance"."person_id" is not null), \'{}\') from "team_sessions" left join "team_session_attendance" on "team_session_attendance"."session_id" = "team_sessions"."id" where ("team_sessions"."board_id" = $1 and "team_sessions"."team_id" = $2 and "team_sessions"."held_on" >= $3::date) group by "team_sessions"."id" order by "team_sessions"."started_at" asc, "team_sessions"."id" asc',
  // The planning part: visits (with both names) and joint preparations (with their people) around the eight weeks.
  visits:
    "select v.id, v.kind, v.scheduled_at, v.duration_minutes, v.status, v.observer_id, a.first_name, a.infix, a.last_name, v.observed_id, b.first_name, b.infix, b.last_name from team_visits v join people a on a.id = v.observer_id join people b on b.id = v.observed_id where v.board_id = $1 and v.team_id = $2 and v.status <> 'cancelled' and v.scheduled_at >= $3::timestamptz and v.scheduled_at < $4::timestamptz order by v.scheduled_at, v.id",
  preparations:
    "select p.id, p.title, p.kind, p.planned_at, p.duration_minutes, p.status, coalesce(json_agg(json_build_object('id', x.id, 'firstName', x.first_name, 'infix', x.infix, 'lastName', x.last_name) order by x.first_name, x.last_name) filter (where x.id is not null), '[]'::json) from team_preparations p left join team_preparation_members m on m.preparation_id = p.id left join people x on x.id = m.person_id where p.board_id = $1 and p.team_id = $2 and p.status in ('planned', 'done') and p.planned_at >= $3::timestamptz and p.planned_at < $4::timestamptz group by p.id order by p.planned_at, p.id",
};

/** A `date` column as 'YYYY-MM-DD', whether the driver gave a string or a Date (at UTC or local midnight). */
function isoDay(v: unknown): string {
  if (!(v instanceof Date)) return String(v).slice(0, 10);
  if (v.getUTCHours() === 0 && v.getUTCMinutes() === 0) return v.toISOString().slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
}

/**
 * The parameters of the app's conversation window (windowOf in cycle-overview.service.ts): from the earliest
 * start of the chosen years, back as far as the longest rhythm, to their latest end; a day or two of margin.
 * Year rows as OVERVIEW_SQL.years gives them, rule rows as OVERVIEW_SQL.rules.
 */
function windowOf(years: unknown[][], rules: unknown[][]): [string, string] {
  const longest = Math.max(1, ...rules.map((r) => Number(r[6])));
  const from = years.map((y) => isoDay(y[4])).reduce((a, b) => (b < a ? b : a), '9999-12-31');
  const to = years.map((y) => isoDay(y[5])).reduce((a, b) => (b > a ? b : a), '0000-01-01');
  return [
    new Date(Date.parse(`${shiftYears(from, -(longest - 1))}T00:00:00Z`) - 86_400_000).toISOString(),
    new Date(Date.parse(`${to}T00:00:00Z`) + 2 * 86_400_000).toISOString(),
  ];
}

/** The school year of a school that holds the day (the app's yearAt), from OVERVIEW_SQL.years rows. */
const yearAt = (years: unknown[][], schoolId: unknown, day: string) =>
  years.find((y) => y[2] === schoolId && isoDay(y[4]) <= day && day <= isoDay(y[5]));

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
  {
    // A teamleider of the 300-staff school: 12 reports, three years of conversations in the window.
    name: 'GET /api/cycle/overview',
    id: 'cycle-overview',
    path: () => '/api/cycle/overview',
    as: 'teamleider',
    connections: 20,
    async bare(req) {
      const session = await liveSession(req);
      if (!session) return UNAUTHENTICATED;
      const [personId, boardId] = [session[4], session[5]];
      const q = req.query;
      const reports = await q(OVERVIEW_SQL.reports, [boardId, personId, true]);
      if (reports.length === 0) return { status: 200, body: { reports } };
      const employeeIds = reports.map((r) => r[0]);
      const memberships = await q(OVERVIEW_SQL.memberships, [boardId, employeeIds]);
      const schoolIds = [...new Set(memberships.map((m) => m[2]).filter((id) => id !== null))];
      const [schools, years, kinds, rules, teams] =
        schoolIds.length === 0
          ? [[], [], [], [], []]
          : await Promise.all([
              q(OVERVIEW_SQL.schools, [boardId, schoolIds]),
              q(OVERVIEW_SQL.years, [boardId, schoolIds]),
              q(OVERVIEW_SQL.kinds, [boardId, schoolIds]),
              q(OVERVIEW_SQL.rules, [boardId, schoolIds]),
              q(OVERVIEW_SQL.teams, [boardId, schoolIds]),
            ]);
      const today = schoolDay(new Date());
      const chosen = schoolIds.map((id) => yearAt(years, id, today)).filter((y) => y !== undefined);
      const inYear = [...new Set(chosen.map((y) => y[2]))];
      const conversations =
        chosen.length === 0
          ? []
          : await q(OVERVIEW_SQL.conversations, [boardId, inYear, employeeIds, ...windowOf(chosen, rules)]);
      return { status: 200, body: { reports, memberships, schools, years, kinds, rules, conversations, teams } };
    },
    counts: {
      app: (b) => ({ people: b.people.length }),
      bare: (b) => ({ people: b.reports.length }),
    },
  },
  {
    // The schoolleider of the 300-staff school: every staff member's status per kind, counted per team.
    name: 'GET /api/schools/:schoolId/cycle/coverage',
    id: 'cycle-coverage',
    path: ({ schoolId }) => `/api/schools/${schoolId}/cycle/coverage`,
    bareParams: ({ schoolId }) => ({ schoolId }),
    as: 'schoolleider',
    connections: 20,
    async bare(req) {
      const session = await liveSession(req);
      if (!session) return UNAUTHENTICATED;
      const boardId = session[5];
      const schoolId = req.params.schoolId;
      const q = req.query;
      const [school] = await q(COVERAGE_SQL.school, [boardId, schoolId]);
      if (!school) return { status: 404, body: { error: 'not_found' } };
      const [years, kinds, rules, staff, teams] = await Promise.all([
        q(COVERAGE_SQL.years, [boardId, [schoolId]]),
        q(COVERAGE_SQL.kinds, [boardId, [schoolId]]),
        q(COVERAGE_SQL.rules, [boardId, [schoolId]]),
        q(COVERAGE_SQL.staff, [boardId, schoolId, true]),
        q(COVERAGE_SQL.teams, [boardId, schoolId]),
      ]);
      const year = yearAt(years, schoolId, schoolDay(new Date()));
      // Active rules of active kinds (kinds: column 9 active; rules: 3 kind, 8 active).
      const activeKinds = new Set(kinds.filter((k) => k[9] === true).map((k) => k[0]));
      const activeRules = rules.filter((r) => r[8] === true && activeKinds.has(r[3]));
      const conversations =
        !year || activeRules.length === 0
          ? []
          : await q(COVERAGE_SQL.conversations, [boardId, [schoolId], ...windowOf([year], activeRules)]);
      return { status: 200, body: { school, years, kinds, rules, staff, teams, conversations } };
    },
    counts: {
      app: (b) => ({ teams: b.teams.filter((t: Json) => t.id !== null).length }),
      bare: (b) => ({ teams: b.teams.length }),
    },
  },
  {
    // The subject of a closed round reads their results: 25 responses through the anonymity guard.
    name: 'GET /api/feedback/rounds/:id/results',
    id: 'feedback-results',
    path: ({ roundId }) => `/api/feedback/rounds/${roundId}/results`,
    bareParams: ({ roundId }) => ({ id: roundId }),
    as: 'subject',
    connections: 20,
    async bare(req) {
      const session = await liveSession(req);
      if (!session) return UNAUTHENTICATED;
      const [personId, boardId] = [session[4], session[5]];
      const q = req.query;
      const [round] = await q(RESULTS_SQL.round, [boardId, req.params.id]);
      // Only the subject's own case is measured (the app asks isManagerOf for anyone else).
      if (!round || round[3] !== personId) return { status: 404, body: { error: 'not_found' } };
      if (round[8] !== 'closed') return { status: 409, body: { error: 'conflict' } };
      const [responses, people] = await Promise.all([
        q(RESULTS_SQL.responses, [boardId, round[0]]),
        q(RESULTS_SQL.people, [boardId, [round[3]]]),
      ]);
      return { status: 200, body: { round, responses, people } };
    },
    counts: {
      app: (b) => ({
        responses:
          b.groups.reduce((n: number, g: Json) => n + g.respondents, 0) +
          Number(b.named.self) +
          Number(b.named.leidinggevende),
      }),
      bare: (b) => ({ responses: b.responses.length }),
    },
  },
  {
    // The teamleider's own team board (12 members): everything the board shows, in one response.
    name: 'GET /api/teams/:teamId/board',
    id: 'team-board',
    path: ({ teamId }) => `/api/teams/${teamId}/board`,
    as: 'teamleider',
    connections: 20,
    bareParams: ({ teamId }) => ({ teamId }),
    async bare(req) {
      const session = await liveSession(req);
      if (!session) return UNAUTHENTICATED;
      const boardId = session[5];
      const teamId = req.params.teamId;
      const q = req.query;
      const [team] = await q(TEAM_BOARD_SQL.header, [boardId, teamId]);
      if (!team) return { status: 404, body: { error: 'not_found' } };
      const thisWeek = weekStartOf(schoolDay(new Date()));
      const since = addDays(thisWeek, -7 * (STATS_WEEKS - 1));
      // As the app: from a day before the statistics to a day after next week, as instants.
      const from = `${addDays(since, -1)}T00:00:00Z`;
      const to = `${addDays(thisWeek, 15)}T00:00:00Z`;
      const [goals, values, actions, items, members, sessions, visits, preparations] = await Promise.all([
        q(TEAM_BOARD_SQL.goals, [boardId, teamId, 'stopped']),
        q(TEAM_BOARD_SQL.values, [boardId, teamId, 'stopped']),
        q(TEAM_BOARD_SQL.actions, [boardId, teamId]),
        q(TEAM_BOARD_SQL.items, [boardId, teamId]),
        q(TEAM_BOARD_SQL.members, [boardId, teamId, 'student', true]),
        q(TEAM_BOARD_SQL.sessions, [boardId, teamId, since]),
        q(TEAM_BOARD_SQL.visits, [boardId, teamId, from, to]),
        q(TEAM_BOARD_SQL.preparations, [boardId, teamId, from, to]),
      ]);
      return {
        status: 200,
        body: { team, goals, values, actions, items, members, sessions, visits, preparations },
      };
    },
    counts: {
      app: (b) => ({
        goals: b.goals.length,
        values: b.goals.reduce((n: number, g: Json) => n + g.values.length, 0),
        actions: b.actions.length,
        items: b.items.length,
        members: b.members.length,
      }),
      bare: (b) => ({
        goals: b.goals.length,
        values: b.values.length,
        actions: b.actions.length,
        items: b.items.length,
        members: b.members.length,
      }),
    },
  },
];
