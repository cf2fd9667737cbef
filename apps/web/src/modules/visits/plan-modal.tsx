import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VisitDetail, VisitKind, VisitPerson } from '@groeipad/contracts';
import { VISIT_KINDS, VISIT_MAX_MINUTES, VISIT_MIN_MINUTES, VISIT_RESCHEDULE_REASON_MAX } from '@groeipad/contracts';
import { ApiError } from '../../app/api.ts';
import { useMe } from '../../app/auth.tsx';
import { AppModal } from '../../ui/app-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { useMyPlan } from '../development/queries.ts';
import { saved } from '../team/form-parts.tsx';
import { useTeamBoard } from '../team/queries.ts';
import { usePlanVisit, useTeamForms, useUpdateVisit } from './queries.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localTime = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

type Props = { opened: boolean; onClose: () => void; teamId: string };

/** Plans a visit: who visits whom (the planner is one of them), when, how long, where, the learning question, the form. */
export function PlanVisitModal({
  opened,
  onClose,
  teamId,
  members,
  onPlanned,
}: Props & { members: VisitPerson[]; onPlanned: (visit: VisitDetail) => void }) {
  const { t } = useTranslation('visits');
  const myId = useMe().id;
  const forms = useTeamForms(teamId, { purpose: 'visit' });
  const board = useTeamBoard(teamId);
  const plan = usePlanVisit(teamId);
  const [role, setRole] = useState<'observer' | 'observed'>('observer');
  const [other, setOther] = useState('');
  const [kind, setKind] = useState<VisitKind>('lesson');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const [duration, setDuration] = useState<number | string>(30);
  const [location, setLocation] = useState('');
  const [question, setQuestion] = useState('');
  const [formId, setFormId] = useState('');
  const [teamGoalId, setTeamGoalId] = useState('');
  const [developmentGoalId, setDevelopmentGoalId] = useState('');
  const myPlan = useMyPlan();
  const errors = plan.error instanceof ApiError ? plan.error.fieldErrors() : {};
  const colleagues = members.filter((m) => m.id !== myId);
  const visitForms = forms.data?.items ?? [];
  const myGoals = (myPlan.data?.goals ?? []).filter((g) => g.status !== 'stopped' && g.status !== 'achieved');

  const close = () => {
    plan.reset();
    onClose();
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const at = new Date(`${date}T${time}`);
    plan.mutate(
      {
        observerId: role === 'observer' ? myId : other,
        observedId: role === 'observed' ? myId : other,
        kind,
        scheduledAt: Number.isNaN(at.getTime()) ? '' : at.toISOString(),
        durationMinutes: Number(duration),
        location,
        learningQuestion: question,
        formId,
        teamGoalId: teamGoalId || null,
        developmentGoalId: role === 'observed' && developmentGoalId ? developmentGoalId : null,
      },
      {
        onSuccess: (visit) => {
          saved(t('plan.saved'));
          close();
          onPlanned(visit);
        },
      },
    );
  };

  return (
    <AppModal opened={opened} onClose={close} title={t('plan.title')} size="lg" fullScreen={false}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label={t('plan.myRole')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as 'observer' | 'observed')}
            data={[
              { value: 'observer', label: t('plan.iVisit') },
              { value: 'observed', label: t('plan.iAmVisited') },
            ]}
          />
          <NativeSelect
            label={role === 'observer' ? t('plan.whom') : t('plan.who')}
            value={other}
            onChange={(e) => setOther(e.currentTarget.value)}
            data={[
              { value: '', label: t('plan.pickColleague') },
              ...colleagues.map((m) => ({ value: m.id, label: m.displayName })),
            ]}
            required
            error={errors.observedId ?? errors.observerId}
          />
          <NativeSelect
            label={t('plan.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as VisitKind)}
            data={VISIT_KINDS.map((k) => ({ value: k, label: t(`visitKinds.${k}`) }))}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <TextInput
              type="date"
              label={t('plan.date')}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              required
              error={errors.scheduledAt}
            />
            <TextInput
              type="time"
              label={t('plan.time')}
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
              required
            />
            <NumberInput
              label={t('plan.duration')}
              value={duration}
              onChange={setDuration}
              min={VISIT_MIN_MINUTES}
              max={VISIT_MAX_MINUTES}
              step={5}
              error={errors.durationMinutes}
            />
          </SimpleGrid>
          <TextInput
            label={t('plan.location')}
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
            maxLength={200}
            error={errors.location}
          />
          <Textarea
            label={t('plan.question')}
            description={t('plan.questionHint')}
            value={question}
            onChange={(e) => setQuestion(e.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={2}
            error={errors.learningQuestion}
          />
          {forms.isSuccess && visitForms.length === 0 ? (
            <Alert color="orange" variant="light">
              {t('plan.noForms')}{' '}
              <Anchor component={Link} to={`/team/${teamId}/formulieren`}>
                {t('plan.toForms')}
              </Anchor>
            </Alert>
          ) : (
            <NativeSelect
              label={t('plan.form')}
              value={formId}
              onChange={(e) => setFormId(e.currentTarget.value)}
              data={[
                { value: '', label: t('plan.pickForm') },
                ...visitForms.map((f) => ({ value: f.id, label: f.title })),
              ]}
              required
              error={errors.formId}
            />
          )}
          <NativeSelect
            label={t('plan.teamGoal')}
            value={teamGoalId}
            onChange={(e) => setTeamGoalId(e.currentTarget.value)}
            data={[
              { value: '', label: t('plan.noGoal') },
              ...(board.data?.goals ?? [])
                .filter((g) => g.status === 'active')
                .map((g) => ({ value: g.id, label: g.title })),
            ]}
            error={errors.teamGoalId}
          />
          {role === 'observed' ? (
            <NativeSelect
              label={t('plan.developmentGoal')}
              description={t('plan.developmentGoalHint')}
              value={developmentGoalId}
              onChange={(e) => setDevelopmentGoalId(e.currentTarget.value)}
              data={[{ value: '', label: t('plan.noGoal') }, ...myGoals.map((g) => ({ value: g.id, label: g.title }))]}
              error={errors.developmentGoalId}
            />
          ) : null}
          <FormError error={Object.keys(errors).length ? null : plan.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cancelButton')}
            </Button>
            <Button type="submit" loading={plan.isPending} leftSection={<IconCalendarPlus size={18} aria-hidden />}>
              {t('plan.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Moves a planned visit (another moment, length or place). */
export function RescheduleModal({ opened, onClose, teamId, visit }: Props & { visit: VisitDetail }) {
  const { t } = useTranslation('visits');
  const update = useUpdateVisit(teamId, visit.id);
  const start = new Date(visit.scheduledAt);
  const [date, setDate] = useState(localDate(start));
  const [time, setTime] = useState(localTime(start));
  const [duration, setDuration] = useState<number | string>(visit.durationMinutes);
  const [location, setLocation] = useState(visit.location);
  const [reason, setReason] = useState('');
  const errors = update.error instanceof ApiError ? update.error.fieldErrors() : {};
  const other = visit.role === 'observer' ? visit.observed : visit.observer;
  const close = () => {
    update.reset();
    onClose();
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const at = new Date(`${date}T${time}`);
    update.mutate(
      {
        version: visit.version,
        scheduledAt: Number.isNaN(at.getTime()) ? '' : at.toISOString(),
        durationMinutes: Number(duration),
        location,
        ...(reason.trim() ? { reason } : {}),
      },
      {
        onSuccess: () => {
          saved(t('reschedule.saved'));
          close();
        },
      },
    );
  };
  return (
    <AppModal opened={opened} onClose={close} title={t('reschedule.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <TextInput
              type="date"
              label={t('plan.date')}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              required
              error={errors.scheduledAt}
            />
            <TextInput
              type="time"
              label={t('plan.time')}
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
            />
            <NumberInput
              label={t('plan.duration')}
              value={duration}
              onChange={setDuration}
              min={VISIT_MIN_MINUTES}
              max={VISIT_MAX_MINUTES}
              step={5}
              error={errors.durationMinutes}
            />
          </SimpleGrid>
          <TextInput
            label={t('plan.location')}
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
            maxLength={200}
            error={errors.location}
          />
          <Textarea
            label={t('reschedule.reason')}
            description={t('reschedule.reasonHint', { name: other.displayName })}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={VISIT_RESCHEDULE_REASON_MAX}
            error={errors.reason}
          />
          <FormError error={Object.keys(errors).length ? null : update.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cancelButton')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('reschedule.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
