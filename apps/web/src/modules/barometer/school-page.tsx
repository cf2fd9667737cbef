import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconGauge, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SchoolBarometerStart } from '@groeipad/contracts';
import { useMe } from '../../app/auth.tsx';
import { AppModal } from '../../ui/app-modal.tsx';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { formatDay } from './labels.ts';
import { useBarometerResults, useSchoolBarometer, useStartSchoolRounds } from './queries.ts';
import { ResultsView } from './results-view.tsx';

const LEADER_ROLES = ['schoolleider', 'mt_lid'];

function SharedResult({ roundId, teamName, onClose }: { roundId: string; teamName: string; onClose: () => void }) {
  const { t } = useTranslation('barometer');
  const results = useBarometerResults(roundId);
  return (
    <AppModal opened onClose={onClose} title={t('school.sharedResult', { team: teamName })} size="xl">
      {results.isPending ? <PageLoader /> : null}
      {results.isError ? <QueryError error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.data ? <ResultsView results={results.data} /> : null}
    </AppModal>
  );
}

function StartAll({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation('barometer');
  const start = useStartSchoolRounds(schoolId);
  const [days, setDays] = useState('7');
  const [confirm, setConfirm] = useState(false);
  const [outcome, setOutcome] = useState<SchoolBarometerStart | null>(null);
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('start.days')}
          value={days}
          onChange={(e) => setDays(e.currentTarget.value)}
          data={[5, 7, 10, 14].map((d) => ({ value: String(d), label: t('start.daysValue', { count: d }) }))}
        />
        <Button leftSection={<IconPlayerPlay size={18} aria-hidden />} onClick={() => setConfirm(true)}>
          {t('school.start')}
        </Button>
      </Group>
      {outcome ? (
        <Alert variant="light" color="groei" icon={<IconCheck aria-hidden />} role="status">
          {t('school.started', { count: outcome.started.length })}{' '}
          {outcome.skipped.length > 0
            ? t('school.skipped', { teams: outcome.skipped.map((s) => s.teamName).join(', ') })
            : null}
        </Alert>
      ) : null}
      <ConfirmModal
        opened={confirm}
        title={t('school.startTitle')}
        confirmLabel={t('school.startConfirm')}
        loading={start.isPending}
        error={start.error}
        onClose={() => {
          setConfirm(false);
          start.reset();
        }}
        onConfirm={() =>
          start.mutate(
            { closesInDays: Number(days) },
            {
              onSuccess: (result) => {
                setOutcome(result);
                setConfirm(false);
              },
            },
          )
        }
      >
        {t('school.startText', { days })}
      </ConfirmModal>
    </Stack>
  );
}

/**
 * The school leader's barometer: start rounds for all teams at once, see which teams run one, and open only the
 * outcomes a team shared. No counts, no comparison between teams.
 */
export default function SchoolBarometerPage() {
  const { t } = useTranslation('barometer');
  const me = useMe();
  const schools = [
    ...new Map(
      me.memberships
        .filter((m) => LEADER_ROLES.includes(m.role) && m.schoolId)
        .map((m) => [m.schoolId!, { id: m.schoolId!, name: m.schoolName ?? '' }]),
    ).values(),
  ];
  const [chosen, setChosen] = useState<string | null>(null);
  const schoolId = chosen ?? schools[0]?.id ?? null;
  const query = useSchoolBarometer(schoolId);
  const [viewing, setViewing] = useState<{ roundId: string; teamName: string } | null>(null);

  return (
    <Page title={t('school.title')} description={t('school.intro')}>
      {schools.length === 0 ? (
        <Empty
          icon={<IconGauge size={28} aria-hidden />}
          title={t('school.title')}
          description={t('school.noSchools')}
        />
      ) : null}
      {schools.length > 1 ? (
        <NativeSelect
          label={t('school.school')}
          value={schoolId ?? ''}
          onChange={(e) => setChosen(e.currentTarget.value)}
          data={schools.map((s) => ({ value: s.id, label: s.name }))}
          maw={360}
        />
      ) : null}
      {query.isPending && schoolId ? <PageLoader /> : null}
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <>
          {query.data.abilities.start ? (
            <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
              <StartAll schoolId={query.data.school.id} />
            </Card>
          ) : null}
          <ScrollRegion label={t('school.title')}>
            <Table withTableBorder striped miw={520}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('school.team')}</Table.Th>
                  <Table.Th scope="col">{t('school.status')}</Table.Th>
                  <Table.Th scope="col">{t('school.sharedRounds')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.teams.map((team) => (
                  <Table.Tr key={team.id}>
                    <Table.Th scope="row" fw={600}>
                      {team.name}
                    </Table.Th>
                    <Table.Td>
                      {team.openRound
                        ? t('school.running', { date: formatDay(team.openRound.closesOn) })
                        : team.hasMembers
                          ? t('school.idle')
                          : t('school.noMembers')}
                    </Table.Td>
                    <Table.Td>
                      {team.sharedRounds.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t('school.noShared')}
                        </Text>
                      ) : (
                        <Stack gap={2}>
                          {team.sharedRounds.map((r) => (
                            <Anchor
                              key={r.id}
                              component="button"
                              type="button"
                              size="sm"
                              ta="left"
                              onClick={() => setViewing({ roundId: r.id, teamName: team.name })}
                            >
                              {t('school.sharedRound', { date: formatDay(r.closesOn) })}
                            </Anchor>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </>
      ) : null}
      {viewing ? (
        <SharedResult roundId={viewing.roundId} teamName={viewing.teamName} onClose={() => setViewing(null)} />
      ) : null}
    </Page>
  );
}
