import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconCheck,
  IconCircleCheck,
  IconClock,
  IconDownload,
  IconEyeOff,
  IconHourglass,
  IconLock,
  IconPencil,
  IconX,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FeedbackInvitation, FeedbackRoundDetail } from '@groeipad/contracts';
import { useMe } from '../../app/auth.tsx';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { Page } from '../../ui/page.tsx';
import { FormError, PageLoader, QueryError } from '../../ui/query-state.tsx';
import { formatDay } from './format.ts';
import { InvitePanel } from './invite-panel.tsx';
import { ANONYMOUS_GROUPS, useGroupLabel } from './labels.ts';
import {
  useAttachConversation,
  useCloseRound,
  useInvitationAction,
  useResults,
  useRound,
  useShareRound,
} from './queries.ts';
import { ResultsView } from './results-view.tsx';
import { RoundStatus } from './rounds-page.tsx';

function Progress({ round }: { round: FeedbackRoundDetail }) {
  const { t } = useTranslation('feedback');
  const groupLabel = useGroupLabel();
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="progress-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="progress-title">
          {t('progress.title')}
        </Title>
        {round.status === 'open' ? (
          <Text size="sm" c="dimmed">
            <IconLock size={14} aria-hidden /> {t('progress.hidden')}
          </Text>
        ) : null}
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {round.groups.map((g) => {
            const anonymous = ANONYMOUS_GROUPS.includes(g.group);
            return (
              <Group key={g.group} component="li" gap="sm" justify="space-between" wrap="wrap">
                <Text size="sm" fw={600} miw={140}>
                  {groupLabel(g.group)}
                </Text>
                <Text size="sm">{t('progress.counts', { answered: g.answered, invited: g.invited })}</Text>
                {anonymous ? (
                  g.needed > 0 && round.status === 'closed' ? (
                    <Badge variant="light" color="gray" leftSection={<IconEyeOff size={14} aria-hidden />}>
                      {t('progress.tooFew')}
                    </Badge>
                  ) : g.needed > 0 ? (
                    <Badge variant="light" color="orange" leftSection={<IconHourglass size={14} aria-hidden />}>
                      {t('progress.needed', { count: g.needed })}
                    </Badge>
                  ) : (
                    <Badge variant="light" color="groei" leftSection={<IconCheck size={14} aria-hidden />}>
                      {t('progress.enough')}
                    </Badge>
                  )
                ) : (
                  <Badge variant="light" color="gray">
                    {t('progress.named')}
                  </Badge>
                )}
              </Group>
            );
          })}
        </Stack>
      </Stack>
    </Card>
  );
}

function InvitationStatus({ status }: { status: FeedbackInvitation['status'] }) {
  const { t } = useTranslation('feedback');
  const icon =
    status === 'answered' ? (
      <IconCircleCheck size={14} aria-hidden />
    ) : status === 'pending' ? (
      <IconClock size={14} aria-hidden />
    ) : (
      <IconX size={14} aria-hidden />
    );
  return (
    <Badge
      variant="light"
      color={status === 'answered' ? 'groei' : status === 'pending' ? 'blue' : 'gray'}
      leftSection={icon}
    >
      {t(`invitationStatus.${status}`)}
    </Badge>
  );
}

