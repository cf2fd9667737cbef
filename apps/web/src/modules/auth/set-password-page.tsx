import { useEffect } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconClockX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { PublicPage } from '../../ui/public-page.tsx';
import { FormError, PageLoader } from '../../ui/query-state.tsx';
import { useCheckToken, useSetPassword } from './queries.ts';

function ExpiredLink() {
  const { t } = useTranslation('auth');
  return (
    <Stack gap="md">
      <Alert
        color="red"
        variant="light"
        icon={<IconClockX aria-hidden />}
        title={t('setPassword.expiredTitle')}
        role="alert"
      >
        {t('setPassword.expired')}
      </Alert>
      <Button component={Link} to="/wachtwoord-vergeten" fullWidth>
        {t('setPassword.requestNew')}
      </Button>
      <Anchor component={Link} to="/inloggen" size="sm" ta="center">
        {t('backToLogin')}
      </Anchor>
    </Stack>
  );
}

export function SetPasswordPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const check = useCheckToken();
  const setPassword = useSetPassword();
  const { mutate: checkToken } = check;

  useEffect(() => {
    if (token.length >= 20) checkToken(token);
  }, [token, checkToken]);

  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (v) =>
        v.length >= PASSWORD_MIN_LENGTH ? null : t('setPassword.tooShort', { min: PASSWORD_MIN_LENGTH }),
      confirm: (v, values) => (v === values.password ? null : t('setPassword.mismatch')),
    },
  });

  const invalidToken = token.length < 20 || (check.isError && isApiError(check.error, 'not_found'));
  const tokenGone = setPassword.isError && isApiError(setPassword.error, 'not_found');
  const isInvite = check.data?.purpose === 'invite';
  const title = isInvite ? t('setPassword.inviteTitle') : t('setPassword.title');

  if (invalidToken || tokenGone) {
    return (
      <PublicPage title={t('setPassword.expiredTitle')}>
        <ExpiredLink />
      </PublicPage>
    );
  }

  if (!check.data) {
    return (
      <PublicPage title={t('setPassword.title')}>
        {check.isError ? <FormError error={check.error} /> : <PageLoader />}
      </PublicPage>
    );
  }

  return (
    <PublicPage
      title={title}
      intro={isInvite ? t('setPassword.inviteIntro') : t('setPassword.intro', { min: PASSWORD_MIN_LENGTH })}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          setPassword.mutate(
            { token, password: v.password },
            {
              onSuccess: () => void navigate('/inloggen', { replace: true, state: { notice: 'passwordSet' } }),
              onError: (error) => {
                const fields = isApiError(error) ? error.fieldErrors() : {};
                if (fields.password) form.setFieldError('password', fields.password);
              },
            },
          ),
        )}
      >
        <Stack gap="md">
          <FormError error={setPassword.error} />
          <PasswordInput
            label={t('setPassword.password')}
            description={t('setPassword.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            withAsterisk={false}
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('setPassword.confirm')}
            autoComplete="new-password"
            required
            withAsterisk={false}
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={setPassword.isPending} fullWidth size="md">
            {t('setPassword.submit')}
          </Button>
        </Stack>
      </form>
    </PublicPage>
  );
}
