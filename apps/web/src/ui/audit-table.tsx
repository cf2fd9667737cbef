import { Card, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import i18n from '../app/i18n.ts';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, Role } from '@groeipad/contracts';
import { ALL_ROLES, roleLabel } from './roles.ts';
import { formatDateTime } from './format.ts';

const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.logout_everywhere',
  'auth.reset_requested',
  'auth.password_reset',
  'auth.invited',
  'auth.invite_accepted',
  'person.created',
  'person.updated',
  'person.deactivated',
  'person.reactivated',
  'role.granted',
  'role.revoked',
  'managers.changed',
  'school.created',
  'school.updated',
  'team.created',
  'team.updated',
  'board.seeded',
  'import.committed',
  'sso.configured',
] as const;
type KnownAction = (typeof KNOWN_ACTIONS)[number];

const PERSON_FIELDS = ['firstName', 'infix', 'lastName', 'email', 'employeeNumber', 'jobTitle', 'active'] as const;
type PersonField = (typeof PERSON_FIELDS)[number];

/** The Dutch (or English) label of an audit action; unknown codes are shown as they are. */
export function actionLabel(action: string): string {
  return (KNOWN_ACTIONS as readonly string[]).includes(action)
    ? i18n.t(`actions.${action as KnownAction}`, { ns: 'audit' })
    : action;
}

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
