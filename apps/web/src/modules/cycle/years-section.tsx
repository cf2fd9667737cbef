import { useEffect, useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CycleConfig, SchoolYear } from '@groeipad/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { ConfigCard, FormButtons, ItemActions, SectionHeader } from './config-parts.tsx';
import { formLevelError, setFieldErrors } from './field-errors.ts';
import { useSaveYear } from './queries.ts';
import { formatDay } from './status.tsx';

type Period = { name: string; startsOn: string; endsOn: string };
type Values = { name: string; startsOn: string; endsOn: string; periods: Period[] };

/** A year after the newest one, with three periods: what a school usually wants next. */
function nextYear(years: SchoolYear[], periodName: (n: number) => string): Values {
  const last = years.at(-1);
  const y = last
    ? Number(last.startsOn.slice(0, 4)) + 1
    : new Date().getFullYear() - (new Date().getMonth() < 7 ? 1 : 0);
  return {
    name: `${y}-${y + 1}`,
    startsOn: `${y}-08-01`,
    endsOn: `${y + 1}-07-31`,
    periods: [
      { name: periodName(1), startsOn: `${y}-08-01`, endsOn: `${y}-11-30` },
      { name: periodName(2), startsOn: `${y}-12-01`, endsOn: `${y + 1}-03-31` },
      { name: periodName(3), startsOn: `${y + 1}-04-01`, endsOn: `${y + 1}-07-31` },
    ],
  };
}

function YearModal({
  config,
  year,
  opened,
  onClose,
}: {
  config: CycleConfig;
  year: SchoolYear | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('cycle');
  const save = useSaveYear(config.school.id);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', startsOn: '', endsOn: '', periods: [] },
    validate: {
      name: (v) => (v.trim() ? null : t('config.required')),
      startsOn: (v) => (v ? null : t('config.required')),
      endsOn: (v, all) => (!v ? t('config.required') : v <= all.startsOn ? t('years.endBeforeStart') : null),
    },
  });
  useEffect(() => {
    if (!opened) return;
    form.setValues(
      year
        ? {
            name: year.name,
            startsOn: year.startsOn,
            endsOn: year.endsOn,
            periods: year.periods.map(({ name, startsOn, endsOn }) => ({ name, startsOn, endsOn })),
          }
        : nextYear(config.years, (n) => t('years.periodName', { n })),
    );
    form.clearErrors();
    save.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, year?.id]);

  const submit = form.onSubmit((v) => {
    const body = { ...v, name: v.name.trim(), periods: v.periods.map((p) => ({ ...p, name: p.name.trim() })) };
    save.mutate(year ? { id: year.id, body: { ...body, version: year.version } } : { body }, {
      onSuccess: onClose,
      onError: (error) => setFieldErrors(error, form),
    });
  });

  return (
    <AppModal opened={opened} onClose={onClose} title={year ? t('years.editTitle') : t('years.newTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={formLevelError(save.error)} />
          <TextInput
            label={t('years.name')}
            description={t('years.nameHelp')}
            required
            {...form.getInputProps('name')}
          />
          <Group grow gap="sm" wrap="wrap">
            <TextInput type="date" label={t('years.startsOn')} required miw={150} {...form.getInputProps('startsOn')} />
            <TextInput type="date" label={t('years.endsOn')} required miw={150} {...form.getInputProps('endsOn')} />
          </Group>
          <Stack gap="xs">
            <Text fw={600}>{t('years.periods')}</Text>
            <Text size="sm" c="dimmed">
              {t('years.periodsHelp')}
            </Text>
            {form.errors.periods ? (
              <Text size="sm" c="red.8">
                {form.errors.periods}
              </Text>
            ) : null}
            {form.values.periods.map((_, i) => (
              <Paper key={i} withBorder p="sm" radius="sm">
                <Group gap="sm" align="flex-end" wrap="wrap">
                  <TextInput
                    label={t('years.periodLabel', { n: i + 1 })}
                    style={{ flex: '2 1 12rem' }}
                    {...form.getInputProps(`periods.${i}.name`)}
                  />
                  <TextInput
                    type="date"
                    label={t('years.startsOn')}
                    style={{ flex: '1 1 9rem' }}
                    {...form.getInputProps(`periods.${i}.startsOn`)}
                  />
                  <TextInput
                    type="date"
                    label={t('years.endsOn')}
                    style={{ flex: '1 1 9rem' }}
                    {...form.getInputProps(`periods.${i}.endsOn`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red.8"
                    size="lg"
                    disabled={form.values.periods.length <= 1}
                    onClick={() => form.removeListItem('periods', i)}
                    aria-label={t('years.removePeriod', { n: i + 1 })}
                  >
                    <IconX size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              </Paper>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={16} aria-hidden />}
                disabled={form.values.periods.length >= 12}
                onClick={() => {
                  const last = form.values.periods.at(-1);
                  form.insertListItem('periods', {
                    name: t('years.periodName', { n: form.values.periods.length + 1 }),
                    startsOn: last?.endsOn ?? form.values.startsOn,
                    endsOn: form.values.endsOn,
                  });
                }}
              >
                {t('years.addPeriod')}
              </Button>
            </Group>
          </Stack>
          <FormButtons onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** The school years and their periods; a year with conversations in it can be changed but not deleted. */
export function YearsSection({ config }: { config: CycleConfig }) {
  const { t } = useTranslation('cycle');
  const [editing, setEditing] = useState<SchoolYear | 'new' | null>(null);
  const edit = config.abilities.edit;
  return (
    <Stack gap="md">
      <SectionHeader
        intro={t('years.intro')}
        actions={
          edit ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
              {t('years.new')}
            </Button>
          ) : null
        }
      />
      {config.years.length === 0 ? <Text c="dimmed">{t('years.empty')}</Text> : null}
      {[...config.years].reverse().map((year) => (
        <ConfigCard
          key={year.id}
          title={year.name}
          tags={
            <>
              <Text size="sm" c="dimmed">
                {formatDay(year.startsOn)} – {formatDay(year.endsOn)}
              </Text>
              {year.inUse ? (
                <Badge variant="light" color="gray" tt="none">
                  {t('years.inUse')}
                </Badge>
              ) : null}
            </>
          }
          actions={
            edit ? (
              <ItemActions
                schoolId={config.school.id}
                editLabel={t('config.editLabel', { name: year.name })}
                onEdit={() => setEditing(year)}
                remove={
                  year.inUse
                    ? null
                    : { part: 'years', id: year.id, name: year.name, consequence: t('years.deleteConsequence') }
                }
              />
            ) : null
          }
        >
          <Table verticalSpacing={4} fz="sm">
            <Table.Tbody>
              {year.periods.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td w={40}>{p.position}</Table.Td>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td c="dimmed">
                    {formatDay(p.startsOn)} – {formatDay(p.endsOn)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ConfigCard>
      ))}
      <YearModal
        config={config}
        year={editing && editing !== 'new' ? editing : null}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
