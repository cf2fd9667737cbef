import type { TeamBoard, TeamBoardSettings, TeamBoardUpdate, TeamGoalValue, TeamBoardList } from '@groeipad/contracts';
import { isOwnPartKey } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { stripUndefined } from '../../platform/objects.ts';
import { changeTeam, loadTeam } from './team.access.ts';
import * as repo from './board.repository.ts';
import { archiveNotesOfParts, lockBoard, updateBoardSettings } from './cards.repository.ts';
import { teamScope } from './team.policy.ts';
import {
  presentAction,
  presentGoal,
  presentItem,
  presentMember,
  presentSession,
  presentValue,
  staleCard,
} from './team.present.ts';
import { addDays, schoolDay, weekStartOf } from '../../platform/time.ts';
import { boardStats, planningWeeks, STATS_WEEKS } from './team.stats.ts';
import { inWeek, practiceWeeks, presentPlannedPreparation, presentPlannedVisit } from './team.planning.ts';

// The board as a whole: the list of boards I can open, the one read that shows everything, and its settings.

/** My own teams first, then the teams of the schools I lead. */
export async function listMyTeams(ctx: Ctx): Promise<TeamBoardList> {
  const { teamIds, schoolIds } = teamScope(ctx.actor);
  const rows = await repo.findTeamsFor(ctx.db, ctx.actor.boardId, teamIds, schoolIds);
  const items = rows.map((r) => ({ ...r, member: teamIds.includes(r.id) }));
  return { items: [...items.filter((t) => t.member), ...items.filter((t) => !t.member)] };
}

export function presentSettings(b: repo.BoardRow): TeamBoardSettings {
  return {
    id: b.id,
    parts: b.parts,
    sessionsPerWeek: b.sessionsPerWeek,
    sessionMinutes: b.sessionMinutes,
    visitsPerWeek: b.visitsPerWeek,
    preparationsPerWeek: b.preparationsPerWeek,
    version: b.version,
  };
}

/** Everything the board shows, in one response; the first read creates the board with the standard parts. */
export async function getBoard(ctx: Ctx, teamId: string): Promise<TeamBoard> {
  const { team, canEdit } = await loadTeam(ctx, teamId);
  const { boardId } = ctx.actor;
  const today = schoolDay(ctx.now);
  const since = addDays(weekStartOf(today), -7 * (STATS_WEEKS - 1));
  const [board, content] = await Promise.all([
    team.board ? Promise.resolve(team.board) : repo.ensureBoard(ctx.db, boardId, teamId, ctx.now),
    repo.findBoardContent(ctx.db, boardId, teamId, since, addDays(weekStartOf(today), 13)),
  ]);

  const valuesByGoal = new Map<string, TeamGoalValue[]>();
  for (const v of content.values) {
    const list = valuesByGoal.get(v.goalId) ?? [];
    list.push(presentValue(v));
    valuesByGoal.set(v.goalId, list);
  }
  const members = content.members.map(presentMember);
  const memberIds = members.map((m) => m.id);
  const open = content.sessions.findLast((s) => s.endedAt === null && s.heldOn === today);
  const latest = content.sessions.at(-1);
  const visits = content.visits.map(presentPlannedVisit);
  const preparations = content.preparations.map(presentPlannedPreparation);

  return {
    team: { id: team.id, name: team.name, schoolId: team.schoolId, schoolName: team.schoolName },
    board: presentSettings(board),
    abilities: { edit: canEdit },
    goals: content.goals.map((g) => presentGoal(g, valuesByGoal.get(g.id) ?? [])),
    actions: content.actions.map((a) => presentAction(a, today)),
    items: content.items.map(presentItem),
    members,
    openSession: open ? presentSession(open) : null,
    latestMood: latest
      ? {
          heldOn: latest.heldOn,
          positive: latest.moodPositive,
          neutral: latest.moodNeutral,
          negative: latest.moodNegative,
        }
      : null,
    stats: boardStats({
      sessions: content.sessions,
      memberIds,
      sessionsPerWeek: board.sessionsPerWeek,
      boardStartedOn: schoolDay(board.createdAt),
      today,
    }),
    planning: {
      // Who visits whom is for the team; school leadership looking along sees only the counts below.
      weeks: planningWeeks(content.sessions, memberIds, today).map((week) => ({
        ...week,
        visits: canEdit ? inWeek(visits, week.weekStart) : [],
        preparations: inWeek(preparations, week.weekStart),
      })),
    },
    practice: { weeks: practiceWeeks(visits, preparations, today) },
    today,
    serverTime: ctx.now.toISOString(),
  };
}

/** The parts (order, names, hidden, own parts) and the rhythm. Removing an own part archives its notes. */
export async function updateBoard(ctx: Ctx, teamId: string, input: TeamBoardUpdate): Promise<TeamBoardSettings> {
  return changeTeam(ctx, teamId, async (tx) => {
    const board = await lockBoard(tx, ctx.actor.boardId, teamId, ctx.now);
    if (board.version !== input.version) throw staleCard(presentSettings(board));
    const { version: _version, ...changes } = input;
    if (changes.parts) {
      const kept = new Set(changes.parts.map((p) => p.key));
      const removed = board.parts.filter((p) => isOwnPartKey(p.key) && !kept.has(p.key)).map((p) => p.key);
      await archiveNotesOfParts(tx, ctx.actor.boardId, teamId, removed, ctx.now);
    }
    const updated = await updateBoardSettings(tx, board.id, stripUndefined(changes), ctx.now);
    return presentSettings(updated);
  });
}
