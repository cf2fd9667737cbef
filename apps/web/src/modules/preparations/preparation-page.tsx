import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconBooks, IconCalendarCog, IconCheck, IconEye, IconTarget, IconUsers, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Preparation, PreparationAnswers } from '@groeipad/contracts';
import { ApiError } from '../../app/api.ts';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { Page } from '../../ui/page.tsx';
import { FormError, PageLoader } from '../../ui/query-state.tsx';
import { useWarnBeforeLeaving } from '../../ui/unsaved.ts';
import { ConflictAlert, conflictCurrent } from '../team/conflict.tsx';
import { saved } from '../team/form-parts.tsx';
import { FillFields, ReadFields } from './fill-form.tsx';
import { NewItemModal } from './library-modals.tsx';
import { PageError, StatusBadge, When } from './parts.tsx';
import { PlanModal } from './plan-modal.tsx';
import {
  useCancelPreparation,
  useMarkPreparationDone,
  usePreparation,
  usePreparations,
  useSavePreparationWork,
} from './queries.ts';

type Work = { answers: PreparationAnswers; result: string };
const workOf = (p: Preparation): Work => ({ answers: p.answers, result: p.result });

/** The shared screen: the form filled together and the result, saved and marked done by a participant. */
function WorkForm({ teamId, p }: { teamId: string; p: Preparation }) {
  const { t } = useTranslation('preparations');
  const { t: tt } = useTranslation('team');
  const save = useSavePreparationWork(teamId, p.id);
  const done = useMarkPreparationDone(teamId, p.id);
  const [work, setWork] = useState<Work>(() => workOf(p));
  const [dirty, setDirty] = useState(false);
  const [baseVersion, setBaseVersion] = useState(p.version);
  const [theirs, setTheirs] = useState<Preparation | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useWarnBeforeLeaving(dirty);

  // A change from another phone shows here as long as nothing was typed on this one.
  useEffect(() => {
    if (!dirty && !theirs) {
      setWork(workOf(p));
      setBaseVersion(p.version);
    }
  }, [p, dirty, theirs]);

  const change = (next: Work) => {
    setWork(next);
    setDirty(true);
  };
  const onError = (error: unknown) => {
    const current = conflictCurrent<Preparation>(error);
    if (current) {
      setTheirs(current);
      setBaseVersion(current.version);
      return;
    }
    setErrors(error instanceof ApiError ? error.fieldErrors() : {});
  };
  const persist = (then?: (after: Preparation) => void) => {
    setErrors({});
    save.mutate(
      { version: baseVersion, answers: work.answers, result: work.result },
      {
        onSuccess: (after) => {
          setDirty(false);
          setTheirs(null);
          setBaseVersion(after.version);
          if (then) then(after);
          else saved(t('fill.saved'));
        },
        onError,
      },
    );
  };
  const finish = () =>
    persist((after) =>
      done.mutate(after.version, {
        onSuccess: () => saved(t('fill.doneSaved')),
        onError,
      }),
    );

  const error = save.error ?? done.error;
  const busy = save.isPending || done.isPending;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        persist();
      }}
      noValidate
    >
      <Stack gap="lg">
        {theirs ? (
          <ConflictAlert
            theirs={<Text size="sm">{theirs.result || t('fill.noResult')}</Text>}
            onTakeTheirs={() => {
              setWork(workOf(theirs));
              setTheirs(null);
              setDirty(false);
            }}
          />
        ) : error && !Object.keys(errors).length ? (
          <FormError error={error} />
        ) : null}
        {p.formFields.length > 0 ? (
          <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
            <Stack gap="sm">
              <Title order={2} size="h3">
                {p.formTitle}
              </Title>
              <Text size="sm" c="dimmed">
                {t('fill.together')}
              </Text>
              <FillFields
                fields={p.formFields}
                answers={work.answers}
                errors={errors}
                onChange={(id, value) => change({ ...work, answers: { ...work.answers, [id]: value } })}
              />
            </Stack>
          </Paper>
        ) : (
          <Text c="dimmed">{t('fill.noForm')}</Text>
        )}
        <Textarea
          label={t('fill.result')}
          description={t('fill.resultHint')}
          error={errors.result}
          autosize
          minRows={4}
          maxLength={10_000}
          value={work.result}
          onChange={(e) => change({ ...work, result: e.currentTarget.value })}
        />
        {dirty ? (
          <Text size="sm" c="dimmed" role="status">
            {t('fill.unsaved')}
          </Text>
        ) : null}
        <Group gap="sm">
          <Button
            type="submit"
            variant={p.status === 'planned' ? 'default' : 'filled'}
            loading={save.isPending && !done.isPending}
            disabled={busy}
          >
            {theirs ? tt('conflict.saveMine') : t('fill.save')}
          </Button>
          {p.status === 'planned' ? (
            <Button leftSection={<IconCheck size={18} aria-hidden />} onClick={finish} loading={busy} disabled={busy}>
              {t('fill.markDone')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

/** One joint preparation; works on a 390 px phone, where the participants fill it together. */
export default function PreparationPage() {
  const { teamId = '', preparationId = '' } = useParams();
  const { t } = useTranslation('preparations');
  const query = usePreparation(teamId, preparationId);
  const p = query.data;
  // Colleagues and goals for rescheduling, only for a participant.
  const list = usePreparations(teamId);
  const cancel = useCancelPreparation(teamId, preparationId);
  const [rescheduling, setRescheduling] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [toLibrary, setToLibrary] = useState(false);

  if (query.isPending) return <PageLoader />;
  if (query.isError || !p)
    return <PageError title={t('detail.titleUnknown')} error={query.error} onRetry={() => void query.refetch()} />;
  const canEdit = p.abilities.edit;
  const planned = p.status === 'planned';

  return (
    <Page
      title={p.title}
      description={
        <Stack gap={6}>
          <Group gap={6}>
            <Badge variant="outline" color="gray" tt="none">
              {t(`kind.${p.kind}`)}
            </Badge>
            <StatusBadge status={p.status} />
            {!canEdit ? (
              <Badge variant="light" color="gray" tt="none" leftSection={<IconEye size={14} aria-hidden />}>
                {t('detail.readOnly')}
              </Badge>
            ) : null}
          </Group>
          <When p={p} />
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconUsers size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
            <Text size="sm">
              {t('detail.participants', { names: p.participants.map((x) => x.displayName).join(', ') })}
            </Text>
          </Group>
          {p.goal ? (
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconTarget size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
              <Text size="sm">{t('goalLine', { goal: p.goal.title })}</Text>
            </Group>
          ) : null}
          <Anchor component={Link} to={`/team/${teamId}/voorbereidingen`} size="sm">
            {t('detail.back')}
          </Anchor>
        </Stack>
      }
      actions={
        canEdit && planned ? (
          <>
            <Button
              variant="default"
              leftSection={<IconCalendarCog size={18} aria-hidden />}
              onClick={() => setRescheduling(true)}
              disabled={!list.data}
            >
              {t('detail.reschedule')}
            </Button>
            <Button
              variant="default"
              color="red"
              leftSection={<IconX size={18} aria-hidden />}
              onClick={() => setCancelling(true)}
            >
              {t('detail.cancel')}
            </Button>
          </>
        ) : p.abilities.saveToLibrary ? (
          <Button leftSection={<IconBooks size={18} aria-hidden />} onClick={() => setToLibrary(true)}>
            {t('detail.saveToLibrary')}
          </Button>
        ) : null
      }
    >
      {p.status === 'cancelled' ? (
        <Alert color="gray" variant="light">
          {t('detail.cancelledNote')}
        </Alert>
      ) : null}
      {canEdit && p.status !== 'cancelled' ? (
        <WorkForm teamId={teamId} p={p} />
      ) : (
        <Stack gap="lg">
          {p.formFields.length > 0 ? (
            <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
              <Stack gap="sm">
                <Title order={2} size="h3">
                  {p.formTitle}
                </Title>
                <ReadFields fields={p.formFields} answers={p.answers} />
              </Stack>
            </Paper>
          ) : null}
          <section aria-labelledby="prep-result">
            <Title order={2} size="h3" id="prep-result" mb="xs">
              {t('fill.result')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{p.result || t('fill.noResult')}</Text>
          </section>
        </Stack>
      )}
      {canEdit && planned && list.data ? (
        <PlanModal
          opened={rescheduling}
          onClose={() => setRescheduling(false)}
          teamId={teamId}
          members={list.data.members}
          goals={list.data.goals}
          preparation={p}
        />
      ) : null}
      <ConfirmModal
        opened={cancelling}
        title={t('detail.cancelTitle')}
        confirmLabel={t('detail.cancelConfirm')}
        danger
        loading={cancel.isPending}
        error={cancel.error}
        onClose={() => {
          cancel.reset();
          setCancelling(false);
        }}
        onConfirm={() =>
          cancel.mutate(p.version, {
            onSuccess: () => {
              setCancelling(false);
              saved(t('detail.cancelled'));
            },
          })
        }
      >
        {t('detail.cancelText')}
      </ConfirmModal>
      {p.abilities.saveToLibrary ? (
        <NewItemModal
          opened={toLibrary}
          onClose={() => setToLibrary(false)}
          teamId={teamId}
          goals={list.data?.goals ?? (p.goal ? [p.goal] : [])}
          from={p}
        />
      ) : null}
    </Page>
  );
}
