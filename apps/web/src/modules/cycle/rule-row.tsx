import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConversationKind, CycleConfig, CycleRule } from '@groeipad/contracts';
import { roleLabel } from '../../ui/roles.ts';
import { ItemActions } from './config-parts.tsx';

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

/** One rule of a kind in a line: who, how often, when; with its edit and delete buttons for an editor. */
export function RuleRow(props: {
  config: CycleConfig;
  kind: ConversationKind;
  rule: CycleRule;
  onEdit: (() => void) | null;
}) {
  const { config, kind, rule, onEdit } = props;
  const { t } = useTranslation('cycle');
  const text = useRuleText()(rule, config);
  return (
    <Group
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
        {!rule.active ? ` · ${t('rules.inactive')}` : ''}
      </Text>
      {onEdit ? (
        <ItemActions
          schoolId={config.school.id}
          editLabel={t('rules.editLabel', { kind: kind.name })}
          onEdit={onEdit}
          remove={{
            part: 'rules',
            id: rule.id,
            name: t('rules.ruleFor', { kind: kind.name }),
            consequence: t('rules.deleteConsequence'),
          }}
        />
      ) : null}
    </Group>
  );
}
