import { Alert } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SsoTestResult } from '@groeipad/contracts';
import { errorMessage } from '../../ui/query-state.tsx';

/** The outcome of "test connection": what the server found at the issuer, or why the test failed. */
export function SsoTestPanel({ result, error }: { result: SsoTestResult | undefined; error: Error | null }) {
  const { t } = useTranslation('sso');
  const { t: tc } = useTranslation();
  return (
    <>
      {result ? (
        <Alert
          color={result.ok ? 'groei' : 'red'}
          variant="light"
          icon={result.ok ? <IconCircleCheck aria-hidden /> : <IconCircleX aria-hidden />}
          title={result.ok ? t('form.testOk') : t('form.testFailed')}
          role="status"
        >
          {result.message}
        </Alert>
      ) : null}
      {error ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {errorMessage(error, tc('errors.generic'))}
        </Alert>
      ) : null}
    </>
  );
}
