import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PublicPage } from '../../ui/public-page.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { useRequestReset } from './queries.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const request = useRequestReset();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: { email: (v) => (v.trim() ? null : t('login.emailRequired')) },
  });

  return (
    <PublicPage title={t('forgot.title')} intro={request.isSuccess ? undefined : t('forgot.intro')}>
      {request.isSuccess ? (
        <Stack gap="md">
          <Alert
            color="groei"
            variant="light"
            icon={<IconMailCheck aria-hidden />}
            role="status"
            title={t('forgot.sentTitle')}
          >
            {t('forgot.sent')}
          </Alert>
          <Anchor component={Link} to="/inloggen">
            {t('backToLogin')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((v) => request.mutate({ email: v.email.trim() }))} noValidate>
          <Stack gap="md">
            <FormError error={request.error} />
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="email"
              inputMode="email"
              required
              withAsterisk={false}
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending} fullWidth size="md">
              {t('forgot.submit')}
            </Button>
            <Anchor component={Link} to="/inloggen" size="sm" ta="center">
              {t('backToLogin')}
            </Anchor>
          </Stack>
        </form>
      )}
    </PublicPage>
  );
}
