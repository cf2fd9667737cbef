import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ConversationDetail, ConversationReport, ReportAgreementInput } from '@groeipad/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { FormError } from '../../ui/query-state.tsx';
import { SavedNote } from './parts.tsx';
import { useSaveReport } from './queries.ts';
import { TEXT_FIELDS, type TextField } from './report-view.tsx';

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

/**
 * The leidinggevende writes the report: texts, agreements with actions, the next date. `justSaved`: this is
 * the fresh editor after its own save (see SavedNote).
 */
export function ManagerEditor({
  c,
  justSaved,
  onSaved,
}: {
  c: ConversationDetail;
  justSaved: boolean;
  onSaved: (version: number) => void;
}) {
  const { t } = useTranslation('conversations');
  const save = useSaveReport(c.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(c.report));
  const errors = isApiError(save.error) ? save.error.fieldErrors() : {};
  const signed = Boolean(c.report?.employeeSignedAt || c.report?.managerSignedAt);
  const setAgreement = (i: number, patch: Partial<ReportAgreementInput>) =>
    setDraft((d) => ({ ...d, agreements: d.agreements.map((a, j) => (j === i ? { ...a, ...patch } : a)) }));
  const pristine = JSON.stringify(draft) === JSON.stringify(draftOf(c.report));
  const submit = () =>
    save.mutate(
      {
        version: c.report?.version ?? 0,
        ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, draft[f]])),
        nextDate: draft.nextDate || null,
        agreements: draft.agreements.map((a) => ({
          ...a,
          targetDate: a.targetDate || null,
          actions: a.actions.map((x) => ({ ...x, dueOn: x.dueOn || null })),
        })),
      },
      { onSuccess: (data) => data.report && onSaved(data.report.version) },
    );
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
          {justSaved && pristine ? <SavedNote>{t('report.saved')}</SavedNote> : null}
        </Group>
      </Stack>
    </form>
  );
}
