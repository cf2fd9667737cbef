import { useState, type FormEvent } from 'react';
import { Badge, Button, Card, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCircleCheck, IconClock, IconMessage2Plus, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { FeedbackRoundSummary } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { AppModal } from '../../ui/app-modal.tsx';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { FormError, PageLoader, QueryError } from '../../ui/query-state.tsx';
import { formatDay } from './format.ts';
import { useCreateRound, useMyRounds, useQuestionnaires } from './queries.ts';

export function RoundStatus({ round }: { round: Pick<FeedbackRoundSummary, 'status'> }) {
  const { t } = useTranslation('feedback');
  return round.status === 'open' ? (
    <Badge variant="light" color="blue" leftSection={<IconClock size={14} aria-hidden />}>
      {t('status.open')}
    </Badge>
  ) : (
    <Badge variant="light" color="groei" leftSection={<IconCircleCheck size={14} aria-hidden />}>
      {t('status.closed')}
    </Badge>
  );
}

function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function StartModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('feedback');
  const navigate = useNavigate();
  const questionnaires = useQuestionnaires('published');
  const create = useCreateRound();
  const [questionnaireId, setQuestionnaireId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState('');
  const [closesOn, setClosesOn] = useState(inDays(21));
  const errors = isApiError(create.error) ? create.error.fieldErrors() : {};
  const options = (questionnaires.data?.items ?? []).map((q) => ({
    value: q.id,
    label: `${q.name} (${q.schoolName})`,
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!questionnaireId) return;
    create.mutate(
      { questionnaireId, title, message, closesOn },
      { onSuccess: (round) => void navigate(`/feedback/${round.id}`) },
    );
  };

  return (
    <AppModal opened={opened} onClose={onClose} title={t('start.title')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm">{t('start.intro')}</Text>
          {questionnaires.isSuccess && options.length === 0 ? (
            <Text c="orange.9" size="sm" role="status">
              {t('start.noQuestionnaires')}
            </Text>
          ) : null}
          <Select
            label={t('start.questionnaire')}
            placeholder={t('start.questionnairePlaceholder')}
            data={options}
            value={questionnaireId}
            onChange={(v) => {
              setQuestionnaireId(v);
              if (!title && v) setTitle(questionnaires.data?.items.find((q) => q.id === v)?.name ?? '');
            }}
            required
            error={errors.questionnaireId}
            searchable
          />
          <TextInput
            label={t('start.roundTitle')}
            description={t('start.roundTitleHint')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={200}
            error={errors.title}
          />
          <Textarea
            label={t('start.message')}
            description={t('start.messageHint')}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={2000}
            error={errors.message}
          />
          <TextInput
            type="date"
            label={t('start.closesOn')}
            description={t('start.closesOnHint')}
            value={closesOn}
            onChange={(e) => setClosesOn(e.currentTarget.value)}
            required
            maw={220}
            error={errors.closesOn}
          />
          <FormError error={Object.keys(errors).length ? null : create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!questionnaireId}>
              {t('start.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** "Feedback": the employee's own 360° rounds, and the way to start one. */
export default function RoundsPage() {
  const { t } = useTranslation('feedback');
  const query = useMyRounds();
  const [starting, setStarting] = useState(false);
  const startButton = (
    <Button leftSection={<IconMessage2Plus size={18} aria-hidden />} onClick={() => setStarting(true)}>
      {t('rounds.start')}
    </Button>
  );

  return (
    <Page
      title={t('rounds.title')}
      description={t('rounds.intro')}
      actions={query.data?.items.length ? startButton : undefined}
    >
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Empty
          icon={<IconUsersGroup aria-hidden />}
          title={t('rounds.emptyTitle')}
          description={t('rounds.emptyText')}
          action={startButton}
        />
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {query.data.items.map((round) => (
            <Card key={round.id} withBorder radius="md" component="li" p="md">
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
                  <Text component={Link} to={`/feedback/${round.id}`} fw={650} c="groei.8" td="underline">
                    {round.title}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {round.questionnaireName}
                  </Text>
                </Stack>
                <Group gap="sm">
                  <Text size="sm">{t('rounds.answered', { answered: round.answered, invited: round.invited })}</Text>
                  <Text size="sm" c="dimmed">
                    {round.status === 'open'
                      ? t('rounds.closesOn', { date: formatDay(round.closesOn) })
                      : t('rounds.closedOn', { date: formatDay(round.closedAt ?? round.closesOn) })}
                  </Text>
                  <RoundStatus round={round} />
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <StartModal opened={starting} onClose={() => setStarting(false)} />
    </Page>
  );
}
