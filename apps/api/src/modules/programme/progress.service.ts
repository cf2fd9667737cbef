import type {
  ProgressIntervention,
  ProgressPhase,
  ProgressScore,
  ProgressScoreInput,
  TeamProgress,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { publishChange } from '../../platform/live/index.ts';
import { schoolDay } from '../../platform/time.ts';
import { displayName } from '../organisation/index.ts';
import { loadTeam, topicOf } from '../team/index.ts';
import * as repo from './programme.repository.ts';
import { averageOf, phaseOf } from './programme.rules.ts';

// The progress meter (voortgangsmeter): the team scores itself 1–5 on the criteria of an intervention in a phase;
// each scoring is kept, so the history shows as a chart.

function present(r: repo.ScoreRow): ProgressScore {
  return {
    id: r.id,
    intervention: r.intervention as ProgressIntervention,
    phase: r.phase as ProgressPhase,
    scoredOn: r.scoredOn,
    scores: r.scores,
    average: averageOf(r.scores),
    note: r.note,
    by:
      r.firstName !== null && r.lastName !== null
        ? displayName({ ...r, firstName: r.firstName, lastName: r.lastName })
        : null,
  };
}

export async function getProgress(ctx: Ctx, teamId: string): Promise<TeamProgress> {
  const { team, canEdit } = await loadTeam(ctx, teamId);
  const { boardId } = ctx.actor;
  const [scores, programme] = await Promise.all([
    repo.findScores(ctx.db, boardId, teamId),
    repo.findProgramme(ctx.db, boardId, teamId),
  ]);
  return {
    team: { id: team.id, name: team.name },
    abilities: { score: canEdit },
    currentPhase: phaseOf(programme, schoolDay(ctx.now)),
    scores: scores.map(present),
  };
}

/** One scoring by the team (its members, teamleider or coach); school leadership only looks along (403). */
export async function addScore(ctx: Ctx, teamId: string, input: ProgressScoreInput): Promise<TeamProgress> {
  const { canEdit } = await loadTeam(ctx, teamId);
  if (!canEdit) throw new AppError('forbidden', 'Alleen het team zelf vult de voortgangsmeter in.');
  if (input.scoredOn > schoolDay(ctx.now)) throw fieldError('scoredOn', 'Deze dag is nog niet geweest.');
  await ctx.db.transaction(async (tx) => {
    await repo.insertScore(tx, {
      boardId: ctx.actor.boardId,
      teamId,
      intervention: input.intervention,
      phase: input.phase,
      scoredOn: input.scoredOn,
      scores: input.scores,
      note: input.note,
      createdBy: ctx.actor.personId,
      createdAt: ctx.now,
    });
    await publishChange(tx, topicOf(teamId));
  });
  return getProgress(ctx, teamId);
}
