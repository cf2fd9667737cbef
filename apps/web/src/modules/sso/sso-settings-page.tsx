import { useEffect, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
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
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCheck,
  IconCircleCheck,
  IconCircleX,
  IconCopy,
  IconKey,
  IconLock,
  IconPlugConnected,
  IconRefresh,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SsoConfig, SsoConfigInput, SsoProvider } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { useAbilities } from '../../app/nav.tsx';
import { Empty } from '../../ui/empty.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { errorMessage, PageLoader, QueryError } from '../../ui/query-state.tsx';
import { NotFoundPage } from '../placeholder/not-found-page.tsx';
import { useSaveSso, useSsoConfig, useSsoServerInfo, useTestSso } from './queries.ts';

const PROVIDERS: readonly SsoProvider[] = ['microsoft', 'google', 'oidc'];
const GOOGLE_ISSUER = 'https://accounts.google.com';
const DEFAULT_NAME: Record<SsoProvider, string> = { microsoft: 'Microsoft', google: 'Google', oidc: '' };
const MICROSOFT_ISSUER = /^https:\/\/login\.microsoftonline\.com\/([^/]+)\/v2\.0\/?$/;

type Values = {
  provider: SsoProvider;
  tenantId: string;
  issuer: string;
  displayName: string;
  clientId: string;
  clientSecret: string;
  replaceSecret: boolean;
  allowedDomains: string[];
  enabled: boolean;
  required: boolean;
};

function valuesOf(config: SsoConfig | null): Values {
  if (!config) {
    return {
      provider: 'microsoft',
      tenantId: '',
      issuer: '',
      displayName: DEFAULT_NAME.microsoft,
      clientId: '',
      clientSecret: '',
      replaceSecret: true,
      allowedDomains: [],
      enabled: false,
      required: false,
    };
  }
  return {
    provider: config.provider,
    tenantId: MICROSOFT_ISSUER.exec(config.issuer)?.[1] ?? '',
    issuer: config.issuer,
    displayName: config.displayName,
    clientId: config.clientId,
    clientSecret: '',
    replaceSecret: !config.hasSecret,
    allowedDomains: config.allowedDomains,
    enabled: config.enabled,
    required: config.required,
  };
}

/** The issuer the form stands for: built from the tenant for Microsoft, fixed for Google. */
function issuerOf(v: Values): string {
  if (v.provider === 'microsoft')
    return v.tenantId.trim() ? `https://login.microsoftonline.com/${v.tenantId.trim()}/v2.0` : '';
  if (v.provider === 'google') return GOOGLE_ISSUER;
  return v.issuer.trim();
}

export function RedirectUri({ uri }: { uri: string }) {
  const { t } = useTranslation('sso');
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm" id="redirect-uri-label">
        {t('redirect.label')}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code
          block
          aria-labelledby="redirect-uri-label"
          style={{
            flex: 1,
            minWidth: 0,
            overflowWrap: 'anywhere',
            whiteSpace: 'pre-wrap',
            fontSize: 'var(--mantine-font-size-sm)',
          }}
        >
          {uri}
        </Code>
        <CopyButton value={uri} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('redirect.copied') : t('redirect.copy')} withArrow>
              <ActionIcon
                variant={copied ? 'filled' : 'default'}
                size="lg"
                onClick={copy}
                aria-label={copied ? t('redirect.copied') : t('redirect.copy')}
              >
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" c="dimmed">
        {t('redirect.hint')}
      </Text>
    </Stack>
  );
}

function SsoForm({
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
  const form = useForm<Values>({
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

  const issuerField = (values: Values): keyof Values | null =>
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
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="sso-provider">
          <Stack gap="md">
            <Title order={2} fz="lg" id="sso-provider">
              {t('form.providerSection')}
            </Title>
            <Radio.Group label={t('form.provider')} value={v.provider} onChange={(p) => setProvider(p)}>
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
            save.error &&
            isApiError(save.error, 'validation') &&
            save.error.fieldErrors().issuer ? (
              <Text size="sm" c="red.8" role="alert">
                {save.error.fieldErrors().issuer}
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

        {test.data ? (
          <Alert
            color={test.data.ok ? 'groei' : 'red'}
            variant="light"
            icon={test.data.ok ? <IconCircleCheck aria-hidden /> : <IconCircleX aria-hidden />}
            title={test.data.ok ? t('form.testOk') : t('form.testFailed')}
            role="status"
          >
            {test.data.message}
          </Alert>
        ) : null}
        {test.error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {errorMessage(test.error, tc('errors.generic'))}
          </Alert>
        ) : null}
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

function StatusBadges({ config }: { config: SsoConfig }) {
  const { t } = useTranslation('sso');
  return (
    <Group gap="xs">
      <Badge
        variant="light"
        color={config.enabled ? 'groei' : 'gray'}
        tt="none"
        leftSection={config.enabled ? <IconCheck size={12} aria-hidden /> : undefined}
      >
        {config.displayName}: {config.enabled ? t('status.on') : t('status.off')}
      </Badge>
      {config.required ? (
        <Badge variant="light" color="orange" tt="none">
          {t('status.required')}
        </Badge>
      ) : null}
    </Group>
  );
}

export default function SsoSettingsPage() {
  const { t } = useTranslation('sso');
  const { configureSso } = useAbilities();
  const config = useSsoConfig();
  const isEmpty = config.data === null;
  const info = useSsoServerInfo(configureSso && isEmpty);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (config.data) setStarting(false);
  }, [config.data]);

  if (!configureSso) return <NotFoundPage />;

  const redirectUri =
    config.data?.redirectUri ?? info.data?.redirectUri ?? `${window.location.origin}/api/auth/sso/callback`;
  const secretKeyConfigured = info.data?.secretKeyConfigured ?? null;
  const reload = async () => (await config.refetch()).data ?? null;

  return (
    <Page title={t('title')} description={t('intro')}>
      {config.isPending ? <PageLoader /> : null}
      {config.isError ? <QueryError error={config.error} onRetry={() => void config.refetch()} /> : null}
      {isEmpty && !starting ? (
        <Empty
          icon={<IconKey size={28} aria-hidden />}
          title={t('emptyTitle')}
          description={t('empty')}
          action={
            <Button leftSection={<IconKey size={18} aria-hidden />} onClick={() => setStarting(true)}>
              {t('start')}
            </Button>
          }
        >
          <Stack gap="xs" maw={560} w="100%" ta="left" mt="sm">
            <RedirectUri uri={redirectUri} />
            <Text size="sm" c="dimmed">
              {t('docsHint')}
            </Text>
          </Stack>
        </Empty>
      ) : null}
      {isEmpty && starting ? (
        <SsoForm
          config={null}
          redirectUri={redirectUri}
          secretKeyConfigured={secretKeyConfigured}
          onCancel={() => setStarting(false)}
          onReload={reload}
        />
      ) : null}
      {config.data ? (
        <>
          <StatusBadges config={config.data} />
          <SsoForm
            key={config.data.version}
            config={config.data}
            redirectUri={redirectUri}
            secretKeyConfigured={secretKeyConfigured}
            onReload={reload}
          />
        </>
      ) : null}
    </Page>
  );
}
