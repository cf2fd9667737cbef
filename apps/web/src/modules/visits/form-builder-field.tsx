import { ActionIcon, Card, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TeamFormFieldKind } from '@groeipad/contracts';
import { TEAM_FORM_FIELD_KINDS } from '@groeipad/contracts';

/** A field of a form in the builder, as the user edits it (options one per line). */
export type DraftField = {
  key: string;
  id: string;
  kind: TeamFormFieldKind;
  label: string;
  help: string;
  options: string;
};

/** One field in the builder: its kind, text, help and options, with buttons to move it up, down or away. */
export function FieldCard({
  field,
  index,
  last,
  onChange,
  onMove,
  onRemove,
  error,
}: {
  field: DraftField;
  index: number;
  last: boolean;
  onChange: (patch: Partial<DraftField>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  error: (name: string) => string | undefined;
}) {
  const { t } = useTranslation('visits');
  return (
    <Card withBorder radius="md" p="sm" component="li" aria-label={t('builder.fieldN', { n: index + 1 })}>
      <Stack gap="xs">
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('builder.kind')}
            value={field.kind}
            onChange={(e) => onChange({ kind: e.currentTarget.value as TeamFormFieldKind })}
            data={TEAM_FORM_FIELD_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            w={200}
          />
          <Group gap={4} ml="auto">
            <ActionIcon
              id={`up-${field.key}`}
              variant="default"
              size="lg"
              disabled={index === 0}
              onClick={() => onMove(-1)}
              aria-label={t('builder.up', { n: index + 1 })}
            >
              <IconArrowUp size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon
              id={`down-${field.key}`}
              variant="default"
              size="lg"
              disabled={last}
              onClick={() => onMove(1)}
              aria-label={t('builder.down', { n: index + 1 })}
            >
              <IconArrowDown size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              color="red.8"
              onClick={onRemove}
              aria-label={t('builder.remove', { n: index + 1 })}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <TextInput
          id={`label-${field.key}`}
          label={field.kind === 'heading' ? t('builder.headingLabel') : t('builder.question')}
          required
          value={field.label}
          onChange={(e) => onChange({ label: e.currentTarget.value })}
          maxLength={300}
          error={error('label') ?? error('id')}
        />
        {field.kind !== 'heading' ? (
          <TextInput
            label={t('builder.help')}
            value={field.help}
            onChange={(e) => onChange({ help: e.currentTarget.value })}
            maxLength={500}
            error={error('help')}
          />
        ) : null}
        {field.kind === 'choice' ? (
          <Textarea
            label={t('builder.options')}
            description={t('builder.optionsHint')}
            value={field.options}
            onChange={(e) => onChange({ options: e.currentTarget.value })}
            autosize
            minRows={3}
            error={error('options')}
          />
        ) : null}
      </Stack>
    </Card>
  );
}
