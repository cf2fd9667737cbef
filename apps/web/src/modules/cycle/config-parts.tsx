import type { ReactNode } from 'react';
import { ActionIcon, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DeleteButton } from './delete-button.tsx';
import type { CyclePart } from './queries.ts';

// The building blocks the cycle configuration's sections share: a section's intro with its add buttons, a card
// per item, the item's edit and delete buttons, and the buttons under a modal's form.

/** A section's intro beside the buttons that add to it (only for someone who may edit). */
export function SectionHeader({ intro, actions }: { intro: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" maw={640}>
        {intro}
      </Text>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}

export type RemoveTarget = {
  part: CyclePart;
  id: string;
  /** How the item is named in the button's label and the question ("{{name}} verwijderen?"). */
  name: string;
  /** What deleting does, including when the item is switched off instead because it is in use. */
  consequence: string;
};

/** Edit (opens the item's form) and delete (asks once, saying what happens); no delete when `remove` is null. */
export function ItemActions(props: {
  schoolId: string;
  editLabel: string;
  onEdit: () => void;
  remove: RemoveTarget | null;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="subtle" onClick={props.onEdit} aria-label={props.editLabel}>
        <IconPencil size={18} aria-hidden />
      </ActionIcon>
      {props.remove ? <DeleteButton schoolId={props.schoolId} {...props.remove} /> : null}
    </Group>
  );
}

/**
 * One item of the configuration (a kind of conversation, a school year): its name as a heading, small facts
 * beside and under it, its actions on the right, and its details below. A switched-off item gets a grey card.
 */
export function ConfigCard(props: {
  title: string;
  /** Beside the title: badges, dates. */
  tags?: ReactNode;
  /** Under the title: a description, the forms it uses. */
  meta?: ReactNode;
  /** ItemActions, for someone who may edit. */
  actions?: ReactNode;
  inactive?: boolean;
  children?: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" bg={props.inactive ? 'gray.0' : undefined}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Title order={3} fz="md">
                {props.title}
              </Title>
              {props.tags}
            </Group>
            {props.meta}
          </Stack>
          {props.actions}
        </Group>
        {props.children}
      </Stack>
    </Paper>
  );
}

/** Cancel and save under a modal's form. */
export function FormButtons({ onCancel, saving }: { onCancel: () => void; saving: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('actions.cancel')}
      </Button>
      <Button type="submit" loading={saving}>
        {t('actions.save')}
      </Button>
    </Group>
  );
}
