import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { safeReturnPath } from '../../app/return-path.ts';
import { PublicPage } from '../../ui/public-page.tsx';
import { errorMessage } from '../../ui/query-state.tsx';
import { useLogin } from './queries.ts';

export type LoginNotice = 'passwordSet' | 'loggedOut';

export function LoginPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const { refresh } = useAuth();
  const login = useLogin();
  const notice = (location.state as { notice?: LoginNotice } | null)?.notice;
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: (location.state as { email?: string } | null)?.email ?? '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('login.emailRequired')),
      password: (v) => (v ? null : t('login.passwordRequired')),
    },
  });

  const submit = form.onSubmit((values) => {
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: async () => {
          await refresh();
          void navigate(safeReturnPath(params.get('terug')), { replace: true });
        },
      },
    );
  });

  return (
    <PublicPage title={t('login.title')} intro={t('login.intro')}>
      {notice === 'passwordSet' && !login.error ? (
        <Alert color="groei" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
          {t('login.passwordSet')}
        </Alert>
      ) : null}
      {login.error ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" title={t('login.failedTitle')}>
          {errorMessage(login.error, tc('errors.generic'))}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            withAsterisk={false}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            required
            withAsterisk={false}
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={login.isPending} fullWidth size="md">
            {t('login.submit')}
          </Button>
          <Anchor component={Link} to="/wachtwoord-vergeten" size="sm" ta="center">
            {t('login.forgot')}
          </Anchor>
        </Stack>
      </form>
    </PublicPage>
  );
}
