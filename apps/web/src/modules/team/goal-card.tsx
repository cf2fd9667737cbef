import '@mantine/charts/styles.css';
import { useState } from 'react';
import { LineChart } from '@mantine/charts';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconChevronDown, IconPencil, IconPlus, IconTarget, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TeamGoal, TeamMember } from '@groeipad/contracts';
import { FormError } from '../../ui/query-state.tsx';
import { applyFieldErrors, decimalSeparator, saved } from './form-parts.tsx';
import { formatDay, formatMeasure, formatShortDay, goalSummary, todayLocal } from './format.ts';
import { GoalModal } from './goal-modal.tsx';
import { useAddGoalValue, useDeleteGoalValue } from './queries.ts';

/** The values over time with the target as a line; the words next to it say the same for those who cannot see it. */
function GoalChart({ goal }: { goal: TeamGoal }) {
  const { t } = useTranslation('team');
  const points = goal.values.map((v) => ({ day: formatShortDay(v.measuredOn), value: v.value }));
  if (points.length === 0) return null;
  const all = [...points.map((p) => p.value), goal.targetValue, ...(goal.startValue !== null ? [goal.startValue] : [])];
  const low = Math.min(...all);
  const high = Math.max(...all);
  const pad = Math.max((high - low) * 0.1, 1);
  return (
    <div aria-hidden="true">
      <LineChart
        h={180}
        data={points}
        dataKey="day"
        series={[{ name: 'value', label: t('goals.measured'), color: 'groei.7' }]}
        referenceLines={[{ y: goal.targetValue, label: t('goals.targetLine'), color: 'orange.8' }]}
        yAxisProps={{ domain: [Math.floor(low - pad), Math.ceil(high + pad)] }}
        valueFormatter={(v) => formatMeasure(v, goal.unit)}
        curveType="linear"
        accessibilityLayer={false}
        withTooltip={false}
        textColor="gray.8"
      />
    </div>
  );
}

