import { useState } from 'react';
import { Alert, Badge, Button, Grid, Group, Stack, Stepper, Text } from '@mantine/core';
import {
  IconCalendarEvent,
  IconCalendarOff,
  IconCheck,
  IconCircleCheck,
  IconClock,
  IconInfoCircle,
  IconMapPin,
} from '@tabler/icons-react';
import type { ConversationDetail, ConversationState } from '@groeipad/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BackLink } from '../../ui/back-link.tsx';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { Page } from '../../ui/page.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { formatMoment, StateBadge } from './parts.tsx';
import { CancelDialog, RescheduleDialog } from './conversation-dialogs.tsx';
import { PreparationSection } from './preparation-section.tsx';
import { useClose, useConversation, useMarkHeld, useRefetchAt } from './queries.ts';
import { ReportSection } from './report-section.tsx';
import { HistorySection, WhoSection } from './who-section.tsx';

const STEPS: {
  key: 'stepPlanned' | 'stepPreparing' | 'stepHeld' | 'stepReport' | 'stepAgreed' | 'stepClosed';
  state: ConversationState;
}[] = [
  { key: 'stepPlanned', state: 'planned' },
  { key: 'stepPreparing', state: 'preparing' },
  { key: 'stepHeld', state: 'held' },
  { key: 'stepReport', state: 'report_draft' },
  { key: 'stepAgreed', state: 'agreed' },
  { key: 'stepClosed', state: 'closed' },
];

function Steps({ state }: { state: ConversationState }) {
  const { t } = useTranslation('conversations');
  const active = Math.max(
    0,
    STEPS.findIndex((s) => s.state === state),
  );
  return (
    <Stepper
      active={state === 'closed' ? STEPS.length : active}
      size="xs"
      aria-label={t('detail.steps')}
      allowNextStepsSelect={false}
      orientation="horizontal"
      wrap
      visibleFrom="sm"
    >
      {STEPS.map((s, i) => (
        <Stepper.Step
          key={s.key}
          label={t(`detail.${s.key}`)}
          description={
            i < active || state === 'closed' ? t('detail.stepDone') : i === active ? t('detail.stepCurrent') : undefined
          }
        />
      ))}
    </Stepper>
  );
}
type Dialog = 'reschedule' | 'cancel' | 'held' | 'close' | null;

function ConversationView({ c }: { c: ConversationDetail }) {
  const { t } = useTranslation('conversations');
  const [dialog, setDialog] = useState<Dialog>(null);
  const held = useMarkHeld(c.id);
  // The button comes alive by itself when the moment arrives.
  useRefetchAt(c.id, c.heldFrom);
  const close = useClose(c.id);
  const done = () => setDialog(null);
  const a = c.abilities;
  const actions = (
    <>
      {a.markHeld ? (
        <Button leftSection={<IconCheck size={18} aria-hidden />} onClick={() => setDialog('held')}>
          {t('detail.markHeld')}
        </Button>
      ) : c.heldFrom ? (
        // Visible but disabled until the server allows it; the note under the title says from when.
        <Button leftSection={<IconCheck size={18} aria-hidden />} disabled aria-describedby="held-from">
          {t('detail.markHeld')}
        </Button>
      ) : null}
      {a.close ? (
        <Button leftSection={<IconCircleCheck size={18} aria-hidden />} onClick={() => setDialog('close')}>
          {t('detail.close')}
        </Button>
      ) : null}
      {a.reschedule ? (
        <Button
          variant="default"
          leftSection={<IconCalendarEvent size={18} aria-hidden />}
          onClick={() => setDialog('reschedule')}
        >
          {t('detail.reschedule')}
        </Button>
      ) : null}
      {a.cancel ? (
        <Button
          variant="subtle"
          color="red.8"
          leftSection={<IconCalendarOff size={18} aria-hidden />}
          onClick={() => setDialog('cancel')}
        >
          {t('detail.cancel')}
        </Button>
      ) : null}
    </>
  );
  const description = (
    <Stack gap={6}>
      <Text c="dimmed">
        {t('detail.with', { kind: c.kind.name, employee: c.employee.displayName, manager: c.manager.displayName })}
      </Text>
      <Group gap="xs">
        <StateBadge state={c.state} />
        <Badge
          variant="outline"
          color="gray"
          leftSection={<IconCalendarEvent size={14} aria-hidden />}
          style={{ textTransform: 'none' }}
        >
          {formatMoment(c.scheduledAt)} · {t('detail.duration', { count: c.durationMinutes })}
        </Badge>
        {c.location ? (
          <Badge
            variant="outline"
            color="gray"
            leftSection={<IconMapPin size={14} aria-hidden />}
            style={{ textTransform: 'none' }}
          >
            {c.location}
          </Badge>
        ) : null}
        {c.schoolYear ? (
          <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
            {c.schoolYear.name}
          </Badge>
        ) : null}
      </Group>
    </Stack>
  );
  const showReport =
    c.report !== null || a.writeReport || ['held', 'report_draft', 'agreed', 'closed'].includes(c.state);
  return (
    <Page title={c.kind.name} description={description} actions={actions}>
      <BackLink to="/gesprekken">{t('detail.backToList')}</BackLink>
      {c.state !== 'cancelled' ? <Steps state={c.state} /> : null}
      {c.state === 'cancelled' && c.cancelledReason ? (
        <Alert color="red" variant="light" icon={<IconCalendarOff aria-hidden />}>
          {t('detail.cancelledBecause', { reason: c.cancelledReason })}
        </Alert>
      ) : null}
      {c.heldFrom ? (
        <Alert id="held-from" color="blue" variant="light" icon={<IconClock aria-hidden />}>
          {t('detail.heldFrom', { start: formatMoment(c.scheduledAt), from: formatMoment(c.heldFrom) })}
        </Alert>
      ) : null}
      {c.side === 'viewer' ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('detail.viewerNote')}
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {showReport ? <ReportSection c={c} /> : null}
            <PreparationSection c={c} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <WhoSection c={c} />
            <HistorySection c={c} />
          </Stack>
        </Grid.Col>
      </Grid>
      {dialog === 'reschedule' ? <RescheduleDialog c={c} opened onClose={done} /> : null}
      {dialog === 'cancel' ? <CancelDialog c={c} opened onClose={done} /> : null}
      <ConfirmModal
        opened={dialog === 'held'}
        title={t('detail.markHeldTitle')}
        confirmLabel={t('detail.markHeld')}
        loading={held.isPending}
        error={held.error}
        onClose={done}
        onConfirm={() => held.mutate(c.version, { onSuccess: done })}
      >
        {t('detail.markHeldText')}
      </ConfirmModal>
      <ConfirmModal
        opened={dialog === 'close'}
        title={t('detail.closeTitle')}
        confirmLabel={t('detail.close')}
        loading={close.isPending}
        error={close.error}
        onClose={done}
        onConfirm={() => close.mutate(c.version, { onSuccess: done })}
      >
        {t('detail.closeText')}
      </ConfirmModal>
    </Page>
  );
}

/** /gesprekken/:id — one conversation from preparation to signed report. */
export default function ConversationPage() {
  const { id = '' } = useParams();
  const query = useConversation(id);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <ConversationView c={query.data} />;
}
