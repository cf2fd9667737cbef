import {
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  Paper,
  PasswordInput,
  Radio,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SsoConfig, SsoProvider } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { RedirectUri } from './redirect-uri.tsx';
import { PROVIDERS, type SsoFormValues } from './sso-provider.ts';

/** The provider section: which provider, its issuer, the client and its secret, and the redirect URI. */
export function SsoProviderFields({
  form,
  values: v,
  config,
  issuer,
  buttonName,
  saveError,
  redirectUri,
  secretKeyConfigured,
  onProviderChange,
}: {
  form: UseFormReturnType<SsoFormValues>;
  values: SsoFormValues;
  config: SsoConfig | null;
  issuer: string;
  buttonName: string;
  saveError: Error | null;
  redirectUri: string;
  secretKeyConfigured: boolean | null;
  onProviderChange: (provider: SsoProvider) => void;
}) {
  const { t } = useTranslation('sso');
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="sso-provider">
      <Stack gap="md">
        <Title order={2} fz="lg" id="sso-provider">
          {t('form.providerSection')}
        </Title>
        <Radio.Group label={t('form.provider')} value={v.provider} onChange={(p) => onProviderChange(p)}>
          <Group gap="lg" mt={6}>
            {PROVIDERS.map((p) => (
              <Radio key={p} value={p} label={t(`form.providers.${p}`)} />
            ))}
          </Group>
        </Radio.Group>
        {v.provider === 'microsoft' ? (
          <TextInput
            label={t('form.tenantId')}
            description={t('form.tenantIdHint')}
            placeholder="00000000-0000-0000-0000-000000000000"
            required
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('tenantId')}
          />
        ) : null}
        {v.provider === 'oidc' ? (
          <TextInput
            label={t('form.issuer')}
            description={t('form.issuerHint')}
            placeholder="https://"
            required
            type="url"
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('issuer')}
          />
        ) : null}
        {v.provider !== 'oidc' && issuer ? (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('form.issuerComputed', { issuer })}
          </Text>
        ) : null}
        {v.provider === 'google' &&
        saveError &&
        isApiError(saveError, 'validation') &&
        saveError.fieldErrors().issuer ? (
          <Text size="sm" c="red.8" role="alert">
            {saveError.fieldErrors().issuer}
          </Text>
        ) : null}
        <TextInput
          label={t('form.displayName')}
          description={t('form.displayNameHint', { name: buttonName })}
          required
          {...form.getInputProps('displayName')}
        />
        <TextInput
          label={t('form.clientId')}
          required
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('clientId')}
        />
        {config?.hasSecret && !v.replaceSecret ? (
          <Stack gap={4}>
            <Text fw={500} size="sm">
              {t('form.secret')}
            </Text>
            <Group gap="sm">
              <Badge variant="light" color="groei" tt="none" leftSection={<IconLock size={12} aria-hidden />}>
                {t('form.secretSaved')}
              </Badge>
              <Text size="sm" c="dimmed">
                {t('form.secretSavedText')}
              </Text>
              <Button size="xs" variant="default" onClick={() => form.setFieldValue('replaceSecret', true)}>
                {t('form.secretReplace')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group gap="sm" align="flex-end" wrap="nowrap">
            <PasswordInput
              style={{ flex: 1 }}
              label={t('form.secret')}
              description={v.provider === 'oidc' ? t('form.secretOptionalHint') : t('form.secretHint')}
              autoComplete="new-password"
              required={v.provider !== 'oidc' && v.enabled}
              {...form.getInputProps('clientSecret')}
            />
            {config?.hasSecret ? (
              <Button
                variant="default"
                onClick={() => {
                  form.setFieldValue('replaceSecret', false);
                  form.setFieldValue('clientSecret', '');
                }}
              >
                {t('form.secretKeep')}
              </Button>
            ) : null}
          </Group>
        )}
        {secretKeyConfigured === false ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {t('form.secretKeyMissing')}
          </Alert>
        ) : null}
        <RedirectUri uri={redirectUri} />
      </Stack>
    </Paper>
  );
}

/** The access section: allowed domains, and whether SSO is on and required. */
export function SsoAccessFields({
  form,
  values: v,
  buttonName,
}: {
  form: UseFormReturnType<SsoFormValues>;
  values: SsoFormValues;
  buttonName: string;
}) {
  const { t } = useTranslation('sso');
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="sso-access">
      <Stack gap="md">
        <Title order={2} fz="lg" id="sso-access">
          {t('form.accessSection')}
        </Title>
        <TagsInput
          label={t('form.domains')}
          description={
            v.provider === 'google' ? `${t('form.domainsHint')} ${t('form.domainsGoogle')}` : t('form.domainsHint')
          }
          placeholder={t('form.domainsPlaceholder')}
          splitChars={[',', ' ', ';']}
          clearable
          {...form.getInputProps('allowedDomains')}
        />
        <Divider />
        <Switch
          label={t('form.enabled')}
          description={t('form.enabledHint', { name: buttonName })}
          checked={v.enabled}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            form.setFieldValue('enabled', on);
            if (!on) form.setFieldValue('required', false);
          }}
          size="md"
        />
        <Switch
          label={t('form.required')}
          description={t('form.requiredHint')}
          checked={v.enabled && v.required}
          disabled={!v.enabled}
          onChange={(e) => form.setFieldValue('required', e.currentTarget.checked)}
          error={form.errors.required}
          size="md"
        />
        {v.enabled && v.required ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('form.requiredWarningTitle')}
          >
            {t('form.requiredWarning')}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
