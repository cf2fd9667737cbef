import type { ReactNode } from 'react';
import { Box, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlant2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES } from '../app/i18n.ts';
import { useDocumentTitle } from './page.tsx';

/** The frame of the pages before login: a calm centred card with the name and a language switch. */
export function PublicPage({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(title);
  return (
    <Box bg="groei.0" mih="100dvh" py={{ base: 'lg', sm: 60 }}>
      <Container size={460} px="md">
        <Stack gap="lg">
          <Group gap={8} justify="center" c="groei.8" component="header">
            <IconPlant2 size={32} aria-hidden />
            <Text fw={750} fz={26} c="groei.8">
              {t('app.name')}
            </Text>
          </Group>
          <Paper component="main" withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
            <Stack gap="md">
              <Title order={1} fz={24}>
                {title}
              </Title>
              {intro ? <Text c="dimmed">{intro}</Text> : null}
              {children}
            </Stack>
          </Paper>
          <Group justify="center" gap="xs" component="nav" aria-label={t('languages.label')}>
            {LANGUAGES.map((lng) => (
              <Button
                key={lng}
                lang={lng}
                size="compact-sm"
                variant={i18n.language === lng ? 'light' : 'subtle'}
                aria-pressed={i18n.language === lng}
                onClick={() => void changeLanguage(lng)}
              >
                {t(`languages.${lng}`)}
              </Button>
            ))}
          </Group>
        </Stack>
      </Container>
    </Box>
  );
}
