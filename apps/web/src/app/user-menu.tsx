import { useState } from 'react';
import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconLanguage, IconLogout, IconLogout2, IconUserCircle, IconCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from './api.ts';
import { useAuth, useMe } from './auth.tsx';
import { changeLanguage, LANGUAGES, type Language } from './i18n.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';

function initials(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  return `${parts[0]?.[0] ?? ''}${parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : ''}`.toUpperCase();
}

export function UserMenu() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { forget } = useAuth();
  const navigate = useNavigate();
  const [confirmEverywhere, setConfirmEverywhere] = useState(false);

  const leave = (message: string) => {
    forget('signedOut');
    void navigate('/inloggen', { replace: true });
    notifications.show({ message, color: 'groei', icon: <IconCheck size={18} aria-hidden /> });
  };

  const logout = useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSuccess: () => leave(t('userMenu.loggedOut')),
  });
  const logoutEverywhere = useMutation({
    mutationFn: () => api.post<{ sessions: number }>('/api/auth/logout-everywhere'),
    onSuccess: (r) => {
      setConfirmEverywhere(false);
      leave(t('userMenu.loggedOutEverywhere', { count: r.sessions }));
    },
  });

  return (
    <>
      <Menu position="bottom-end" width={260} shadow="md" withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <UnstyledButton aria-label={t('userMenu.open', { name: me.displayName })} p={4} style={{ borderRadius: 8 }}>
            <Group gap={8} wrap="nowrap">
              <Avatar color="groei" radius="xl" size={34} aria-hidden>
                {initials(me.displayName)}
              </Avatar>
              <Text size="sm" fw={600} visibleFrom="sm" lineClamp={1} maw={180}>
                {me.displayName}
              </Text>
              <IconChevronDown size={16} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{me.displayName}</Menu.Label>
          <Menu.Item component={Link} to="/mijn-gegevens" leftSection={<IconUserCircle size={18} aria-hidden />}>
            {t('userMenu.myData')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Label>
            <Group gap={6}>
              <IconLanguage size={14} aria-hidden />
              {t('userMenu.language')}
            </Group>
          </Menu.Label>
          {LANGUAGES.map((lng: Language) => (
            <Menu.Item
              key={lng}
              lang={lng}
              onClick={() => void changeLanguage(lng)}
              rightSection={i18n.language === lng ? <IconCheck size={16} aria-label={t('userMenu.current')} /> : null}
              aria-current={i18n.language === lng ? 'true' : undefined}
            >
              {t(`languages.${lng}`)}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconLogout size={18} aria-hidden />} onClick={() => logout.mutate()}>
            {t('userMenu.logout')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout2 size={18} aria-hidden />} onClick={() => setConfirmEverywhere(true)}>
            {t('userMenu.logoutEverywhere')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal
        opened={confirmEverywhere}
        title={t('userMenu.logoutEverywhereTitle')}
        confirmLabel={t('userMenu.logoutEverywhere')}
        loading={logoutEverywhere.isPending}
        error={logoutEverywhere.error}
        onConfirm={() => logoutEverywhere.mutate()}
        onClose={() => setConfirmEverywhere(false)}
      >
        {t('userMenu.logoutEverywhereText')}
      </ConfirmModal>
    </>
  );
}