function Invitations({ round }: { round: FeedbackRoundDetail }) {
  const { t } = useTranslation('feedback');
  const groupLabel = useGroupLabel();
  const action = useInvitationAction();
  const [revoking, setRevoking] = useState<FeedbackInvitation | null>(null);
  const others = round.invitations.filter((i) => i.raterGroup !== 'self');
  if (others.length === 0) return null;
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="invitations-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="invitations-title">
          {t('invitations.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('invitations.intro')}
        </Text>
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invitations.name')}</Table.Th>
                <Table.Th>{t('invitations.group')}</Table.Th>
                <Table.Th>{t('invitations.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('invitations.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {others.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Text size="sm">{i.name}</Text>
                    {i.email ? (
                      <Text size="xs" c="dimmed">
                        {i.email}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{groupLabel(i.raterGroup)}</Table.Td>
                  <Table.Td>
                    <InvitationStatus status={i.status} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {i.abilities.resend ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          loading={
                            action.isPending && action.variables?.id === i.id && action.variables.action === 'resend'
                          }
                          onClick={() => action.mutate({ id: i.id, action: 'resend' })}
                          aria-label={t('invitations.resendFor', { name: i.name })}
                        >
                          {t('invitations.resend')}
                        </Button>
                      ) : null}
                      {i.abilities.revoke ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red.8"
                          onClick={() => setRevoking(i)}
                          aria-label={t('invitations.revokeFor', { name: i.name })}
                        >
                          {t('invitations.revoke')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {action.isSuccess && action.variables.action === 'resend' ? (
          <Text size="sm" c="groei.8" role="status">
            {t('invitations.resent')}
          </Text>
        ) : null}
        {!revoking ? <FormError error={action.error} /> : null}
      </Stack>
      <ConfirmModal
        opened={revoking !== null}
        title={t('invitations.revokeTitle')}
        confirmLabel={t('invitations.revoke')}
        danger
        loading={action.isPending}
        error={action.error}
        onClose={() => setRevoking(null)}
        onConfirm={() =>
          revoking && action.mutate({ id: revoking.id, action: 'revoke' }, { onSuccess: () => setRevoking(null) })
        }
      >
        {t('invitations.revokeText', { name: revoking?.name ?? '' })}
      </ConfirmModal>
    </Card>
  );
}

function Sharing({ round }: { round: FeedbackRoundDetail }) {
  const { t } = useTranslation('feedback');
  const me = useMe();
  const share = useShareRound(round.id);
  const attach = useAttachConversation(round.id);
  const managers = me.managers.map((m) => m.displayName).join(', ');
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="sharing-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="sharing-title">
          {t('sharing.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sharing.intro')}
        </Text>
        <Switch
          label={managers ? t('sharing.toggleWith', { names: managers }) : t('sharing.toggle')}
          description={round.sharedWithManager ? t('sharing.on') : t('sharing.off')}
          checked={round.sharedWithManager}
          disabled={share.isPending || !round.abilities.share}
          onChange={(e) => share.mutate(e.currentTarget.checked)}
        />
        <FormError error={share.error} />
        {round.conversations.length > 0 ? (
          <Select
            label={t('sharing.conversation')}
            description={t('sharing.conversationHint')}
            placeholder={t('sharing.noConversation')}
            data={round.conversations.map((c) => ({ value: c.id, label: `${c.label} · ${formatDay(c.scheduledAt)}` }))}
            value={round.conversationId}
            onChange={(v) => attach.mutate(v)}
            clearable
            disabled={!round.abilities.attach || attach.isPending}
            maw={420}
            error={attach.error ? attach.error.message : undefined}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('sharing.noConversations')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** One feedback round: invite, follow progress per group, close, then the guarded results. */
export default function RoundPage() {
  const { t } = useTranslation('feedback');
  const { id = '' } = useParams();
  const query = useRound(id);
  const closed = query.data?.status === 'closed';
  const results = useResults(id, closed && (query.data?.abilities.viewResults ?? false));
  const close = useCloseRound(id);
  const [closing, setClosing] = useState(false);

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Page title={t('round.title')}>
        <QueryError error={query.error} />
      </Page>
    );
  }
  const round = query.data;
  const subject = round.abilities.invite || round.abilities.share;
  const selfInvitation = round.invitations.find((i) => i.raterGroup === 'self' && i.status === 'pending');
  const pending = round.invitations.filter((i) => i.status === 'pending').length;

  return (
    <Page
      title={round.title}
      description={
        <Group gap="sm">
          <RoundStatus round={round} />
          <Text size="sm" c="dimmed">
            {subject ? round.instrument.name : t('round.of', { name: round.subject.displayName })}
            {' · '}
            {round.status === 'open'
              ? t('rounds.closesOn', { date: formatDay(round.closesOn) })
              : t('rounds.closedOn', { date: formatDay(round.closedAt ?? round.closesOn) })}
          </Text>
        </Group>
      }
      actions={
        round.abilities.close ? (
          <Button variant="default" onClick={() => setClosing(true)}>
            {t('round.close')}
          </Button>
        ) : undefined
      }
    >
      {subject ? (
        <Anchor component={Link} to="/feedback" size="sm">
          {t('round.back')}
        </Anchor>
      ) : null}
      {selfInvitation ? (
        <Card withBorder radius="md" bg="groei.0">
          <Group justify="space-between" wrap="wrap">
            <Text>{t('round.selfPending')}</Text>
            <Button
              component={Link}
              to={`/feedback/invulling/${selfInvitation.id}`}
              leftSection={<IconPencil size={18} aria-hidden />}
            >
              {t('round.selfFill')}
            </Button>
          </Group>
        </Card>
      ) : null}
      {round.status === 'open' ? (
        <>
          <Progress round={round} />
          {round.abilities.invite ? <InvitePanel round={round} /> : null}
          <Invitations round={round} />
        </>
      ) : (
        <>
          {subject ? <Sharing round={round} /> : null}
          {round.abilities.export ? (
            <Group gap="sm">
              <Button
                component="a"
                href={`/api/feedback/rounds/${round.id}/export?format=xlsx`}
                variant="default"
                leftSection={<IconDownload size={18} aria-hidden />}
              >
                {t('round.exportXlsx')}
              </Button>
              <Button
                component="a"
                href={`/api/feedback/rounds/${round.id}/export?format=csv`}
                variant="subtle"
                leftSection={<IconDownload size={18} aria-hidden />}
              >
                {t('round.exportCsv')}
              </Button>
            </Group>
          ) : null}
          {results.isPending ? (
            <PageLoader />
          ) : results.isError ? (
            <QueryError error={results.error} />
          ) : (
            <ResultsView results={results.data} />
          )}
          <Progress round={round} />
        </>
      )}
      <ConfirmModal
        opened={closing}
        title={t('round.closeTitle')}
        confirmLabel={t('round.closeConfirm')}
        loading={close.isPending}
        error={close.error}
        onClose={() => setClosing(false)}
        onConfirm={() => close.mutate(undefined, { onSuccess: () => setClosing(false) })}
      >
        {t('round.closeText', { count: pending })}
      </ConfirmModal>
    </Page>
  );
}