/** The measurements as a table (the chart's text alternative), each removable by the team. */
function ValuesTable({ goal, teamId, canEdit }: { goal: TeamGoal; teamId: string; canEdit: boolean }) {
  const { t } = useTranslation('team');
  const remove = useDeleteGoalValue(teamId);
  if (goal.values.length === 0) return <Text size="sm">{t('goals.noValues')}</Text>;
  return (
    <Table striped withTableBorder fz="sm">
      <Table.Caption>{t('goals.valuesCaption', { title: goal.title })}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('goals.date')}</Table.Th>
          <Table.Th scope="col">{t('goals.value')}</Table.Th>
          <Table.Th scope="col">{t('goals.note')}</Table.Th>
          {canEdit ? (
            <Table.Th scope="col">
              <VisuallyHidden>{t('goals.remove')}</VisuallyHidden>
            </Table.Th>
          ) : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {goal.values.map((v) => (
          <Table.Tr key={v.id}>
            <Table.Td>{formatDay(v.measuredOn)}</Table.Td>
            <Table.Td>{formatMeasure(v.value, goal.unit)}</Table.Td>
            <Table.Td>{v.note}</Table.Td>
            {canEdit ? (
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red.8"
                  aria-label={t('goals.removeValue', { date: formatDay(v.measuredOn) })}
                  loading={remove.isPending && remove.variables?.valueId === v.id}
                  onClick={() => remove.mutate({ goalId: goal.id, valueId: v.id })}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AddValueForm({ goal, teamId, onDone }: { goal: TeamGoal; teamId: string; onDone: () => void }) {
  const { t } = useTranslation('team');
  const { t: tc } = useTranslation();
  const add = useAddGoalValue(teamId);
  const form = useForm<{ measuredOn: string; value: number | string; note: string }>({
    mode: 'controlled',
    initialValues: { measuredOn: todayLocal(), value: '', note: '' },
    validate: { value: (v) => (v === '' ? t('goals.valueRequired') : null) },
  });
  const submit = form.onSubmit((v) =>
    add.mutate(
      { goalId: goal.id, measuredOn: v.measuredOn, value: Number(v.value), note: v.note },
      {
        onSuccess: () => {
          saved(t('goals.valueSaved'));
          form.reset();
          onDone();
        },
        onError: (error) => applyFieldErrors(form, error),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('goals.addValueFor', { title: goal.title })}>
      <Stack gap="xs">
        {add.error && !Object.keys(form.errors).length ? <FormError error={add.error} /> : null}
        <Group gap="sm" align="flex-end">
          <TextInput type="date" label={t('goals.date')} required maw={170} {...form.getInputProps('measuredOn')} />
          <NumberInput
            label={goal.unit ? t('goals.valueIn', { unit: goal.unit }) : t('goals.value')}
            required
            maw={150}
            decimalSeparator={decimalSeparator()}
            data-autofocus
            {...form.getInputProps('value')}
          />
          <TextInput
            label={t('goals.note')}
            maxLength={500}
            style={{ flex: 1, minWidth: 160 }}
            {...form.getInputProps('note')}
          />
        </Group>
        <Group gap="sm">
          <Button type="submit" size="sm" loading={add.isPending}>
            {t('goals.saveValue')}
          </Button>
          <Button size="sm" variant="default" onClick={onDone}>
            {tc('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One team goal: measurable, with owner and target, its values as a chart with the target line and as a table. */
export function GoalCard({
  goal,
  teamId,
  members,
  canEdit,
}: {
  goal: TeamGoal;
  teamId: string;
  members: TeamMember[];
  canEdit: boolean;
}) {
  const { t } = useTranslation('team');
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [showValues, setShowValues] = useState(false);
  const headingId = `teamdoel-${goal.id}`;
  const valuesId = `${headingId}-metingen`;
  return (
    <Card withBorder radius="md" p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={4} fz="md" id={headingId}>
              {goal.title}
            </Title>
            <Group gap={6}>
              {goal.status === 'achieved' ? (
                <Badge color="groei" variant="filled" tt="none" leftSection={<IconTarget size={12} aria-hidden />}>
                  {t('goalStatus.achieved')}
                </Badge>
              ) : null}
              {goal.owner ? (
                <Text size="sm" c="dimmed">
                  {t('goals.owner', { name: goal.owner.displayName })}
                </Text>
              ) : null}
              {goal.targetDate ? (
                <Text size="sm" c="dimmed">
                  {t('goals.by', { date: formatDay(goal.targetDate) })}
                </Text>
              ) : null}
            </Group>
          </Stack>
          {canEdit ? (
            <ActionIcon
              variant="subtle"
              aria-label={t('goals.edit', { title: goal.title })}
              onClick={() => setEditing(true)}
            >
              <IconPencil size={18} aria-hidden />
            </ActionIcon>
          ) : null}
        </Group>
        <Text fw={700} fz="lg">
          {goalSummary(goal)}
        </Text>
        <GoalChart goal={goal} />
        <Group gap="xs">
          {goal.values.length > 0 ? (
            <Button
              size="xs"
              variant="subtle"
              aria-expanded={showValues}
              aria-controls={valuesId}
              rightSection={
                <IconChevronDown
                  size={14}
                  aria-hidden
                  style={{ transform: showValues ? 'rotate(180deg)' : undefined }}
                />
              }
              onClick={() => setShowValues((s) => !s)}
            >
              {t('goals.showValues', { count: goal.values.length })}
            </Button>
          ) : null}
          {canEdit && !adding ? (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setAdding(true)}
            >
              {t('goals.addValue')}
            </Button>
          ) : null}
        </Group>
        <Collapse expanded={showValues} id={valuesId}>
          <ValuesTable goal={goal} teamId={teamId} canEdit={canEdit} />
        </Collapse>
        {adding ? <AddValueForm goal={goal} teamId={teamId} onDone={() => setAdding(false)} /> : null}
      </Stack>
      {canEdit ? (
        <GoalModal
          key={editing ? 'open' : `closed-${goal.version}`}
          opened={editing}
          onClose={() => setEditing(false)}
          teamId={teamId}
          members={members}
          goal={goal}
        />
      ) : null}
    </Card>
  );
}
