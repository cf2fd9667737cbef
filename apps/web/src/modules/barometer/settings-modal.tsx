import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Radio,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  BAROMETER_MAX_OWN_QUESTIONS,
  BAROMETER_ROUND_DAYS_MAX,
  BAROMETER_ROUND_DAYS_MIN,
  type BarometerOwnQuestionInput,
  type BarometerQuestion,
  type BarometerSettings,
} from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { AppModal } from '../../ui/app-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { useQuestionText } from './labels.ts';
import { useSaveSettings } from './queries.ts';

type Props = {
  teamId: string;
  settings: BarometerSettings;
  standardQuestions: BarometerQuestion[];
  opened: boolean;
  onClose: () => void;
};

type Draft = {
  intervalWeeks: 2 | 4;
  autoOpen: boolean;
  roundDays: number | string;
  extraQuestions: BarometerOwnQuestionInput[];
  minGroupSize: number | string;
  minTextGroupSize: number | string;
};

const draftOf = (s: BarometerSettings): Draft => ({
  intervalWeeks: s.intervalWeeks === 4 ? 4 : 2,
  autoOpen: s.autoOpen,
  roundDays: s.roundDays,
  extraQuestions: s.extraQuestions.map((q) => ({ id: q.id, text: q.text, kind: q.kind })),
  minGroupSize: s.minGroupSize,
  minTextGroupSize: s.minTextGroupSize,
});

/**
 * The team's rhythm (how often, whether a round opens by itself and for how many days), its own questions and its
 * minimums; the server checks every rule again.
 */
export function SettingsModal({ teamId, settings, standardQuestions, opened, onClose }: Props) {
  const { t } = useTranslation('barometer');
  const questionText = useQuestionText();
  const save = useSaveSettings(teamId);
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const fieldErrors = isApiError(save.error) ? save.error.fieldErrors() : {};
  const close = () => {
    save.reset();
    setDraft(draftOf(settings));
    onClose();
  };
  const setQuestion = (i: number, change: Partial<BarometerOwnQuestionInput>) =>
    setDraft((d) => ({
      ...d,
      extraQuestions: d.extraQuestions.map((q, j) => (j === i ? { ...q, ...change } : q)),
    }));

  // mutateAsync rather than mutate's own onSuccess: the saved settings come back with a new version, the page
  // mounts a fresh modal for it (keyed by version) before this one hears of the success, and mutate's callbacks
  // are dropped for an unmounted component, which left the modal open.
  const submit = () =>
    void save
      .mutateAsync({
        version: settings.version,
        intervalWeeks: draft.intervalWeeks,
        autoOpen: draft.autoOpen,
        roundDays: Number(draft.roundDays),
        extraQuestions: draft.extraQuestions,
        minGroupSize: Number(draft.minGroupSize),
        minTextGroupSize: Number(draft.minTextGroupSize),
      })
      .then(
        () => {
          notifications.show({
            color: 'groei',
            icon: <IconCheck size={18} aria-hidden />,
            message: t('settings.saved'),
          });
          onClose();
        },
        // The error is on save.error, shown in the form, which keeps the user's input.
        () => undefined,
      );

  return (
    <AppModal opened={opened} onClose={close} title={t('settings.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="lg">
          <Radio.Group
            label={t('settings.interval')}
            description={t('settings.intervalHint')}
            value={String(draft.intervalWeeks)}
            onChange={(v) => setDraft((d) => ({ ...d, intervalWeeks: v === '4' ? 4 : 2 }))}
            error={fieldErrors.intervalWeeks}
          >
            <Group mt="xs">
              <Radio value="2" label={t('settings.every2')} />
              <Radio value="4" label={t('settings.every4')} />
            </Group>
          </Radio.Group>

          <Switch
            label={t('settings.autoOpen')}
            description={t('settings.autoOpenHint')}
            checked={draft.autoOpen}
            onChange={(e) => {
              const autoOpen = e.currentTarget.checked;
              setDraft((d) => ({ ...d, autoOpen }));
            }}
            error={fieldErrors.autoOpen}
          />
          <NumberInput
            label={t('settings.roundDays')}
            description={t('settings.roundDaysHint')}
            min={BAROMETER_ROUND_DAYS_MIN}
            // A round closes before the next one opens: at most a day less than the rhythm.
            max={Math.min(BAROMETER_ROUND_DAYS_MAX, draft.intervalWeeks * 7 - 1)}
            allowDecimal={false}
            value={draft.roundDays}
            error={fieldErrors.roundDays}
            onChange={(v) => setDraft((d) => ({ ...d, roundDays: v }))}
          />

          <Stack gap="xs">
            <Title order={3} fz="md">
              {t('settings.ownQuestions')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('settings.ownQuestionsHint')}
            </Text>
            <details>
              <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-sm)' }}>
                {t('settings.fixed')}
              </summary>
              <List size="sm" mt="xs" spacing={2}>
                {standardQuestions.map((q) => (
                  <List.Item key={q.id}>{questionText(q)}</List.Item>
                ))}
              </List>
            </details>
            {draft.extraQuestions.map((q, i) => (
              <Group key={q.id ?? `new-${i}`} align="flex-end" gap="xs" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('settings.questionText', { n: i + 1 })}
                  value={q.text}
                  maxLength={300}
                  required
                  error={fieldErrors[`extraQuestions.${i}.text`]}
                  onChange={(e) => setQuestion(i, { text: e.currentTarget.value })}
                />
                <NativeSelect
                  label={t('settings.kind', { n: i + 1 })}
                  value={q.kind}
                  data={[
                    { value: 'scale', label: t('settings.kindScale') },
                    { value: 'text', label: t('settings.kindText') },
                  ]}
                  onChange={(e) => setQuestion(i, { kind: e.currentTarget.value === 'text' ? 'text' : 'scale' })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red.8"
                  size="lg"
                  mb={2}
                  aria-label={t('settings.removeQuestion', { n: i + 1 })}
                  onClick={() =>
                    setDraft((d) => ({ ...d, extraQuestions: d.extraQuestions.filter((_, j) => j !== i) }))
                  }
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            {draft.extraQuestions.length < BAROMETER_MAX_OWN_QUESTIONS ? (
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() =>
                  setDraft((d) => ({ ...d, extraQuestions: [...d.extraQuestions, { text: '', kind: 'scale' }] }))
                }
                style={{ alignSelf: 'flex-start' }}
              >
                {t('settings.addQuestion')}
              </Button>
            ) : null}
          </Stack>

          <Stack gap="xs">
            <Title order={3} fz="md">
              {t('settings.minimums')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('settings.minimumsHint', {
                min: Math.max(3, settings.schoolMinGroupSize),
                textMin: settings.schoolMinTextGroupSize,
              })}
            </Text>
            <Group grow align="flex-start">
              <NumberInput
                label={t('settings.minGroupSize')}
                min={Math.max(3, settings.schoolMinGroupSize)}
                max={50}
                allowDecimal={false}
                value={draft.minGroupSize}
                error={fieldErrors.minGroupSize}
                onChange={(v) => setDraft((d) => ({ ...d, minGroupSize: v }))}
              />
              <NumberInput
                label={t('settings.minTextGroupSize')}
                min={3}
                max={50}
                allowDecimal={false}
                value={draft.minTextGroupSize}
                error={fieldErrors.minTextGroupSize}
                onChange={(v) => setDraft((d) => ({ ...d, minTextGroupSize: v }))}
              />
            </Group>
          </Stack>

          <FormError error={Object.keys(fieldErrors).length > 0 ? null : save.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
