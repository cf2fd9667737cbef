import { Alert, Anchor, Button, Group, List, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRoute, IconSettings, IconWand, IconListCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { FormError, PageLoader, QueryError } from '../../ui/query-state.tsx';
import { CoverageCard, UpcomingNote, upcomingKinds } from './coverage-card.tsx';
import { useApplyDefaults, useCoverage, useCycleSchools } from './queries.ts';

function DefaultsButton({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation('cycle');
  const apply = useApplyDefaults(schoolId);
  return (
    <Stack gap="xs" align="center">
      <Button
        leftSection={<IconWand size={18} aria-hidden />}
        loading={apply.isPending}
        onClick={() => apply.mutate(undefined)}
      >
        {t('defaults.apply')}
      </Button>
      <FormError error={apply.error} />
    </Stack>
  );
}

export default function SchoolPage() {
  const { t } = useTranslation('cycle');
  const [params, setParams] = useSearchParams();
  const schools = useCycleSchools();
  const schoolId = params.get('school') ?? schools.data?.[0]?.id ?? null;
  const yearId = params.get('jaar');
  const coverage = useCoverage(schoolId, yearId);
  const school = schools.data?.find((s) => s.id === schoolId);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'school') next.delete('jaar');
    setParams(next, { replace: true });
  };
  const configureLink = schoolId ? `/school/gesprekscyclus?school=${schoolId}` : '/school/gesprekscyclus';
  const data = coverage.data;
  const upcoming = data ? upcomingKinds(data) : new Map<string, never>();

  return (
    <Page
      title={t('school.title')}
      description={t('school.intro')}
      actions={
        school ? (
          <Group gap="xs">
            <Button
              component={Link}
              to={configureLink}
              variant="default"
              leftSection={<IconSettings size={18} aria-hidden />}
            >
              {school.abilities.edit ? t('school.configure') : t('school.viewConfig')}
            </Button>
            <Button
              component={Link}
              to="/school/vragenlijsten"
              variant="default"
              leftSection={<IconListCheck size={18} aria-hidden />}
            >
              {t('school.questionnaires')}
            </Button>
          </Group>
        ) : null
      }
    >
      {schools.isPending ? <PageLoader /> : null}
      {schools.isError ? <QueryError error={schools.error} onRetry={() => void schools.refetch()} /> : null}
      {schools.data && schools.data.length === 0 ? (
        <Empty
          icon={<IconRoute size={28} aria-hidden />}
          title={t('school.noSchoolsTitle')}
          description={t('school.noSchools')}
        />
      ) : null}
      {schools.data && schools.data.length > 0 ? (
        <Group gap="md" align="flex-end" wrap="wrap">
          {schools.data.length > 1 ? (
            <Select
              label={t('school.school')}
              data={schools.data.map((s) => ({ value: s.id, label: s.name }))}
              value={schoolId}
              onChange={(v) => setParam('school', v)}
              allowDeselect={false}
              w={{ base: '100%', sm: 280 }}
            />
          ) : null}
          {data && data.years.length > 0 ? (
            <Select
              label={t('school.year')}
              data={data.years.map((y) => ({ value: y.id, label: y.name }))}
              value={yearId ?? data.schoolYear?.id ?? null}
              onChange={(v) => setParam('jaar', v)}
              allowDeselect={false}
              w={{ base: '100%', sm: 200 }}
            />
          ) : null}
        </Group>
      ) : null}
      {coverage.isError ? <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} /> : null}
      {schoolId && coverage.isPending ? <PageLoader /> : null}
      {data && !data.configured ? (
        <Empty
          icon={<IconRoute size={28} aria-hidden />}
          title={t('school.unconfiguredTitle')}
          description={t('school.unconfigured')}
          action={
            data.abilities.applyDefaults ? (
              <Stack gap="xs" align="center">
                <DefaultsButton schoolId={data.school.id} />
                <Anchor component={Link} to={configureLink} size="sm">
                  {t('school.configureOwn')}
                </Anchor>
              </Stack>
            ) : undefined
          }
        >
          <Text size="sm" c="dimmed" maw={560}>
            {data.abilities.edit ? t('defaults.explain') : t('school.askLeader')}
          </Text>
        </Empty>
      ) : null}
      {data && data.withoutManager.length > 0 ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('school.withoutManagerTitle', { count: data.withoutManager.length })}
        >
          <Stack gap="xs">
            <Text size="sm">{t('school.withoutManager')}</Text>
            <List size="sm" spacing={4}>
              {data.withoutManager.map((p) => (
                <List.Item key={p.id}>
                  {p.href ? (
                    <Anchor component={Link} to={p.href}>
                      {p.displayName}
                    </Anchor>
                  ) : (
                    p.displayName
                  )}
                  {p.teamNames.length > 0 ? ` (${p.teamNames.join(', ')})` : ''}
                </List.Item>
              ))}
            </List>
          </Stack>
        </Alert>
      ) : null}
      {data && data.configured && !data.schoolYear ? (
        <Alert color="blue" variant="light" title={t('school.noYearTitle')}>
          <Text size="sm">{t('school.noYear')}</Text>
          <Anchor component={Link} to={configureLink} size="sm">
            {t('school.configure')}
          </Anchor>
        </Alert>
      ) : null}
      {data && data.configured && data.schoolYear && data.total.length === 0 ? (
        <Alert color="blue" variant="light" title={t('school.nobodyTitle')}>
          <Text size="sm">{t('school.nobody')}</Text>
        </Alert>
      ) : null}
      {data && data.total.length > 0 ? (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('school.privacy')}
          </Text>
          <UpcomingNote upcoming={[...upcoming.values()]} />
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
            <CoverageCard
              title={t('school.wholeSchool', { name: data.school.name })}
              cells={data.total}
              kinds={data.kinds}
              upcoming={upcoming}
            />
            {data.teams.map((team) => (
              <CoverageCard
                key={team.id ?? 'none'}
                title={team.name || t('school.noTeam')}
                cells={team.cells}
                kinds={data.kinds}
                upcoming={upcoming}
              />
            ))}
          </SimpleGrid>
        </Stack>
      ) : null}
    </Page>
  );
}
