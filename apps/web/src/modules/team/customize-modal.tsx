import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Divider,
  Group,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TeamBoard, TeamBoardPart, TeamBoardSettings } from '@groeipad/contracts';
import { isOwnPartKey, TEAM_MAX_OWN_PARTS } from '@groeipad/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { FormError } from '../../ui/query-state.tsx';
import { ConflictAlert, conflictCurrent } from './conflict.tsx';
import { saved, type ModalProps } from './form-parts.tsx';
import { partTitle } from './format.ts';
import { useUpdateBoard } from './queries.ts';

/**
 * "Bord aanpassen": the order of the parts (up and down buttons), hide or show, rename, an own part for notes
 * (removing one asks first), and the team's rhythm.
 */
export function CustomizeModal({ opened, onClose, board }: ModalProps & { board: TeamBoard }) {
  const { t } = useTranslation('team');
  const { t: tc } = useTranslation();
  const update = useUpdateBoard(board.team.id);
  const [parts, setParts] = useState<TeamBoardPart[]>(board.board.parts);
  const [perWeek, setPerWeek] = useState<number | string>(board.board.sessionsPerWeek);
  const [minutes, setMinutes] = useState<number | string>(board.board.sessionMinutes);
  const [visitsNorm, setVisitsNorm] = useState<number | string>(board.board.visitsPerWeek);
  const [preparationsNorm, setPreparationsNorm] = useState<number | string>(board.board.preparationsPerWeek);
  const [newPart, setNewPart] = useState('');
  const [newPartError, setNewPartError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TeamBoardPart | null>(null);
  const [baseVersion, setBaseVersion] = useState(board.board.version);
  const [theirs, setTheirs] = useState<TeamBoardSettings | null>(null);
  const ownCount = parts.filter((p) => isOwnPartKey(p.key)).length;
  const notesOf = (key: string) => board.items.filter((i) => i.partKey === key).length;

  const change = (key: string, patch: Partial<TeamBoardPart>) =>
    setParts((list) => list.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const shift = (index: number, by: -1 | 1) =>
    setParts((list) => {
      const next = [...list];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved!);
      return next;
    });
  const addPart = () => {
    const title = newPart.trim();
    if (!title) {
      setNewPartError(t('customize.nameRequired'));
      return;
    }
    setParts((list) => [...list, { key: `own-${crypto.randomUUID()}`, title, hidden: false }]);
    setNewPart('');
    setNewPartError(null);
  };

  const save = () =>
    update.mutate(
      {
        version: baseVersion,
        parts,
        sessionsPerWeek: Number(perWeek),
        sessionMinutes: Number(minutes),
        visitsPerWeek: Number(visitsNorm),
        preparationsPerWeek: Number(preparationsNorm),
      },
      {
        onSuccess: () => {
          saved(t('customize.saved'));
          setTheirs(null);
          onClose();
        },
        onError: (error) => {
          const current = conflictCurrent<TeamBoardSettings>(error);
          if (current) {
            setTheirs(current);
            setBaseVersion(current.version);
          }
        },
      },
    );

  return (
    <AppModal opened={opened} onClose={onClose} title={t('customize.title')} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('customize.intro')}</Text>
        {theirs ? (
          <ConflictAlert
            theirs={
              <Text size="sm">
                {theirs.parts
                  .filter((p) => !p.hidden)
                  .map(partTitle)
                  .join(' · ')}
              </Text>
            }
            onTakeTheirs={() => {
              setParts(theirs.parts);
              setPerWeek(theirs.sessionsPerWeek);
              setMinutes(theirs.sessionMinutes);
              setVisitsNorm(theirs.visitsPerWeek);
              setPreparationsNorm(theirs.preparationsPerWeek);
              setTheirs(null);
            }}
          />
        ) : update.error ? (
          <FormError error={update.error} />
        ) : null}
        <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('customize.partsLabel')}>
          {parts.map((p, i) => {
            const own = isOwnPartKey(p.key);
            const name = partTitle(p);
            return (
              <Paper key={p.key} withBorder p="xs" radius="md" component="li">
                <Group gap="xs" wrap="wrap" align="flex-end">
                  <TextInput
                    label={t('customize.name', { position: i + 1 })}
                    placeholder={own ? undefined : t(`parts.${p.key as 'programme'}`)}
                    value={p.title}
                    maxLength={60}
                    style={{ flex: '1 1 12rem' }}
                    onChange={(e) => change(p.key, { title: e.currentTarget.value })}
                  />
                  <Switch
                    label={t('customize.show')}
                    checked={!p.hidden}
                    onChange={(e) => change(p.key, { hidden: !e.currentTarget.checked })}
                    mb={8}
                  />
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="default"
                      size="lg"
                      disabled={i === 0}
                      aria-label={t('customize.up', { part: name })}
                      onClick={() => shift(i, -1)}
                    >
                      <IconArrowUp size={18} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      disabled={i === parts.length - 1}
                      aria-label={t('customize.down', { part: name })}
                      onClick={() => shift(i, 1)}
                    >
                      <IconArrowDown size={18} aria-hidden />
                    </ActionIcon>
                    {own ? (
                      <ActionIcon
                        variant="subtle"
                        color="red.8"
                        size="lg"
                        aria-label={t('customize.remove', { part: name })}
                        onClick={() => setRemoving(p)}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    ) : null}
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
        {ownCount < TEAM_MAX_OWN_PARTS ? (
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              label={t('customize.newPart')}
              description={t('customize.newPartHint')}
              value={newPart}
              error={newPartError}
              maxLength={60}
              style={{ flex: 1 }}
              onChange={(e) => setNewPart(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addPart();
                }
              }}
            />
            <Button variant="light" mt={46} leftSection={<IconPlus size={16} aria-hidden />} onClick={addPart}>
              {t('customize.addPart')}
            </Button>
          </Group>
        ) : null}
        <Divider />
        <Title order={3} fz="md">
          {t('customize.rhythm')}
        </Title>
        <Group gap="md" align="flex-start">
          <NumberInput
            label={t('customize.perWeek')}
            description={t('customize.perWeekHint')}
            min={1}
            max={5}
            allowDecimal={false}
            value={perWeek}
            onChange={setPerWeek}
            maw={220}
          />
          <NumberInput
            label={t('customize.minutes')}
            min={5}
            max={60}
            allowDecimal={false}
            value={minutes}
            onChange={setMinutes}
            maw={220}
          />
        </Group>
        <Group gap="md" align="flex-start">
          <NumberInput
            label={t('customize.visitsNorm')}
            description={t('customize.normHint')}
            min={0}
            max={50}
            allowDecimal={false}
            value={visitsNorm}
            onChange={setVisitsNorm}
            maw={220}
          />
          <NumberInput
            label={t('customize.preparationsNorm')}
            description={t('customize.normHint')}
            min={0}
            max={50}
            allowDecimal={false}
            value={preparationsNorm}
            onChange={setPreparationsNorm}
            maw={220}
          />
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {tc('actions.cancel')}
          </Button>
          <Button onClick={save} loading={update.isPending}>
            {theirs ? t('conflict.saveMine') : tc('actions.save')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={removing !== null}
        title={t('customize.removeTitle')}
        confirmLabel={t('customize.removeConfirm')}
        danger
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) setParts((list) => list.filter((p) => p.key !== removing.key));
          setRemoving(null);
        }}
      >
        {t('customize.removeText', {
          part: removing ? partTitle(removing) : '',
          count: removing ? notesOf(removing.key) : 0,
        })}
      </ConfirmModal>
    </AppModal>
  );
}
