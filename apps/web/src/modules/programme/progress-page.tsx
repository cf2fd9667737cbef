import '@mantine/charts/styles.css';
import { useState } from 'react';
import { LineChart } from '@mantine/charts';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  Radio,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  PROGRESS_CRITERIA,
  PROGRESS_INTERVENTIONS,
  PROGRESS_LEVELS,
  PROGRESS_PHASES,
  type ProgressIntervention,
  type ProgressPhase,
  type ProgressScore,
} from '@groeipad/contracts';
import { ApiError, isApiError } from '../../app/api.ts';
import { Page } from '../../ui/page.tsx';
import { FormError, PageLoader, QueryError } from '../../ui/query-state.tsx';
import { formatDay, formatScore, formatShortDay, todayLocal } from './format.ts';
import { useAddScore, useTeamProgress } from './queries.ts';

type CriterionKey = 'criteria.session.start.onTime';
const criterionKey = (i: ProgressIntervention, p: ProgressPhase, c: string) =>
  `criteria.${i}.${p}.${c}` as CriterionKey;

function ScoreForm({
  teamId,
  intervention,
  initialPhase,
}: {
  teamId: string;
  intervention: ProgressIntervention;
  initialPhase: ProgressPhase;
}) {
  const { t } = useTranslation('programme');
  const add = useAddScore(teamId);
  const [phase, setPhase] = useState<ProgressPhase>(initialPhase);
  const [scores, setScores] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { scoredOn: todayLocal(), note: '' } });
  const criteria = PROGRESS_CRITERIA[intervention][phase];
  const submit = form.onSubmit((v) => {
    if (criteria.some((c) => !scores[c])) {
      setMissing(true);
      return;
    }
    setMissing(false);
    add.mutate(
      {
        intervention,
        phase,
        scoredOn: v.scoredOn,
        note: v.note,
        scores: Object.fromEntries(criteria.map((c) => [c, Number(scores[c])])),
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'groei',
            icon: <IconCheck size={18} aria-hidden />,
            message: t('progress.saved'),
          });
          setScores({});
          form.reset();
        },
        onError: (error) => {
          if (error instanceof ApiError)
            for (const [field, message] of Object.entries(error.fieldErrors())) form.setFieldError(field, message);
        },
      },
    );
  });
  const titleId = `score-${intervention}`;
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="lg" id={titleId}>
            {t('progress.formTitle', { intervention: t(`interventions.${intervention}`) })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('progress.scale')}
          </Text>
          {add.error && !isApiError(add.error, 'validation') ? <FormError error={add.error} /> : null}
          {add.error && isApiError(add.error, 'validation') && !form.errors.scoredOn ? (
            <FormError error={add.error} />
          ) : null}
          <Group gap="sm" align="flex-end">
            <NativeSelect
              label={t('progress.phase')}
              value={phase}
              onChange={(e) => {
                setPhase(e.currentTarget.value as ProgressPhase);
                setScores({});
              }}
              data={PROGRESS_PHASES.map((p) => ({ value: p, label: t(`phases.${p}`) }))}
            />
            <TextInput
              type="date"
              label={t('progress.scoredOn')}
              required
              maw={180}
              {...form.getInputProps('scoredOn')}
            />
          </Group>
          {criteria.map((c) => (
            <Radio.Group
              key={`${phase}-${c}`}
              label={t(criterionKey(intervention, phase, c))}
              value={scores[c] ?? ''}
              onChange={(value) => setScores((s) => ({ ...s, [c]: value }))}
              error={missing && !scores[c] ? t('progress.pickAll') : undefined}
              required
            >
              <Group gap="md" mt={4}>
                {PROGRESS_LEVELS.map((level) => (
                  <Radio key={level} value={String(level)} label={`${level} ${t(`levels.${level}`)}`} />
                ))}
              </Group>
            </Radio.Group>
          ))}
          <Textarea label={t('progress.note')} autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
          <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('progress.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function History({ intervention, scores }: { intervention: ProgressIntervention; scores: ProgressScore[] }) {
  const { t } = useTranslation('programme');
  const titleId = `verloop-${intervention}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId}>
      <Title order={2} fz="lg" id={titleId}>
        {t('progress.historyTitle')}
      </Title>
      {scores.length === 0 ? (
        <Text size="sm">{t('progress.empty')}</Text>
      ) : (
        <>
          {scores.length > 1 ? (
            <div aria-hidden="true">
              <LineChart
                h={200}
                data={scores.map((s) => ({ day: formatShortDay(s.scoredOn), average: s.average }))}
                dataKey="day"
                series={[{ name: 'average', label: t('progress.chartLabel'), color: 'groei.7' }]}
                yAxisProps={{ domain: [1, 5], ticks: [1, 2, 3, 4, 5] }}
                valueFormatter={formatScore}
                curveType="linear"
                accessibilityLayer={false}
                withTooltip={false}
                textColor="gray.8"
              />
            </div>
          ) : null}
          {/* On a phone the notes make the table wider than the screen: it scrolls sideways, also by keyboard. */}
          <Table.ScrollContainer
            minWidth={480}
            type="native"
            tabIndex={0}
            aria-label={t('progress.tableCaption', { intervention: t(`interventions.${intervention}`) })}
          >
            <Table striped withTableBorder fz="sm">
              <Table.Caption>
                {t('progress.tableCaption', { intervention: t(`interventions.${intervention}`) })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('progress.date')}</Table.Th>
                  <Table.Th scope="col">{t('progress.phase')}</Table.Th>
                  <Table.Th scope="col">{t('progress.average')}</Table.Th>
                  <Table.Th scope="col">{t('progress.by')}</Table.Th>
                  <Table.Th scope="col">{t('progress.noteColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...scores].reverse().map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{formatDay(s.scoredOn)}</Table.Td>
                    <Table.Td>{t(`phasesShort.${s.phase}`)}</Table.Td>
                    <Table.Td>{formatScore(s.average)}</Table.Td>
                    <Table.Td>{s.by ?? ''}</Table.Td>
                    <Table.Td>{s.note}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}

/** The progress meter: the team scores itself per intervention; the history as a chart with a table beside it. */
export default function ProgressPage() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation('programme');
  const query = useTeamProgress(teamId);
  const [intervention, setIntervention] = useState<ProgressIntervention>('session');
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Page title={t('programme.titleUnknown')}>
        {isApiError(query.error, 'not_found') ? (
          <Alert color="gray" variant="light">
            {t('programme.notFound')}
          </Alert>
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Page>
    );
  }
  const progress = query.data;
  return (
    <Page
      title={t('progress.title', { team: progress.team.name })}
      description={t('progress.currentPhase', { phase: t(`phases.${progress.currentPhase}`) })}
    >
      <Anchor component={Link} to={`/team/${teamId}`} size="sm">
        {t('programme.toBoard')}
      </Anchor>
      <Text size="sm" maw={760}>
        {t('progress.intro')}
      </Text>
      <SegmentedControl
        value={intervention}
        onChange={(v) => setIntervention(v)}
        data={PROGRESS_INTERVENTIONS.map((i) => ({ value: i, label: t(`interventions.${i}`) }))}
        aria-label={t('board.progressTitle')}
        orientation={phone ? 'vertical' : 'horizontal'}
        style={{ alignSelf: 'flex-start' }}
      />
      {progress.abilities.score ? (
        <ScoreForm
          key={intervention}
          teamId={teamId}
          intervention={intervention}
          initialPhase={progress.currentPhase}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('progress.viewOnly')}
        </Text>
      )}
      <History intervention={intervention} scores={progress.scores.filter((s) => s.intervention === intervention)} />
    </Page>
  );
}
