import { useState } from 'react';
import { ActionIcon, Button, Combobox, Group, List, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { IconEye, IconShare, IconX } from '@tabler/icons-react';
import type { ConversationDetail } from '@groeipad/contracts';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { HrAccessHistory } from './hr-access-history.tsx';
import { formatMoment, Section } from './parts.tsx';
import { useAddShare, useRemoveShare, useShareCandidates } from './queries.ts';

function ShareForm({ c }: { c: ConversationDetail }) {
  const { t } = useTranslation('conversations');
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const candidates = useShareCandidates(c.id, search);
  const add = useAddShare(c.id);
  const combobox = useCombobox();
  const items = candidates.data?.items ?? [];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (picked)
          add.mutate(picked.id, {
            onSuccess: () => {
              setPicked(null);
              setSearch('');
            },
          });
      }}
    >
      <Stack gap="xs">
        <Combobox
          store={combobox}
          onOptionSubmit={(value) => {
            const p = items.find((x) => x.id === value);
            if (p) {
              setPicked({ id: p.id, name: p.displayName });
              setSearch(p.displayName);
            }
            combobox.closeDropdown();
          }}
        >
          <Combobox.Target>
            <TextInput
              label={t('who.shareLabel')}
              description={t('who.shareHint')}
              placeholder={t('who.sharePlaceholder')}
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                setPicked(null);
                combobox.openDropdown();
              }}
              onFocus={() => combobox.openDropdown()}
              onBlur={() => combobox.closeDropdown()}
            />
          </Combobox.Target>
          <Combobox.Dropdown hidden={search.trim().length < 2}>
            <Combobox.Options>
              {items.length === 0 ? (
                <Combobox.Empty>{t('who.shareNone')}</Combobox.Empty>
              ) : (
                items.map((p) => (
                  <Combobox.Option key={p.id} value={p.id}>
                    {p.displayName}{' '}
                    <Text span size="xs" c="dimmed">
                      {p.email}
                    </Text>
                  </Combobox.Option>
                ))
              )}
            </Combobox.Options>
          </Combobox.Dropdown>
        </Combobox>
        <FormError error={add.error} />
        <Group>
          <Button
            type="submit"
            size="xs"
            disabled={!picked}
            loading={add.isPending}
            leftSection={<IconShare size={16} aria-hidden />}
          >
            {t('who.shareAdd')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Wie kan dit zien": every reader and why, and the employee's own shares. */
export function WhoSection({ c }: { c: ConversationDetail }) {
  const { t } = useTranslation('conversations');
  const remove = useRemoveShare(c.id);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const shared = new Set(c.shares.map((s) => s.id));
  return (
    <Section id="who" title={t('who.title')} intro={t('who.intro')}>
      <List spacing="xs" listStyleType="none" p={0}>
        {c.viewers.map((v) => (
          <List.Item key={v.id} icon={<IconEye size={16} aria-hidden />}>
            <Group gap={4} wrap="nowrap" align="flex-start">
              <div style={{ flex: 1 }}>
                <Text size="sm" fw={600}>
                  {v.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {v.reasons.map((r) => t(`who.${r}`, { until: v.until ? formatMoment(v.until) : '' })).join(', ')}
                </Text>
              </div>
              {c.abilities.manageShares && shared.has(v.id) ? (
                <ActionIcon
                  variant="subtle"
                  color="red.8"
                  aria-label={t('who.unshare', { name: v.displayName })}
                  onClick={() => setRemoving({ id: v.id, name: v.displayName })}
                >
                  <IconX size={16} aria-hidden />
                </ActionIcon>
              ) : null}
            </Group>
          </List.Item>
        ))}
      </List>
      {c.abilities.manageShares ? <ShareForm c={c} /> : null}
      <HrAccessHistory c={c} />
      <ConfirmModal
        opened={removing !== null}
        title={t('who.unshareTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('who.unshare', { name: removing?.name ?? '' })}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
      >
        {t('who.unshareText', { name: removing?.name ?? '' })}
      </ConfirmModal>
    </Section>
  );
}

export function HistorySection({ c }: { c: ConversationDetail }) {
  const { t } = useTranslation('conversations');
  const stateName = (s: string | null) => (s ? t(`states.${s as 'planned'}`) : '');
  return (
    <Section id="history" title={t('history.title')}>
      <Stack gap={6}>
        {[...c.events].reverse().map((e) => (
          <div key={e.id}>
            <Text size="sm">
              {e.type === 'state_changed'
                ? t('history.state_changed', { from: stateName(e.fromState), to: stateName(e.toState) })
                : t(`history.${e.type as 'planned'}`, { defaultValue: e.type })}
            </Text>
            <Text size="xs" c="dimmed">
              {formatMoment(e.createdAt)}
              {e.actor ? ` · ${t('history.by', { name: e.actor.displayName })}` : ''}
              {e.reason ? ` · ${t('history.reason', { reason: e.reason })}` : ''}
            </Text>
          </div>
        ))}
      </Stack>
    </Section>
  );
}
