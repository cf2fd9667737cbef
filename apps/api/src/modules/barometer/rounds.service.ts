import { randomUUID } from 'node:crypto';
import type { BarometerRoundCreate, SchoolBarometerStart } from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { publishChange } from '../../platform/live/index.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { addDays, schoolDay } from '../../platform/time.ts';
import { invitationMail } from './barometer.mails.ts';
import * as policy from './barometer.policy.ts';
import * as repo from './barometer.repository.ts';
import { isRoundDue, roundMinimums, roundQuestions, shuffled } from './barometer.rules.ts';
import { DEFAULT_TEAM_SETTINGS, loadTeamAsMember, schoolMinimums, teamTopic } from './team.service.ts';

// Opening rounds (for one team, for every team of a school at once, or by the team's rhythm), closing and sealing
// them, and sharing a closed round with the school leaders.

type Team = { id: string; boardId: string; schoolId: string; name: string };
type Staff = { personId: string; firstName: string; email: string };

/** Who opens a round: a person (actorId), or the team's rhythm in the daily job (no person). */
type Opener = Pick<Ctx, 'now' | 'config' | 'mailer'> & { actorId: string | null };
/**
 * How: by a person, for as many days as they chose (campaignId when a school leader opened it for every team of
 * the school); or by the rhythm, only when it is still due, for the team's own number of days.
 */
type Opening = { by: 'person'; closesInDays: number; campaignId: string | null } | { by: 'rhythm' };

const byPerson = (ctx: Ctx): Opener => ({
  now: ctx.now,
  config: ctx.config,
  mailer: ctx.mailer,
  actorId: ctx.actor.personId,
});

export const fillLink = (ctx: { config: { publicUrl: string } }, roundId: string) =>
  `${ctx.config.publicUrl}/barometer/invullen/${roundId}`;

/**
 * Opens one round in the caller's transaction: the questions and minimums as they are today, a participation
 * row for every staff member of the team now, and an invitation to each. Returns null when the team already has
 * an open round, or (opened by the rhythm) when automatic opening is off or the round is no longer due: both
 * checked under the team's settings lock, so two starts at once, or two runs of the job, open one round.
 */
async function openRound(
  tx: Db,
  opener: Opener,
  team: Team,
  staff: Staff[],
  opening: Opening,
): Promise<repo.RoundRow | null> {
  // The team's settings row (made with the defaults on the first round) is locked, so two starts at the same
  // moment queue behind each other and the second finds the first one's round.
  if (!(await repo.findSettings(tx, team.boardId, team.id))) {
    await repo.insertSettings(tx, { boardId: team.boardId, teamId: team.id });
  }
  const settings = await repo.findSettings(tx, team.boardId, team.id, 'update');
  const [open] = await repo.findOpenRounds(tx, team.boardId, [team.id]);
  if (open) return null;
  const today = schoolDay(opener.now);
  if (opening.by === 'rhythm') {
    // Read again under the lock: a round opened and closed earlier today, or the team turning automatic opening
    // off meanwhile, means nothing is due.
    const last = await repo.findLastOpenedOn(tx, team.boardId, team.id);
    if (!settings?.autoOpen || !isRoundDue(last, settings.intervalWeeks, today)) return null;
  }
  const minimums = roundMinimums(
    {
      minGroupSize: settings?.minGroupSize ?? DEFAULT_TEAM_SETTINGS.minGroupSize,
      minTextGroupSize: settings?.minTextGroupSize ?? DEFAULT_TEAM_SETTINGS.minTextGroupSize,
    },
    await schoolMinimums(tx, team.boardId, team.schoolId),
  );
  const campaignId = opening.by === 'person' ? opening.campaignId : null;
  const closesInDays =
    opening.by === 'person' ? opening.closesInDays : (settings?.roundDays ?? DEFAULT_TEAM_SETTINGS.roundDays);
  const round = await repo.insertRound(tx, {
    boardId: team.boardId,
    schoolId: team.schoolId,
    teamId: team.id,
    campaignId,
    questions: roundQuestions(settings?.extraQuestions ?? []),
    opensOn: today,
    closesOn: addDays(today, closesInDays),
    ...minimums,
    createdBy: opener.actorId,
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
      link: fillLink(opener, round.id),
      minGroupSize: round.minGroupSize,
    });
    await opener.mailer.send(tx, { boardId: team.boardId, to: s.email, ...mail });
  }
  await audit(tx, {
    boardId: team.boardId,
    actorId: opener.actorId,
    action: 'barometer.round.opened',
    targetType: 'barometer_round',
    targetId: round.id,
    details: {
      teamId: team.id,
      invited: staff.length,
      ...(campaignId ? { campaignId } : {}),
      ...(opening.by === 'rhythm' ? { automatic: true } : {}),
    },
  });
  await publishChange(tx, teamTopic(team.id));
  return round;
}

export async function startTeamRound(ctx: Ctx, teamId: string, input: BarometerRoundCreate) {
  const team = await loadTeamAsMember(ctx, teamId);
  const staff = await repo.findTeamStaff(ctx.db, team.boardId, [team.id]);
  if (staff.length === 0) throw new AppError('conflict', 'Dit team heeft nog geen leden om de barometer te vragen.');
  const opening = { by: 'person', closesInDays: input.closesInDays ?? 7, campaignId: null } as const;
  const round = await ctx.db.transaction((tx) => openRound(tx, byPerson(ctx), team, staff, opening));
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
      const round = await openRound(tx, byPerson(ctx), team, members, {
        by: 'person',
        closesInDays: input.closesInDays ?? 7,
        campaignId,
      });
      if (round) result.started.push({ teamId: team.id, teamName: team.name, roundId: round.id });
      else result.skipped.push({ teamId: team.id, teamName: team.name, reason: 'open_round' });
    }
  });
  return result;
}

/**
 * Opens a round for every team whose rhythm asks for one today (a daily job, for every board): automatic opening
 * on, staff in the team, no round open, and the interval passed since its last round opened (or no round yet).
 * Each team in its own transaction and checked again under its lock, so two runs on one day, or two app
 * processes, open one round; one team failing does not keep the others from theirs. Returns how many it opened.
 */
export async function openDueRounds(db: Db, mailer: Mailer, config: Config, now: Date): Promise<number> {
  const today = schoolDay(now);
  const due = (await repo.findAutoOpenTeams(db)).filter(
    (t) => !t.hasOpen && isRoundDue(t.lastOpenedOn, t.intervalWeeks, today),
  );
  const opener: Opener = { now, config, mailer, actorId: null };
  let opened = 0;
  const failures: unknown[] = [];
  for (const candidate of due) {
    try {
      const team = await repo.findTeam(db, candidate.boardId, candidate.teamId);
      const staff = team ? await repo.findTeamStaff(db, team.boardId, [team.id]) : [];
      if (!team || staff.length === 0) continue;
      const round = await db.transaction((tx) => openRound(tx, opener, team, staff, { by: 'rhythm' }));
      if (round) opened++;
    } catch (err) {
      failures.push(err);
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(failures, `${failures.length} barometer round(s) could not be opened; ${opened} opened`);
  }
  return opened;
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
