import type { HomeTask } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { schoolDay } from '../../platform/time.ts';
import * as repo from './barometer.repository.ts';

/** Home tasks: "Vul de barometer in" for every open round the person was asked for and did not answer. */
export async function findBarometerTasks(db: Db, actor: Actor, now: Date): Promise<HomeTask[]> {
  const pending = await repo.findPendingFor(db, actor.boardId, actor.personId, schoolDay(now));
  return pending.map((p) => ({
    key: `barometer-${p.roundId}`,
    kind: 'fill_barometer',
    params: { team: p.teamName },
    dueOn: p.closesOn,
    href: `/barometer/invullen/${p.roundId}`,
  }));
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
