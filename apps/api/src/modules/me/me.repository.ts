import { alias } from 'drizzle-orm/pg-core';
import { and, count, desc, eq } from 'drizzle-orm';
import type { AuditPage, OutboxPage } from '@groeipad/contracts';
import type { Db } from '../../platform/db/client.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import { displayName, organisationTables } from '../organisation/index.ts';

const actor = alias(organisationTables.people, 'actor');
const subject = alias(organisationTables.people, 'subject');

export async function findAuditEntries(
  db: Db,
  f: { boardId: string; subjectPersonId?: string | undefined },
  page: number,
  pageSize: number,
): Promise<AuditPage> {
  const where = and(
    eq(auditLog.boardId, f.boardId),
    f.subjectPersonId ? eq(auditLog.subjectPersonId, f.subjectPersonId) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        details: auditLog.details,
        actorFirst: actor.firstName,
        actorInfix: actor.infix,
        actorLast: actor.lastName,
        subjectFirst: subject.firstName,
        subjectInfix: subject.infix,
        subjectLast: subject.lastName,
      })
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      .leftJoin(subject, eq(subject.id, auditLog.subjectPersonId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      action: r.action,
      actorName: r.actorFirst
        ? displayName({ firstName: r.actorFirst, infix: r.actorInfix, lastName: r.actorLast ?? '' })
        : null,
      subjectName: r.subjectFirst
        ? displayName({ firstName: r.subjectFirst, infix: r.subjectInfix, lastName: r.subjectLast ?? '' })
        : null,
      targetType: r.targetType,
      targetId: r.targetId,
      details: r.details,
    })),
    total: totals[0]?.total ?? 0,
    page,
    pageSize,
  };
}

export async function findOutbox(db: Db, boardId: string, page: number, pageSize: number): Promise<OutboxPage> {
  const where = eq(mailOutbox.boardId, boardId);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(mailOutbox)
      .where(where)
      .orderBy(desc(mailOutbox.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(mailOutbox).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      to: r.toAddress,
      subject: r.subject,
      text: r.text,
      status: r.status as 'stored' | 'sent' | 'failed',
      attachments: r.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType })),
      createdAt: r.createdAt.toISOString(),
    })),
    total: totals[0]?.total ?? 0,
    page,
    pageSize,
  };
}

/** The person's work phone number, shown to their team on the team board; null when none is set. */
export async function findPhoneOf(db: Db, boardId: string, personId: string): Promise<string | null> {
  const [row] = await db
    .select({ phone: organisationTables.people.phone })
    .from(organisationTables.people)
    .where(and(eq(organisationTables.people.boardId, boardId), eq(organisationTables.people.id, personId)));
  return row?.phone ?? null;
}
