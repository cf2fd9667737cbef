import type { HomeTask } from '@groeipad/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { displayName } from '../organisation/index.ts';
import { formatDay, sendPreparationReminder, sendSignReminder } from './conversations.mails.ts';
import { schoolDay } from '../../platform/time.ts';
import * as accessRepo from './access.repository.ts';
import * as repo from './conversations.repository.ts';
import * as jobsRepo from './jobs.repository.ts';
import * as lookups from './lookups.repository.ts';

const DAY = 24 * 3600_000;
const DEFAULT_REMINDER_DAYS = 3;
const SIGN_REMINDER_AFTER_DAYS = 2;

/** What the person has to do for their conversations now: prepare, write the report, sign it. */
export async function findConversationTasks(db: Db, actor: Actor, now: Date): Promise<HomeTask[]> {
  const rows = await jobsRepo.findOpenFor(db, actor.boardId, actor.personId);
  const ids = rows.map((r) => r.c.id);
  const reports = await repo.findReportsOf(db, actor.boardId, ids);
  const latest = new Map<string, (typeof reports)[number]>();
  for (const r of reports) latest.set(r.conversationId, r);
  const today = schoolDay(now);
  const tasks: HomeTask[] = [];
  for (const { c, kindName, employee, manager } of rows) {
    const href = `/gesprekken/${c.id}`;
    const day = schoolDay(c.scheduledAt);
    const report = latest.get(c.id);
    const isEmployee = c.employeeId === actor.personId;
    const other = displayName(isEmployee ? manager : employee);
    const params = { kind: kindName, name: other, date: day };
    if (isEmployee && (c.state === 'planned' || c.state === 'preparing') && !c.preparationSharedAt && day >= today) {
      tasks.push({
        key: `conversation:${c.id}:prepare`,
        kind: 'prepare_conversation',
        params,
        dueOn: c.preparationDueOn ?? day,
        href,
      });
    }
    if (!isEmployee && (c.state === 'held' || (c.state === 'report_draft' && report && !report.managerSignedAt))) {
      // The employee signed first: the manager only has to sign; otherwise the report still needs writing.
      const kind = report?.employeeSignedAt ? 'sign_report' : 'write_report';
      tasks.push({
        key: `conversation:${c.id}:${kind}`,
        kind,
        // The web app's text for the manager's side of signing (i18next context).
        params: kind === 'sign_report' ? { ...params, context: 'manager' } : params,
        dueOn: schoolDay(new Date(c.scheduledAt.getTime() + 7 * DAY)),
        href,
      });
    }
    if (isEmployee && c.state === 'report_draft' && report && !report.employeeSignedAt && report.managerSignedAt) {
      tasks.push({
        key: `conversation:${c.id}:sign`,
        kind: 'sign_report',
        params,
        dueOn: schoolDay(new Date(report.managerSignedAt.getTime() + 7 * DAY)),
        href,
      });
    }
  }
  return tasks.sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
}

/**
 * The daily reminders: prepare (the school's reminderDays before the preparation is due) and sign (when one
 * side signed two days ago and the other not). Each is sent once; returns how many mails went out.
 */
