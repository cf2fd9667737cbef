import { Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Membership, PersonRef } from '@groeipad/contracts';
import { membershipPlace, roleLabel } from './roles.ts';

/** Memberships grouped by place: "Exact, Oostland College — Docent, Coach". */
export function MembershipList({ memberships }: { memberships: Membership[] }) {
  const { t } = useTranslation();
  if (memberships.length === 0) return <Text c="dimmed">{t('membership.none')}</Text>;
  const byPlace = new Map<string, Membership[]>();
  for (const m of memberships) {
    const place = membershipPlace(m);
    byPlace.set(place, [...(byPlace.get(place) ?? []), m]);
  }
  return (
    <List spacing="xs" listStyleType="none" p={0}>
      {[...byPlace.entries()].map(([place, items]) => (
        <List.Item key={place}>
          <Group gap={8} wrap="wrap">
            <Text fw={600}>{place}</Text>
            {items.map((m) => (
              <Badge key={m.id} variant="light" color="groei" tt="none">
                {roleLabel(m.role)}
              </Badge>
            ))}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

/** A short list of people; links to their admin page when `linkToAdmin` is set. */
export function PeopleRefs({
  people,
  empty,
  linkToAdmin,
}: {
  people: PersonRef[];
  empty: string;
  linkToAdmin?: boolean;
}) {
  if (people.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Stack gap={6}>
      {people.map((p) => (
        <div key={p.id}>
          {linkToAdmin ? (
            <Anchor component={Link} to={`/beheer/medewerkers/${p.id}`} fw={600}>
              {p.displayName}
            </Anchor>
          ) : (
            <Text fw={600}>{p.displayName}</Text>
          )}
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {p.email}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
