import { useState } from 'react';
import { Badge, Button, Card, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconEyeOff, IconShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BarometerClosedRound } from '@groeipad/contracts';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { formatDay } from './labels.ts';
import { useBarometerResults } from './queries.ts';
import { ResultsView } from './results-view.tsx';

function RoundResults({ roundId }: { roundId: string }) {
  const results = useBarometerResults(roundId);
  if (results.isPending) return <PageLoader />;
  if (results.isError) return <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  return <ResultsView results={results.data} headingLevel={4} />;
}

function ClosedRound({ round, initiallyOpen }: { round: BarometerClosedRound; initiallyOpen: boolean }) {
  const { t } = useTranslation('barometer');
  const [open, setOpen] = useState(initiallyOpen);
  const id = `round-${round.id}`;
  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="article" aria-labelledby={`${id}-title`}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Stack gap={2}>
            <Title order={3} fz="md" id={`${id}-title`}>
              {t('results.round', { from: formatDay(round.opensOn), to: formatDay(round.closesOn) })}
            </Title>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t('results.respondents', { answered: round.answered, invited: round.invited })}
              </Text>
              {round.shown ? null : (
                <Badge variant="light" color="gray" leftSection={<IconEyeOff size={12} aria-hidden />}>
                  {t('results.withheldBadge')}
                </Badge>
              )}
              {round.sharedAt ? (
                <Badge variant="light" color="blue" leftSection={<IconShare size={12} aria-hidden />}>
                  {t('results.shared')}
                </Badge>
              ) : null}
            </Group>
          </Stack>
          <Button
            variant="subtle"
            size="sm"
            aria-expanded={open}
            aria-controls={id}
            rightSection={open ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? t('results.hide') : t('results.show')}
          </Button>
        </Group>
        <Collapse expanded={open} id={id}>
          {open ? <RoundResults roundId={round.id} /> : null}
        </Collapse>
      </Stack>
    </Card>
  );
}

/** Every closed round, newest first; the newest opens with its outcome. */
export function ClosedRounds({ rounds }: { rounds: BarometerClosedRound[] }) {
  const { t } = useTranslation('barometer');
  return (
    <Stack gap="sm" component="section" aria-labelledby="closed-rounds">
      <Title order={2} fz="lg" id="closed-rounds">
        {t('results.title')}
      </Title>
      {rounds.length === 0 ? <Text c="dimmed">{t('results.none')}</Text> : null}
      {rounds.map((r, i) => (
        <ClosedRound key={r.id} round={r} initiallyOpen={i === 0} />
      ))}
    </Stack>
  );
}
