import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Group, Stack, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { IconArchive, IconEye, IconPlus, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RaterGroup, type FeedbackQuestionnaire, type FeedbackSection } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { FormError } from '../../ui/query-state.tsx';
import { BuilderDialogs, StaleAlert, type Removal } from './builder-dialogs.tsx';
import { draftOf, moveItem, newId, sameDraft, withoutItem, withoutSection, type Draft } from './builder-draft.ts';
import { ScaleCard } from './builder-scale.tsx';
import { addItemButton, moveButton, SectionCard } from './builder-section.tsx';
import { useGroupLabel } from './labels.ts';
import { useQuestionnaire, useQuestionnaireStatus, useSaveQuestionnaire } from './queries.ts';
import { useWarnBeforeLeaving } from '../../ui/unsaved.ts';

/** A 409 because someone else saved in between (not because the questionnaire was archived). */
const isStale = (error: unknown) =>
  isApiError(error, 'conflict') && (error.details as { reason?: string } | null)?.reason === 'stale';

const ADD_SECTION = '#builder-add-section';

/**
 * The builder's form. Edits stay in a draft until 'Opslaan'; the draft remembers which version it started from,
 * so a newer version from the server (another editor) never replaces unsaved edits: it is offered instead.
 */
export function Editor({ q }: { q: FeedbackQuestionnaire }) {
  const { t } = useTranslation('feedback');
  const groupLabel = useGroupLabel();
  const [base, setBase] = useState(q);
  const [draft, setDraftState] = useState<Draft>(() => draftOf(q));
  const [dialog, setDialog] = useState<'preview' | 'publish' | 'archive' | 'discard' | null>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<string[] | null>(null);
  const save = useSaveQuestionnaire(q.id);
  const status = useQuestionnaireStatus(q.id);
  const latest = useQuestionnaire(q.id);
  const dirty = !sameDraft(draft, draftOf(base));
  useWarnBeforeLeaving(dirty);
  const behind = q.version !== base.version;
  // Only edits here can be in the way; without them a newer version is simply taken over (below).
  const stale = dirty && (behind || isStale(save.error) || isStale(status.error));
  const failure = [save.error, status.error].find((e) => e && !isStale(e)) ?? null;
  const errors = isApiError(failure) ? failure.fieldErrors() : {};
  const editable = q.abilities.edit;
  const setDraft = (change: (d: Draft) => Draft) => setDraftState(change);

  // Someone else saved a newer version: take it over, unless there are edits here to keep.
  const { reset: resetSave, error: saveError } = save;
  const { reset: resetStatus, error: statusError } = status;
  useEffect(() => {
    if (!behind || dirty) return;
    setBase(q);
    setDraftState(draftOf(q));
    if (isStale(saveError)) resetSave();
    if (isStale(statusError)) resetStatus();
  }, [behind, dirty, q, saveError, statusError, resetSave, resetStatus]);

  // After a move or a removal, focus goes to the first of these that exists and is enabled.
  useEffect(() => {
    if (!focusTarget) return;
    for (const selector of focusTarget) {
      const el = document.querySelector<HTMLElement>(selector);
      if (el && !el.hasAttribute('disabled')) {
        el.focus();
        break;
      }
    }
    setFocusTarget(null);
  }, [focusTarget]);

  const adopt = (fresh: FeedbackQuestionnaire) => {
    setBase(fresh);
    setDraftState(draftOf(fresh));
  };
  const onStale = (error: unknown) => {
    if (isStale(error)) void latest.refetch();
  };
  const saveDraft = (version: number, then?: (saved: FeedbackQuestionnaire) => void) => {
    const sent = draft;
    save.mutate(
      { ...sent, version },
      {
        onSuccess: (saved) => {
          setBase(saved);
          // The server trims texts: take its copy, unless more was typed while saving.
          setDraftState((current) => (sameDraft(current, sent) ? draftOf(saved) : current));
          then?.(saved);
        },
        onError: onStale,
      },
    );
  };
  const overwrite = async () => {
    const fresh = (await latest.refetch()).data ?? q;
    setBase(fresh);
    status.reset();
    saveDraft(fresh.version);
  };
  const changeStatus = (action: 'publish' | 'archive') => {
    const run = (version: number) =>
      status.mutate(
        { action, version },
        {
          onSuccess: (changed) => {
            adopt(changed);
            setDialog(null);
          },
          onError: (error) => {
            onStale(error);
            if (isStale(error)) setDialog(null);
          },
        },
      );
    // Publishing publishes what is on screen: unsaved edits are saved first.
    if (action === 'publish' && dirty) saveDraft(base.version, (saved) => run(saved.version));
    else run(base.version);
  };
  const move = (section: FeedbackSection, itemId: string, delta: -1 | 1) => {
    const from = section.items.findIndex((i) => i.id === itemId);
    const text = section.items[from]?.text.trim() ?? '';
    const place = { position: from + delta + 1, count: section.items.length };
    setDraft((d) => moveItem(d, section.id, itemId, delta));
    setAnnouncement(text ? t('builder.moved', { ...place, text }) : t('builder.movedEmpty', place));
    const [same, other] = delta < 0 ? (['up', 'down'] as const) : (['down', 'up'] as const);
    setFocusTarget([moveButton(itemId, same), moveButton(itemId, other)]);
  };
  const remove = (r: Removal) => {
    if (r.itemId) {
      const itemId = r.itemId;
      setDraft((d) => withoutItem(d, r.sectionId, itemId));
      setFocusTarget([addItemButton(r.sectionId), ADD_SECTION]);
    } else {
      setDraft((d) => withoutSection(d, r.sectionId));
      setFocusTarget([ADD_SECTION]);
    }
    setRemoval(null);
  };

  return (
    <Stack gap="md">
      <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <TextInput
            label={t('builder.name')}
            value={draft.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setDraft((d) => ({ ...d, name }));
            }}
            required
            disabled={!editable}
            error={errors.name}
          />
          <Textarea
            label={t('builder.description')}
            description={t('builder.descriptionHint')}
            value={draft.description}
            onChange={(e) => {
              const description = e.currentTarget.value;
              setDraft((d) => ({ ...d, description }));
            }}
            autosize
            minRows={2}
            disabled={!editable}
          />
          <Checkbox.Group
            label={t('builder.groups')}
            description={t('builder.groupsHint')}
            value={draft.raterGroups}
            onChange={(v) => setDraft((d) => ({ ...d, raterGroups: v }))}
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

      <ScaleCard draft={draft} setDraft={setDraft} editable={editable} errors={errors} />

      {draft.sections.map((section, s) => (
        <SectionCard
          key={section.id}
          section={section}
          index={s}
          editable={editable}
          errors={errors}
          onChange={(next) =>
            setDraft((d) => ({ ...d, sections: d.sections.map((x) => (x.id === section.id ? next : x)) }))
          }
          onMove={(itemId, delta) => move(section, itemId, delta)}
          onRemoveItem={(itemId) => setRemoval({ sectionId: section.id, itemId })}
          onRemoveSection={() => setRemoval({ sectionId: section.id, itemId: null })}
        />
      ))}
      {errors.sections ? (
        <Text c="red.8" size="sm" role="alert">
          {errors.sections}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="default"
          id="builder-add-section"
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

      {/* Beside the save button, where the refusal happens. */}
      {stale ? (
        <StaleAlert
          overwriting={save.isPending || latest.isFetching}
          onOverwrite={() => void overwrite()}
          onDiscard={() => setDialog('discard')}
        />
      ) : null}
      <FormError error={failure} />
      <Group gap="sm">
        {editable ? (
          <Button loading={save.isPending} onClick={() => saveDraft(base.version)}>
            {t('builder.save')}
          </Button>
        ) : null}
        <Button variant="default" leftSection={<IconEye size={18} aria-hidden />} onClick={() => setDialog('preview')}>
          {t('builder.preview')}
        </Button>
        {q.abilities.publish ? (
          <Button variant="light" leftSection={<IconSend size={18} aria-hidden />} onClick={() => setDialog('publish')}>
            {t('builder.publish')}
          </Button>
        ) : null}
        {q.abilities.archive ? (
          <Button
            variant="subtle"
            color="red"
            // The subtle variant's red text is 3.3:1 on white; red.9 is above 4.5:1.
            c="red.9"
            leftSection={<IconArchive size={18} aria-hidden />}
            onClick={() => setDialog('archive')}
          >
            {t('builder.archive')}
          </Button>
        ) : null}
        <Text size="sm" c={dirty && !save.isPending ? 'dimmed' : 'groei.8'} role="status">
          {save.isPending
            ? t('builder.saving')
            : dirty
              ? t('builder.unsaved')
              : save.isSuccess
                ? t('builder.saved')
                : ''}
        </Text>
      </Group>
      <VisuallyHidden role="status">{announcement}</VisuallyHidden>

      <BuilderDialogs
        q={q}
        draft={draft}
        dirty={dirty}
        dialog={dialog}
        removal={removal}
        statusBusy={status.isPending || save.isPending}
        statusError={status.error ?? (dialog === 'publish' ? save.error : null)}
        onClose={() => setDialog(null)}
        onStatus={changeStatus}
        onDiscard={() => {
          adopt(q);
          save.reset();
          status.reset();
          setDialog(null);
        }}
        onRemoveCancel={() => setRemoval(null)}
        onRemove={remove}
      />
    </Stack>
  );
}
