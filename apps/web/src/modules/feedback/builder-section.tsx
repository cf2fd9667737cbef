import { ActionIcon, Button, Card, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FeedbackSection } from '@groeipad/contracts';
import { newId } from './builder-draft.ts';

type Props = {
  section: FeedbackSection;
  /** Position among the sections, from 0. */
  index: number;
  editable: boolean;
  errors: Record<string, string>;
  onChange: (section: FeedbackSection) => void;
  onMove: (itemId: string, delta: -1 | 1) => void;
  /** Asks first; see the editor. */
  onRemoveItem: (itemId: string) => void;
  onRemoveSection: () => void;
};

/** The selector of a question's move button, so focus can follow the question after it moved. */
export const moveButton = (itemId: string, direction: 'up' | 'down') =>
  `[data-move="${CSS.escape(itemId)}-${direction}"]`;
/** The selector of a section's 'Vraag toevoegen', where focus goes after one of its questions is removed. */
export const addItemButton = (sectionId: string) => `[data-add-item="${CSS.escape(sectionId)}"]`;

/** One section of the questionnaire: its title and its questions, each movable, retypeable and removable. */
export function SectionCard({
  section,
  index,
  editable,
  errors,
  onChange,
  onMove,
  onRemoveItem,
  onRemoveSection,
}: Props) {
  const { t } = useTranslation('feedback');
  const setItem = (itemIndex: number, change: Partial<FeedbackSection['items'][number]>) =>
    onChange({ ...section, items: section.items.map((it, j) => (j === itemIndex ? { ...it, ...change } : it)) });
  const last = section.items.length - 1;
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            label={t('builder.sectionTitle', { number: index + 1 })}
            value={section.title}
            onChange={(e) => onChange({ ...section, title: e.currentTarget.value })}
            disabled={!editable}
            style={{ flex: 1 }}
            error={errors[`sections.${index}.title`] ?? errors[`sections.${index}.items`]}
          />
          <ActionIcon
            variant="subtle"
            color="red.8"
            mb={4}
            disabled={!editable}
            aria-label={t('builder.removeSection', { title: section.title })}
            onClick={onRemoveSection}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
        {section.items.map((item, i) => (
          <Group key={item.id} gap="xs" align="flex-end" wrap="wrap">
            <Textarea
              label={t('builder.itemText', { number: i + 1 })}
              value={item.text}
              autosize
              minRows={1}
              onChange={(e) => setItem(i, { text: e.currentTarget.value })}
              disabled={!editable}
              style={{ flex: '1 1 18rem' }}
              error={errors[`sections.${index}.items.${i}.text`] ?? errors[`sections.${index}.items.${i}.id`]}
            />
            <Select
              label={t('builder.itemType')}
              data={[
                { value: 'scale', label: t('builder.typeScale') },
                { value: 'open', label: t('builder.typeOpen') },
              ]}
              value={item.type}
              onChange={(v) => setItem(i, { type: v === 'open' ? 'open' : 'scale' })}
              allowDeselect={false}
              disabled={!editable}
              w={150}
            />
            <Group gap={2} wrap="nowrap" mb={4}>
              <ActionIcon
                variant="subtle"
                disabled={!editable || i === 0}
                aria-label={t('builder.moveUp', { number: i + 1 })}
                data-move={`${item.id}-up`}
                onClick={() => onMove(item.id, -1)}
              >
                <IconArrowUp size={18} aria-hidden />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                disabled={!editable || i === last}
                aria-label={t('builder.moveDown', { number: i + 1 })}
                data-move={`${item.id}-down`}
                onClick={() => onMove(item.id, 1)}
              >
                <IconArrowDown size={18} aria-hidden />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red.8"
                disabled={!editable}
                aria-label={t('builder.removeItem', { number: i + 1 })}
                onClick={() => onRemoveItem(item.id)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={!editable}
            data-add-item={section.id}
            onClick={() =>
              onChange({ ...section, items: [...section.items, { id: newId('v'), type: 'scale', text: '' }] })
            }
          >
            {t('builder.addItem')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
