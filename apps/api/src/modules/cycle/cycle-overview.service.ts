import type { CoverageCell, CycleCoverage, CycleOverview, HomeTask } from '@groeipad/contracts';
import { schoolsWithRole, type Actor, type Ctx } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { displayName } from '../organisation/index.ts';
import * as policy from './cycle.policy.ts';
import * as lookups from './cycle-overview.repository.ts';
import * as repo from './cycle.repository.ts';
import {
  applicableRules,
  deriveCycleStatus,
  emptyCounts,
  shiftYears,
  STAFF_ROLES,
  type StatusItem,
  type StatusRule,
} from './cycle-status.ts';
import { schoolDay } from '../../platform/time.ts';

// The leidinggevende's overview and the school's coverage: derived from rules and conversations, few queries.

type Year = repo.YearWithPeriods;

/** The school year of a school that holds the day, if any. */
function yearAt(years: Year[], schoolId: string, day: string): Year | undefined {
  return years.find((y) => y.schoolId === schoolId && y.startsOn <= day && day <= y.endsOn);
}

/** Choices for a year picker: one per name, newest last. */
function yearChoices(years: Year[]) {
  const byName = new Map<string, { id: string; name: string }>();
  for (const y of years) if (!byName.has(y.name)) byName.set(y.name, { id: y.id, name: y.name });
  return [...byName.values()];
}

const yearRef = (y: Year) => ({ id: y.id, name: y.name, startsOn: y.startsOn, endsOn: y.endsOn });

/** The window of conversations the statuses need: back far enough for the longest rhythm. */
function windowOf(years: Year[], rules: StatusRule[]) {
  const longest = Math.max(1, ...rules.map((r) => r.everyYears));
  const from = years.reduce((min, y) => (y.startsOn < min ? y.startsOn : min), '9999-12-31');
  const to = years.reduce((max, y) => (y.endsOn > max ? y.endsOn : max), '0000-01-01');
  return {
    // A day of margin either side: conversation days are local, the query is on instants.
    from: new Date(Date.parse(`${shiftYears(from, -(longest - 1))}T00:00:00Z`) - 86_400_000),
    to: new Date(Date.parse(`${to}T00:00:00Z`) + 2 * 86_400_000),
  };
}

function statusYear(y: Year) {
  return {
    startsOn: y.startsOn,
    endsOn: y.endsOn,
    periods: y.periods.map((p) => ({ position: p.position, endsOn: p.endsOn })),
  };
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** Every direct report of the actor × the rules that apply to them, with their status in the chosen school year. */
export async function getOverview(ctx: Ctx, schoolYearId?: string): Promise<CycleOverview> {
  return buildOverview(ctx.db, ctx.actor, ctx.now, schoolYearId);
}

async function buildOverview(db: Db, actor: Actor, now: Date, schoolYearId?: string): Promise<CycleOverview> {
  const { boardId } = actor;
  const counts = emptyCounts();
  const reports = await lookups.findReports(db, boardId, actor.personId);
  if (reports.length === 0) return { schoolYear: null, years: [], people: [], unconfigured: [], counts };
  const memberships = await lookups.findMembershipsOf(
    db,
    boardId,
    reports.map((r) => r.id),
  );
  const schoolIds = [...new Set(memberships.map((m) => m.schoolId).filter((id): id is string => id !== null))];
  const [schools, years, kinds, rules, teams] = await Promise.all([
    lookups.findSchoolNames(db, boardId, schoolIds),
    repo.findYears(db, boardId, schoolIds),
    repo.findKinds(db, boardId, schoolIds),
    repo.findRules(db, boardId, schoolIds),
    lookups.findTeamsOf(db, boardId, schoolIds),
  ]);
  const selected = schoolYearId ? years.find((y) => y.id === schoolYearId) : undefined;
  if (schoolYearId && !selected) throw fieldError('schoolYearId', 'Dit schooljaar bestaat niet.');
  const today = schoolDay(now);
  const refDay = selected?.startsOn ?? today;
  const yearOf = new Map<string, Year>();
  for (const schoolId of schoolIds) {
    const y = selected?.schoolId === schoolId ? selected : yearAt(years, schoolId, refDay);
    if (y) yearOf.set(schoolId, y);
  }
  const activeKinds = new Map(kinds.filter((k) => k.active).map((k) => [k.id, k]));
  const rulesBySchool = groupBy(
    rules.filter((r) => r.active && activeKinds.has(r.kindId)),
    (r) => r.schoolId,
  );
  const chosenYears = [...yearOf.values()];
  const conversations =
    chosenYears.length === 0
      ? []
      : await lookups.findConversationsBetween(db, boardId, {
          schoolIds: [...yearOf.keys()],
          employeeIds: reports.map((r) => r.id),
          ...windowOf(chosenYears, rules),
        });
  const conversationsOf = groupBy(conversations, (c) => `${c.employeeId}:${c.schoolId}`);
  const membershipsOf = groupBy(memberships, (m) => m.personId);
  const schoolName = new Map(schools.map((s) => [s.id, s.name]));
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));

  const people: CycleOverview['people'] = [];
  const unconfigured: CycleOverview['unconfigured'] = [];
  for (const report of reports) {
    const mine = membershipsOf.get(report.id) ?? [];
    for (const [schoolId, inSchool] of groupBy(
      mine.filter((m) => m.schoolId !== null),
      (m) => m.schoolId!,
    )) {
      const person = { roles: inSchool.map((m) => m.role), teamIds: teamIdsOf(inSchool) };
      if (!person.roles.some((r) => STAFF_ROLES.includes(r))) continue;
      const year = yearOf.get(schoolId);
      const schoolRules = rulesBySchool.get(schoolId) ?? [];
      const name = displayName(report);
      if (!year || schoolRules.length === 0) {
        unconfigured.push({ id: report.id, displayName: name, schoolName: schoolName.get(schoolId) ?? '' });
        continue;
      }
      const items = deriveCycleStatus({
        year: statusYear(year),
        rules: schoolRules,
        person,
        conversations: conversationsOf.get(`${report.id}:${schoolId}`) ?? [],
        today,
      });
      for (const item of items) counts[item.status]++;
      people.push({
        id: report.id,
        displayName: name,
        jobTitle: report.jobTitle,
        schoolName: schoolName.get(schoolId) ?? '',
        teamNames: person.teamIds.map((id) => teamNames.get(id) ?? '').filter(Boolean),
        items: items
          .sort((a, b) => (activeKinds.get(a.kindId)?.position ?? 0) - (activeKinds.get(b.kindId)?.position ?? 0))
          .map((i) => presentItem(i, activeKinds.get(i.kindId)?.name ?? '')),
      });
    }
  }
  const shown = selected ?? chosenYears[0];
  return {
    schoolYear: shown ? yearRef(shown) : null,
    years: yearChoices(years),
    people,
    unconfigured,
    counts,
  };
}

