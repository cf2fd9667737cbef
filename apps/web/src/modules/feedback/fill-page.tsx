import { Button, Card, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../ui/page.tsx';
import { PageLoader } from '../../ui/query-state.tsx';
import { AnswerForm } from './answer-form.tsx';
import { LinkProblem, ThankYou } from './give-page.tsx';
import { useFeedbackForm, useSubmitAnswer } from './queries.ts';

/** The same questionnaire for a colleague with an account (or the employee's own rating), inside the app. */
export default function FillPage() {
  const { t } = useTranslation('feedback');
  const { invitationId = '' } = useParams();
  const form = useFeedbackForm('invitation', invitationId);
  const submit = useSubmitAnswer('invitation', invitationId);

  if (form.isPending) return <PageLoader />;
  if (form.isError) {
    return (
      <Page title={t('give.title')}>
        <LinkProblem error={form.error} />
      </Page>
    );
  }
  const data = form.data;
  const self = data.raterGroup === 'self';
  return (
    <Page
      title={self ? t('fill.selfTitle') : t('give.titleFor', { name: data.subjectFirstName })}
      description={
        self ? t('fill.selfIntro') : t('give.intro', { name: data.subjectFirstName, school: data.schoolName })
      }
    >
      <div style={{ maxWidth: 720 }}>
        {submit.isSuccess ? (
          <Card withBorder radius="md">
            <Stack align="center">
              <ThankYou name={data.subjectFirstName} text={self ? t('fill.selfThanks') : undefined} />
              <Button component={Link} to={self ? '/feedback' : '/'} variant="light">
                {self ? t('fill.backToRounds') : t('fill.backHome')}
              </Button>
            </Stack>
          </Card>
        ) : (
          <AnswerForm
            form={data}
            submitting={submit.isPending}
            error={submit.error}
            onSubmit={(answer) => submit.mutate(answer)}
          />
        )}
      </div>
    </Page>
  );
}
