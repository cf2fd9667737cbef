import { useEffect, useState } from 'react';
import {
  Accordion,
  ActionIcon,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ConversationForm, CycleConfig, FormPurpose, Role } from '@groeipad/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { ALL_ROLES, roleLabel } from '../../ui/roles.ts';
import { FormButtons, ItemActions, SectionHeader } from './config-parts.tsx';
import { formLevelError, setFieldErrors } from './field-errors.ts';
import { useSaveForm } from './queries.ts';

type Item = { id?: string; text: string; help: string };
type Values = { purpose: FormPurpose; name: string; role: string | null; active: boolean; items: Item[] };

function FormModal(props: {
  config: CycleConfig;
  form: ConversationForm | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { config, opened, onClose } = props;
  const existing = props.form;
  const { t } = useTranslation('cycle');
  const save = useSaveForm(config.school.id);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { purpose: 'questions', name: '', role: null, active: true, items: [] },
    validate: {
      name: (v) => (v.trim() ? null : t('config.required')),
      items: { text: (v) => (v.trim() ? null : t('forms.itemRequired')) },
    },
  });
  useEffect(() => {
    if (!opened) return;
    form.setValues({
      purpose: existing?.purpose ?? 'questions',
      name: existing?.name ?? '',
      role: existing?.role ?? null,
      active: existing?.active ?? true,
      items: existing?.items.map((i) => ({ id: i.id, text: i.text, help: i.help ?? '' })) ?? [{ text: '', help: '' }],
    });
    form.clearErrors();
    save.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, existing?.id]);
  const submit = form.onSubmit((v) => {
    const items = v.items.map((i) => ({
      ...(i.id ? { id: i.id } : {}),
      text: i.text.trim(),
      ...(i.help.trim() ? { help: i.help.trim() } : {}),
    }));
    const role = (v.role as Role | null) ?? null;
    save.mutate(
      existing
        ? { id: existing.id, body: { name: v.name.trim(), role, items, active: v.active, version: existing.version } }
        : { body: { purpose: v.purpose, name: v.name.trim(), role, items } },
      {
        onSuccess: onClose,
        onError: (error) => setFieldErrors(error, form),
      },
    );
  });
  return (
    <AppModal opened={opened} onClose={onClose} title={existing ? t('forms.editTitle') : t('forms.newTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={formLevelError(save.error)} />
          <Select
            label={t('forms.purpose')}
            data={(['reflection', 'questions'] as const).map((p) => ({ value: p, label: t(`forms.purposes.${p}`) }))}
            disabled={Boolean(existing)}
            allowDeselect={false}
            {...form.getInputProps('purpose')}
          />
          <TextInput label={t('forms.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('forms.role')}
            description={t('forms.roleHelp')}
            placeholder={t('forms.everyone')}
            data={ALL_ROLES.filter((r) => !['beheerder', 'bestuurder', 'hr', 'student'].includes(r)).map((r) => ({
              value: r,
              label: roleLabel(r),
            }))}
            clearable
            {...form.getInputProps('role')}
          />
          {existing ? (
            <Switch label={t('forms.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          ) : null}
          <Stack gap="xs">
            <Text fw={600}>{t('forms.items')}</Text>
            {form.errors.items ? (
              <Text size="sm" c="red.8">
                {form.errors.items}
              </Text>
            ) : null}
            {form.values.items.map((_, i) => (
              <Paper key={i} withBorder p="sm" radius="sm">
                <Stack gap="xs">
                  <Textarea
                    label={t('forms.itemLabel', { n: i + 1 })}
                    autosize
                    minRows={1}
                    required
                    {...form.getInputProps(`items.${i}.text`)}
                  />
                  <TextInput label={t('forms.help')} {...form.getInputProps(`items.${i}.help`)} />
                  <Group gap={4} justify="flex-end">
                    <ActionIcon
                      variant="subtle"
                      disabled={i === 0}
                      onClick={() => form.reorderListItem('items', { from: i, to: i - 1 })}
                      aria-label={t('forms.up', { n: i + 1 })}
                    >
                      <IconArrowUp size={18} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      disabled={i === form.values.items.length - 1}
                      onClick={() => form.reorderListItem('items', { from: i, to: i + 1 })}
                      aria-label={t('forms.down', { n: i + 1 })}
                    >
                      <IconArrowDown size={18} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red.8"
                      disabled={form.values.items.length <= 1}
                      onClick={() => form.removeListItem('items', i)}
                      aria-label={t('forms.remove', { n: i + 1 })}
                    >
                      <IconX size={18} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Stack>
              </Paper>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={16} aria-hidden />}
                disabled={form.values.items.length >= 40}
                onClick={() => form.insertListItem('items', { text: '', help: '' })}
              >
                {t('forms.addItem')}
              </Button>
            </Group>
          </Stack>
          <FormButtons onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** The self-reflections and question lists a kind of conversation can use, each opened to show its questions. */
export function FormsSection({ config }: { config: CycleConfig }) {
  const { t } = useTranslation('cycle');
  const [editing, setEditing] = useState<ConversationForm | 'new' | null>(null);
  const edit = config.abilities.edit;
  return (
    <Stack gap="md">
      <SectionHeader
        intro={t('forms.intro')}
        actions={
          edit ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
              {t('forms.new')}
            </Button>
          ) : null
        }
      />
      {config.forms.length === 0 ? <Text c="dimmed">{t('forms.empty')}</Text> : null}
      <Accordion variant="separated" multiple radius="md" chevronPosition="left">
        {config.forms.map((f) => (
          <Accordion.Item key={f.id} value={f.id}>
            <Group wrap="nowrap" gap={4} pr="xs">
              <Accordion.Control>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>{f.name}</Text>
                  <Badge variant="light" color={f.purpose === 'reflection' ? 'groei' : 'blue'} tt="none">
                    {t(`forms.purposes.${f.purpose}`)}
                  </Badge>
                  {f.role ? (
                    <Badge variant="outline" color="gray.7" tt="none">
                      {roleLabel(f.role)}
                    </Badge>
                  ) : null}
                  {!f.active ? (
                    <Badge variant="outline" color="gray.7" tt="none">
                      {t('forms.inactive')}
                    </Badge>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {t('forms.count', { count: f.items.length })}
                  </Text>
                </Group>
              </Accordion.Control>
              {edit ? (
                <ItemActions
                  schoolId={config.school.id}
                  editLabel={t('config.editLabel', { name: f.name })}
                  onEdit={() => setEditing(f)}
                  remove={{ part: 'forms', id: f.id, name: f.name, consequence: t('forms.deleteConsequence') }}
                />
              ) : null}
            </Group>
            <Accordion.Panel>
              <List type="ordered" spacing="xs" size="sm">
                {f.items.map((item) => (
                  <List.Item key={item.id}>
                    <Text size="sm">{item.text}</Text>
                    {item.help ? (
                      <Text size="xs" c="dimmed">
                        {item.help}
                      </Text>
                    ) : null}
                  </List.Item>
                ))}
              </List>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <FormModal
        config={config}
        form={editing && editing !== 'new' ? editing : null}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
