import { z } from 'zod';
import { Id, PageQuery, pageOf } from './common.ts';

/**
 * Every action the API writes to the audit log. The audit tables show each with a Dutch and an English label
 * (apps/web/src/locales/{nl,en}/audit.json), and a unit test (apps/api/src/platform/audit/audit-actions.test.ts)
 * fails when the API writes an action that is missing here or has no label. Entries stay in the log for years,
 * so an action that is no longer written keeps its place and its label.
 */
export const AUDIT_ACTIONS = [
  // Signing in and accounts
  'auth.login',
  'auth.login_failed',
  'auth.login_refused',
  'auth.locked',
  'auth.logout_everywhere',
  'auth.reset_requested',
  'auth.password_reset',
  'auth.invited',
  'auth.invite_accepted',
  'sso.configured',
  'sso.login_failed',
  // People, roles and the organisation
  'person.created',
  'person.updated',
  'person.deactivated',
  'person.reactivated',
  'person.imported',
  'person.import_updated',
  'import.committed',
  'role.granted',
  'role.revoked',
  'managers.changed',
  'board.created',
  'board.seeded',
  'school.created',
  'school.updated',
  'team.created',
  'team.updated',
  // A school's conversation cycle
  'cycle.settings_changed',
  'cycle.defaults_applied',
  'cycle.year_created',
  'cycle.year_updated',
  'cycle.year_deleted',
  'cycle.kind_created',
  'cycle.kind_updated',
  'cycle.kind_deactivated',
  'cycle.kind_deleted',
  'cycle.rule_created',
  'cycle.rule_updated',
  'cycle.rule_deleted',
  'cycle.form_created',
  'cycle.form_updated',
  'cycle.form_deactivated',
  'cycle.form_deleted',
  // Conversations: reads of another person's conversation, HR access
  'conversation.read',
  'conversation.list_read',
  'conversation.report_pdf',
  'conversation.evidence_file_read',
  'conversation.hr_access',
  'conversation.access_revoked',
  // Development plan: a manager's reads and changes
  'development.read',
  'development.checkin_added',
  'development.action_added',
  'development.action_updated',
  // 360° feedback
  'feedback.read',
  'feedback.questionnaire.created',
  'feedback.questionnaire.published',
  'feedback.questionnaire.archived',
  'feedback.round.created',
  'feedback.round.shared',
  'feedback.round.unshared',
  'feedback.round.attached',
  'feedback.round.detached',
  'feedback.round.closed',
  // Team barometer
  'barometer.round.opened',
  'barometer.round.closed',
  'barometer.round.shared',
  'barometer.round.unshared',
  'barometer.settings.updated',
  'barometer.shared.read',
  // Visits (werkbezoek / lesbezoek)
  'visit.read',
  // The 8-week programme
  'programme.stopped',
  // Personal data
  'personal_data.exported',
  'retention.deleted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  subjectName: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = pageOf(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;
export const AuditQuery = PageQuery.extend({ personId: Id.optional() }).strict();

export const OutboxMessage = z.object({
  id: Id,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(['stored', 'sent', 'failed']),
  /** Names and types only; the content stays on the server. */
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string() })),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
export const OutboxPage = pageOf(OutboxMessage);
export type OutboxPage = z.infer<typeof OutboxPage>;
