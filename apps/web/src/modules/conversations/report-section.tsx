import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconLock, IconPlus, IconSignature, IconTrash } from '@tabler/icons-react';
import type { ConversationDetail, ConversationReport, ReportAgreementInput } from '@groeipad/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { AppModal } from '../../ui/app-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { formatDay, formatMoment, Section } from './parts.tsx';
import { pdfUrl, useCorrection, useSaveReport, useSign } from './queries.ts';

type Props = { c: ConversationDetail };
const TEXT_FIELDS = ['goingWell', 'toDevelop', 'employeeNeeds', 'managerOffers', 'progressEvidence'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

type Draft = Record<TextField, string> & { nextDate: string; agreements: ReportAgreementInput[] };

function draftOf(r: ConversationReport | null): Draft {
  return {
    goingWell: r?.goingWell ?? '',
    toDevelop: r?.toDevelop ?? '',
    employeeNeeds: r?.employeeNeeds ?? '',
    managerOffers: r?.managerOffers ?? '',
    progressEvidence: r?.progressEvidence ?? '',
    nextDate: r?.nextDate ?? '',
    agreements: r?.agreements.map((a) => ({ ...a, actions: a.actions.map((x) => ({ ...x })) })) ?? [],
  };
}

function ManagerEditor({ c }: Props) {
  const { t } = useTranslation('conversations');
  const save = useSaveReport(c.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(c.report));
  const errors = isApiError(save.error) ? save.error.fieldErrors() : {};
  const signed = Boolean(c.report?.employeeSignedAt || c.report?.managerSignedAt);
  const setAgreement = (i: number, patch: Partial<ReportAgreementInput>) =>
    setDraft((d) => ({ ...d, agreements: d.agreements.map((a, j) => (j === i ? { ...a, ...patch } : a)) }));
  const submit = () =>
    save.mutate({
      version: c.report?.version ?? 0,
      ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, draft[f]])),
      nextDate: draft.nextDate || null,
      agreements: draft.agreements.map((a) => ({
        ...a,
        targetDate: a.targetDate || null,
        actions: a.actions.map((x) => ({ ...x, dueOn: x.dueOn || null })),
      })),
    });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        {TEXT_FIELDS.filter((f) => f !== 'progressEvidence').map((f) => (
          <Textarea
            key={f}
            label={t(`report.${f}`)}
            value={draft[f]}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setDraft((d) => ({ ...d, [f]: v }));
            }}
            autosize
            minRows={2}
            maxLength={5000}
            error={errors[f]}
          />
        ))}
        <Stack gap="xs">
          <Title order={3} fz="md">
            {t('report.agreements')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('report.agreementsIntro')}
          </Text>
          {draft.agreements.map((a, i) => (
            <Card key={a.id ?? i} withBorder radius="sm" p="sm">
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap" align="flex-end">
                  <TextInput
                    label={`${t('report.goalTitle')} ${i + 1}`}
                    value={a.title}
                    onChange={(e) => setAgreement(i, { title: e.currentTarget.value })}
                    required
                    maxLength={300}
                    error={errors[`agreements.${i}.title`]}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red.8"
                    size="lg"
                    aria-label={t('report.removeAgreement', { n: i + 1 })}
                    onClick={() => setDraft((d) => ({ ...d, agreements: d.agreements.filter((_, j) => j !== i) }))}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
                <Textarea
                  label={t('report.goalDescription')}
                  value={a.description}
                  onChange={(e) => setAgreement(i, { description: e.currentTarget.value })}
                  autosize
                  minRows={1}
                  maxLength={3000}
                />
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label={t('report.goalMeasure')}
                    value={a.measure}
                    onChange={(e) => setAgreement(i, { measure: e.currentTarget.value })}
                    required
                    maxLength={1000}
                    error={errors[`agreements.${i}.measure`]}
                    style={{ gridColumn: 'span 2' }}
                  />
                  <TextInput
                    type="date"
                    label={t('report.goalTarget')}
                    value={a.targetDate ?? ''}
                    onChange={(e) => setAgreement(i, { targetDate: e.currentTarget.value || null })}
                    error={errors[`agreements.${i}.targetDate`]}
                  />
                </SimpleGrid>
                <Text fw={600} size="sm">
                  {t('report.actions')}
                </Text>
                {a.actions.map((x, k) => {
                  const setAction = (patch: Partial<typeof x>) =>
                    setAgreement(i, { actions: a.actions.map((y, m) => (m === k ? { ...y, ...patch } : y)) });
                  return (
                    <Group key={x.id ?? k} gap="xs" align="flex-end" wrap="wrap">
                      <TextInput
                        label={t('report.actionTitle')}
                        value={x.title}
                        onChange={(e) => setAction({ title: e.currentTarget.value })}
                        required
                        maxLength={300}
                        style={{ flex: '1 1 14rem' }}
                        error={errors[`agreements.${i}.actions.${k}.title`]}
                      />
                      <Select
                        label={t('report.actionOwner')}
                        value={x.owner}
                        onChange={(v) => setAction({ owner: v === 'manager' ? 'manager' : 'employee' })}
                        data={[
                          { value: 'employee', label: t('report.ownerEmployee') },
                          { value: 'manager', label: t('report.ownerManager') },
                        ]}
                        allowDeselect={false}
                        w={170}
                      />
                      <TextInput
                        type="date"
                        label={t('report.actionDue')}
                        value={x.dueOn ?? ''}
                        onChange={(e) => setAction({ dueOn: e.currentTarget.value || null })}
                        w={170}
                        error={errors[`agreements.${i}.actions.${k}.dueOn`]}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red.8"
                        size="lg"
                        mb={4}
                        aria-label={t('report.removeAction')}
                        onClick={() => setAgreement(i, { actions: a.actions.filter((_, m) => m !== k) })}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Group>
                  );
                })}
                <Group>
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() =>
                      setAgreement(i, { actions: [...a.actions, { title: '', owner: 'employee', dueOn: null }] })
                    }
                  >
                    {t('report.addAction')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
          <Group>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() =>
                setDraft((d) => ({
                  ...d,
                  agreements: [
                    ...d.agreements,
                    { title: '', description: '', measure: '', targetDate: null, actions: [] },
                  ],
                }))
              }
            >
              {t('report.addAgreement')}
            </Button>
          </Group>
        </Stack>
        <Textarea
          label={t('report.progressEvidence')}
          value={draft.progressEvidence}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setDraft((d) => ({ ...d, progressEvidence: v }));
          }}
          autosize
          minRows={2}
          maxLength={5000}
          error={errors.progressEvidence}
        />
        <TextInput
          type="date"
          label={t('report.nextDate')}
          value={draft.nextDate}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setDraft((d) => ({ ...d, nextDate: v }));
          }}
          maw={260}
          error={errors.nextDate}
        />
        {signed ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {t('report.signaturesCleared')}
          </Alert>
        ) : null}
        <FormError error={Object.keys(errors).length ? null : save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('report.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReportView({ report, c }: { report: ConversationReport; c: ConversationDetail }) {
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

function EmployeeView({ c, report }: { c: ConversationDetail; report: ConversationReport }) {
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
        save.mutate({ version: report.version, employeeView: view, employeeDisagrees: disagrees });
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
        {dirty && (report.employeeSignedAt || report.managerSignedAt) ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {t('report.signaturesCleared')}
          </Alert>
        ) : null}
        <FormError error={Object.keys(errors).length ? null : save.error} />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            {t('report.saveView')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Signatures({ c, report }: { c: ConversationDetail; report: ConversationReport }) {
  const { t } = useTranslation('conversations');
  const sign = useSign(c.id);
  const [open, setOpen] = useState(false);
  const [disagree, setDisagree] = useState(report.employeeDisagrees);
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
          <Text size="sm">{t('report.signText')}</Text>
          {c.side === 'employee' ? (
            <Checkbox
              label={t('report.signDisagree')}
              description={t('report.signDisagreeHelp')}
              checked={disagree}
              onChange={(e) => setDisagree(e.currentTarget.checked)}
            />
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
                  { version: report.version, ...(c.side === 'employee' ? { disagrees: disagree } : {}) },
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

function CorrectionButton({ c }: Props) {
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

export function ReportSection({ c }: Props) {
  const { t } = useTranslation('conversations');
  const report = c.report;
  const older = c.revisions.filter((r) => r.id !== report?.id);
  const superseded = report?.supersedesId ? c.revisions.find((r) => r.id === report.supersedesId) : undefined;
  const title = report
    ? `${t('report.title')} · ${t('report.revision', { revision: report.revision })}`
    : t('report.title');
  return (
    <Section id="report" title={title}>
      {superseded && report?.correctionReason ? (
        <Alert variant="light" color="blue">
          {t('report.correctionOf', { revision: superseded.revision, reason: report.correctionReason })}
        </Alert>
      ) : null}
      {!report && !c.abilities.writeReport ? (
        <Text size="sm" c="dimmed">
          {t('report.notYet')}
        </Text>
      ) : null}
      {c.abilities.writeReport ? (
        <ManagerEditor key={report?.version ?? 0} c={c} />
      ) : report ? (
        <ReportView report={report} c={c} />
      ) : null}
      {report ? (
        <>
          <EmployeeView key={`view-${report.version}`} c={c} report={report} />
          <Signatures key={`sign-${report.version}`} c={c} report={report} />
          <Group gap="sm">
            {c.abilities.downloadPdf ? (
              <Button
                component="a"
                href={pdfUrl(c.id)}
                variant="default"
                leftSection={<IconDownload size={18} aria-hidden />}
              >
                {t('detail.pdf')}
              </Button>
            ) : null}
            {c.abilities.requestCorrection ? <CorrectionButton c={c} /> : null}
          </Group>
          {older.length > 0 ? (
            <Stack gap={4}>
              <Text fw={600} size="sm">
                {t('report.olderVersions')}
              </Text>
              {older.map((r) => (
                <Anchor key={r.id} href={pdfUrl(c.id, r.revision)} size="sm">
                  {t('detail.pdfRevision', { revision: r.revision })}
                </Anchor>
              ))}
            </Stack>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
