import { Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconMessage2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { useConversations } from '../conversations/queries.ts';
import { useMyRounds } from '../feedback/queries.ts';

function formatDay(day: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: 'long' }).format(
    new Date(`${day}T12:00:00`),
  );
}

/** The next conversation and what to prepare for it: where the plan meets the cycle. */
function NextConversationCard() {
  const { t } = useTranslation('development');
  // 'Upcoming' counts from today on, so a conversation held, signed or cancelled today is in it too: the
  // next one is the first still to be held.
  const list = useConversations({ role: 'employee', when: 'upcoming', pageSize: 10 });
  const next = list.data?.items.find((c) => c.state === 'planned' || c.state === 'preparing');
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-labelledby="volgende-gesprek">
      <Stack gap="xs">
        <Group gap="xs">
          <IconCalendarEvent size={20} aria-hidden />
          <Title order={2} fz="md" id="volgende-gesprek">
            {t('cycle.nextTitle')}
          </Title>
        </Group>
        {list.isPending ? (
          <Skeleton height={48} />
        ) : next ? (
          <>
            <Text fw={600}>
              {next.kindName} · {formatDateTime(next.scheduledAt)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('cycle.with', { name: next.manager.displayName })}
              {next.location ? ` · ${next.location}` : ''}
            </Text>
            {next.preparationShared ? (
              <Badge variant="light" color="green">
                {t('cycle.prepared')}
              </Badge>
            ) : next.preparationDueOn ? (
              <Text size="sm">{t('cycle.prepareBy', { date: formatDay(next.preparationDueOn) })}</Text>
            ) : null}
            <Button component={Link} to={`/gesprekken/${next.id}`} variant="light" style={{ alignSelf: 'flex-start' }}>
              {next.preparationShared ? t('cycle.open') : t('cycle.prepare')}
            </Button>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('cycle.noneNext')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** Feedback received: the person's 360° rounds, newest first, and the way to ask for more. */
function FeedbackCard() {
  const { t } = useTranslation('development');
  const rounds = useMyRounds();
  const latest = rounds.data?.items.slice(0, 2) ?? [];
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-labelledby="feedback-ontvangen">
      <Stack gap="xs">
        <Group gap="xs">
          <IconMessage2 size={20} aria-hidden />
          <Title order={2} fz="md" id="feedback-ontvangen">
            {t('cycle.feedbackTitle')}
          </Title>
        </Group>
        {rounds.isPending ? (
          <Skeleton height={48} />
        ) : latest.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('cycle.feedbackNone')}
          </Text>
        ) : (
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {latest.map((r) => (
              <li key={r.id}>
                <Text component={Link} to={`/feedback/${r.id}`} fw={600} c="groei.9" td="underline">
                  {r.title}
                </Text>
                <Text size="sm" c="dimmed">
                  {r.status === 'closed'
                    ? t('cycle.feedbackClosed', { answered: r.answered })
                    : t('cycle.feedbackOpen', {
                        answered: r.answered,
                        invited: r.invited,
                        date: formatDay(r.closesOn),
                      })}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        <Group gap="xs">
          <Button component={Link} to="/feedback" variant="light">
            {latest.length === 0 ? t('cycle.feedbackAsk') : t('cycle.feedbackAll')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function CycleCards() {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <NextConversationCard />
      <FeedbackCard />
    </SimpleGrid>
  );
}
