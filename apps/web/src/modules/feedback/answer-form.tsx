import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Progress, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconLock, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FeedbackAnswer, FeedbackForm } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { FormError } from '../../ui/query-state.tsx';
import { useGroupLabel } from './labels.ts';

type Props = {
  form: FeedbackForm;
  submitting: boolean;
  error: unknown;
  onSubmit: (answer: FeedbackAnswer) => void;
};

/** The questionnaire as one long accessible form: a fieldset per statement, progress at the top. */
export function AnswerForm({ form, submitting, error, onSubmit }: Props) {
  const { t } = useTranslation('feedback');
  const groupLabel = useGroupLabel();
  const { instrument } = form;
  const scaleItems = instrument.sections.flatMap((s) => s.items).filter((i) => i.type === 'scale');
  const [scores, setScores] = useState<Record<string, number | 'dk'>>({});
  const [open, setOpen] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const answered = scaleItems.filter((i) => scores[i.id] !== undefined).length;
  const serverErrors = isApiError(error) ? error.fieldErrors() : {};
  const self = form.raterGroup === 'self';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const gaps = scaleItems.filter((i) => scores[i.id] === undefined).map((i) => i.id);
    setMissing(new Set(gaps));
    if (gaps.length > 0) {
      document.getElementById(`item-${gaps[0]}`)?.focus();
      return;
    }
    onSubmit({ scores, open });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Alert
          variant="light"
          color={form.anonymous ? 'groei' : 'blue'}
          icon={form.anonymous ? <IconLock aria-hidden /> : <IconUser aria-hidden />}
        >
          {self
            ? t('answer.selfNote')
            : form.anonymous
              ? t('answer.anonymousNote', { group: groupLabel(form.raterGroup), name: form.subjectFirstName })
              : t('answer.namedNote', { name: form.subjectFirstName })}
        </Alert>
        {form.message ? (
          <Text fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
            “{form.message}”
          </Text>
        ) : null}
        <div
          style={{ position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)', padding: '6px 0' }}
        >
          <Text size="sm" id="answer-progress">
            {t('answer.progress', { answered, total: scaleItems.length })}
          </Text>
          <Progress.Root size="sm">
            <Progress.Section
              value={scaleItems.length ? (answered / scaleItems.length) * 100 : 0}
              aria-labelledby="answer-progress"
            />
          </Progress.Root>
        </div>
        {instrument.sections.map((section) => (
          <Card key={section.id} withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section">
            <Stack gap="md">
              <Title order={2} fz="lg">
                {section.title}
              </Title>
              {section.items.map((item) =>
                item.type === 'scale' ? (
                  <fieldset
                    key={item.id}
                    id={`item-${item.id}`}
                    tabIndex={-1}
                    aria-invalid={missing.has(item.id) && scores[item.id] === undefined}
                    aria-describedby={missing.has(item.id) ? `err-${item.id}` : undefined}
                    style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
                  >
                    <legend style={{ fontWeight: 600, marginBottom: 8, padding: 0 }}>{item.text}</legend>
                    <Stack gap={6}>
                      {instrument.scale.labels.map((label, index) => (
                        <Radio
                          key={label}
                          name={item.id}
                          value={String(index + 1)}
                          label={label}
                          checked={scores[item.id] === index + 1}
                          onChange={() => setScores((s) => ({ ...s, [item.id]: index + 1 }))}
                        />
                      ))}
                      {instrument.scale.dontKnowLabel ? (
                        <Radio
                          name={item.id}
                          value="dk"
                          label={instrument.scale.dontKnowLabel}
                          checked={scores[item.id] === 'dk'}
                          onChange={() => setScores((s) => ({ ...s, [item.id]: 'dk' }))}
                          color="gray"
                        />
                      ) : null}
                    </Stack>
                    {(missing.has(item.id) && scores[item.id] === undefined) || serverErrors[`scores.${item.id}`] ? (
                      <Text id={`err-${item.id}`} c="red.8" size="sm" mt={4}>
                        {serverErrors[`scores.${item.id}`] ?? t('answer.required')}
                      </Text>
                    ) : null}
                  </fieldset>
                ) : (
                  <Textarea
                    key={item.id}
                    label={item.text}
                    description={form.anonymous ? t('answer.openHint') : undefined}
                    autosize
                    minRows={3}
                    maxLength={2000}
                    value={open[item.id] ?? ''}
                    error={serverErrors[`open.${item.id}`]}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setOpen((o) => ({ ...o, [item.id]: value }));
                    }}
                  />
                ),
              )}
            </Stack>
          </Card>
        ))}
        {missing.size > 0 && answered < scaleItems.length ? (
          <Alert color="red" variant="light" role="alert">
            {t('answer.missing', { count: scaleItems.length - answered })}
          </Alert>
        ) : null}
        <FormError error={error} />
        <Button type="submit" size="md" loading={submitting}>
          {t('answer.submit')}
        </Button>
      </Stack>
    </form>
  );
}
