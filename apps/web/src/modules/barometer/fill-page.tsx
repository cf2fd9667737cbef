import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { Page } from '../../ui/page.tsx';
import { PageLoader } from '../../ui/query-state.tsx';
import { AnswerForm } from './answer-form.tsx';
import { BarometerLoadError } from './not-found.tsx';
import { useAnswer, useBarometerForm } from './queries.ts';

function Done({ title, text, teamId }: { title: string; text?: string; teamId: string }) {
  const { t } = useTranslation('barometer');
  return (
    <Card withBorder radius="md" p="lg">
      <Stack align="center" gap="sm" ta="center">
        <IconCircleCheck size={40} color="var(--mantine-color-groei-7)" aria-hidden />
        <Title order={2} fz="lg">
          {title}
        </Title>
        {text ? <Text c="dimmed">{text}</Text> : null}
        <Group justify="center">
          <Button component={Link} to={`/team/${teamId}/barometer`} variant="light">
            {t('fill.toTeam')}
          </Button>
          <Button component={Link} to="/" variant="default">
            {t('fill.home')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The direct link from the invitation mail and the home task: fill in one round, once. */
export default function BarometerFillPage() {
  const { t } = useTranslation('barometer');
  const { roundId = '' } = useParams();
  const form = useBarometerForm(roundId);
  const submit = useAnswer(roundId);

  if (form.isPending) return <PageLoader />;
  if (form.isError) {
    return <BarometerLoadError error={form.error} onRetry={() => void form.refetch()} title={t('title')} />;
  }
  const data = form.data;
  const conflict = isApiError(submit.error, 'conflict') ? submit.error : null;
  const reason = (conflict?.details as { reason?: string } | undefined)?.reason;
  const notice = (text: string) => (
    <Alert variant="light" icon={<IconInfoCircle aria-hidden />}>
      {text}
    </Alert>
  );

  let body;
  let showIntro = false;
  if (submit.isSuccess) body = <Done title={t('fill.thanks')} text={t('fill.thanksText')} teamId={data.teamId} />;
  else if (data.answeredByMe || reason === 'answered') body = <Done title={t('fill.already')} teamId={data.teamId} />;
  else if (data.status === 'closed' || reason === 'closed') body = notice(t('fill.closed'));
  else if (!data.invitedMe) body = notice(t('fill.notInvited'));
  else {
    showIntro = true;
    body = (
      <AnswerForm
        form={data}
        submitting={submit.isPending}
        error={conflict ? null : submit.error}
        onSubmit={(answer) => submit.mutate(answer)}
      />
    );
  }

  return (
    <Page title={t('fill.title', { team: data.teamName })} description={showIntro ? t('fill.intro') : undefined}>
      <div style={{ maxWidth: 760 }}>{body}</div>
    </Page>
  );
}
