import {
  BAROMETER_ROUND_DAYS_MAX,
  type BarometerClosedRound,
  type BarometerSettings,
  type BarometerSettingsUpdate,
  type TeamBarometer,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { publishChange } from '../../platform/live/index.ts';
import { getSchoolSettings } from '../cycle/index.ts';
import { schoolDay } from '../../platform/time.ts';
import * as policy from './barometer.policy.ts';
import { STANDARD_QUESTIONS } from './barometer.questions.ts';
import * as repo from './barometer.repository.ts';
import { guardRound, buildTrend } from './barometer.results.ts';
import { autoOpenDay, dueDay, longestRound, minimumErrors, ownQuestions, questionDto } from './barometer.rules.ts';

// A team's barometer page: settings, the open round with participation counts, closed rounds and the trend.

export const DEFAULT_TEAM_SETTINGS = {
  intervalWeeks: 2,
  autoOpen: false,
  roundDays: 7,
  minGroupSize: 3,
  minTextGroupSize: 5,
};

/** The board topic the team's screens follow; a barometer change refreshes them. */
export const teamTopic = (teamId: string) => `team:${teamId}`;

const NOT_FOUND = 'Deze barometer bestaat niet of is alleen voor het team zelf.';

/** The team if the actor is one of its staff; 404 for everyone else (school leaders included). */
export async function loadTeamAsMember(ctx: Ctx, teamId: string): Promise<repo.TeamRow> {
  const team = await repo.findTeam(ctx.db, ctx.actor.boardId, teamId);
  if (!team || !policy.canUseTeamBarometer(ctx.actor, team)) throw new AppError('not_found', NOT_FOUND);
  return team;
}

export async function schoolMinimums(db: Db, boardId: string, schoolId: string) {
  const s = await getSchoolSettings(db, boardId, schoolId);
  return { minGroupSize: s.minGroupSize, minTextGroupSize: s.minTextGroupSize };
}

export async function loadSettings(db: Db, team: repo.TeamRow): Promise<BarometerSettings> {
  const [row, school] = await Promise.all([
    repo.findSettings(db, team.boardId, team.id),
    schoolMinimums(db, team.boardId, team.schoolId),
  ]);
  return {
    intervalWeeks: row?.intervalWeeks ?? DEFAULT_TEAM_SETTINGS.intervalWeeks,
    autoOpen: row?.autoOpen ?? DEFAULT_TEAM_SETTINGS.autoOpen,
    roundDays: row?.roundDays ?? DEFAULT_TEAM_SETTINGS.roundDays,
    extraQuestions: (row?.extraQuestions ?? []).map(questionDto),
    minGroupSize: row?.minGroupSize ?? DEFAULT_TEAM_SETTINGS.minGroupSize,
    minTextGroupSize: row?.minTextGroupSize ?? DEFAULT_TEAM_SETTINGS.minTextGroupSize,
    schoolMinGroupSize: school.minGroupSize,
    schoolMinTextGroupSize: school.minTextGroupSize,
    version: row?.version ?? 0,
  };
}

/** The guarded result of each closed round, computed once per request. */
export async function guardedClosedRounds(db: Db, boardId: string, closed: repo.RoundRow[]) {
  const responses = await repo.findResponses(
    db,
    boardId,
    closed.map((r) => r.id),
  );
  return closed.map((round) => ({
    round,
    guarded: guardRound(
      round,
      responses.filter((r) => r.roundId === round.id),
    ),
  }));
}

export async function getTeamBarometer(ctx: Ctx, teamId: string): Promise<TeamBarometer> {
  const team = await loadTeamAsMember(ctx, teamId);
  const { db } = ctx;
  const boardId = ctx.actor.boardId;
  const [settings, staff, [open], closed] = await Promise.all([
    loadSettings(db, team),
    repo.findTeamStaff(db, boardId, [team.id]),
    repo.findOpenRounds(db, boardId, [team.id]),
    repo.findClosedRounds(db, boardId, team.id),
  ]);
  const counts = await repo.countParticipation(db, boardId, [...(open ? [open.id] : []), ...closed.map((r) => r.id)]);
  const mine = open ? await repo.findParticipation(db, boardId, open.id, ctx.actor.personId) : null;
  const guarded = await guardedClosedRounds(db, boardId, closed);
  const extra = settings.extraQuestions.map((q) => ({ id: q.id, text: q.text, kind: q.kind }));
  const closedRounds = guarded.map(({ round, guarded: g }): BarometerClosedRound => {
    const c = counts.get(round.id) ?? { invited: 0, answered: 0 };
    return {
      id: round.id,
      opensOn: round.opensOn,
      closesOn: round.closesOn,
      closedAt: round.closedAt?.toISOString() ?? null,
      invited: c.invited,
      answered: c.answered,
      shown: g.shown,
      sharedAt: round.sharedAt?.toISOString() ?? null,
    };
  });
  const today = schoolDay(ctx.now);
  const lastOpenedOn = [open, ...closed].reduce<string | null>(
    (last, r) => (r && (last === null || r.opensOn > last) ? r.opensOn : last),
    null,
  );
  const dueOn = dueDay(lastOpenedOn, settings.intervalWeeks);
  return {
    team: { id: team.id, name: team.name, schoolName: team.schoolName },
    memberCount: staff.length,
    settings,
    standardQuestions: STANDARD_QUESTIONS.map(questionDto),
    openRound: open
      ? {
          id: open.id,
          opensOn: open.opensOn,
          closesOn: open.closesOn,
          fromSchool: open.campaignId !== null,
          invited: counts.get(open.id)?.invited ?? 0,
          answered: counts.get(open.id)?.answered ?? 0,
          invitedMe: mine !== null,
          answeredByMe: mine?.answered ?? false,
        }
      : null,
    closedRounds,
    trend: buildTrend(
      guarded.map((g) => ({ ...g.round, guarded: g.guarded })),
      [...STANDARD_QUESTIONS, ...extra],
    ),
    nextRoundOn: open ? null : settings.autoOpen ? autoOpenDay(dueOn ?? today, ctx.now) : maxDay(dueOn ?? today, today),
    dueSince: !open && dueOn !== null && dueOn <= today ? dueOn : null,
    abilities: { start: open === undefined && staff.length > 0, editSettings: true },
  };
}

const maxDay = (a: string, b: string) => (a > b ? a : b);

export async function updateSettings(ctx: Ctx, teamId: string, input: BarometerSettingsUpdate) {
  const team = await loadTeamAsMember(ctx, teamId);
  const school = await schoolMinimums(ctx.db, team.boardId, team.schoolId);
  const errors = minimumErrors(input, school);
  if (errors.length > 0) throw new AppError('validation', errors[0]!.message, errors);
  await ctx.db.transaction(async (tx) => {
    const existing = await repo.findSettings(tx, team.boardId, team.id);
    const values = {
      intervalWeeks: input.intervalWeeks,
      autoOpen: input.autoOpen ?? existing?.autoOpen ?? DEFAULT_TEAM_SETTINGS.autoOpen,
      roundDays: input.roundDays ?? existing?.roundDays ?? DEFAULT_TEAM_SETTINGS.roundDays,
      extraQuestions: ownQuestions(input.extraQuestions, existing?.extraQuestions ?? []),
      minGroupSize: input.minGroupSize,
      minTextGroupSize: input.minTextGroupSize,
    };
    const longest = longestRound(values.intervalWeeks, BAROMETER_ROUND_DAYS_MAX);
    if (values.roundDays > longest)
      throw fieldError(
        'roundDays',
        `Een ronde is dicht voordat de volgende opent: bij elke ${values.intervalWeeks} weken hoogstens ${longest} dagen.`,
      );
    const saved =
      input.version === 0
        ? existing
          ? null
          : await repo.insertSettings(tx, { boardId: team.boardId, teamId: team.id, ...values })
        : await repo.updateSettings(tx, team.boardId, team.id, input.version, values);
    if (!saved)
      throw new AppError('conflict', 'Iemand anders heeft de instellingen intussen gewijzigd. Laad de pagina opnieuw.');
    await audit(tx, {
      boardId: team.boardId,
      actorId: ctx.actor.personId,
      action: 'barometer.settings.updated',
      targetType: 'team',
      targetId: team.id,
      details: {
        intervalWeeks: values.intervalWeeks,
        autoOpen: values.autoOpen,
        roundDays: values.roundDays,
        ownQuestions: values.extraQuestions.length,
      },
    });
    await publishChange(tx, teamTopic(team.id));
  });
  return loadSettings(ctx.db, team);
}
