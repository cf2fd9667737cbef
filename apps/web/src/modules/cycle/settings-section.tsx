import { useEffect } from 'react';
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CycleConfig } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { FormError } from '../../ui/query-state.tsx';
import { useSaveSettings } from './queries.ts';

type Values = { minGroupSize: number; minTextGroupSize: number; retentionMonths: number; reminderDays: number };
const FIELDS = ['minGroupSize', 'minTextGroupSize', 'retentionMonths', 'reminderDays'] as const;

/** Privacy minimums, retention and reminders of one school, each explained in plain words. */
export function SettingsSection({ config }: { config: CycleConfig }) {
  const { t } = useTranslation('cycle');
  const { t: tc } = useTranslation();
  const save = useSaveSettings(config.school.id);
  const edit = config.abilities.edit;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { minGroupSize: 3, minTextGroupSize: 5, retentionMonths: 24, reminderDays: 3 },
    validate: {
      minGroupSize: (v) => (v >= 3 ? null : t('settings.minGroupTooSmall')),
      minTextGroupSize: (v, all) => (v >= all.minGroupSize ? null : t('settings.minTextTooSmall')),
      retentionMonths: (v) => (v >= 1 ? null : t('settings.retentionTooSmall')),
    },
  });
  const { settings } = config;
  useEffect(() => {
    form.setValues({
      minGroupSize: settings.minGroupSize,
      minTextGroupSize: settings.minTextGroupSize,
      retentionMonths: settings.retentionMonths,
      reminderDays: settings.reminderDays,
    });
    form.resetDirty();
    // Refill when the server's version changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings.version, config.school.id]);

  const submit = form.onSubmit((v) =>
    save.mutate(
      { ...v, version: settings.version },
      {
        onSuccess: () =>
          notifications.show({
            color: 'groei',
            icon: <IconCheck size={18} aria-hidden />,
            message: t('settings.saved'),
          }),
        onError: (error) => {
          const fields = isApiError(error) ? error.fieldErrors() : {};
          for (const key of FIELDS) if (fields[key]) form.setFieldError(key, fields[key]);
        },
      },
    ),
  );
  const number = (key: (typeof FIELDS)[number], min: number, max: number, suffix?: string) => (
    <NumberInput
      label={t(`settings.${key}`)}
      description={t(`settings.${key}Help`)}
      min={min}
      max={max}
      allowDecimal={false}
      allowNegative={false}
      suffix={suffix}
      disabled={!edit}
      {...form.getInputProps(key)}
    />
  );

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} fz="lg">
              {t('settings.privacyTitle')}
            </Title>
            <Text size="sm" c="dimmed" maw={720}>
              {t('settings.privacyIntro')}
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {number('minGroupSize', 3, 50)}
            {number('minTextGroupSize', 3, 50)}
          </SimpleGrid>
          <Title order={2} fz="lg">
            {t('settings.otherTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {number('retentionMonths', 1, 120)}
            {number('reminderDays', 0, 30)}
          </SimpleGrid>
          <FormError error={save.error && !isApiError(save.error, 'validation') ? save.error : null} />
          {edit ? (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {tc('actions.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
