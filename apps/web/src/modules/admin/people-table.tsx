import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PersonSummary } from '@groeipad/contracts';
import { roleLabel } from '../../ui/roles.ts';

export function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation('admin');
  return active ? (
    <Badge variant="light" color="groei" tt="none" leftSection={<IconCircleCheck size={14} aria-hidden />}>
      {t('status.active')}
    </Badge>
  ) : (
    <Badge variant="light" color="gray" tt="none" leftSection={<IconCircleMinus size={14} aria-hidden />}>
      {t('status.inactive')}
    </Badge>
  );
}

/** The staff list: the name is a link (keyboard), the whole row is clickable (mouse). */
export function PeopleTable({ people }: { people: PersonSummary[] }) {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  return (
    <Table highlightOnHover verticalSpacing="sm" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={{ base: '70%', sm: '28%' }}>
            {t('people.columns.name')}
          </Table.Th>
          <Table.Th scope="col" visibleFrom="sm">
            {t('people.columns.jobTitle')}
          </Table.Th>
          <Table.Th scope="col" visibleFrom="md">
            {t('people.columns.schools')}
          </Table.Th>
          <Table.Th scope="col" visibleFrom="lg">
            {t('people.columns.roles')}
          </Table.Th>
          <Table.Th scope="col" w={{ base: '30%', sm: 120 }}>
            {t('people.columns.status')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((p) => (
          <Table.Tr key={p.id} className="clickable-row" onClick={() => void navigate(`/beheer/medewerkers/${p.id}`)}>
            <Table.Td>
              <Anchor component={Link} to={`/beheer/medewerkers/${p.id}`} fw={600} onClick={(e) => e.stopPropagation()}>
                {p.displayName}
              </Anchor>
              <Text size="xs" c="dimmed" truncate="end">
                {p.email}
              </Text>
              <Text size="xs" c="dimmed" hiddenFrom="sm" truncate="end">
                {p.jobTitle ?? ''}
              </Text>
            </Table.Td>
            <Table.Td visibleFrom="sm">
              <Text size="sm">{p.jobTitle ?? '—'}</Text>
            </Table.Td>
            <Table.Td visibleFrom="md">
              <Text size="sm">{p.schools.length > 0 ? p.schools.join(', ') : t('people.boardWide')}</Text>
            </Table.Td>
            <Table.Td visibleFrom="lg">
              <Group gap={4}>
                {p.roles.map((r) => (
                  <Badge key={r} variant="outline" color="gray.8" tt="none" size="sm">
                    {roleLabel(r)}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>
              <StatusBadge active={p.active} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
