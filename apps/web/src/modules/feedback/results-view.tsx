import { Badge, Box, Card, Grid, Group, List, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconEyeOff, IconLock, IconUser, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FeedbackResultItem, FeedbackResults } from '@groeipad/contracts';
import { formatMean } from './format.ts';
import { useGroupLabel } from './labels.ts';

// Colours from low to high; every bar also carries its numbers as text.
const SHADES = ['red.6', 'orange.5', 'lime.6', 'groei.7', 'teal.7', 'cyan.7', 'blue.7'];
const shadeOf = (i: number, count: number) => SHADES[Math.round((i / Math.max(1, count - 1)) * 3)];

/** Which colour in the bars is which answer. */
function ColourKey({ labels }: { labels: string[] }) {
  const { t } = useTranslation('feedback');
  return (
    <Group gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('results.colours')}>
      {labels.map((label, i) => (
        <Group key={label} component="li" gap={6} wrap="nowrap">
          <Box bg={shadeOf(i, labels.length)} w={14} h={14} style={{ borderRadius: 3, flexShrink: 0 }} aria-hidden />
          <Text size="sm">{label}</Text>
        </Group>
      ))}
    </Group>
  );
}

function Distribution({ distribution, labels }: { distribution: number[]; labels: string[] }) {
  const total = distribution.reduce((a, b) => a + b, 0);
  const text = distribution.map((n, i) => `${labels[i]}: ${n}`).join(', ');
  return (
    <Box
      role="img"
      aria-label={text}
      style={{ display: 'flex', height: 14, borderRadius: 4, overflow: 'hidden' }}
      bg="gray.2"
    >
      {distribution.map((n, i) =>
        n > 0 ? (
          <Tooltip key={i} label={`${labels[i]}: ${n}`}>
            <Box bg={shadeOf(i, labels.length)} style={{ width: `${(n / total) * 100}%` }} />
          </Tooltip>
        ) : null,
      )}
    </Box>
  );
}

function ScaleItem({ item, results }: { item: FeedbackResultItem; results: FeedbackResults }) {
  const { t } = useTranslation('feedback');
  const groupLabel = useGroupLabel();
  const labels = results.scale.labels;
  const named = (v: number | 'dk' | null) =>
    v === null ? null : v === 'dk' ? (results.scale.dontKnowLabel ?? '') : `${labels[v - 1]} (${v})`;
  return (
    <Stack gap={6}>
      <Text fw={600}>{item.text}</Text>
      {item.cells.map((cell) => (
        <Grid key={cell.group} gap={4} align="center">
          <Grid.Col span={{ base: 6, sm: 3 }} order={1}>
            <Text size="sm">{groupLabel(cell.group)}</Text>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }} order={{ base: 3, sm: 2 }}>
            <Distribution distribution={cell.distribution} labels={labels} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }} order={{ base: 2, sm: 3 }}>
            <Text size="sm" ta={{ base: 'right', sm: 'left' }}>
              <b>{formatMean(cell.mean)}</b>{' '}
              <Text span size="xs" c="dimmed">
                · {t('results.n', { count: cell.n })}
                {cell.dontKnow ? ` · ${t('results.dontKnow', { count: cell.dontKnow })}` : ''}
              </Text>
            </Text>
          </Grid.Col>
        </Grid>
      ))}
      {item.withheld.map((w) => (
        <Text key={w.group} size="sm" c="dimmed">
          <IconEyeOff size={14} aria-hidden /> {groupLabel(w.group)}: {t(`results.withheld.${w.reason}`)}
        </Text>
      ))}
      {item.cells.length === 0 && item.withheld.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('results.noAnswers')}
        </Text>
      ) : null}
      <Group gap="md">
        {item.self !== null ? (
          <Text size="sm">
            <IconUser size={14} aria-hidden /> {t('results.self')}: <b>{named(item.self)}</b>
          </Text>
        ) : null}
        {item.leidinggevende !== null ? (
          <Text size="sm">
            <IconUsers size={14} aria-hidden /> {t('results.manager')}: <b>{named(item.leidinggevende)}</b>
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}

function OpenItem({ item }: { item: FeedbackResultItem }) {
  const { t } = useTranslation('feedback');
  const groupLabel = useGroupLabel();
  return (
    <Stack gap={6}>
      <Text fw={600}>{item.text}</Text>
      {item.answers.map((a) => (
        <div key={a.group}>
          <Text size="sm" c="dimmed">
            {groupLabel(a.group)}
          </Text>
          <List size="sm" spacing={4}>
            {a.texts.map((text, i) => (
              <List.Item key={i} style={{ whiteSpace: 'pre-wrap' }}>
                {text}
              </List.Item>
            ))}
          </List>
        </div>
      ))}
      {item.withheld.map((w) => (
        <Text key={w.group} size="sm" c="dimmed">
          <IconEyeOff size={14} aria-hidden /> {groupLabel(w.group)}: {t('results.textWithheld', { count: w.missing })}
        </Text>
      ))}
      {item.selfText ? (
        <Text size="sm">
          <IconUser size={14} aria-hidden /> {t('results.self')}: {item.selfText}
        </Text>
      ) : null}
      {item.leidinggevendeText ? (
        <Text size="sm">
          <IconUsers size={14} aria-hidden /> {t('results.manager')}: {item.leidinggevendeText}
        </Text>
      ) : null}
      {item.answers.length === 0 && item.withheld.length === 0 && !item.selfText && !item.leidinggevendeText ? (
        <Text size="sm" c="dimmed">
          {t('results.noAnswers')}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The guarded results: distributions and means per group, named ratings beside them, withheld groups explained. */
export function ResultsView({ results }: { results: FeedbackResults }) {
  const { t } = useTranslation('feedback');
  const groupLabel = useGroupLabel();
  return (
    <Stack gap="md">
      <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="results-groups">
        <Stack gap="xs">
          <Title order={2} fz="lg" id="results-groups">
            {t('results.groupsTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            <IconLock size={14} aria-hidden />{' '}
            {t('results.privacy', { min: results.minGroupSize, textMin: results.minTextGroupSize })}
          </Text>
          <Group gap="xs">
            {results.groups.map((g) => (
              <Badge
                key={g.group}
                variant="light"
                color={g.status === 'shown' ? 'groei' : g.status === 'folded' ? 'blue' : 'gray'}
                leftSection={g.status === 'withheld' ? <IconEyeOff size={14} aria-hidden /> : undefined}
              >
                {groupLabel(g.group)}: {t(`results.status.${g.status}`)}
              </Badge>
            ))}
          </Group>
          {results.groups
            .filter((g) => g.status === 'withheld' && g.respondents > 0)
            .map((g) => (
              <Text key={g.group} size="sm">
                {t('results.groupWithheld', { group: groupLabel(g.group), count: g.missing })}
              </Text>
            ))}
          {results.others.length > 0 ? (
            <Text size="sm">{t('results.folded', { groups: results.others.map(groupLabel).join(', ') })}</Text>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('results.legend', { labels: results.scale.labels.map((l, i) => `${i + 1} = ${l}`).join(', ') })}
          </Text>
          <ColourKey labels={results.scale.labels} />
        </Stack>
      </Card>
      {results.sections.map((section) => (
        <Card key={section.id} withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section">
          <Stack gap="lg">
            <Title order={2} fz="lg">
              {section.title}
            </Title>
            {section.items.map((item) =>
              item.type === 'scale' ? (
                <ScaleItem key={item.id} item={item} results={results} />
              ) : (
                <OpenItem key={item.id} item={item} />
              ),
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
