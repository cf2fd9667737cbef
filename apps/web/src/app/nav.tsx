import { Fragment, type ComponentType } from 'react';
import { Group, NavLink, Stack, Text } from '@mantine/core';
import {
  IconBooks,
  IconBuildingCommunity,
  IconCalendarEvent,
  IconChecklist,
  IconEye,
  IconFileImport,
  IconGauge,
  IconHome,
  IconKey,
  IconMail,
  IconMessageStar,
  IconMessages,
  IconNotes,
  IconPizza,
  IconPlant2,
  IconSchool,
  IconSettings,
  IconUsers,
  IconUsersGroup,
  type IconProps,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Me, NavArea } from '@groeipad/contracts';
import { useMe } from './auth.tsx';

type AreaLink = { area: Exclude<NavArea, 'beheer'>; path: string; icon: ComponentType<IconProps> };
type SubLink = { path: string; label: string; icon: ComponentType<IconProps>; show: boolean };

export const AREA_LINKS: readonly AreaLink[] = [
  { area: 'ontwikkeling', path: '/ontwikkeling', icon: IconPlant2 },
  { area: 'team', path: '/team', icon: IconUsersGroup },
  { area: 'gesprekken', path: '/gesprekken', icon: IconMessages },
  { area: 'school', path: '/school', icon: IconSchool },
  { area: 'netwerken', path: '/netwerken', icon: IconBuildingCommunity },
];

/** What the signed-in person may do in Beheer, as the server decided; the app only shows or hides. */
export function useAbilities(): Me['abilities'] {
  return useMe().abilities;
}

export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const can = me.abilities;
  const { t: tb } = useTranslation('barometer');
  const { t: tp } = useTranslation('programme');
  const { t: tprep } = useTranslation('preparations');
  const { t: tv } = useTranslation('visits');
  // Preparing together and the library belong to one team: with exactly one team they get an entry of their own.
  const staffTeams = [...new Set(me.memberships.filter((m) => m.teamId && m.role !== 'student').map((m) => m.teamId))];
  const ownTeam = staffTeams.length === 1 ? staffTeams[0] : null;
  const leadsSchool = me.memberships.some((m) => m.role === 'schoolleider' || m.role === 'mt_lid');
  const active = (path: string) =>
    path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);

  // Places within an area that deserve their own entry: 360° feedback belongs to one's development; school
  // leaders start the barometer for all teams and see what teams share with them.
  const subLinks: Partial<Record<AreaLink['area'], SubLink[]>> = {
    ontwikkeling: [{ path: '/feedback', label: t('nav.feedback'), icon: IconMessageStar, show: true }],
    // A leidinggevende finds what their people shared with them beside the conversations.
    gesprekken: [{ path: '/bezoeken/gedeeld', label: tv('nav.shared'), icon: IconEye, show: me.reports.length > 0 }],
    school: [
      { path: '/school/barometer', label: tb('nav'), icon: IconGauge, show: leadsSchool },
      { path: '/school/jaarplan', label: tp('nav.yearPlan'), icon: IconCalendarEvent, show: leadsSchool },
    ],
    team: [
      {
        path: `/team/${ownTeam}/voorbereidingen`,
        label: tprep('nav.preparations'),
        icon: IconNotes,
        show: ownTeam !== null,
      },
      { path: `/team/${ownTeam}/bibliotheek`, label: tprep('nav.library'), icon: IconBooks, show: ownTeam !== null },
      { path: '/team/pizzasessies', label: tp('nav.pizza'), icon: IconPizza, show: true },
    ],
  };

  const adminLinks = [
    { path: '/beheer/medewerkers', label: t('nav.adminPeople'), icon: IconUsers, show: true },
    { path: '/beheer/scholen', label: t('nav.adminSchools'), icon: IconSchool, show: true },
    { path: '/beheer/import', label: t('nav.adminImport'), icon: IconFileImport, show: can.importStaff },
    { path: '/beheer/sso', label: t('nav.adminSso'), icon: IconKey, show: can.configureSso },
    { path: '/beheer/e-mail', label: t('nav.adminOutbox'), icon: IconMail, show: can.readOutbox },
    { path: '/beheer/audit', label: t('nav.adminAudit'), icon: IconChecklist, show: can.readAuditLog },
  ];

  return (
    <Stack gap={2}>
      <NavLink
        component={Link}
        to="/"
        label={t('nav.home')}
        leftSection={<IconHome size={20} aria-hidden />}
        active={active('/')}
        aria-current={active('/') ? 'page' : undefined}
        onClick={onNavigate}
      />
      {AREA_LINKS.filter((l) => me.nav.includes(l.area)).map((l) => {
        const subs = subLinks[l.area]?.filter((s) => s.show) ?? [];
        const inSub = subs.some((s) => active(s.path));
        return (
          <Fragment key={l.area}>
            <NavLink
              component={Link}
              to={l.path}
              label={t(`nav.${l.area}`)}
              leftSection={<l.icon size={20} aria-hidden />}
              active={active(l.path) && !inSub}
              aria-current={active(l.path) && !inSub ? 'page' : undefined}
              onClick={onNavigate}
            />
            {subs.map((s) => (
              <NavLink
                key={s.path}
                component={Link}
                to={s.path}
                label={s.label}
                leftSection={<s.icon size={18} aria-hidden />}
                pl="xl"
                active={active(s.path)}
                aria-current={active(s.path) ? 'page' : undefined}
                onClick={onNavigate}
              />
            ))}
          </Fragment>
        );
      })}
      {me.nav.includes('beheer') ? (
        <Stack gap={2} mt="md" role="group" aria-labelledby="nav-beheer">
          <Group gap={8} px="sm" py={6} c="dimmed">
            <IconSettings size={18} aria-hidden />
            <Text id="nav-beheer" size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.5 }}>
              {t('nav.beheer')}
            </Text>
          </Group>
          {adminLinks
            .filter((l) => l.show)
            .map((l) => (
              <NavLink
                key={l.path}
                component={Link}
                to={l.path}
                label={l.label}
                leftSection={<l.icon size={20} aria-hidden />}
                active={active(l.path)}
                aria-current={active(l.path) ? 'page' : undefined}
                onClick={onNavigate}
              />
            ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
