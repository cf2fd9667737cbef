import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/client.ts';
import type { JobDefinition } from './platform/jobs/jobs.ts';
import type { Mailer } from './platform/mail/mailer.ts';
import { sendConversationReminders } from './modules/conversations/index.ts';
import { closeExpiredRounds } from './modules/feedback/index.ts';
import { applyRetention } from './modules/retention/index.ts';
import {
  BAROMETER_AUTO_OPEN_CRON,
  closeExpiredBarometerRounds,
  openDueBarometerRounds,
  sendBarometerReminders,
} from './modules/barometer/index.ts';

/** The recurring work of the app; pg-boss runs each once per schedule across all app processes. */
export function jobDefinitions(deps: { database: Database; config: Config; mailer: Mailer }): JobDefinition[] {
  const { db } = deps.database;
  return [
    // Reminders go out in the morning, before the school day starts.
    {
      name: 'conversation-reminders',
      cron: '0 7 * * *',
      run: (now) => sendConversationReminders(db, deps.mailer, deps.config, now),
    },
    // A round whose closing date passed closes just after midnight, so its results are there in the morning.
    { name: 'feedback-close-expired', cron: '5 0 * * *', run: (now) => closeExpiredRounds(db, now) },
    // A barometer closes after its last day, like a feedback round; the one reminder goes out in the morning.
    { name: 'barometer-close-expired', cron: '10 0 * * *', run: (now) => closeExpiredBarometerRounds(db, now) },
    // Teams with automatic opening get their next round at 06:45, after the night's closing, before the reminders.
    {
      name: 'barometer-auto-open',
      cron: BAROMETER_AUTO_OPEN_CRON,
      run: (now) => openDueBarometerRounds(db, deps.mailer, deps.config, now),
    },
    {
      name: 'barometer-reminders',
      cron: '15 7 * * *',
      run: (now) => sendBarometerReminders(db, deps.mailer, deps.config, now),
    },
    { name: 'retention', cron: '30 3 * * *', run: (now) => applyRetention(db, now) },
  ];
}