function teamIdsOf(rows: { teamId: string | null }[]): string[] {
  return [...new Set(rows.map((m) => m.teamId).filter((id): id is string => id !== null))];
}

function presentItem(item: StatusItem, kindName: string) {
  return {
    kindId: item.kindId,
    kindName,
    status: item.status,
    dueOn: item.dueOn,
    conversationId: item.conversationId,
    scheduledAt: item.scheduledAt,
  };
}

/** Home tasks of a leidinggevende: one "plan a conversation" per overdue or due report and kind. */
export async function findCycleTasks(db: Db, actor: Actor, now: Date): Promise<HomeTask[]> {
  const overview = await buildOverview(db, actor, now);
  const soon = schoolDay(new Date(now.getTime() + 42 * 86_400_000));
  const tasks: HomeTask[] = [];
  for (const person of overview.people) {
    for (const item of person.items) {
      // Overdue ones, and due ones whose deadline is within six weeks: the rest can wait.
      if (item.status !== 'overdue' && !(item.status === 'due' && item.dueOn <= soon)) continue;
      tasks.push({
        key: `cycle:plan:${person.id}:${item.kindId}`,
        kind: 'plan_conversation',
        params: { name: person.displayName, kind: item.kindName, status: item.status },
        dueOn: item.dueOn,
        href: `/gesprekken/plannen?medewerker=${person.id}&soort=${item.kindId}`,
      });
    }
  }
  tasks.sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
  // A schoolleider hears about staff the cycle cannot reach because nobody is their leidinggevende.
  for (const schoolId of schoolsWithRole(actor, ['schoolleider'])) {
    const [kinds, rules, staff] = await Promise.all([
      repo.findKinds(db, actor.boardId, [schoolId]),
      repo.findRules(db, actor.boardId, [schoolId]),
      lookups.findSchoolStaff(db, actor.boardId, schoolId),
    ]);
    const activeRules = rules.filter((r) => r.active && kinds.some((k) => k.id === r.kindId && k.active));
    const missing = [...groupBy(staff, (s) => s.personId).values()].filter(
      (rows) =>
        !rows[0]!.hasManager &&
        applicableRules(activeRules, { roles: rows.map((r) => r.role), teamIds: teamIdsOf(rows) }).length > 0,
    ).length;
    if (missing > 0)
      tasks.push({
        key: `cycle:no-manager:${schoolId}`,
        kind: 'missing_manager',
        params: { count: String(missing) },
        dueOn: null,
        href: `/school?school=${schoolId}`,
      });
  }
  return tasks;
}

/** The earliest period of the year that a kind's rules ask for, when it starts after today. */
function upcomingPeriod(year: Year | undefined, rules: StatusRule[], kindId: string, today: string) {
  const positions = rules.filter((r) => r.kindId === kindId).map((r) => r.periodPosition);
  const period = year?.periods.find((p) => p.position === Math.min(...positions));
  return period && today < period.startsOn ? { periodName: period.name, startsOn: period.startsOn } : null;
}

