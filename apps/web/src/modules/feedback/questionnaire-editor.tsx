import { useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArchive, IconEye, IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  RaterGroup,
  type FeedbackInstrument,
  type FeedbackQuestionnaire,
  type FeedbackSection,
  type QuestionnaireStatus,
} from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { AppModal } from '../../ui/app-modal.tsx';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { Page } from '../../ui/page.tsx';
import { FormError, PageLoader, QueryError } from '../../ui/query-state.tsx';
import { AnswerForm } from './answer-form.tsx';
import { useGroupLabel } from './labels.ts';
import { useQuestionnaire, useQuestionnaireStatus, useSaveQuestionnaire } from './queries.ts';

export function QuestionnaireStatusBadge({ status }: { status: QuestionnaireStatus }) {
  const { t } = useTranslation('feedback');
  const color = status === 'published' ? 'groei' : status === 'draft' ? 'blue' : 'gray';
  return (
    <Badge variant="light" color={color}>
      {t(`questionnaireStatus.${status}`)}
    </Badge>
  );
}

const newId = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 8)}`;

type Draft = FeedbackInstrument;

function draftOf(q: FeedbackQuestionnaire): Draft {
  return {
    name: q.name,
    description: q.description,
    scale: q.scale,
    sections: q.sections,
    raterGroups: q.raterGroups,
  };
}

function Editor({ q }: { q: FeedbackQuestionnaire }) {
  const { t } = useTranslation('feedback');
  const groupLabel = useGroupLabel();
  const [draft, setDraft] = useState<Draft>(() => draftOf(q));
  const [preview, setPreview] = useState(false);
  const [confirm, setConfirm] = useState<'publish' | 'archive' | null>(null);
  const save = useSaveQuestionnaire(q.id);
  const status = useQuestionnaireStatus(q.id);
  const errors = isApiError(save.error)
    ? save.error.fieldErrors()
    : isApiError(status.error)
      ? status.error.fieldErrors()
      : {};
  const editable = q.abilities.edit;
  const setSection = (index: number, section: FeedbackSection) =>
    setDraft((d) => ({ ...d, sections: d.sections.map((s, i) => (i === index ? section : s)) }));

  return (
    <Stack gap="md">
      <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <TextInput
            label={t('builder.name')}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            required
            disabled={!editable}
            error={errors.name}
          />
          <Textarea
            label={t('builder.description')}
            description={t('builder.descriptionHint')}
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })}
            autosize
            minRows={2}
            disabled={!editable}
          />
          <Checkbox.Group
            label={t('builder.groups')}
            description={t('builder.groupsHint')}
            value={draft.raterGroups}
            onChange={(v) => setDraft({ ...draft, raterGroups: v })}
            error={errors.raterGroups}
          >
            <Group gap="md" mt={6}>
              {RaterGroup.options.map((g) => (
                <Checkbox key={g} value={g} label={groupLabel(g)} disabled={!editable} />
              ))}
            </Group>
          </Checkbox.Group>
        </Stack>
      </Card>

      <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="scale-title">
        <Stack gap="sm">
          <Title order={2} fz="lg" id="scale-title">
            {t('builder.scale')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('builder.scaleHint')}
          </Text>
          {draft.scale.labels.map((label, i) => (
            <Group key={i} gap="xs" wrap="nowrap">
              <TextInput
                label={t('builder.scaleLabel', { value: i + 1 })}
                value={label}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setDraft((d) => ({
                    ...d,
                    scale: { ...d.scale, labels: d.scale.labels.map((l, j) => (j === i ? value : l)) },
                  }));
                }}
                disabled={!editable}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="red.8"
                mt={24}
                disabled={!editable || draft.scale.labels.length <= 2}
                aria-label={t('builder.removeLabel', { value: i + 1 })}
                onClick={() =>
                  setDraft((d) => ({ ...d, scale: { ...d.scale, labels: d.scale.labels.filter((_, j) => j !== i) } }))
                }
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          {errors['scale.labels'] ? (
            <Text c="red.8" size="sm">
              {errors['scale.labels']}
            </Text>
          ) : null}
          <Group>
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={!editable || draft.scale.labels.length >= 7}
              onClick={() => setDraft((d) => ({ ...d, scale: { ...d.scale, labels: [...d.scale.labels, ''] } }))}
            >
              {t('builder.addLabel')}
            </Button>
          </Group>
          <TextInput
            label={t('builder.dontKnow')}
            description={t('builder.dontKnowHint')}
            value={draft.scale.dontKnowLabel ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setDraft((d) => ({ ...d, scale: { ...d.scale, dontKnowLabel: value.trim() ? value : null } }));
            }}
            disabled={!editable}
            maw={320}
          />
        </Stack>
      </Card>

      {draft.sections.map((section, s) => (
        <Card key={section.id} withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section">
          <Stack gap="sm">
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                label={t('builder.sectionTitle', { number: s + 1 })}
                value={section.title}
                onChange={(e) => setSection(s, { ...section, title: e.currentTarget.value })}
                disabled={!editable}
                style={{ flex: 1 }}
                error={errors[`sections.${s}.items`]}
              />
              <ActionIcon
                variant="subtle"
                color="red.8"
                mb={4}
                disabled={!editable}
                aria-label={t('builder.removeSection', { title: section.title })}
                onClick={() => setDraft((d) => ({ ...d, sections: d.sections.filter((_, i) => i !== s) }))}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
            {section.items.map((item, i) => (
              <Group key={item.id} gap="xs" align="flex-end" wrap="wrap">
                <Textarea
                  label={t('builder.itemText', { number: i + 1 })}
                  value={item.text}
                  autosize
                  minRows={1}
                  onChange={(e) => {
                    const text = e.currentTarget.value;
                    setSection(s, {
                      ...section,
                      items: section.items.map((it, j) => (j === i ? { ...it, text } : it)),
                    });
                  }}
                  disabled={!editable}
                  style={{ flex: '1 1 18rem' }}
                  error={errors[`sections.${s}.items.${i}.id`]}
                />
                <Select
                  label={t('builder.itemType')}
                  data={[
                    { value: 'scale', label: t('builder.typeScale') },
                    { value: 'open', label: t('builder.typeOpen') },
                  ]}
                  value={item.type}
                  onChange={(v) =>
                    setSection(s, {
                      ...section,
                      items: section.items.map((it, j) =>
                        j === i ? { ...it, type: v === 'open' ? 'open' : 'scale' } : it,
                      ),
                    })
                  }
                  allowDeselect={false}
                  disabled={!editable}
                  w={150}
                />
                <ActionIcon
                  variant="subtle"
                  color="red.8"
                  mb={4}
                  disabled={!editable}
                  aria-label={t('builder.removeItem', { number: i + 1 })}
                  onClick={() => setSection(s, { ...section, items: section.items.filter((_, j) => j !== i) })}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="subtle"
                leftSection={<IconPlus size={16} aria-hidden />}
                disabled={!editable}
                onClick={() =>
                  setSection(s, { ...section, items: [...section.items, { id: newId('v'), type: 'scale', text: '' }] })
                }
              >
                {t('builder.addItem')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      {errors.sections ? (
        <Text c="red.8" size="sm" role="alert">
          {errors.sections}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={!editable}
          onClick={() =>
            setDraft((d) => ({
              ...d,
              sections: [...d.sections, { id: newId('d'), title: t('builder.newSection'), items: [] }],
            }))
          }
        >
          {t('builder.addSection')}
        </Button>
      </Group>

      <FormError error={save.error ?? status.error} />
      <Group gap="sm">
        {editable ? (
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate({ ...draft, version: q.version }, { onSuccess: (saved) => setDraft(draftOf(saved)) })
            }
          >
            {t('builder.save')}
          </Button>
        ) : null}
        <Button variant="default" leftSection={<IconEye size={18} aria-hidden />} onClick={() => setPreview(true)}>
          {t('builder.preview')}
        </Button>
        {q.abilities.publish ? (
          <Button
            variant="light"
            leftSection={<IconSend size={18} aria-hidden />}
            onClick={() => setConfirm('publish')}
          >
            {t('builder.publish')}
          </Button>
        ) : null}
        {q.abilities.archive ? (
          <Button
            variant="subtle"
            color="red.8"
            leftSection={<IconArchive size={18} aria-hidden />}
            onClick={() => setConfirm('archive')}
          >
            {t('builder.archive')}
          </Button>
        ) : null}
        {save.isSuccess ? (
          <Text size="sm" c="groei.8" role="status">
            {t('builder.saved')}
          </Text>
        ) : null}
      </Group>

      <AppModal opened={preview} onClose={() => setPreview(false)} title={t('builder.previewTitle')} size="lg">
        <AnswerForm
          form={{
            title: draft.name,
            message: '',
            subjectFirstName: t('builder.previewName'),
            schoolName: q.schoolName,
            raterGroup: 'collega',
            closesOn: '',
            instrument: draft,
            anonymous: true,
          }}
          submitting={false}
          error={null}
          onSubmit={() => setPreview(false)}
        />
      </AppModal>
      <ConfirmModal
        opened={confirm !== null}
        title={confirm === 'archive' ? t('builder.archiveTitle') : t('builder.publishTitle')}
        confirmLabel={confirm === 'archive' ? t('builder.archive') : t('builder.publish')}
        danger={confirm === 'archive'}
        loading={status.isPending}
        error={status.error}
        onClose={() => setConfirm(null)}
        onConfirm={() =>
          confirm && status.mutate({ action: confirm, version: q.version }, { onSuccess: () => setConfirm(null) })
        }
      >
        {confirm === 'archive' ? t('builder.archiveText') : t('builder.publishText')}
      </ConfirmModal>
    </Stack>
  );
}

/** The questionnaire builder: sections, statements, scale, rater groups, preview and publish. */
export default function QuestionnaireEditorPage() {
  const { t } = useTranslation('feedback');
  const { id = '' } = useParams();
  const query = useQuestionnaire(id);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Page title={t('builder.listTitle')}>
        <QueryError error={query.error} />
      </Page>
    );
  }
  const q = query.data;
  return (
    <Page
      title={q.name}
      description={
        <Group gap="sm">
          <QuestionnaireStatusBadge status={q.status} />
          <Text size="sm" c="dimmed">
            {q.schoolName}
          </Text>
        </Group>
      }
    >
      <Anchor component={Link} to="/school/vragenlijsten" size="sm">
        {t('builder.back')}
      </Anchor>
      {q.status === 'published' ? (
        <Text size="sm" c="dimmed">
          {t('builder.publishedNote')}
        </Text>
      ) : null}
      <Editor key={q.version} q={q} />
    </Page>
  );
}
