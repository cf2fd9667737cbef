import type { ReactNode, Ref } from 'react';
import { Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconEqual,
  IconPencil,
  IconUserMinus,
  IconUserPlus,
  type IconProps,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '@groeipad/contracts';
import { formatNumber } from '../../ui/format.ts';

/** The frame of one step: a card with the step's heading, which gets focus when the step opens. */
export function StepCard({
  headingRef,
  title,
  intro,
  children,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="import-stap">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title
            order={2}
            fz={{ base: 'lg', sm: 'xl' }}
            id="import-stap"
            ref={headingRef}
            tabIndex={-1}
            style={{ outline: 'none' }}
          >
            {title}
          </Title>
          {typeof intro === 'string' ? (
            <Text c="dimmed" maw={760}>
              {intro}
            </Text>
          ) : (
            (intro ?? null)
          )}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

type StatKey = 'create' | 'update' | 'unchanged' | 'errors' | 'deactivate';
const STAT_LOOK: Record<StatKey, { color: string; icon: ComponentType<IconProps> }> = {
  create: { color: 'groei', icon: IconUserPlus },
  update: { color: 'blue', icon: IconPencil },
  unchanged: { color: 'gray', icon: IconEqual },
  errors: { color: 'red', icon: IconAlertTriangle },
  deactivate: { color: 'orange', icon: IconUserMinus },
};

/** The counts of an import as five cards; the label always says what a number means, not the colour. */
export function ImportStats({
  summary,
  deactivateChosen,
  withErrors = true,
}: {
  summary: ImportSummary;
  deactivateChosen: boolean;
  /** After a commit there can be no errors, so the card is left out. */
  withErrors?: boolean;
}) {
  const { t } = useTranslation('import');
  const keys: StatKey[] = withErrors
    ? ['create', 'update', 'unchanged', 'errors', 'deactivate']
    : ['create', 'update', 'unchanged', 'deactivate'];
  return (
    <SimpleGrid
      cols={{ base: 2, xs: 3, md: keys.length }}
      spacing="sm"
      verticalSpacing="sm"
      role="list"
      aria-label={t('preview.stats.label')}
    >
      {keys.map((key) => {
        const look = STAT_LOOK[key];
        const value = summary[key];
        const muted = value === 0;
        return (
          <Paper
            key={key}
            withBorder
            radius="md"
            p={{ base: 'sm', sm: 'md' }}
            bg={muted ? undefined : `${look.color}.0`}
            role="listitem"
          >
            <Stack gap={4}>
              <Group gap="xs" wrap="nowrap">
                <ThemeIcon variant="light" color={muted ? 'gray' : look.color} size={30} radius="xl">
                  <look.icon size={17} aria-hidden />
                </ThemeIcon>
                <Text fz={{ base: 24, sm: 28 }} fw={750} lh={1.1}>
                  {formatNumber(value)}
                </Text>
              </Group>
              <Text fw={600} c={muted ? 'dimmed' : undefined}>
                {t(`preview.stats.${key}`)}
                {key === 'deactivate' && !deactivateChosen ? (
                  <Text span size="xs" c="dimmed" display="block" fw={400}>
                    {t('preview.stats.deactivateOff')}
                  </Text>
                ) : null}
              </Text>
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
