import { useState } from 'react';
import { Button, Group, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { ConversationDetail } from '@groeipad/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { AppModal } from '../../ui/app-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { useCancel, useReschedule } from './queries.ts';

const pad = (n: number) => String(n).padStart(2, '0');
function localParts(iso: string) {
  const d = new Date(iso);
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}

/** Either side moves the conversation with a reason; the other gets a new calendar version. */
export function RescheduleDialog({
  c,
  opened,
  onClose,
}: {
  c: ConversationDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('conversations');
  const reschedule = useReschedule(c.id);
  const start = localParts(c.scheduledAt);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [duration, setDuration] = useState(c.durationMinutes);
  const [location, setLocation] = useState(c.location);
  const [reason, setReason] = useState('');
  const errors = isApiError(reschedule.error) ? reschedule.error.fieldErrors() : {};
  return (
    <AppModal opened={opened} onClose={onClose} title={t('dialogs.rescheduleTitle')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          reschedule.mutate(
            {
              scheduledAt: new Date(`${date}T${time}`).toISOString(),
              durationMinutes: duration,
              location,
              reason,
              version: c.version,
            },
            { onSuccess: onClose },
          );
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('dialogs.rescheduleText')}</Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              type="date"
              label={t('plan.date')}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              required
              error={errors.scheduledAt}
            />
            <TextInput
              type="time"
              label={t('plan.time')}
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
              required
            />
          </SimpleGrid>
          <NumberInput
            label={t('plan.duration')}
            value={duration}
            onChange={(v) => setDuration(Number(v) || 45)}
            min={10}
            max={480}
            step={15}
          />
          <TextInput
            label={t('plan.location')}
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
            maxLength={300}
          />
          <Textarea
            label={t('dialogs.reason')}
            placeholder={t('dialogs.reasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={2}
            maxLength={1000}
            error={errors.reason}
          />
          <FormError error={Object.keys(errors).length ? null : reschedule.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('dialogs.back')}
            </Button>
            <Button type="submit" loading={reschedule.isPending} disabled={reason.trim().length < 3}>
              {t('dialogs.rescheduleSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** The leidinggevende cancels with a reason; the invitation is withdrawn. */
export function CancelDialog({ c, opened, onClose }: { c: ConversationDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('conversations');
  const cancel = useCancel(c.id);
  const [reason, setReason] = useState('');
  const errors = isApiError(cancel.error) ? cancel.error.fieldErrors() : {};
  return (
    <AppModal opened={opened} onClose={onClose} title={t('dialogs.cancelTitle')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          cancel.mutate({ reason, version: c.version }, { onSuccess: onClose });
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('dialogs.cancelText')}</Text>
          <Textarea
            label={t('dialogs.cancelReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={2}
            maxLength={1000}
            error={errors.reason}
            data-autofocus
          />
          <FormError error={Object.keys(errors).length ? null : cancel.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('dialogs.back')}
            </Button>
            <Button type="submit" color="red.8" loading={cancel.isPending} disabled={reason.trim().length < 3}>
              {t('dialogs.cancelSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
