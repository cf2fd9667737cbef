import { useEffect } from 'react';
import { MultiSelect, NumberInput, Select, Stack, Switch } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CycleConfig, CycleRule, Role } from '@groeipad/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { ALL_ROLES, roleLabel } from '../../ui/roles.ts';
import { FormButtons } from './config-parts.tsx';
import { formLevelError, setFieldErrors } from './field-errors.ts';
import { useSaveRule } from './queries.ts';

const STAFF_ROLES = ALL_ROLES.filter((r) => !['beheerder', 'bestuurder', 'hr', 'student'].includes(r));

type RuleValues = {
  kindId: string | null;
  roles: string[];
  teamIds: string[];
  everyYears: number;
  periodPosition: string;
  active: boolean;
};

/** Adds a rule or changes one: for whom a kind of conversation is expected, how often and by which period. */
export function RuleModal(props: {
  config: CycleConfig;
  rule: CycleRule | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { config, rule, opened, onClose } = props;
  const { t } = useTranslation('cycle');
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
          <FormError error={formLevelError(save.error)} />
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
          <FormButtons onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
