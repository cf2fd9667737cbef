import { Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TeamFormAnswers, TeamFormField } from '@groeipad/contracts';
import { TEAM_FORM_SCALE_MAX } from '@groeipad/contracts';

type Answer = TeamFormAnswers[string];

const SCALE = Array.from({ length: TEAM_FORM_SCALE_MAX }, (_, i) => i + 1);
const NOT_SEEN = 'niet-gezien';

/**
 * A team form to fill in (or to preview in the builder): headings, then per question radio buttons or a text
 * area, each with its label. Works at phone width; every choice is a native radio, so keyboard and screen readers
 * work as usual. `onChange` absent: read only.
 */
export function FormFill({
  fields,
  answers,
  onChange,
  idPrefix,
  errors = {},
}: {
  fields: readonly TeamFormField[];
  answers: TeamFormAnswers;
  onChange?: (fieldId: string, value: Answer) => void;
  idPrefix: string;
  errors?: Record<string, string>;
}) {
  const { t } = useTranslation('visits');
  const readOnly = !onChange;
  const set = (id: string, value: Answer) => onChange?.(id, value);
  return (
    <Stack gap="md">
      {fields.map((field) => {
        const id = `${idPrefix}-${field.id}`;
        const value = answers[field.id] ?? null;
        const error = errors[field.id];
        const help = field.help ? (
          <Text size="sm" c="dimmed" component="span">
            {field.help}
          </Text>
        ) : undefined;
        switch (field.kind) {
          case 'heading':
            return (
              <Title key={field.id} order={3} fz="md" mt="xs">
                {field.label}
              </Title>
            );
          case 'text':
            return (
              <Textarea
                key={field.id}
                id={id}
                label={field.label}
                description={help}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => set(field.id, e.currentTarget.value)}
                readOnly={readOnly}
                autosize
                minRows={2}
                maxLength={4000}
                error={error}
              />
            );
          case 'scale':
            return (
              <Radio.Group
                key={field.id}
                id={id}
                label={field.label}
                description={help}
                value={value === null ? (readOnly ? '' : NOT_SEEN) : String(value)}
                onChange={(v) => set(field.id, v === NOT_SEEN ? null : Number(v))}
                error={error}
                readOnly={readOnly}
              >
                <Stack gap={6} mt={6}>
                  {SCALE.map((n) => (
                    <Radio key={n} value={String(n)} label={t(`fill.scale.${n as 1}`)} disabled={readOnly} />
                  ))}
                  <Radio value={NOT_SEEN} label={t('fill.notSeen')} disabled={readOnly} />
                </Stack>
              </Radio.Group>
            );
          case 'check':
            return (
              <Radio.Group
                key={field.id}
                id={id}
                label={field.label}
                description={help}
                value={value === true ? 'yes' : value === false ? 'no' : readOnly ? '' : NOT_SEEN}
                onChange={(v) => set(field.id, v === 'yes' ? true : v === 'no' ? false : null)}
                error={error}
                readOnly={readOnly}
              >
                <Stack gap={6} mt={6}>
                  <Radio value="yes" label={t('fill.yes')} disabled={readOnly} />
                  <Radio value="no" label={t('fill.no')} disabled={readOnly} />
                  <Radio value={NOT_SEEN} label={t('fill.notSeen')} disabled={readOnly} />
                </Stack>
              </Radio.Group>
            );
          case 'choice':
            return (
              <Radio.Group
                key={field.id}
                id={id}
                label={field.label}
                description={help}
                value={typeof value === 'string' && value !== '' ? value : readOnly ? '' : NOT_SEEN}
                onChange={(v) => set(field.id, v === NOT_SEEN ? null : v)}
                error={error}
                readOnly={readOnly}
              >
                <Stack gap={6} mt={6}>
                  {(field.options ?? []).map((o) => (
                    <Radio key={o} value={o} label={o} disabled={readOnly} />
                  ))}
                  <Radio value={NOT_SEEN} label={t('fill.notSeen')} disabled={readOnly} />
                </Stack>
              </Radio.Group>
            );
        }
      })}
    </Stack>
  );
}

/** The answers as text, for reading a filled form (the leidinggevende, the observed person). */
export function FormAnswersView({ fields, answers }: { fields: readonly TeamFormField[]; answers: TeamFormAnswers }) {
  const { t } = useTranslation('visits');
  const show = (field: TeamFormField): string => {
    const v = answers[field.id];
    if (v === undefined || v === null || v === '') return t('fill.noAnswer');
    if (field.kind === 'scale' && typeof v === 'number') return t(`fill.scale.${v as 1}`);
    if (field.kind === 'check') return v === true ? t('fill.yes') : t('fill.no');
    return String(v);
  };
  return (
    <Stack gap="sm">
      {fields.map((field) =>
        field.kind === 'heading' ? (
          <Title key={field.id} order={3} fz="md" mt="xs">
            {field.label}
          </Title>
        ) : (
          <div key={field.id}>
            <Text fw={600} size="sm">
              {field.label}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {show(field)}
            </Text>
          </div>
        ),
      )}
    </Stack>
  );
}
