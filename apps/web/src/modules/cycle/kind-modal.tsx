import { useEffect } from 'react';
import { Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ConversationKind, CycleConfig } from '@groeipad/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { FormButtons } from './config-parts.tsx';
import { formLevelError, setFieldErrors } from './field-errors.ts';
import { useSaveKind } from './queries.ts';

type KindValues = {
  name: string;
  description: string;
  reflectionFormId: string | null;
  questionFormId: string | null;
  active: boolean;
};

/** Adds a kind of conversation or changes one: name, description, its forms, and (for an existing one) on or off. */
export function KindModal(props: {
  config: CycleConfig;
  kind: ConversationKind | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { config, kind, opened, onClose } = props;
  const { t } = useTranslation('cycle');
  const save = useSaveKind(config.school.id);
  const form = useForm<KindValues>({
    mode: 'controlled',
    initialValues: { name: '', description: '', reflectionFormId: null, questionFormId: null, active: true },
    validate: { name: (v) => (v.trim() ? null : t('config.required')) },
  });
  useEffect(() => {
    if (!opened) return;
    form.setValues({
      name: kind?.name ?? '',
      description: kind?.description ?? '',
      reflectionFormId: kind?.reflectionFormId ?? null,
      questionFormId: kind?.questionFormId ?? null,
      active: kind?.active ?? true,
    });
    form.clearErrors();
    save.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, kind?.id]);
  const formOptions = (purpose: 'reflection' | 'questions') =>
    config.forms
      .filter(
        (f) => f.purpose === purpose && (f.active || f.id === kind?.reflectionFormId || f.id === kind?.questionFormId),
      )
      .map((f) => ({ value: f.id, label: f.name }));
  const submit = form.onSubmit((v) => {
    const fields = {
      name: v.name.trim(),
      description: v.description.trim(),
      reflectionFormId: v.reflectionFormId,
      questionFormId: v.questionFormId,
    };
    save.mutate(
      kind
        ? { id: kind.id, body: { ...fields, active: v.active, version: kind.version } }
        : { body: { ...fields, key: 'eigen' } },
      {
        onSuccess: onClose,
        onError: (error) => setFieldErrors(error, form),
      },
    );
  });
  return (
    <AppModal opened={opened} onClose={onClose} title={kind ? t('kinds.editTitle') : t('kinds.newTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={formLevelError(save.error)} />
          <TextInput label={t('kinds.name')} required {...form.getInputProps('name')} />
          <Textarea
            label={t('kinds.description')}
            description={t('kinds.descriptionHelp')}
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Select
            label={t('kinds.reflectionForm')}
            description={t('kinds.reflectionFormHelp')}
            data={formOptions('reflection')}
            clearable
            placeholder={t('kinds.noForm')}
            {...form.getInputProps('reflectionFormId')}
          />
          <Select
            label={t('kinds.questionForm')}
            description={t('kinds.questionFormHelp')}
            data={formOptions('questions')}
            clearable
            placeholder={t('kinds.noForm')}
            {...form.getInputProps('questionFormId')}
          />
          {kind ? (
            <Switch
              label={t('kinds.active')}
              description={t('kinds.activeHelp')}
              {...form.getInputProps('active', { type: 'checkbox' })}
            />
          ) : null}
          <FormButtons onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
