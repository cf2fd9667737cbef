import type { Db } from '../db/client.ts';
import { auditLog } from './audit.schema.ts';

export type AuditEvent = {
  boardId: string | null;
  actorId: string | null;
  /**
   * One of AUDIT_ACTIONS (@groeipad/contracts), which the audit tables label in Dutch and English; a new
   * action goes there too, with its labels (audit-actions.test.ts checks every action written here).
   */
  action: string;
  subjectPersonId?: string | null | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  details?: Record<string, unknown> | undefined;
};

/** Appends one entry to the audit log, in the caller's transaction when given one. */
export async function audit(db: Db, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    boardId: event.boardId,
    actorId: event.actorId,
    action: event.action,
    subjectPersonId: event.subjectPersonId ?? null,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    details: event.details ?? {},
  });
}
