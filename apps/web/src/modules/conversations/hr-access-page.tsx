import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconLock, IconShieldOff, IconShieldCheck } from '@tabler/icons-react';
import type { ConversationAccessGrant } from '@groeipad/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { Page } from '../../ui/page.tsx';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { FormError, PageLoader, QueryError } from '../../ui/query-state.tsx';
import { formatMoment, Section, StateBadge } from './parts.tsx';
import { useEmployeeConversations, useEndAccess, useGrantAccess, useOwnAccess, usePersonSearch } from './queries.ts';

/** HR's running access to this person, with a way to end it before the day is over. */
function RunningAccess({ employeeId, grants }: { employeeId: string; grants: ConversationAccessGrant[] }) {
  const { t } = useTranslation('conversations');
  const end = useEndAccess(employeeId);
  const [ending, setEnding] = useState<ConversationAccessGrant | null>(null);
  return (
    <>
      {grants.map((g) => (
        <Alert
          key={g.id}
          color="teal"
          variant="light"
          icon={<IconShieldCheck aria-hidden />}
          title={t('hr.granted', { date: formatMoment(g.expiresAt) })}
        >
          <Stack gap="xs">
            <Text size="sm">{t('hr.grantedReason', { reason: g.reason, date: formatMoment(g.grantedAt) })}</Text>
            <Group>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconShieldOff size={16} aria-hidden />}
                onClick={() => setEnding(g)}
              >
                {t('hr.end')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ))}
      <ConfirmModal
        opened={ending !== null}
        title={t('hr.endTitle')}
        confirmLabel={t('hr.end')}
        danger
        loading={end.isPending}
        error={end.error}
        onClose={() => setEnding(null)}
        onConfirm={() => ending && end.mutate(ending.id, { onSuccess: () => setEnding(null) })}
      >
        {t('hr.endText')}
      </ConfirmModal>
    </>
  );
}

function Access({ employeeId }: { employeeId: string }) {
  const { t } = useTranslation('conversations');
  const own = useOwnAccess(employeeId);
  const list = useEmployeeConversations(employeeId);
  const grant = useGrantAccess(employeeId);
  const [reason, setReason] = useState('');
  const errors = isApiError(grant.error) ? grant.error.fieldErrors() : {};
  if (own.isPending || list.isPending) return <PageLoader />;
  if (own.isError) return <QueryError error={own.error} onRetry={() => void own.refetch()} />;
  const grants = own.data.items;
  const noAccess = list.isError && isApiError(list.error, 'not_found');
  return (
    <Stack gap="lg">
      {grants.length > 0 ? <RunningAccess employeeId={employeeId} grants={grants} /> : null}
      {noAccess && grants.length === 0 ? (
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
      {list.isError && !noAccess ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
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
