import { Checkbox, NativeSelect, Radio, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PreparationAnswers, PreparationFormField } from '@groeipad/contracts';

// The team's form as the participants fill it together on one screen (a phone is enough), and as the rest of the
// team reads it.

type Value = PreparationAnswers[string];

function FieldInput({
  field,
  value,
  error,
  onChange,
}: {
  field: PreparationFormField;
  value: Value | undefined;
  error?: string | undefined;
  onChange: (value: Value) => void;
}) {
  const { t } = useTranslation('preparations');
  const description = field.help || undefined;
  switch (field.kind) {
    case 'heading':
      return (
        <Title order={3} size="h4" mt="sm">
          {field.label}
        </Title>
      );
    case 'text':
      return (
        <Textarea
          label={field.label}
          description={description}
          error={error}
          autosize
          minRows={2}
          maxLength={4000}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'scale':
      return (
        <Radio.Group
          label={field.label}
          description={description}
          error={error}
          value={typeof value === 'number' ? String(value) : ''}
          onChange={(v) => onChange(v === '' ? null : Number(v))}
        >
          <Group gap="md" mt={6}>
            {[1, 2, 3, 4].map((n) => (
              <Radio key={n} value={String(n)} label={String(n)} />
            ))}
            <Radio value="" label={t('fill.open')} />
          </Group>
        </Radio.Group>
      );
    case 'check':
      return (
        <Checkbox
          label={field.label}
          description={description}
          error={error}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      );
    case 'choice':
      return (
        <NativeSelect
          label={field.label}
          description={description}
          error={error}
          data={[{ value: '', label: t('fill.choose') }, ...(field.options ?? [])]}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
        />
      );
  }
}

export function FillFields({
  fields,
  answers,
  errors,
  onChange,
}: {
  fields: PreparationFormField[];
  answers: PreparationAnswers;
  errors: Record<string, string>;
  onChange: (id: string, value: Value) => void;
}) {
  return (
    <Stack gap="md">
      {fields.map((f) => (
        <FieldInput
          key={f.id}
          field={f}
          value={answers[f.id]}
          error={errors[`answers.${f.id}`]}
          onChange={(v) => onChange(f.id, v)}
        />
      ))}
    </Stack>
  );
}

/** The answers as text, for those who read along. */
export function ReadFields({ fields, answers }: { fields: PreparationFormField[]; answers: PreparationAnswers }) {
  const { t } = useTranslation('preparations');
  const shown = (f: PreparationFormField) => {
    const v = answers[f.id];
    if (v === undefined || v === null || v === '') return t('fill.notAnswered');
    if (f.kind === 'check') return v === true ? t('fill.yes') : t('fill.no');
    if (f.kind === 'scale') return t('fill.scoreOf', { n: v });
    return String(v);
  };
  return (
    <Stack gap="sm">
      {fields.map((f) =>
        f.kind === 'heading' ? (
          <Title key={f.id} order={3} size="h4" mt="sm">
            {f.label}
          </Title>
        ) : (
          <div key={f.id}>
            <Text fw={700} size="sm">
              {f.label}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{shown(f)}</Text>
          </div>
        ),
      )}
    </Stack>
  );
}
