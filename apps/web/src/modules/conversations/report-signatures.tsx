import { useState } from 'react';
import { Alert, Button, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconLock, IconSignature } from '@tabler/icons-react';
import type { ConversationDetail, ConversationReport } from '@groeipad/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { AppModal } from '../../ui/app-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { formatMoment } from './parts.tsx';
import { useCorrection, useSign } from './queries.ts';

/**
 * Both signatures, the lock, and signing. Disagreement is recorded in one place, the employee's view; signing
 * then means "seen, not agreed", which the dialog says instead of asking a second time.
 */
export function Signatures({ c, report }: { c: ConversationDetail; report: ConversationReport }) {
  const { t } = useTranslation('conversations');
  const sign = useSign(c.id);
  const [open, setOpen] = useState(false);
  const line = (name: string, at: string | null) =>
    at ? t('report.signedOn', { name, date: formatMoment(at) }) : t('report.notSigned', { name });
  return (
    <Stack gap="xs">
      <Title order={3} fz="md">
        {t('report.signatures')}
      </Title>
      <List spacing={4} size="sm" listStyleType="none" p={0}>
        <List.Item icon={<IconSignature size={16} aria-hidden />}>
          {line(c.manager.displayName, report.managerSignedAt)}
        </List.Item>
        <List.Item icon={<IconSignature size={16} aria-hidden />}>
          {line(c.employee.displayName, report.employeeSignedAt)}
          {report.employeeSignedAt && report.employeeDisagrees ? ` (${t('report.seenNotAgreed')})` : ''}
        </List.Item>
      </List>
      {report.lockedAt ? (
        <Alert color="teal" variant="light" icon={<IconLock aria-hidden />}>
          {t('report.locked', { date: formatMoment(report.lockedAt) })}
        </Alert>
      ) : null}
      {c.abilities.sign ? (
        <Group>
          <Button leftSection={<IconSignature size={18} aria-hidden />} onClick={() => setOpen(true)}>
            {t('report.sign')}
          </Button>
        </Group>
      ) : null}
      <AppModal opened={open} onClose={() => setOpen(false)} title={t('report.signTitle')} centered>
        <Stack gap="md">
          {c.side === 'employee' && report.employeeDisagrees ? (
            <Text size="sm">{t('report.signSeenNotAgreed')}</Text>
          ) : (
            <Text size="sm">{t('report.signText')}</Text>
          )}
          {c.side === 'employee' && !report.employeeDisagrees ? (
            <Text size="sm" c="dimmed">
              {t('report.signDisagreeFirst')}
            </Text>
          ) : null}
          <FormError error={sign.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('dialogs.back')}
            </Button>
            <Button
              loading={sign.isPending}
              onClick={() =>
                sign.mutate(
                  {
                    version: report.version,
                    ...(c.side === 'employee' ? { disagrees: report.employeeDisagrees } : {}),
                  },
                  { onSuccess: () => setOpen(false) },
                )
              }
            >
              {t('report.sign')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Stack>
  );
}

/** After signing, a correction starts a new revision with a reason. */
export function CorrectionButton({ c }: { c: ConversationDetail }) {
  const { t } = useTranslation('conversations');
  const correction = useCorrection(c.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const errors = isApiError(correction.error) ? correction.error.fieldErrors() : {};
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        {t('report.correction')}
      </Button>
      <AppModal opened={open} onClose={() => setOpen(false)} title={t('report.correctionTitle')} centered>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            correction.mutate(reason, { onSuccess: () => setOpen(false) });
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t('report.correctionText')}</Text>
            <Textarea
              label={t('report.correctionReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              minLength={3}
              maxLength={1000}
              autosize
              minRows={2}
              error={errors.reason}
              data-autofocus
            />
            <FormError error={Object.keys(errors).length ? null : correction.error} />
            <Group justify="flex-end">
              <Button type="submit" loading={correction.isPending} disabled={reason.trim().length < 3}>
                {t('report.correctionSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </AppModal>
    </>
  );
}
