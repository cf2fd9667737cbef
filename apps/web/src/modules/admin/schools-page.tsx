import { useState } from 'react';
import { Accordion, ActionIcon, Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconBuildingCommunity, IconPencil, IconPlus, IconSchool, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { School, Team } from '@groeipad/contracts';
import { useAbilities } from '../../app/nav.tsx';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { schoolKindLabel, teamKindLabel } from '../../ui/roles.ts';
import { useSchools, useTeams } from './queries.ts';
import { SchoolFormModal, TeamFormModal } from './structure-forms.tsx';

type Editing = { kind: 'school'; school?: School } | { kind: 'team'; school: School; team?: Team } | null;

function TeamsTable({ teams, canManage, onEdit }: { teams: Team[]; canManage: boolean; onEdit: (team: Team) => void }) {
  const { t } = useTranslation('admin');
  return (
    <Table verticalSpacing="xs" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('teams.name')}</Table.Th>
          <Table.Th scope="col">{t('teams.kind')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('teams.members')}
          </Table.Th>
          {canManage ? (
            <Table.Th scope="col" w={56}>
              <VisuallyHidden>{t('teams.actions')}</VisuallyHidden>
            </Table.Th>
          ) : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {teams.map((team) => (
          <Table.Tr key={team.id}>
            <Table.Td fw={600}>{team.name}</Table.Td>
            <Table.Td>{teamKindLabel(team.kind)}</Table.Td>
            <Table.Td ta="right">{team.memberCount}</Table.Td>
            {canManage ? (
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  onClick={() => onEdit(team)}
                  aria-label={t('teams.editLabel', { name: team.name })}
                >
                  <IconPencil size={18} aria-hidden />
                </ActionIcon>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export default function SchoolsPage() {
  const { t } = useTranslation('admin');
  const canManage = useAbilities().manageStructure;
  const schools = useSchools();
  const teams = useTeams();
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);

  const newSchool = canManage ? (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing({ kind: 'school' })}>
      {t('schools.new')}
    </Button>
  ) : null;

  return (
    <Page title={t('schools.title')} description={t('schools.intro')} actions={newSchool}>
      {schools.isPending ? <PageLoader /> : null}
      {schools.isError ? <QueryError error={schools.error} onRetry={() => void schools.refetch()} /> : null}
      {schools.data && schools.data.length === 0 ? (
        <Empty
          icon={<IconSchool size={28} aria-hidden />}
          title={t('schools.emptyTitle')}
          description={t('schools.empty')}
          action={newSchool}
        />
      ) : null}
      {schools.data && schools.data.length > 0 ? (
        <Accordion variant="separated" multiple radius="md" chevronPosition="left">
          {schools.data.map((school) => {
            const own = (teams.data ?? []).filter((team) => team.schoolId === school.id);
            return (
              <Accordion.Item key={school.id} value={school.id}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Group gap="xs" wrap="wrap">
                      <Text fw={700}>{school.name}</Text>
                      <Badge variant="light" color="groei" tt="none">
                        {schoolKindLabel(school.kind)}
                      </Badge>
                      {school.brin ? (
                        <Text size="sm" c="dimmed">
                          {t('schools.brinValue', { brin: school.brin })}
                        </Text>
                      ) : null}
                    </Group>
                    <Group gap="md">
                      <Group gap={4}>
                        <IconUsersGroup size={16} aria-hidden />
                        <Text size="sm">{t('schools.teamCount', { count: school.teamCount })}</Text>
                      </Group>
                      <Group gap={4}>
                        <IconBuildingCommunity size={16} aria-hidden />
                        <Text size="sm">{t('schools.peopleCount', { count: school.peopleCount })}</Text>
                      </Group>
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">
                    {canManage ? (
                      <Group gap="sm">
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconPencil size={16} aria-hidden />}
                          onClick={() => setEditing({ kind: 'school', school })}
                        >
                          {t('schools.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconPlus size={16} aria-hidden />}
                          onClick={() => setEditing({ kind: 'team', school })}
                        >
                          {t('teams.new')}
                        </Button>
                      </Group>
                    ) : null}
                    {teams.isError ? <QueryError error={teams.error} onRetry={() => void teams.refetch()} /> : null}
                    {own.length === 0 && teams.data ? (
                      <Text c="dimmed" size="sm">
                        {t('teams.empty')}
                      </Text>
                    ) : null}
                    {own.length > 0 ? (
                      <TeamsTable
                        teams={own}
                        canManage={canManage}
                        onEdit={(team) => setEditing({ kind: 'team', school, team })}
                      />
                    ) : null}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      ) : null}
      <SchoolFormModal
        opened={editing?.kind === 'school'}
        school={editing?.kind === 'school' ? editing.school : undefined}
        onClose={close}
      />
      <TeamFormModal
        opened={editing?.kind === 'team'}
        school={editing?.kind === 'team' ? editing.school : null}
        team={editing?.kind === 'team' ? editing.team : undefined}
        onClose={close}
      />
    </Page>
  );
}