function cell(kindId: string): CoverageCell {
  return { kindId, applicable: 0, done: 0, planned: 0, overdue: 0, due: 0, notDue: 0, percentDone: null };
}

function count(target: CoverageCell, item: StatusItem) {
  if (item.status === 'not_due') {
    target.notDue++;
    return;
  }
  target.applicable++;
  target[item.status]++;
}

function finish(cells: CoverageCell[]): CoverageCell[] {
  return cells.map((c) => ({
    ...c,
    percentDone: c.applicable === 0 ? null : Math.round((100 * c.done) / c.applicable),
  }));
}

/** Numbers per team and kind for a school year, and the staff a rule applies to who have no leidinggevende. */
export async function getCoverage(ctx: Ctx, schoolId: string, schoolYearId?: string): Promise<CycleCoverage> {
  const { boardId } = ctx.actor;
  const school = await lookups.findSchool(ctx.db, boardId, schoolId);
  if (!school || !policy.canViewCycle(ctx.actor, schoolId)) throw new AppError('not_found');
  const [years, kinds, rules, staff, teams] = await Promise.all([
    repo.findYears(ctx.db, boardId, [schoolId]),
    repo.findKinds(ctx.db, boardId, [schoolId]),
    repo.findRules(ctx.db, boardId, [schoolId]),
    lookups.findSchoolStaff(ctx.db, boardId, schoolId),
    lookups.findTeams(ctx.db, boardId, schoolId),
  ]);
  const today = schoolDay(ctx.now);
  const year = schoolYearId ? years.find((y) => y.id === schoolYearId) : yearAt(years, schoolId, today);
  if (schoolYearId && !year) throw fieldError('schoolYearId', 'Dit schooljaar bestaat niet.');
  const activeKinds = kinds.filter((k) => k.active);
  const activeRules = rules.filter((r) => r.active && activeKinds.some((k) => k.id === r.kindId));
  const ruleKinds = activeKinds.filter((k) => activeRules.some((r) => r.kindId === k.id));
  const base = {
    school,
    schoolYear: year ? yearRef(year) : null,
    years: yearChoices(years),
    kinds: ruleKinds.map((k) => ({ id: k.id, name: k.name, upcoming: upcomingPeriod(year, activeRules, k.id, today) })),
    configured: kinds.length > 0,
    abilities: policy.cycleAbilities(ctx.actor, schoolId, kinds.length > 0),
  };

  const people = [...groupBy(staff, (s) => s.personId).values()].map((rows) => ({
    id: rows[0]!.personId,
    name: displayName(rows[0]!),
    hasManager: rows[0]!.hasManager,
    person: { roles: rows.map((r) => r.role), teamIds: teamIdsOf(rows) },
  }));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const withoutManager = people
    .filter((p) => !p.hasManager && applicableRules(activeRules, p.person).length > 0)
    .map((p) => ({
      id: p.id,
      displayName: p.name,
      teamNames: p.person.teamIds.map((id) => teamName.get(id) ?? '').filter(Boolean),
      href: `/beheer/medewerkers/${p.id}`,
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));

  if (!year || activeRules.length === 0) return { ...base, teams: [], total: [], withoutManager };

  const conversations = await lookups.findConversationsBetween(ctx.db, boardId, {
    schoolIds: [schoolId],
    ...windowOf([year], activeRules),
  });
  const conversationsOf = groupBy(conversations, (c) => c.employeeId);
  const sy = statusYear(year);
  const kindIds = ruleKinds.map((k) => k.id);
  const byTeam = new Map<string | null, Map<string, CoverageCell>>();
  const cellsFor = (teamId: string | null) => {
    let cells = byTeam.get(teamId);
    if (!cells) byTeam.set(teamId, (cells = new Map(kindIds.map((id) => [id, cell(id)]))));
    return cells;
  };
  const total = new Map(kindIds.map((id) => [id, cell(id)]));
  for (const p of people) {
    const items = deriveCycleStatus({
      year: sy,
      rules: activeRules,
      person: p.person,
      conversations: conversationsOf.get(p.id) ?? [],
      today,
    });
    if (items.length === 0) continue;
    const teamIds = p.person.teamIds.length > 0 ? p.person.teamIds : [null];
    for (const item of items) {
      count(total.get(item.kindId)!, item);
      for (const teamId of teamIds) count(cellsFor(teamId).get(item.kindId)!, item);
    }
  }
  const rows = [...byTeam.entries()]
    .map(([id, cells]) => ({ id, name: id ? (teamName.get(id) ?? '') : '', cells: finish([...cells.values()]) }))
    .sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : a.name.localeCompare(b.name, 'nl')));
  return { ...base, teams: rows, total: finish([...total.values()]), withoutManager };
}
