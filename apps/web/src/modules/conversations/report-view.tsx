import { useState } from 'react';
import { Alert, Button, Checkbox, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ConversationDetail, ConversationReport } from '@groeipad/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { FormError } from '../../ui/query-state.tsx';
import { formatDay, SavedNote } from './parts.tsx';
import { useSaveReport } from './queries.ts';

export const TEXT_FIELDS = ['goingWell', 'toDevelop', 'employeeNeeds', 'managerOffers', 'progressEvidence'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** The report as written, for everyone who reads but does not write it. */
export function ReportView({ report, c }: { report: ConversationReport; c: ConversationDetail }) {
  const { t } = useTranslation('conversations');
  const owner = (o: 'employee' | 'manager') => (o === 'employee' ? c.employee.displayName : c.manager.displayName);
  return (
    <Stack gap="sm">
      {TEXT_FIELDS.filter((f) => f !== 'progressEvidence').map((f) => (
        <div key={f}>
          <Text fw={600} size="sm">
            {t(`report.${f}`)}
          </Text>
          <Text size="sm" c={report[f] ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
            {report[f] || t('report.empty')}
          </Text>
        </div>
      ))}
      <Title order={3} fz="md">
        {t('report.agreements')}
      </Title>
      {report.agreements.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('report.agreementsEmpty')}
        </Text>
      ) : (
        <List type="ordered" spacing="sm">
          {report.agreements.map((a) => (
            <List.Item key={a.id}>
              <Text fw={600} size="sm">
                {a.title}
              </Text>
              {a.description ? <Text size="sm">{a.description}</Text> : null}
              <Text size="sm">{t('report.measure', { measure: a.measure })}</Text>
              {a.targetDate ? <Text size="sm">{t('report.target', { date: formatDay(a.targetDate) })}</Text> : null}
              {a.actions.length > 0 ? (
                <List size="sm" withPadding>
                  {a.actions.map((x) => (
                    <List.Item key={x.id}>
                      {t('report.actionLine', { title: x.title, owner: owner(x.owner) })}
                      {x.dueOn ? `, ${t('report.actionDueLine', { date: formatDay(x.dueOn) })}` : ''}
                    </List.Item>
                  ))}
                </List>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
      <div>
        <Text fw={600} size="sm">
          {t('report.progressEvidence')}
        </Text>
        <Text size="sm" c={report.progressEvidence ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
          {report.progressEvidence || t('report.empty')}
        </Text>
      </div>
      {report.nextDate ? (
        <Text size="sm">
          <b>{t('report.nextDate')}:</b> {formatDay(report.nextDate)}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The employee's own view on the report: a form for them while it is a draft, else text. */
export function EmployeeView({
  c,
  report,
  justSaved = false,
  onSaved,
}: {
  c: ConversationDetail;
  report: ConversationReport;
  justSaved?: boolean;
  onSaved?: (version: number) => void;
}) {
  const { t } = useTranslation('conversations');
  const save = useSaveReport(c.id);
  const [view, setView] = useState(report.employeeView);
  const [disagrees, setDisagrees] = useState(report.employeeDisagrees);
  const errors = isApiError(save.error) ? save.error.fieldErrors() : {};
  if (!c.abilities.writeEmployeeView) {
    return (
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t('report.employeeView')}
        </Text>
        <Text size="sm" c={report.employeeView ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
          {report.employeeView || t('report.empty')}
        </Text>
        {report.employeeDisagrees ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {t('report.disagreeNote')}
          </Alert>
        ) : null}
      </Stack>
    );
  }
  const dirty = view !== report.employeeView || disagrees !== report.employeeDisagrees;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { version: report.version, employeeView: view, employeeDisagrees: disagrees },
          { onSuccess: (data) => data.report && onSaved?.(data.report.version) },
        );
      }}
    >
      <Stack gap="sm">
        <Textarea
          label={t('report.employeeView')}
          description={t('report.employeeViewHelp')}
          value={view}
          onChange={(e) => setView(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={5000}
          error={errors.employeeView}
        />
        <Checkbox
          label={t('report.employeeDisagrees')}
          checked={disagrees}
          onChange={(e) => setDisagrees(e.currentTarget.checked)}
        />
        {dirty && report.employeeSignedAt ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {t('report.signaturesClearedOwn')}
          </Alert>
        ) : null}
        <FormError error={Object.keys(errors).length ? null : save.error} />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            {t('report.saveView')}
          </Button>
          {justSaved && !dirty ? <SavedNote>{t('report.viewSaved')}</SavedNote> : null}
        </Group>
      </Stack>
    </form>
  );
}
