import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Progress, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BarometerAnswer, BarometerForm } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { FormError } from '../../ui/query-state.tsx';
import { SCALE, useQuestionText } from './labels.ts';

type Props = {
  form: BarometerForm;
  submitting: boolean;
  error: unknown;
  onSubmit: (answer: BarometerAnswer) => void;
};

// Large targets for a thumb: each answer is a whole bordered box, the radio inside it.
const OPTION_STYLES = {
  root: {
    border: '1px solid var(--mantine-color-gray-4)',
    borderRadius: 'var(--mantine-radius-md)',
    padding: '10px 12px',
    minHeight: 48,
    display: 'flex',
    alignItems: 'center',
  },
  body: { alignItems: 'center', width: '100%' },
  labelWrapper: { width: '100%' },
  label: { cursor: 'pointer', paddingInlineStart: 10 },
} as const;

/** The barometer on one page: a group of large radio buttons per statement, open questions after them. */
export function AnswerForm({ form, submitting, error, onSubmit }: Props) {
  const { t } = useTranslation('barometer');
  const questionText = useQuestionText();
  const scales = form.questions.filter((q) => q.kind === 'scale');
  const texts = form.questions.filter((q) => q.kind === 'text');
  const [scores, setScores] = useState<Record<string, number | 'dk'>>({});
  const [open, setOpen] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const answered = scales.filter((q) => scores[q.id] !== undefined).length;
  const serverErrors = isApiError(error) ? error.fieldErrors() : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const gap = scales.find((q) => scores[q.id] === undefined);
    if (gap) {
      document.querySelector<HTMLInputElement>(`input[name="q-${gap.id}"]`)?.focus();
      return;
    }
    onSubmit({ scores, texts: open });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Alert variant="light" color="groei" icon={<IconLock aria-hidden />}>
          {t('fill.anonymous', { min: form.minGroupSize, textMin: form.minTextGroupSize })}
        </Alert>
        <div
          style={{ position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)', padding: '6px 0' }}
        >
          <Text size="sm" id="barometer-progress">
            {t('fill.progress', { answered, total: scales.length })}
          </Text>
          <Progress.Root size="sm">
            <Progress.Section
              value={scales.length ? (answered / scales.length) * 100 : 0}
              aria-labelledby="barometer-progress"
            />
          </Progress.Root>
        </div>
        {scales.map((q) => {
          const missing = tried && scores[q.id] === undefined;
          const message = serverErrors[`scores.${q.id}`] ?? (missing ? t('fill.required') : undefined);
          return (
            <Card key={q.id} withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
              <Radio.Group
                name={`q-${q.id}`}
                label={questionText(q)}
                value={scores[q.id] === undefined ? null : String(scores[q.id])}
                onChange={(v) => setScores((s) => ({ ...s, [q.id]: v === 'dk' ? 'dk' : Number(v) }))}
                error={message}
                styles={{ label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600, marginBottom: 8 } }}
              >
                <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" mt={4}>
                  {SCALE.map((value) => (
                    <Radio
                      key={value}
                      value={String(value)}
                      size="md"
                      label={`${value} · ${t(`scale.${value}`)}`}
                      styles={OPTION_STYLES}
                    />
                  ))}
                  <Radio value="dk" size="md" color="gray" label={t('scale.dk')} styles={OPTION_STYLES} />
                </SimpleGrid>
              </Radio.Group>
            </Card>
          );
        })}
        {texts.map((q) => (
          <Card key={q.id} withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
            <Textarea
              label={questionText(q)}
              description={t('fill.openHint')}
              autosize
              minRows={3}
              maxLength={2000}
              value={open[q.id] ?? ''}
              error={serverErrors[`texts.${q.id}`]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setOpen((o) => ({ ...o, [q.id]: value }));
              }}
              styles={{ label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600 } }}
            />
          </Card>
        ))}
        {tried && answered < scales.length ? (
          <Alert color="red" variant="light" role="alert">
            {t('fill.missing', { count: scales.length - answered })}
          </Alert>
        ) : null}
        <FormError error={error} />
        <Button type="submit" size="lg" loading={submitting}>
          {t('fill.submit')}
        </Button>
      </Stack>
    </form>
  );
}
