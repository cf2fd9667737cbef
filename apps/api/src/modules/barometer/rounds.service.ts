import { randomUUID } from 'node:crypto';
import type { BarometerRoundCreate, SchoolBarometerStart } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { publishChange } from '../../platform/live/index.ts';
import { addDays, schoolDay } from '../../platform/time.ts';
import { invitationMail } from './barometer.mails.ts';
import * as policy from './barometer.policy.ts';
import * as repo from './barometer.repository.ts';
import { roundMinimums, roundQuestions, shuffled } from './barometer.rules.ts';
import { DEFAULT_TEAM_SETTINGS, loadTeamAsMember, schoolMinimums, teamTopic } from './team.service.ts';

// Opening rounds (for one team, or for every team of a school at once), closing and sealing them, and sharing a
// closed round with the school leaders.

type Team = { id: string; boardId: string; schoolId: string; name: string };
type Staff = { personId: string; firstName: string; email: string };

export const fillLink = (ctx: { config: { publicUrl: string } }, roundId: string) =>
  `${ctx.config.publicUrl}/barometer/invullen/${roundId}`;

/**
 * Opens one round in the caller's transaction: the questions and minimums as they are today, a participation
 * row for every staff member of the team now, and an invitation to each. Returns null when the team already has
 * an open round (checked under the team's settings lock, so two starts at once open one round).
 */
async function openRound(
  tx: Db,
  ctx: Ctx,
  team: Team,
  staff: Staff[],
  closesInDays: number,
  campaignId: string | null,
): Promise<repo.RoundRow | null> {
  // The team's settings row (made with the defaults on the first round) is locked, so two starts at the same
  // moment queue behind each other and the second finds the first one's round.
  if (!(await repo.findSettings(tx, team.boardId, team.id))) {
    await repo.insertSettings(tx, { boardId: team.boardId, teamId: team.id });
  }
  const settings = await repo.findSettings(tx, team.boardId, team.id, 'update');
  const [open] = await repo.findOpenRounds(tx, team.boardId, [team.id]);
  if (open) return null;
  const minimums = roundMinimums(
    {
      minGroupSize: settings?.minGroupSize ?? DEFAULT_TEAM_SETTINGS.minGroupSize,
      minTextGroupSize: settings?.minTextGroupSize ?? DEFAULT_TEAM_SETTINGS.minTextGroupSize,
    },
    await schoolMinimums(tx, team.boardId, team.schoolId),
  );
  const today = schoolDay(ctx.now);
  const round = await repo.insertRound(tx, {
    boardId: team.boardId,
    schoolId: team.schoolId,
    teamId: team.id,
    campaignId,
    questions: roundQuestions(settings?.extraQuestions ?? []),
    opensOn: today,
    closesOn: addDays(today, closesInDays),
    ...minimums,
    createdBy: ctx.actor.personId,
  });
  await repo.insertParticipation(
    tx,
    staff.map((s) => ({ boardId: team.boardId, roundId: round.id, personId: s.personId })),
  );
  for (const s of staff) {
    const mail = invitationMail({
      firstName: s.firstName,
      teamName: team.name,
      closesOn: round.closesOn,
      link: fillLink(ctx, round.id),
      minGroupSize: round.minGroupSize,
    });
    await ctx.mailer.send(tx, { boardId: team.boardId, to: s.email, ...mail });
  }
  await audit(tx, {
    boardId: team.boardId,
    actorId: ctx.actor.personId,
    action: 'barometer.round.opened',
    targetType: 'barometer_round',
    targetId: round.id,
    details: { teamId: team.id, invited: staff.length, ...(campaignId ? { campaignId } : {}) },
  });
  await publishChange(tx, teamTopic(team.id));
  return round;
}

export async function startTeamRound(ctx: Ctx, teamId: string, input: BarometerRoundCreate) {
  const team = await loadTeamAsMember(ctx, teamId);
  const staff = await repo.findTeamStaff(ctx.db, team.boardId, [team.id]);
  if (staff.length === 0) throw new AppError('conflict', 'Dit team heeft nog geen leden om de barometer te vragen.');
  const round = await ctx.db.transaction((tx) => openRound(tx, ctx, team, staff, input.closesInDays ?? 7, null));
  if (!round) throw new AppError('conflict', 'Er loopt al een barometer voor dit team.', { reason: 'open_round' });
  return round;
}

