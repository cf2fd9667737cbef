import { Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconMail, IconPhone, IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TeamBoard } from '@groeipad/contracts';
import { BarometerBoardPart } from '../barometer/index.ts';
import { ProgrammeBoardPart } from '../programme/index.ts';
import { ItemList } from './item-list.tsx';

/** Programme information: who is in the team (the coach and teamleider marked) with contact details, and norms. */
export function ProgrammePart({ board }: { board: TeamBoard }) {
  const { t } = useTranslation('team');
  const teamId = board.team.id;
  const headingId = `leden-${teamId}`;
  return (
    <Stack gap="md">
      <ProgrammeBoardPart teamId={teamId} />
      <Stack gap="xs" component="section" aria-labelledby={headingId}>
        <Title order={3} fz="md" id={headingId}>
          {t('members.title', { count: board.members.length })}
        </Title>
        <List spacing={6} listStyleType="none" p={0}>
          {board.members.map((m) => (
            <List.Item key={m.id}>
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={600}>
                  {m.displayName}
                </Text>
                {m.lead ? (
                  <Badge size="sm" variant="light" tt="none">
                    {t('members.lead')}
                  </Badge>
                ) : null}
                {m.coach ? (
                  <Badge size="sm" variant="light" color="blue" tt="none">
                    {t('members.coach')}
                  </Badge>
                ) : null}
                <Anchor
                  href={`mailto:${m.email}`}
                  size="sm"
                  aria-label={t('members.mail', { name: m.displayName, email: m.email })}
                >
                  <Group gap={4} wrap="nowrap" component="span">
                    <IconMail size={14} aria-hidden />
                    {m.email}
                  </Group>
                </Anchor>
                {m.phone ? (
                  <Anchor
                    href={`tel:${m.phone.replace(/[^0-9+]/g, '')}`}
                    size="sm"
                    aria-label={t('members.call', { name: m.displayName, phone: m.phone })}
                  >
                    <Group gap={4} wrap="nowrap" component="span">
                      <IconPhone size={14} aria-hidden />
                      {m.phone}
                    </Group>
                  </Anchor>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby={`normen-${teamId}`}>
        <Title order={3} fz="md" id={`normen-${teamId}`}>
          {t('norms.title')}
        </Title>
        <ItemList
          teamId={teamId}
          kind="norm"
          items={board.items.filter((i) => i.kind === 'norm')}
          canEdit={board.abilities.edit}
          label={t('norms.title')}
          addLabel={t('norms.add')}
          emptyText={t('norms.empty')}
          emptyIcon={<IconScale aria-hidden />}
        />
      </Stack>
      <BarometerBoardPart teamId={teamId} />
    </Stack>
  );
}
