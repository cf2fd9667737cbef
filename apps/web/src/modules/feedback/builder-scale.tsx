import { ActionIcon, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Draft } from './builder-draft.ts';

type Props = {
  draft: Draft;
  setDraft: (change: (d: Draft) => Draft) => void;
  editable: boolean;
  errors: Record<string, string>;
};

/** The answer scale: 2 to 7 labels from low to high, and an optional 'weet niet'. */
export function ScaleCard({ draft, setDraft, editable, errors }: Props) {
  const { t } = useTranslation('feedback');
  const setScale = (change: (scale: Draft['scale']) => Draft['scale']) =>
    setDraft((d) => ({ ...d, scale: change(d.scale) }));
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="scale-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="scale-title">
          {t('builder.scale')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('builder.scaleHint')}
        </Text>
        {draft.scale.labels.map((label, i) => (
          <Group key={i} gap="xs" wrap="nowrap">
            <TextInput
              label={t('builder.scaleLabel', { value: i + 1 })}
              value={label}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setScale((s) => ({ ...s, labels: s.labels.map((l, j) => (j === i ? value : l)) }));
              }}
              disabled={!editable}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red.8"
              mt={24}
              disabled={!editable || draft.scale.labels.length <= 2}
              aria-label={t('builder.removeLabel', { value: i + 1 })}
              onClick={() => setScale((s) => ({ ...s, labels: s.labels.filter((_, j) => j !== i) }))}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        {errors['scale.labels'] ? (
          <Text c="red.8" size="sm">
            {errors['scale.labels']}
          </Text>
        ) : null}
        <Group>
          <Button
            variant="subtle"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={!editable || draft.scale.labels.length >= 7}
            onClick={() => setScale((s) => ({ ...s, labels: [...s.labels, ''] }))}
          >
            {t('builder.addLabel')}
          </Button>
        </Group>
        <TextInput
          label={t('builder.dontKnow')}
          description={t('builder.dontKnowHint')}
          value={draft.scale.dontKnowLabel ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setScale((s) => ({ ...s, dontKnowLabel: value.trim() ? value : null }));
          }}
          disabled={!editable}
          maw={320}
        />
      </Stack>
    </Card>
  );
}
