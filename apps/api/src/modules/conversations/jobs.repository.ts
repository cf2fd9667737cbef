import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
// Other modules' tables straight from their schema files (allowed for *.schema.ts): their index.ts files
// import this module, and going through them would make a cycle that breaks start-up order.
import * as cycleTables from '../cycle/cycle.schema.ts';
import { employeeCols, employeeP, managerCols, managerP } from './conversations.repository.ts';
import { conversationEvents, conversationReports, conversations } from './conversations.schema.ts';

// The queries of the home tasks, the daily reminders (across boards) and the personal export.

const { conversationKinds, schoolSettings } = cycleTables;

/** Open conversations where the person is employee or manager, for the home tasks. */
export async function findOpenFor(db: Db, boardId: string, personId: string) {
  return db
    .select({ c: conversations, kindName: conversationKinds.name, employee: employeeCols, manager: managerCols })
    .from(conversations)
    .innerJoin(conversationKinds, eq(conversationKinds.id, conversations.kindId))
    .innerJoin(employeeP, eq(employeeP.id, conversations.employeeId))
    .innerJoin(managerP, eq(managerP.id, conversations.managerId))
    .where(
      and(
        eq(conversations.boardId, boardId),
        or(eq(conversations.employeeId, personId), eq(conversations.managerId, personId)),
        inArray(conversations.state, ['planned', 'preparing', 'held', 'report_draft']),
      ),
    );
}

/** Conversations of every board whose preparation reminder may be due. */
export async function findPrepReminderCandidates(db: Db) {
  return db
    .select({
      c: conversations,
      kindName: conversationKinds.name,
      employee: employeeCols,
      manager: managerCols,
      reminderDays: schoolSettings.reminderDays,
    })
    .from(conversations)
    .innerJoin(conversationKinds, eq(conversationKinds.id, conversations.kindId))
    .innerJoin(employeeP, eq(employeeP.id, conversations.employeeId))
    .innerJoin(managerP, eq(managerP.id, conversations.managerId))
    .leftJoin(schoolSettings, eq(schoolSettings.schoolId, conversations.schoolId))
    .where(
      and(
        inArray(conversations.state, ['planned', 'preparing']),
        isNull(conversations.prepReminderSentAt),
        isNull(conversations.preparationSharedAt),
        sql`${conversations.preparationDueOn} is not null`,
      ),
    );
}

/** Conversations in report_draft whose current report one side signed and the other not. */
export async function findSignReminderCandidates(db: Db, signedBefore: Date) {
  return db
    .select({
      c: conversations,
      r: conversationReports,
      kindName: conversationKinds.name,
      employee: employeeCols,
      manager: managerCols,
    })
    .from(conversations)
    .innerJoin(conversationKinds, eq(conversationKinds.id, conversations.kindId))
    .innerJoin(employeeP, eq(employeeP.id, conversations.employeeId))
    .innerJoin(managerP, eq(managerP.id, conversations.managerId))
    .innerJoin(conversationReports, eq(conversationReports.conversationId, conversations.id))
    .where(
      and(
        eq(conversations.state, 'report_draft'),
        isNull(conversationReports.lockedAt),
        or(
          and(isNull(conversationReports.employeeSignedAt), lte(conversationReports.managerSignedAt, signedBefore)),
          and(isNull(conversationReports.managerSignedAt), lte(conversationReports.employeeSignedAt, signedBefore)),
        ),
        or(
          isNull(conversations.signReminderSentAt),
          lt(
            conversations.signReminderSentAt,
            sql`coalesce(${conversationReports.employeeSignedAt}, ${conversationReports.managerSignedAt})`,
          ),
        ),
      ),
    );
}

/** Marks a reminder as sent (no version bump: it is no content change). */
export async function markReminder(db: Db, id: string, column: 'prep' | 'sign', at: Date) {
  await db
    .update(conversations)
    .set(column === 'prep' ? { prepReminderSentAt: at } : { signReminderSentAt: at })
    .where(eq(conversations.id, id));
}

export async function findEventsOf(db: Db, boardId: string, conversationIds: string[]) {
  if (conversationIds.length === 0) return [];
  return db
    .select()
    .from(conversationEvents)
    .where(and(eq(conversationEvents.boardId, boardId), inArray(conversationEvents.conversationId, conversationIds)))
    .orderBy(asc(conversationEvents.createdAt));
}
