import { useState } from 'react';
import { Badge, Button, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ConversationKind, CycleConfig, CycleRule } from '@groeipad/contracts';
import { ConfigCard, ItemActions, SectionHeader } from './config-parts.tsx';
import { KindModal } from './kind-modal.tsx';
import { RuleModal } from './rule-modal.tsx';
import { RuleRow } from './rule-row.tsx';

/** The kinds of conversation a school holds, each with the rules that say for whom, how often and when. */
export function KindsSection({ config }: { config: CycleConfig }) {
  const { t } = useTranslation('cycle');
  const [kind, setKind] = useState<ConversationKind | 'new' | null>(null);
  const [rule, setRule] = useState<CycleRule | 'new' | null>(null);
  const edit = config.abilities.edit;
  const formName = (id: string | null) => config.forms.find((f) => f.id === id)?.name;

  return (
    <Stack gap="md">
      <SectionHeader
        intro={t('kinds.intro')}
        actions={
          edit ? (
            <>
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
            </>
          ) : null
        }
      />
      {config.kinds.map((k) => {
        const rules = config.rules.filter((r) => r.kindId === k.id);
        return (
          <ConfigCard
            key={k.id}
            title={k.name}
            inactive={!k.active}
            tags={
              !k.active ? (
                <Badge variant="outline" color="gray.7" tt="none">
                  {t('kinds.inactive')}
                </Badge>
              ) : null
            }
            meta={
              <>
                {k.description ? <Text size="sm">{k.description}</Text> : null}
                <Text size="xs" c="dimmed">
                  {t('kinds.forms', {
                    reflection: formName(k.reflectionFormId) ?? t('kinds.noForm'),
                    questions: formName(k.questionFormId) ?? t('kinds.noForm'),
                  })}
                </Text>
              </>
            }
            actions={
              edit ? (
                <ItemActions
                  schoolId={config.school.id}
                  editLabel={t('config.editLabel', { name: k.name })}
                  onEdit={() => setKind(k)}
                  remove={{ part: 'kinds', id: k.id, name: k.name, consequence: t('kinds.deleteConsequence') }}
                />
              ) : null
            }
          >
            {rules.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('rules.none')}
              </Text>
            ) : (
              rules.map((r) => (
                <RuleRow key={r.id} config={config} kind={k} rule={r} onEdit={edit ? () => setRule(r) : null} />
              ))
            )}
          </ConfigCard>
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
