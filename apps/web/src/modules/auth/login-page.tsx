import { useState } from 'react';
import { Alert, Anchor, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle, IconKey, IconLogin2 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { SsoFailureReason } from '@groeipad/contracts';
import { useAuth } from '../../app/auth.tsx';
import { safeReturnPath } from '../../app/return-path.ts';
import { withQuery } from '../../app/api.ts';
import { PublicPage } from '../../ui/public-page.tsx';
import { errorMessage } from '../../ui/query-state.tsx';
import { discoverSso } from '../sso/queries.ts';
import { useLogin } from './queries.ts';

export type LoginNotice = 'passwordSet' | 'loggedOut';

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why an SSO sign-in came back here (`?sso=<reason>`), in words that say what to do. */
function SsoFailure({ reason }: { reason: string }) {
  const { t } = useTranslation('auth');
  const known = SsoFailureReason.safeParse(reason);
  const code = known.success ? known.data : 'failed';
  const cancelled = code === 'cancelled';
  return (
    <Alert
      color={cancelled ? 'blue' : 'orange'}
      variant="light"
      icon={cancelled ? <IconInfoCircle aria-hidden /> : <IconAlertTriangle aria-hidden />}
      role="alert"
      title={cancelled ? t('sso.cancelledTitle') : t('sso.title')}
    >
      {t(`sso.${code}`)}
    </Alert>
  );
}

export function LoginPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const { refresh } = useAuth();
  const login = useLogin();
  const notice = (location.state as { notice?: LoginNotice } | null)?.notice;
  const ssoReason = params.get('sso');
  const returnTo = safeReturnPath(params.get('terug'));
  const [showPassword, setShowPassword] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: (location.state as { email?: string } | null)?.email ?? '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('login.emailRequired')),
      password: (v) => (v ? null : t('login.passwordRequired')),
    },
  });

  // Ask whether this address signs in through SSO: after a pause in typing, or at once on leaving the field.
  const email = form.getValues().email.trim().toLowerCase();
  const [debounced] = useDebouncedValue(email, 500);
  const [blurred, setBlurred] = useState('');
  const candidate = blurred === email ? email : debounced;
  const probeEmail = LOOKS_LIKE_EMAIL.test(candidate) && candidate === email ? candidate : '';
  const discovery = useQuery({
    queryKey: ['sso-discover', probeEmail],
    queryFn: () => discoverSso(probeEmail),
    enabled: probeEmail !== '',
    staleTime: 5 * 60_000,
    retry: false,
  });
  const sso = probeEmail && discovery.data?.sso ? discovery.data : null;
  const passwordHidden = sso?.required === true && !showPassword;

  const startSso = () => {
    window.location.assign(withQuery('/api/auth/sso/start', { email: probeEmail, returnTo }));
  };

  const submit = form.onSubmit((values) => {
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: () => {
          void refresh().then(() => navigate(returnTo, { replace: true }));
        },
      },
    );
  });

  return (
    <PublicPage title={t('login.title')} intro={t('login.intro')}>
      {ssoReason && !login.error ? <SsoFailure reason={ssoReason} /> : null}
      {notice === 'passwordSet' && !login.error ? (
        <Alert color="groei" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
          {t('login.passwordSet')}
        </Alert>
      ) : null}
      {login.error ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          role="alert"
          title={t('login.failedTitle')}
        >
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
            onBlur={(e) => setBlurred(e.currentTarget.value.trim().toLowerCase())}
          />
          {sso ? (
            <Stack gap="sm" aria-live="polite">
              <Text size="sm">{t('login.ssoIntro')}</Text>
              <Button size="md" fullWidth leftSection={<IconKey size={20} aria-hidden />} onClick={startSso}>
                {t('login.ssoButton', { provider: sso.providerName ?? 'SSO' })}
              </Button>
              {sso.required ? (
                <Text size="sm" c="dimmed">
                  {t('login.ssoRequiredNote')}
                </Text>
              ) : (
                <Divider label={t('login.or')} labelPosition="center" />
              )}
            </Stack>
          ) : null}
          {passwordHidden ? (
            <Anchor component="button" type="button" size="sm" ta="center" onClick={() => setShowPassword(true)}>
              <IconLogin2 size={16} aria-hidden style={{ verticalAlign: 'text-bottom', marginRight: 6 }} />
              {t('login.passwordInstead')}
            </Anchor>
          ) : (
            <>
              <PasswordInput
                label={t('login.password')}
                autoComplete="current-password"
                required
                withAsterisk={false}
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={login.isPending} fullWidth size="md" variant={sso ? 'default' : 'filled'}>
                {t('login.submit')}
              </Button>
            </>
          )}
          <Anchor component={Link} to="/wachtwoord-vergeten" size="sm" ta="center">
            {t('login.forgot')}
          </Anchor>
        </Stack>
      </form>
    </PublicPage>
  );
}
