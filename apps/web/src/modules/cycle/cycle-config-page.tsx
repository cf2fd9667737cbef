import { Anchor, Button, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { IconArrowLeft, IconRoute, IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { FormError, PageLoader, QueryError } from '../../ui/query-state.tsx';
import { FormsSection } from './forms-section.tsx';
import { KindsSection } from './kinds-section.tsx';
import { useApplyDefaults, useCycleConfig, useCycleSchools } from './queries.ts';
import { SettingsSection } from './settings-section.tsx';
import { YearsSection } from './years-section.tsx';

const TABS = ['soorten', 'jaren', 'formulieren', 'privacy'] as const;
type Tab = (typeof TABS)[number];

export default function CycleConfigPage() {
  const { t } = useTranslation('cycle');
  const [params, setParams] = useSearchParams();
  const schools = useCycleSchools();
  const schoolId = params.get('school') ?? schools.data?.[0]?.id ?? null;
  const config = useCycleConfig(schoolId);
  const apply = useApplyDefaults(schoolId ?? '');
  const tabParam = params.get('tab');
  const tab: Tab = TABS.includes(tabParam as Tab) ? (tabParam as Tab) : 'soorten';
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const data = config.data;

  return (
    <Page
      title={data ? t('config.titleFor', { name: data.school.name }) : t('config.title')}
      description={t('config.intro')}
      actions={
        <Anchor component={Link} to={schoolId ? `/school?school=${schoolId}` : '/school'} size="sm">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={16} aria-hidden />
            {t('config.back')}
          </Group>
        </Anchor>
      }
    >
      {schools.isPending || (schoolId && config.isPending) ? <PageLoader /> : null}
      {schools.isError ? <QueryError error={schools.error} onRetry={() => void schools.refetch()} /> : null}
      {config.isError ? <QueryError error={config.error} onRetry={() => void config.refetch()} /> : null}
      {schools.data && schools.data.length > 1 ? (
        <Select
          label={t('school.school')}
          data={schools.data.map((s) => ({ value: s.id, label: s.name }))}
          value={schoolId}
          onChange={(v) => setParam('school', v)}
          allowDeselect={false}
          w={{ base: '100%', sm: 280 }}
        />
      ) : null}
      {data && data.kinds.length === 0 ? (
        <Empty
          icon={<IconRoute size={28} aria-hidden />}
          title={t('school.unconfiguredTitle')}
          description={t('school.unconfigured')}
          action={
            data.abilities.applyDefaults ? (
              <Button
                leftSection={<IconWand size={18} aria-hidden />}
                loading={apply.isPending}
                onClick={() => apply.mutate(undefined)}
              >
                {t('defaults.apply')}
              </Button>
            ) : undefined
          }
        >
          <Stack gap="xs" align="center">
            <Text size="sm" c="dimmed" maw={560}>
              {data.abilities.edit ? t('defaults.explain') : t('school.askLeader')}
            </Text>
            <FormError error={apply.error} />
          </Stack>
        </Empty>
      ) : null}
      {data ? (
        <Tabs value={tab} onChange={(v) => setParam('tab', v === 'soorten' ? null : v)} keepMounted={false}>
          <Tabs.List>
            {TABS.map((key) => (
              <Tabs.Tab key={key} value={key}>
                {t(`config.tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="soorten" pt="md">
            <KindsSection config={data} />
          </Tabs.Panel>
          <Tabs.Panel value="jaren" pt="md">
            <YearsSection config={data} />
          </Tabs.Panel>
          <Tabs.Panel value="formulieren" pt="md">
            <FormsSection config={data} />
          </Tabs.Panel>
          <Tabs.Panel value="privacy" pt="md">
            <SettingsSection config={data} />
          </Tabs.Panel>
        </Tabs>
      ) : null}
    </Page>
  );
}
