import { AppShell, Anchor, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlant2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useMe } from './auth.tsx';
import { MainNav } from './nav.tsx';
import { UserMenu } from './user-menu.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <>
      <a href="#inhoud" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'md', sm: 'xl' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('app.closeMenu') : t('app.openMenu')}
                aria-expanded={opened}
                aria-controls="hoofdmenu"
              />
              <Anchor component={Link} to="/" underline="never" c="groei.8" aria-label={t('app.homeLink')}>
                <Group gap={6} wrap="nowrap">
                  <IconPlant2 size={26} aria-hidden />
                  <Text fw={750} fz="lg" c="groei.8">
                    {t('app.name')}
                  </Text>
                </Group>
              </Anchor>
              <Text size="sm" c="dimmed" visibleFrom="md" lineClamp={1}>
                {me.board.name}
              </Text>
            </Group>
            <UserMenu />
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" id="hoofdmenu" aria-label={t('nav.label')} component="nav">
          <Text size="xs" c="dimmed" hiddenFrom="md" px="sm" pb="xs">
            {me.board.name}
          </Text>
          <MainNav onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main id="inhoud" tabIndex={-1} style={{ outline: 'none' }}>
          <div style={{ maxWidth: 1200, margin: '0 auto' }}>
            <Outlet />
          </div>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
