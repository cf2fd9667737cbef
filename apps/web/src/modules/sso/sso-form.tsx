import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconPlugConnected, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SsoConfig, SsoConfigInput, SsoProvider } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { formatDateTime } from '../../ui/format.ts';
import { errorMessage } from '../../ui/query-state.tsx';
import { useSaveSso, useTestSso } from './queries.ts';
import { SsoAccessFields, SsoProviderFields } from './sso-form-fields.tsx';
import { DEFAULT_NAME, issuerOf, valuesOf, type SsoFormValues } from './sso-provider.ts';
import { SsoTestPanel } from './sso-test-panel.tsx';

export function SsoForm({
  config,
  redirectUri,
  secretKeyConfigured,
  onCancel,
  onReload,
}: {
  config: SsoConfig | null;
  redirectUri: string;
  secretKeyConfigured: boolean | null;
  onCancel?: () => void;
  onReload: () => Promise<SsoConfig | null>;
}) {
  const { t } = useTranslation('sso');
  const { t: tc } = useTranslation();
  const save = useSaveSso();
  const test = useTestSso();
  const [stale, setStale] = useState(false);
  const form = useForm<SsoFormValues>({
    mode: 'controlled',
    initialValues: valuesOf(config),
    validate: {
      tenantId: (v, all) => (all.provider === 'microsoft' && !v.trim() ? t('form.tenantIdRequired') : null),
      issuer: (v, all) => (all.provider === 'oidc' && !v.trim() ? t('form.issuerRequired') : null),
      displayName: (v) => (v.trim() ? null : t('form.displayNameRequired')),
      clientId: (v) => (v.trim() ? null : t('form.clientIdRequired')),
      clientSecret: (v, all) =>
        all.provider !== 'oidc' && all.enabled && all.replaceSecret && !v ? t('form.secretRequired') : null,
    },
  });
  const v = form.getValues();
  const issuer = issuerOf(v);
  const buttonName = v.displayName.trim() || DEFAULT_NAME[v.provider] || '…';

  const setProvider = (provider: SsoProvider) => {
    const previous = form.getValues();
    form.setFieldValue('provider', provider);
    // A name that was only the default follows the provider; a name the admin typed stays.
    if (!previous.displayName.trim() || previous.displayName === DEFAULT_NAME[previous.provider]) {
      form.setFieldValue('displayName', DEFAULT_NAME[provider]);
    }
    if (provider === 'oidc' && !previous.issuer) form.setFieldValue('issuer', issuerOf(previous));
    test.reset();
  };

  const issuerField = (values: SsoFormValues): keyof SsoFormValues | null =>
    values.provider === 'microsoft' ? 'tenantId' : values.provider === 'oidc' ? 'issuer' : null;

  const submit = form.onSubmit((values) => {
    setStale(false);
    const input: SsoConfigInput = {
      provider: values.provider,
      displayName: values.displayName.trim(),
      issuer: issuerOf(values),
      clientId: values.clientId.trim(),
      ...(values.replaceSecret && values.clientSecret ? { clientSecret: values.clientSecret } : {}),
      enabled: values.enabled,
      required: values.enabled && values.required,
      allowedDomains: values.allowedDomains,
      version: config?.version ?? 0,
    };
    save.mutate(input, {
      onSuccess: (saved) => {
        notifications.show({ color: 'groei', icon: <IconCheck size={18} aria-hidden />, message: t('form.saved') });
        form.setValues(valuesOf(saved));
        form.resetDirty(valuesOf(saved));
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        if (error.code === 'conflict' && (error.details as { reason?: string } | undefined)?.reason === 'stale') {
          setStale(true);
          return;
        }
        const fields = error.fieldErrors();
        for (const [key, message] of Object.entries(fields)) {
          const target =
            key === 'issuer' ? issuerField(values) : key.startsWith('allowedDomains') ? 'allowedDomains' : key;
          if (target && target in values) form.setFieldError(target, message);
        }
      },
    });
  });

  const reload = async () => {
    const fresh = await onReload();
    form.setValues(valuesOf(fresh));
    form.resetDirty(valuesOf(fresh));
    setStale(false);
    save.reset();
  };

  // A save error that landed on a field needs no second alert.
  const fieldErrorShown =
    isApiError(save.error, 'validation') &&
    Object.keys(save.error.fieldErrors()).some((k) =>
      k === 'issuer' ? issuerField(v) !== null : k in v || k.startsWith('allowedDomains'),
    );
  const saveProblem = save.error && !stale && !fieldErrorShown ? save.error : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={820}>
        <SsoProviderFields
          form={form}
          values={v}
          config={config}
          issuer={issuer}
          buttonName={buttonName}
          saveError={save.error}
          redirectUri={redirectUri}
          secretKeyConfigured={secretKeyConfigured}
          onProviderChange={setProvider}
        />

        <SsoAccessFields form={form} values={v} buttonName={buttonName} />

        <SsoTestPanel result={test.data} error={test.error} />
        {stale ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            role="alert"
            title={t('form.conflictTitle')}
          >
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{t('form.conflict')}</Text>
              <Button
                size="sm"
                variant="white"
                leftSection={<IconRefresh size={16} aria-hidden />}
                onClick={() => void reload()}
              >
                {t('form.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : null}
        {saveProblem ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            role="alert"
            title={t('form.failedTitle')}
          >
            {errorMessage(saveProblem, tc('errors.generic'))}
          </Alert>
        ) : null}

        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconPlugConnected size={18} aria-hidden />}
              loading={test.isPending}
              onClick={() => test.mutate(issuer ? { issuer } : {})}
            >
              {t('form.test')}
            </Button>
            {onCancel ? (
              <Button variant="subtle" onClick={onCancel}>
                {t('form.cancel')}
              </Button>
            ) : null}
          </Group>
          <Button type="submit" loading={save.isPending}>
            {t('form.save')}
          </Button>
        </Group>
        {config ? (
          <Text size="sm" c="dimmed">
            {t('form.lastSaved', { at: formatDateTime(config.updatedAt) })}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}
