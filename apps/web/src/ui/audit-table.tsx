import { Card, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import i18n from '../app/i18n.ts';
import { useTranslation } from 'react-i18next';
import { isAuditAction, type AuditEntry, type Role } from '@groeipad/contracts';
import { ALL_ROLES, roleLabel } from './roles.ts';
import { formatDateTime } from './format.ts';

const PERSON_FIELDS = ['firstName', 'infix', 'lastName', 'email', 'employeeNumber', 'jobTitle', 'active'] as const;
type PersonField = (typeof PERSON_FIELDS)[number];

/**
 * The Dutch (or English) label of an audit action (every action the API writes is in AUDIT_ACTIONS, with a
 * label in both languages); a code this version does not know yet reads "Andere gebeurtenis (code)".
 */
export function actionLabel(action: string): string {
  return isAuditAction(action)
    ? i18n.t(`actions.${action}`, { ns: 'audit' })
    : i18n.t('unknownAction', { ns: 'audit', action });
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const count = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A short, readable summary of the details the server recorded. */
function detailsText(entry: AuditEntry): string {
  const t = i18n.getFixedT(null, 'audit');
  const d = entry.details;
  if (typeof d.role === 'string' && (ALL_ROLES as readonly string[]).includes(d.role)) return roleLabel(d.role as Role);
  if (Array.isArray(d.fields)) {
    return d.fields
      .filter((f): f is PersonField => typeof f === 'string' && (PERSON_FIELDS as readonly string[]).includes(f))
      .map((f) => t(`fields.${f}`))
      .join(', ');
  }
  if (typeof d.sessions === 'number') return t('details.sessions', { count: d.sessions });
  if (typeof d.people === 'number') return t('details.people', { count: d.people });
  if (Array.isArray(d.managerIds)) return t('details.managers', { count: d.managerIds.length });
  // A downloaded file (of a conversation or of a development plan).
  if (text(d.name) && (entry.action === 'conversation.evidence_file_read' || d.view === 'evidence_file'))
    return t('details.file', { name: d.name as string });
  if (d.view === 'plan') return t('details.viewPlan');
  if (d.view === 'stale_goals') return t('details.viewStaleGoals');
  if (entry.action === 'conversation.report_pdf' && count(d.revision) !== null)
    return t('details.revision', { revision: d.revision as number });
  if (entry.action === 'auth.login_refused' && d.reason === 'sso_required') return t('details.ssoOnly');
  if ((entry.action === 'conversation.hr_access' || entry.action === 'conversation.access_revoked') && text(d.reason))
    return t('details.reason', { reason: d.reason as string });
  if (entry.action === 'barometer.round.opened' && count(d.invited) !== null)
    return t('details.invited', { count: d.invited as number });
  if (d.automatic === true) return t('details.automatic');
  if (entry.action === 'retention.deleted') {
    const parts = [
      count(d.conversations) ? t('details.conversations', { count: d.conversations as number }) : null,
      count(d.feedbackRounds) ? t('details.feedbackRounds', { count: d.feedbackRounds as number }) : null,
      count(d.barometerRounds) ? t('details.barometerRounds', { count: d.barometerRounds as number }) : null,
      count(d.visits) ? t('details.visits', { count: d.visits as number }) : null,
      d.developmentPlan === true ? t('details.developmentPlan') : null,
    ];
    return parts.filter(Boolean).join(', ');
  }
  return '';
}

/** Audit entries as a table on a wide screen and as small cards on a phone. */
export function AuditTable({ entries, showSubject }: { entries: AuditEntry[]; showSubject: boolean }) {
  const { t } = useTranslation('audit');
  const narrow = useMediaQuery('(max-width: 48em)');
  const actor = (e: AuditEntry) => e.actorName ?? t('system');
  if (narrow) {
    return (
      <Stack gap="xs">
        {entries.map((e) => (
          <Card key={e.id} withBorder radius="md" p="sm">
            <Text fw={600}>{actionLabel(e.action)}</Text>
            <Text size="sm" c="dimmed">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            </Text>
            <Text size="sm">
              {t('columns.actor')}: {actor(e)}
            </Text>
            {showSubject && e.subjectName ? (
              <Text size="sm">
                {t('columns.subject')}: {e.subjectName}
              </Text>
            ) : null}
            {detailsText(e) ? (
              <Text size="sm" c="dimmed">
                {detailsText(e)}
              </Text>
            ) : null}
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('columns.at')}</Table.Th>
            <Table.Th scope="col">{t('columns.action')}</Table.Th>
            <Table.Th scope="col">{t('columns.actor')}</Table.Th>
            {showSubject ? <Table.Th scope="col">{t('columns.subject')}</Table.Th> : null}
            <Table.Th scope="col">{t('columns.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </Table.Td>
              <Table.Td>{actionLabel(e.action)}</Table.Td>
              <Table.Td>{actor(e)}</Table.Td>
              {showSubject ? <Table.Td>{e.subjectName ?? '—'}</Table.Td> : null}
              <Table.Td>{detailsText(e)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
