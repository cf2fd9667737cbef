import { useState } from 'react';
import { Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../ui/page.tsx';
import { PageLoader } from '../../ui/query-state.tsx';
import { ClosedRounds } from './closed-rounds.tsx';
import { BarometerLoadError } from './not-found.tsx';
import { useTeamBarometer } from './queries.ts';
import { OpenRoundCard, StartRoundCard } from './round-cards.tsx';
import { SettingsModal } from './settings-modal.tsx';
import { TrendChart, TrendTable } from './trend.tsx';

/**
 * The team's own barometer: the round that runs (or when the next one opens, or that it is due), the outcomes, the
 * trend and the settings. Members only.
 */
export default function BarometerPage() {
  const { t } = useTranslation('barometer');
  const { teamId = '' } = useParams();
  const query = useTeamBarometer(teamId);
  const [settingsOpen, setSettingsOpen] = useState(false);

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return <BarometerLoadError error={query.error} onRetry={() => void query.refetch()} title={t('title')} />;
  }
  const data = query.data;
  const min = Math.max(data.settings.minGroupSize, data.settings.schoolMinGroupSize, 3);
  return (
    <Page
      title={t('titleFor', { team: data.team.name })}
      description={t('intro')}
      actions={
        data.abilities.editSettings ? (
          <Button
            variant="default"
            leftSection={<IconSettings size={18} aria-hidden />}
            onClick={() => setSettingsOpen(true)}
          >
            {t('settings.button')}
          </Button>
        ) : null
      }
    >
      <Anchor component={Link} to={`/team/${data.team.id}`} size="sm" style={{ alignSelf: 'flex-start' }}>
        <IconArrowLeft size={14} aria-hidden /> {data.team.name}
      </Anchor>
      {data.openRound ? (
        <OpenRoundCard round={data.openRound} minGroupSize={min} />
      ) : (
        <StartRoundCard
          key={`start-${data.settings.version}`}
          data={data}
          onOpenSettings={() => setSettingsOpen(true)}
        />
      )}
      <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="trend-title">
        <Stack gap="sm">
          <Title order={2} fz="lg" id="trend-title">
            {t('trend.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('trend.intro')}
          </Text>
          <TrendChart trend={data.trend} />
          <TrendTable trend={data.trend} />
        </Stack>
      </Card>
      <ClosedRounds rounds={data.closedRounds} />
      <SettingsModal
        key={`settings-${data.settings.version}`}
        teamId={data.team.id}
        settings={data.settings}
        standardQuestions={data.standardQuestions}
        opened={settingsOpen}
        onClose={() => setSettingsOpen(false)}
      />
    </Page>
  );
}
