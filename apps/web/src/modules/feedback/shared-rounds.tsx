import { Anchor, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../app/i18n.ts';
import { useSharedRounds } from './queries.ts';

function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(new Date(iso));
}

/** For a leidinggevende: the 360° results their staff chose to share, so they can study them before a conversation. */
export function SharedRounds() {
  const { t } = useTranslation('feedback');
  const shared = useSharedRounds();
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="gedeelde-feedback">
      <Stack gap="xs">
        <Title order={2} fz="lg" id="gedeelde-feedback">
          {t('shared.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('shared.intro')}
        </Text>
        {shared.isPending ? <Skeleton height={40} /> : null}
        {shared.data && shared.data.items.length === 0 ? <Text size="sm">{t('shared.empty')}</Text> : null}
        {shared.data && shared.data.items.length > 0 ? (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {shared.data.items.map((r) => (
              <li key={r.id}>
                <Anchor component={Link} to={`/feedback/${r.id}`} fw={600}>
                  {t('shared.item', { name: r.subject.displayName, title: r.title })}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {r.closedAt
                    ? t('shared.closed', { date: formatDay(r.closedAt), count: r.answered })
                    : t('shared.open', { answered: r.answered, invited: r.invited })}
                </Text>
              </li>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
