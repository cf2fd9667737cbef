import type { HomeTask } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { schoolDay } from '../../platform/time.ts';
import { TEAM_STAFF_ROLES } from './barometer.policy.ts';
import * as repo from './barometer.repository.ts';
import { dueDay } from './barometer.rules.ts';
import { DEFAULT_TEAM_SETTINGS } from './team.service.ts';

/**
 * Home tasks: "Vul de barometer in" for every open round the person was asked for and did not answer; and "Start
 * de barometer" for each team of theirs that may start a round (its staff, as barometer.policy says) when the team
 * opens rounds by hand, has had one before, has none open and its rhythm says the next is due. A team that never
 * used the barometer is not asked to.
 */
export async function findBarometerTasks(db: Db, actor: Actor, now: Date): Promise<HomeTask[]> {
  const today = schoolDay(now);
  const myTeams = [
    ...new Set(actor.memberships.flatMap((m) => (m.teamId && TEAM_STAFF_ROLES.includes(m.role) ? [m.teamId] : []))),
  ];
  const [pending, manual] = await Promise.all([
    repo.findPendingFor(db, actor.boardId, actor.personId, today),
    repo.findManualTeamsWithoutOpenRound(db, actor.boardId, myTeams, DEFAULT_TEAM_SETTINGS.intervalWeeks),
  ]);
  const fill = pending.map((p): HomeTask => ({
    key: `barometer-${p.roundId}`,
    kind: 'fill_barometer',
    params: { team: p.teamName },
    dueOn: p.closesOn,
    href: `/barometer/invullen/${p.roundId}`,
  }));
  const start = manual.flatMap((t): HomeTask[] => {
    const due = dueDay(t.lastOpenedOn, t.intervalWeeks);
    if (due === null || due > today) return [];
    return [
      {
        key: `barometer-start-${t.teamId}`,
        kind: 'start_barometer',
        params: { team: t.teamName, weeks: String(t.intervalWeeks) },
        dueOn: due,
        href: `/team/${t.teamId}/barometer`,
      },
    ];
  });
  return [...fill, ...start];
}

export type BarometerExport = {
  about: string;
  rounds: { team: string; opensOn: string; closesOn: string; status: string; answered: boolean; reminded: boolean }[];
};

/**
 * For the person's own data export: the rounds they were asked for and whether they answered. Not the answers:
 * those are stored without any link to a person, so nobody (the person included) can find them back.
 */
export async function exportBarometer(db: Db, boardId: string, personId: string): Promise<BarometerExport> {
  const rows = await repo.findParticipationOf(db, boardId, personId);
  return {
    about:
      'De barometer bewaart alleen of je bent gevraagd en of je hebt ingevuld. Je antwoorden zijn zonder je naam opgeslagen en zijn niet aan jou te koppelen, ook niet voor deze export.',
    rounds: rows.map((r) => ({
      team: r.teamName,
      opensOn: r.opensOn,
      closesOn: r.closesOn,
      status: r.status,
      answered: r.answered,
      reminded: r.remindedAt !== null,
    })),
  };
}
