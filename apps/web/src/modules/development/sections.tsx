import type { ReactNode } from 'react';
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DevelopmentGoal } from '@groeipad/contracts';
import { GoalCard } from './goal-card.tsx';
import { formatDay, GoalStatusBadge } from './parts.tsx';

/** A titled card section of the plan page. */
export function Section({
  id,
  title,
  intro,
  action,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <div>
          <Title order={2} fz="lg" id={id}>
            {title}
          </Title>
          {intro ? (
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          ) : null}
        </div>
        {children}
        {action}
      </Stack>
    </Card>
  );
}

export const isFinished = (g: DevelopmentGoal) => g.status === 'achieved' || g.status === 'stopped';

/** Achieved and stopped goals stay in the plan as a short list; each opens to the full card. */
export function FinishedGoals({
  goals,
  personId,
  allGoals,
  viewer = 'owner',
}: {
  goals: DevelopmentGoal[];
  personId: string;
  allGoals: DevelopmentGoal[];
  viewer?: 'owner' | 'manager';
}) {
  const { t } = useTranslation('development');
  if (goals.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="afgerond-titel" mt="sm">
      <Title order={3} fz="md" id="afgerond-titel">
        {t('goals.finished', { count: goals.length })}
      </Title>
      {goals.map((g) => (
        <Card key={g.id} withBorder radius="md" p="xs">
          <details>
            <summary style={{ cursor: 'pointer' }}>
              <Group component="span" gap="xs" display="inline-flex" wrap="wrap">
                <Text span fw={600}>
                  {g.title}
                </Text>
                <GoalStatusBadge status={g.status} />
                {g.targetDate ? (
                  <Text span size="sm" c="dimmed">
                    {t('goal.target', { date: formatDay(g.targetDate) })}
                  </Text>
                ) : null}
              </Group>
            </summary>
            <Stack mt="xs">
              <GoalCard goal={g} personId={personId} viewer={viewer} allGoals={allGoals} headingOrder={4} />
            </Stack>
          </details>
        </Card>
      ))}
    </Stack>
  );
}
