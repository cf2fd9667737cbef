import type { BarometerResults, SchoolBarometer } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as policy from './barometer.policy.ts';
import * as repo from './barometer.repository.ts';
import { guardRound } from './barometer.results.ts';

// Reading results: a closed round's guarded aggregate for its team, or for its school's leaders once shared.
// There are no filters or breakdowns: the whole team is one group, and the routes take no query parameters.

export async function getResults(ctx: Ctx, id: string): Promise<BarometerResults> {
  const round = await repo.findRound(ctx.db, ctx.actor.boardId, id);
  const access = round ? policy.resultsAccess(ctx.actor, round) : 'none';
  if (!round || access === 'none') throw new AppError('not_found');
  if (round.status !== 'closed') {
    throw new AppError('conflict', 'De uitkomst verschijnt als de ronde gesloten is.', { reason: 'open' });
  }
  const [team, responses, counts] = await Promise.all([
    repo.findTeam(ctx.db, ctx.actor.boardId, round.teamId),
    repo.findResponses(ctx.db, ctx.actor.boardId, [round.id]),
    repo.countParticipation(ctx.db, ctx.actor.boardId, [round.id]),
  ]);
  if (access === 'leader') {
    await audit(ctx.db, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'barometer.shared.read',
      targetType: 'barometer_round',
      targetId: round.id,
    });
  }
  const guarded = guardRound(round, responses);
  return {
    roundId: round.id,
    teamId: round.teamId,
    teamName: team?.name ?? '',
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    closedAt: round.closedAt?.toISOString() ?? null,
    sharedAt: round.sharedAt?.toISOString() ?? null,
    invited: counts.get(round.id)?.invited ?? 0,
    ...guarded,
    abilities: { share: policy.canShare(ctx.actor, round) },
  };
}

/** A school leader's overview: per team whether a round runs, and the rounds the team shared. No counts. */
export async function getSchoolBarometer(ctx: Ctx, schoolId: string): Promise<SchoolBarometer> {
  const boardId = ctx.actor.boardId;
  const school = await repo.findSchool(ctx.db, boardId, schoolId);
  if (!school || !policy.canLeadSchoolBarometer(ctx.actor, boardId, schoolId)) throw new AppError('not_found');
  const teams = await repo.findTeamsOfSchool(ctx.db, boardId, schoolId);
  const ids = teams.map((t) => t.id);
  const [staff, open, shared] = await Promise.all([
    repo.findTeamStaff(ctx.db, boardId, ids),
    repo.findOpenRounds(ctx.db, boardId, ids),
    repo.findSharedRounds(ctx.db, boardId, schoolId),
  ]);
  return {
    school,
    teams: teams.map((t) => {
      const running = open.find((r) => r.teamId === t.id);
      return {
        id: t.id,
        name: t.name,
        hasMembers: staff.some((s) => s.teamId === t.id),
        openRound: running ? { closesOn: running.closesOn } : null,
        sharedRounds: shared
          .filter((r) => r.teamId === t.id)
          .map((r) => ({ id: r.id, closesOn: r.closesOn, sharedAt: r.sharedAt!.toISOString() })),
      };
    }),
    abilities: { start: true },
  };
}