export async function sendConversationReminders(db: Db, mailer: Mailer, config: Config, now: Date): Promise<number> {
  let sent = 0;
  const today = schoolDay(now);
  for (const row of await jobsRepo.findPrepReminderCandidates(db)) {
    const due = row.c.preparationDueOn!;
    const days = row.reminderDays ?? DEFAULT_REMINDER_DAYS;
    const from = schoolDay(new Date(new Date(`${due}T12:00:00Z`).getTime() - days * DAY));
    if (today < from || today > due) continue;
    await db.transaction(async (tx) => {
      await sendPreparationReminder(tx, mailer, config, {
        boardId: row.c.boardId,
        conversationId: row.c.id,
        to: { name: displayName(row.employee), email: row.employee.email },
        managerName: displayName(row.manager),
        kindName: row.kindName,
        dueOn: due,
        start: row.c.scheduledAt,
      });
      await jobsRepo.markReminder(tx, row.c.id, 'prep', now);
    });
    sent++;
  }
  const signedBefore = new Date(now.getTime() - SIGN_REMINDER_AFTER_DAYS * DAY);
  const seen = new Set<string>();
  for (const row of await jobsRepo.findSignReminderCandidates(db, signedBefore)) {
    if (seen.has(row.c.id)) continue;
    seen.add(row.c.id);
    const reports = await repo.findReports(db, row.c.boardId, row.c.id);
    if (reports.at(-1)?.id !== row.r.id) continue;
    const employeeWaits = row.r.employeeSignedAt === null;
    const to = employeeWaits ? row.employee : row.manager;
    const other = employeeWaits ? row.manager : row.employee;
    await db.transaction(async (tx) => {
      await sendSignReminder(tx, mailer, config, {
        boardId: row.c.boardId,
        conversationId: row.c.id,
        to: { name: displayName(to), email: to.email },
        otherName: displayName(other),
        kindName: row.kindName,
      });
      await jobsRepo.markReminder(tx, row.c.id, 'sign', now);
    });
    sent++;
  }
  return sent;
}

/** Everything about the person's own conversations (as employee), for their data export. */
export async function exportConversations(db: Db, boardId: string, personId: string) {
  const rows = await repo.listConversations(db, { boardId, employeeIds: [personId] }, 1, 10_000);
  const ids = rows.rows.map((r) => r.c.id);
  const [reports, events, shares, forms] = await Promise.all([
    repo.findReportsOf(db, boardId, ids),
    jobsRepo.findEventsOf(db, boardId, ids),
    accessRepo.findSharesForExport(db, boardId, ids),
    lookups.findFormsOf(
      db,
      boardId,
      rows.rows.flatMap((r) => [r.c.reflectionFormId, r.c.questionFormId]).filter((x): x is string => x !== null),
    ),
  ]);
  return rows.rows.map(({ c, kindName, schoolName, manager }) => {
    const reflection = forms.find((f) => f.id === c.reflectionFormId);
    return {
      id: c.id,
      kind: kindName,
      school: schoolName,
      manager: displayName(manager),
      state: c.state,
      scheduledAt: c.scheduledAt.toISOString(),
      scheduledOn: formatDay(schoolDay(c.scheduledAt)),
      durationMinutes: c.durationMinutes,
      location: c.location,
      preparationDueOn: c.preparationDueOn,
      preparation: (reflection?.items ?? []).map((i) => ({ question: i.text, answer: c.preparation[i.id] ?? '' })),
      preparationSharedAt: c.preparationSharedAt?.toISOString() ?? null,
      cancelledReason: c.cancelledReason,
      reports: reports
        .filter((r) => r.conversationId === c.id)
        .map((r) => ({
          revision: r.revision,
          correctionReason: r.correctionReason,
          goingWell: r.goingWell,
          toDevelop: r.toDevelop,
          employeeNeeds: r.employeeNeeds,
          managerOffers: r.managerOffers,
          progressEvidence: r.progressEvidence,
          nextDate: r.nextDate,
          agreements: r.agreements,
          employeeView: r.employeeView,
          employeeDisagrees: r.employeeDisagrees,
          employeeSignedAt: r.employeeSignedAt?.toISOString() ?? null,
          managerSignedAt: r.managerSignedAt?.toISOString() ?? null,
          lockedAt: r.lockedAt?.toISOString() ?? null,
        })),
      sharedWith: shares
        .filter((s) => s.conversationId === c.id)
        .map((s) => ({ name: displayName(s), since: s.createdAt.toISOString() })),
      history: events
        .filter((e) => e.conversationId === c.id)
        .map((e) => ({
          type: e.type,
          fromState: e.fromState,
          toState: e.toState,
          reason: e.reason,
          at: e.createdAt.toISOString(),
        })),
    };
  });
}
