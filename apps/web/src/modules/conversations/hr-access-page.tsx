import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconLock, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { Page } from '../../ui/page.tsx';
import { FormError, PageLoader } from '../../ui/query-state.tsx';
import { formatMoment, Section, StateBadge } from './parts.tsx';
import { useEmployeeConversations, useGrantAccess, usePersonSearch } from './queries.ts';

function Access({ employeeId }: { employeeId: string }) {
  const { t } = useTranslation('conversations');
  const list = useEmployeeConversations(employeeId);
  const grant = useGrantAccess(employeeId);
  const [reason, setReason] = useState('');
  const errors = isApiError(grant.error) ? grant.error.fieldErrors() : {};
  if (list.isPending) return <PageLoader />;
  const noAccess = list.isError && isApiError(list.error, 'not_found');
  return (
    <Stack gap="lg">
      {noAccess && !grant.isSuccess ? (
        <Section id="hr-reason" title={t('hr.reasonTitle')} intro={t('hr.reasonIntro')}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              grant.mutate(reason, { onSuccess: () => setReason('') });
            }}
          >
            <Stack gap="sm">
              <Textarea
                label={t('hr.reason')}
                description={t('hr.reasonHelp')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={1000}
                required
                error={errors.reason}
              />
              <FormError error={Object.keys(errors).length ? null : grant.error} />
              <Group>
                <Button
                  type="submit"
                  loading={grant.isPending}
                  disabled={reason.trim().length < 10}
                  leftSection={<IconLock size={18} aria-hidden />}
                >
                  {t('hr.request')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Section>
      ) : null}
      {grant.data ? (
        <Alert color="teal" variant="light" icon={<IconShieldCheck aria-hidden />}>
          {t('hr.granted', { date: formatMoment(grant.data.expiresAt) })}
        </Alert>
      ) : null}
      {list.isSuccess ? (
        <Section id="hr-list" title={t('hr.listTitle')}>
          {list.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('hr.listEmpty')}
            </Text>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {list.data.items.map((c) => (
                <Card key={c.id} withBorder radius="sm" p="sm" component="li">
                  <Group justify="space-between" gap="xs">
                    <div>
                      <Anchor component={Link} to={`/gesprekken/${c.id}`} fw={600}>
                        {c.kindName} {t('list.withManager', { name: c.manager.displayName })}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {formatMoment(c.scheduledAt)} · {c.schoolName}
                      </Text>
                    </div>
                    <StateBadge state={c.state} />
                  </Group>
                </Card>
              ))}
            </Stack>
          )}
        </Section>
      ) : null}
    </Stack>
  );
}

/** /gesprekken/inzage — HR reads someone's conversations only with a recorded reason, for a day. */
export default function HrAccessPage() {
  const { t } = useTranslation('conversations');
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const people = usePersonSearch(search);
  const employeeId = params.get('medewerker');
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.displayName} (${p.email})` }));
  return (
    <Page title={t('hr.title')} description={t('hr.description')}>
      <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={720}>
        <Select
          label={t('hr.person')}
          placeholder={t('hr.personPlaceholder')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={options}
          value={employeeId}
          onChange={(v) => setParams(v ? { medewerker: v } : {})}
          nothingFoundMessage={search.trim().length >= 2 ? t('who.shareNone') : undefined}
          filter={({ options: o }) => o}
        />
      </Card>
      {employeeId ? <Access key={employeeId} employeeId={employeeId} /> : null}
    </Page>
  );
}
