import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconClockX, IconLinkOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { PublicPage } from '../../ui/public-page.tsx';
import { errorMessage } from '../../ui/query-state.tsx';
import { AnswerForm } from './answer-form.tsx';
import { useFeedbackForm, useSubmitAnswer } from './queries.ts';

/** Why a link cannot be used: the server's words, with an icon that matches. */
export function LinkProblem({ error }: { error: unknown }) {
  const { t } = useTranslation('feedback');
  const reason = isApiError(error) ? (error.details as { reason?: string } | null)?.reason : undefined;
  const used = reason === 'used';
  return (
    <Alert
      variant="light"
      color={used ? 'groei' : 'orange'}
      role="alert"
      icon={
        used ? (
          <IconCircleCheck aria-hidden />
        ) : reason === 'expired' ? (
          <IconClockX aria-hidden />
        ) : (
          <IconLinkOff aria-hidden />
        )
      }
      title={t(used ? 'give.usedTitle' : reason === 'expired' ? 'give.expiredTitle' : 'give.unusableTitle')}
    >
      {errorMessage(error, t('give.unusableTitle'))}
    </Alert>
  );
}

export function ThankYou({ name, text }: { name: string; text?: string | undefined }) {
  const { t } = useTranslation('feedback');
  return (
    <Stack gap="sm" align="center" py="md" role="status">
      <IconCircleCheck size={56} color="var(--mantine-color-groei-7)" aria-hidden />
      <Text fw={700} fz="lg" ta="center">
        {t('give.thanksTitle')}
      </Text>
      <Text ta="center">{text ?? t('give.thanksText', { name })}</Text>
    </Stack>
  );
}

/** The page behind an e-mailed link: no account, one use, on a phone. */
export default function GivePage() {
  const { t } = useTranslation('feedback');
  const { token = '' } = useParams();
  const form = useFeedbackForm('token', token);
  const submit = useSubmitAnswer('token', token);

  if (form.isPending) {
    return (
      <PublicPage title={t('give.title')}>
        <Center py="lg">
          <Loader aria-label={t('give.loading')} />
        </Center>
      </PublicPage>
    );
  }
  if (form.isError) {
    return (
      <PublicPage title={t('give.title')}>
        <LinkProblem error={form.error} />
      </PublicPage>
    );
  }
  const data = form.data;
  const done = submit.isSuccess || (isApiError(submit.error) && submit.error.status === 409);
  return (
    <PublicPage
      title={t('give.titleFor', { name: data.subjectFirstName })}
      intro={t('give.intro', { name: data.subjectFirstName, school: data.schoolName })}
    >
      {submit.isSuccess ? (
        <ThankYou name={data.subjectFirstName} />
      ) : done ? (
        <LinkProblem error={submit.error} />
      ) : (
        <AnswerForm
          form={data}
          submitting={submit.isPending}
          error={submit.error}
          onSubmit={(answer) => submit.mutate(answer)}
        />
      )}
    </PublicPage>
  );
}
