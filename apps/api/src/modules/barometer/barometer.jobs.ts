import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { addDays, schoolDay } from '../../platform/time.ts';
import { reminderMail } from './barometer.mails.ts';
import * as repo from './barometer.repository.ts';
import { fillLink } from './rounds.service.ts';

/** A round closing within this many days sends its one reminder. */
export const REMINDER_DAYS_BEFORE = 2;

/**
 * One reminder per person and round, shortly before the round closes, only to those who did not answer: the
 * participation row says who, and remembers that the reminder went out. Returns how many were sent.
 */
export async function sendBarometerReminders(db: Db, mailer: Mailer, config: Config, now: Date): Promise<number> {
  const today = schoolDay(now);
  const rows = await repo.findReminderCandidates(db, addDays(today, REMINDER_DAYS_BEFORE), today);
  let sent = 0;
  for (const row of rows) {
    await db.transaction(async (tx) => {
      const mail = reminderMail({
        firstName: row.firstName,
        teamName: row.teamName,
        closesOn: row.closesOn,
        link: fillLink({ config }, row.roundId),
        minGroupSize: row.minGroupSize,
      });
      await mailer.send(tx, { boardId: row.boardId, to: row.email, ...mail });
      await repo.markReminded(tx, row.roundId, row.personId, now);
    });
    sent++;
  }
  return sent;
}
