import { useState } from 'react';
import { Alert, Badge, Box, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconEyeOff, IconLock, IconShare, IconShareOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BarometerResultQuestion, BarometerResults } from '@groeipad/contracts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { formatDay, formatMean, SCALE, useQuestionText } from './labels.ts';
import { useShareRound } from './queries.ts';

// From "helemaal oneens" to "helemaal eens"; every bar also carries its numbers as text.
const SHADES = ['red.7', 'orange.6', 'gray.5', 'lime.7', 'groei.7'];

function Distribution({ distribution }: { distribution: number[] }) {
  const { t } = useTranslation('barometer');
  const total = distribution.reduce((a, b) => a + b, 0);
  const text = distribution.map((n, i) => `${t(`scale.${SCALE[i]!}`)}: ${n}`).join(', ');
  return (
    <Box
      role="img"
      aria-label={`${t('results.distribution')}: ${text}`}
      style={{ display: 'flex', height: 16, borderRadius: 4, overflow: 'hidden' }}
      bg="gray.2"
    >
      {distribution.map((n, i) =>
        n > 0 ? <Box key={i} bg={SHADES[i]} style={{ width: `${(n / total) * 100}%` }} title={`${n}`} /> : null,
      )}
    </Box>
  );
}

function ScaleResult({ q }: { q: BarometerResultQuestion }) {
  const { t } = useTranslation('barometer');
  if (!q.score) {
    return (
      <Text size="sm" c="dimmed">
        <IconEyeOff size={14} aria-hidden /> {t('results.withheldQuestion', { count: q.withheld?.missing ?? 0 })}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Distribution distribution={q.score.distribution} />
      <Text size="sm">
        <b>{t('results.mean', { mean: formatMean(q.score.mean) })}</b>{' '}
        <Text span size="sm" c="dimmed">
          · {t('results.n', { count: q.score.n })}
          {q.score.dontKnow ? ` · ${t('results.dontKnow', { count: q.score.dontKnow })}` : ''}
        </Text>
      </Text>
    </Stack>
  );
}

function TextResult({ q }: { q: BarometerResultQuestion }) {
  const { t } = useTranslation('barometer');
  if (q.withheld) {
    return (
      <Text size="sm" c="dimmed">
        <IconEyeOff size={14} aria-hidden /> {t('results.withheldTexts', { count: q.withheld.missing })}
      </Text>
    );
  }
  if (!q.texts || q.texts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('results.noTexts')}
      </Text>
    );
  }
  return (
    <List size="sm" spacing={4}>
      {q.texts.map((text, i) => (
        <List.Item key={i} style={{ whiteSpace: 'pre-wrap' }}>
          {text}
        </List.Item>
      ))}
    </List>
  );
}

function ShareControl({ results }: { results: BarometerResults }) {
  const { t } = useTranslation('barometer');
  const share = useShareRound(results.roundId);
  const [confirm, setConfirm] = useState(false);
  const shared = results.sharedAt !== null;
  return (
    <>
      <Group gap="sm">
        {shared ? (
          <Badge variant="light" color="blue" leftSection={<IconShare size={12} aria-hidden />}>
            {t('results.sharedOn', { date: formatDay(results.sharedAt!) })}
          </Badge>
        ) : null}
        <Button
          size="xs"
          variant="default"
          leftSection={shared ? <IconShareOff size={16} aria-hidden /> : <IconShare size={16} aria-hidden />}
          onClick={() => setConfirm(true)}
        >
          {shared ? t('results.unshare') : t('results.share')}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirm}
        title={shared ? t('results.unshareTitle') : t('results.shareTitle')}
        confirmLabel={shared ? t('results.unshareConfirm') : t('results.shareConfirm')}
        loading={share.isPending}
        error={share.error}
        onClose={() => {
          setConfirm(false);
          share.reset();
        }}
        onConfirm={() => share.mutate(!shared, { onSuccess: () => setConfirm(false) })}
      >
        {shared ? t('results.unshareText') : t('results.shareText')}
      </ConfirmModal>
    </>
  );
}

/** One closed round's guarded outcome: bars and means per statement, open answers, and why anything is missing. */
export function ResultsView({ results, headingLevel = 3 }: { results: BarometerResults; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation('barometer');
  const questionText = useQuestionText();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text size="sm" c="dimmed" maw={640}>
          <IconLock size={14} aria-hidden />{' '}
          {t('results.privacy', { min: results.minGroupSize, textMin: results.minTextGroupSize })}
        </Text>
        {results.abilities.share ? <ShareControl results={results} /> : null}
      </Group>
      {!results.shown ? (
        <Alert variant="light" color="gray" icon={<IconEyeOff aria-hidden />}>
          {t('results.withheldAll', { count: results.respondents, min: results.minGroupSize })}{' '}
          {t('results.withheldMissing', { count: results.missing })}
        </Alert>
      ) : (
        <Stack gap="lg">
          {results.questions.map((q) => (
            <Stack key={q.id} gap={6}>
              <Text component={Heading} fw={600} fz="md" m={0}>
                {questionText(q)}
              </Text>
              {q.kind === 'scale' ? <ScaleResult q={q} /> : <TextResult q={q} />}
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
