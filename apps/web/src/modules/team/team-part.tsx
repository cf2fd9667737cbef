import { Group, List, Stack, Text, Title } from '@mantine/core';
import { IconConfetti, IconMoodHappy, IconMoodNeutral, IconMoodSad, IconParking } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TeamBoard, TeamMood } from '@groeipad/contracts';
import { formatDay } from './format.ts';
import { ItemList } from './item-list.tsx';

export const MOOD_ICONS: Record<TeamMood, typeof IconMoodHappy> = {
  positive: IconMoodHappy,
  neutral: IconMoodNeutral,
  negative: IconMoodSad,
};
export const MOODS: readonly TeamMood[] = ['positive', 'neutral', 'negative'];

/** Team and successes: the mood of the latest session (counts only), what to celebrate, and parked discussions. */
export function TeamPart({ board }: { board: TeamBoard }) {
  const { t } = useTranslation('team');
  const teamId = board.team.id;
  const mood = board.latestMood;
  const celebrated = board.actions.filter((a) => a.celebratedAt);
  const successes = board.items.filter((i) => i.kind === 'success');
  return (
    <Stack gap="md">
      <Stack gap={4} component="section" aria-labelledby={`sfeer-${teamId}`}>
        <Title order={3} fz="md" id={`sfeer-${teamId}`}>
          {t('mood.title')}
        </Title>
        {mood && mood.positive + mood.neutral + mood.negative > 0 ? (
          <>
            <Text size="sm" c="dimmed">
              {t('mood.of', { date: formatDay(mood.heldOn) })}
            </Text>
            <Group gap="lg">
              {MOODS.map((m) => {
                const Icon = MOOD_ICONS[m];
                return (
                  <Group key={m} gap={6} wrap="nowrap">
                    <Icon size={28} aria-hidden />
                    <Text size="sm">
                      <Text span fw={700} fz="lg">
                        {mood[m]}
                      </Text>{' '}
                      {t(`mood.${m}`)}
                    </Text>
                  </Group>
                );
              })}
            </Group>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('mood.empty')}
          </Text>
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby={`successen-${teamId}`}>
        <Title order={3} fz="md" id={`successen-${teamId}`}>
          {t('successes.title')}
        </Title>
        {celebrated.length > 0 ? (
          <List spacing={4} listStyleType="none" p={0} aria-label={t('successes.celebratedActions')}>
            {celebrated.map((a) => (
              <List.Item key={a.id}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <IconConfetti size={18} aria-hidden />
                  <Text size="sm">{t('successes.actionDone', { title: a.title })}</Text>
                </Group>
              </List.Item>
            ))}
          </List>
        ) : null}
        <ItemList
          teamId={teamId}
          kind="success"
          items={successes}
          canEdit={board.abilities.edit}
          label={t('successes.title')}
          addLabel={t('successes.add')}
          emptyText={celebrated.length > 0 ? t('successes.emptyWithActions') : t('successes.empty')}
          emptyIcon={<IconConfetti aria-hidden />}
        />
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby={`parkeren-${teamId}`}>
        <Title order={3} fz="md" id={`parkeren-${teamId}`}>
          {t('parking.title')}
        </Title>
        <ItemList
          teamId={teamId}
          kind="parking"
          items={board.items.filter((i) => i.kind === 'parking')}
          canEdit={board.abilities.edit}
          label={t('parking.title')}
          addLabel={t('parking.add')}
          emptyText={t('parking.empty')}
          emptyIcon={<IconParking aria-hidden />}
        />
      </Stack>
    </Stack>
  );
}
