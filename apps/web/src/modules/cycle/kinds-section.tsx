import { useEffect, useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ConversationKind, CycleConfig, CycleRule, Role } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { AppModal } from '../../ui/app-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { ALL_ROLES, roleLabel } from '../../ui/roles.ts';
import { DeleteButton } from './delete-button.tsx';
import { useSaveKind, useSaveRule } from './queries.ts';

const STAFF_ROLES = ALL_ROLES.filter((r) => !['beheerder', 'bestuurder', 'hr', 'student'].includes(r));

function setFieldErrors(error: unknown, form: { setFieldError: (path: string, message: string) => void }) {
  const fields = isApiError(error) ? error.fieldErrors() : {};
  for (const [key, message] of Object.entries(fields)) form.setFieldError(key, message);
}

type KindValues = {
  name: string;
  description: string;
  reflectionFormId: string | null;
  questionFormId: string | null;
  active: boolean;
};

function KindModal(props: {
  config: CycleConfig;
  kind: ConversationKind | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { config, kind, opened, onClose } = props;
  const { t } = useTranslation('cycle');
  const { t: tc } = useTranslation();
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
          <FormError error={save.error && !isApiError(save.error, 'validation') ? save.error : null} />
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
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {tc('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

type RuleValues = {
  kindId: string | null;
  roles: string[];
  teamIds: string[];
  everyYears: number;
  periodPosition: string;
  active: boolean;
};

function RuleModal(props: { config: CycleConfig; rule: CycleRule | null; opened: boolean; onClose: () => void }) {
  const { config, rule, opened, onClose } = props;
  const { t } = useTranslation('cycle');
  const { t: tc } = useTranslation();
  const save = useSaveRule(config.school.id);
  const form = useForm<RuleValues>({
    mode: 'controlled',
    initialValues: { kindId: null, roles: [], teamIds: [], everyYears: 1, periodPosition: '1', active: true },
    validate: { kindId: (v) => (v ? null : t('rules.kindRequired')) },
  });
  useEffect(() => {
    if (!opened) return;
    form.setValues({
      kindId: rule?.kindId ?? config.kinds.find((k) => k.active)?.id ?? null,
      roles: rule?.roles ?? [],
      teamIds: rule?.teamIds ?? [],
      everyYears: rule?.everyYears ?? 1,
      periodPosition: String(rule?.periodPosition ?? 1),
      active: rule?.active ?? true,
    });
    form.clearErrors();
    save.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, rule?.id]);
  const periodCount = Math.max(1, ...config.years.map((y) => y.periods.length));
  const submit = form.onSubmit((v) => {
    const fields = {
      roles: v.roles as Role[],
      teamIds: v.teamIds,
      everyYears: v.everyYears,
      periodPosition: Number(v.periodPosition),
      active: v.active,
    };
    save.mutate(
      rule
        ? { id: rule.id, body: { ...fields, version: rule.version } }
        : { body: { ...fields, kindId: v.kindId ?? '' } },
      {
        onSuccess: onClose,
        onError: (error) => setFieldErrors(error, form),
      },
    );
  });
  return (
    <AppModal opened={opened} onClose={onClose} title={rule ? t('rules.editTitle') : t('rules.newTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={save.error && !isApiError(save.error, 'validation') ? save.error : null} />
          <Select
            label={t('rules.kind')}
            data={config.kinds.map((k) => ({ value: k.id, label: k.name }))}
            disabled={Boolean(rule)}
            allowDeselect={false}
            required
            {...form.getInputProps('kindId')}
          />
          <MultiSelect
            label={t('rules.roles')}
            description={t('rules.rolesHelp')}
            placeholder={form.values.roles.length === 0 ? t('rules.allStaff') : undefined}
            data={STAFF_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
            clearable
            {...form.getInputProps('roles')}
          />
          <MultiSelect
            label={t('rules.teams')}
            description={t('rules.teamsHelp')}
            placeholder={form.values.teamIds.length === 0 ? t('rules.allTeams') : undefined}
            data={config.teams.map((team) => ({ value: team.id, label: team.name }))}
            clearable
            searchable
            {...form.getInputProps('teamIds')}
          />
          <NumberInput
            label={t('rules.everyYears')}
            description={t('rules.everyYearsHelp')}
            min={1}
            max={10}
            allowDecimal={false}
            {...form.getInputProps('everyYears')}
          />
          <Select
            label={t('rules.period')}
            description={t('rules.periodHelp')}
            data={Array.from({ length: periodCount }, (_, i) => ({
              value: String(i + 1),
              label: t('rules.periodOption', { n: i + 1 }),
            }))}
            allowDeselect={false}
            {...form.getInputProps('periodPosition')}
          />
          <Switch label={t('rules.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {tc('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** "alle medewerkers · elk jaar · uiterlijk einde periode 2" */
function useRuleText() {
  const { t } = useTranslation('cycle');
  return (rule: CycleRule, config: CycleConfig) => {
    const who =
      rule.roles.length === 0 && rule.teamIds.length === 0
        ? t('rules.whoAll')
        : [
            rule.roles.length > 0 ? rule.roles.map((r) => roleLabel(r)).join(', ') : t('rules.whoAllRoles'),
            rule.teamIds.length > 0
              ? t('rules.inTeams', {
                  teams: rule.teamIds.map((id) => config.teams.find((x) => x.id === id)?.name ?? '').join(', '),
                })
              : '',
          ]
            .filter(Boolean)
            .join(' ');
    const often = t('rules.often', { count: rule.everyYears });
    const when = t('rules.when', { n: rule.periodPosition });
    return { who, often, when };
  };
}

export function KindsSection({ config }: { config: CycleConfig }) {
  const { t } = useTranslation('cycle');
  const [kind, setKind] = useState<ConversationKind | 'new' | null>(null);
  const [rule, setRule] = useState<CycleRule | 'new' | null>(null);
  const ruleText = useRuleText();
  const edit = config.abilities.edit;
  const formName = (id: string | null) => config.forms.find((f) => f.id === id)?.name;

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" maw={640}>
          {t('kinds.intro')}
        </Text>
        {edit ? (
          <Group gap="sm">
            <Button variant="default" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setKind('new')}>
              {t('kinds.new')}
            </Button>
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => setRule('new')}
              disabled={config.kinds.length === 0}
            >
              {t('rules.new')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {config.kinds.map((k) => {
        const rules = config.rules.filter((r) => r.kindId === k.id);
        return (
          <Paper key={k.id} withBorder radius="md" p="md" bg={k.active ? undefined : 'gray.0'}>
            <Stack gap="xs">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Title order={3} fz="md">
                      {k.name}
                    </Title>
                    {!k.active ? (
                      <Badge variant="outline" color="gray.7" tt="none">
                        {t('kinds.inactive')}
                      </Badge>
                    ) : null}
                  </Group>
                  {k.description ? <Text size="sm">{k.description}</Text> : null}
                  <Text size="xs" c="dimmed">
                    {t('kinds.forms', {
                      reflection: formName(k.reflectionFormId) ?? t('kinds.noForm'),
                      questions: formName(k.questionFormId) ?? t('kinds.noForm'),
                    })}
                  </Text>
                </Stack>
                {edit ? (
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      onClick={() => setKind(k)}
                      aria-label={t('config.editLabel', { name: k.name })}
                    >
                      <IconPencil size={18} aria-hidden />
                    </ActionIcon>
                    <DeleteButton
                      schoolId={config.school.id}
                      part="kinds"
                      id={k.id}
                      name={k.name}
                      consequence={t('kinds.deleteConsequence')}
                    />
                  </Group>
                ) : null}
              </Group>
              {rules.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('rules.none')}
                </Text>
              ) : (
                rules.map((r) => {
                  const text = ruleText(r, config);
                  return (
                    <Group
                      key={r.id}
                      justify="space-between"
                      gap="xs"
                      wrap="nowrap"
                      p="xs"
                      bg="var(--mantine-color-default-hover)"
                      style={{ borderRadius: 6 }}
                    >
                      <Text size="sm">
                        <Text span fw={600}>
                          {t('rules.who')}
                        </Text>{' '}
                        {text.who} ·{' '}
                        <Text span fw={600}>
                          {t('rules.howOften')}
                        </Text>{' '}
                        {text.often} ·{' '}
                        <Text span fw={600}>
                          {t('rules.whenLabel')}
                        </Text>{' '}
                        {text.when}
                        {!r.active ? ` · ${t('rules.inactive')}` : ''}
                      </Text>
                      {edit ? (
                        <Group gap={4} wrap="nowrap">
                          <ActionIcon
                            variant="subtle"
                            onClick={() => setRule(r)}
                            aria-label={t('rules.editLabel', { kind: k.name })}
                          >
                            <IconPencil size={18} aria-hidden />
                          </ActionIcon>
                          <DeleteButton
                            schoolId={config.school.id}
                            part="rules"
                            id={r.id}
                            name={t('rules.ruleFor', { kind: k.name })}
                            consequence={t('rules.deleteConsequence')}
                          />
                        </Group>
                      ) : null}
                    </Group>
                  );
                })
              )}
            </Stack>
          </Paper>
        );
      })}
      <KindModal
        config={config}
        kind={kind && kind !== 'new' ? kind : null}
        opened={kind !== null}
        onClose={() => setKind(null)}
      />
      <RuleModal
        config={config}
        rule={rule && rule !== 'new' ? rule : null}
        opened={rule !== null}
        onClose={() => setRule(null)}
      />
    </Stack>
  );
}