/** Opens a round for every team of the school that has staff and no open round, under one campaign id. */
export async function startSchoolRounds(
  ctx: Ctx,
  schoolId: string,
  input: BarometerRoundCreate,
): Promise<SchoolBarometerStart> {
  const boardId = ctx.actor.boardId;
  const school = await repo.findSchool(ctx.db, boardId, schoolId);
  if (!school || !policy.canLeadSchoolBarometer(ctx.actor, boardId, schoolId)) throw new AppError('not_found');
  const teams = await repo.findTeamsOfSchool(ctx.db, boardId, schoolId);
  const staff = await repo.findTeamStaff(
    ctx.db,
    boardId,
    teams.map((t) => t.id),
  );
  const campaignId = randomUUID();
  const result: SchoolBarometerStart = { campaignId, started: [], skipped: [] };
  await ctx.db.transaction(async (tx) => {
    for (const team of teams) {
      const members = staff.filter((s) => s.teamId === team.id);
      if (members.length === 0) {
        result.skipped.push({ teamId: team.id, teamName: team.name, reason: 'no_members' });
        continue;
      }
      const round = await openRound(tx, ctx, team, members, input.closesInDays ?? 7, campaignId);
      if (round) result.started.push({ teamId: team.id, teamName: team.name, roundId: round.id });
      else result.skipped.push({ teamId: team.id, teamName: team.name, reason: 'open_round' });
    }
  });
  return result;
}

/**
 * Closes a round inside the caller's transaction and seals its answers: rewritten in random order with fresh
 * ids, every participation row touched in one statement. False when it was no longer open.
 */
async function sealAndClose(db: Db, boardId: string, roundId: string, now: Date): Promise<repo.RoundRow | null> {
  const round = await repo.findRound(db, boardId, roundId, 'update');
  if (!round || round.status !== 'open') return null;
  const responses = await repo.findResponses(db, boardId, [roundId]);
  await repo.sealRound(db, boardId, roundId, shuffled(responses));
  await publishChange(db, teamTopic(round.teamId));
  return repo.updateRound(db, boardId, roundId, { status: 'closed', closedAt: now });
}

/** A round the actor may manage as a member of its team; 404 otherwise. */
async function loadRoundAsMember(ctx: Ctx, id: string) {
  const round = await repo.findRound(ctx.db, ctx.actor.boardId, id);
  if (!round || policy.resultsAccess(ctx.actor, round) !== 'member') throw new AppError('not_found');
  return round;
}

export async function closeRound(ctx: Ctx, id: string) {
  await loadRoundAsMember(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const closed = await sealAndClose(tx, ctx.actor.boardId, id, ctx.now);
    if (!closed) throw new AppError('conflict', 'Deze barometer is al gesloten.', { reason: 'closed' });
    await audit(tx, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'barometer.round.closed',
      targetType: 'barometer_round',
      targetId: id,
    });
  });
}

/** Closes every open round whose last day has passed (a daily job); returns how many it closed. */
export async function closeExpiredRounds(db: Db, now: Date): Promise<number> {
  let closed = 0;
  for (const r of await repo.findExpiredRounds(db, schoolDay(now))) {
    const done = await db.transaction(async (tx) => {
      const round = await sealAndClose(tx, r.boardId, r.id, now);
      if (round) {
        await audit(tx, {
          boardId: r.boardId,
          actorId: null,
          action: 'barometer.round.closed',
          targetType: 'barometer_round',
          targetId: r.id,
          details: { automatic: true },
        });
      }
      return round !== null;
    });
    if (done) closed++;
  }
  return closed;
}

/** Shares a closed round's guarded result with the school leaders, or takes it back. Members of the team only. */
export async function setShared(ctx: Ctx, id: string, shared: boolean) {
  const round = await loadRoundAsMember(ctx, id);
  if (round.status !== 'closed') {
    throw new AppError('conflict', 'Je kunt een ronde pas delen als die gesloten is.', { reason: 'open' });
  }
  await ctx.db.transaction(async (tx) => {
    await repo.updateRound(tx, ctx.actor.boardId, id, {
      sharedAt: shared ? (round.sharedAt ?? ctx.now) : null,
      sharedBy: shared ? (round.sharedBy ?? ctx.actor.personId) : null,
    });
    await audit(tx, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: shared ? 'barometer.round.shared' : 'barometer.round.unshared',
      targetType: 'barometer_round',
      targetId: id,
    });
    await publishChange(tx, teamTopic(round.teamId));
  });
}
