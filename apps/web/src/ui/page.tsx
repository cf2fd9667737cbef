import { useEffect, useRef, type ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

let firstPage = true;

/** Sets the document title; "Groeipad" is added after the page's own title. */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? t('app.documentTitle', { title }) : t('app.name');
  }, [title, t]);
}

type PageProps = {
  title: string;
  /** A sentence under the title, or a small row of facts (badges). */
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
};

/** Every page: one h1, the document title, and focus on the heading after a route change. */
export function Page({ title, description, actions, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title);
  useEffect(() => {
    // Screen reader users hear the new page; the first load keeps the browser's own focus.
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus({ preventScroll: false });
  }, []);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Title order={1} ref={heading} tabIndex={-1} fz={{ base: 26, sm: 30 }} style={{ outlineOffset: 4 }}>
            {title}
          </Title>
          {typeof description === 'string' ? (
            <Text c="dimmed" maw={720}>
              {description}
            </Text>
          ) : (
            (description ?? null)
          )}
        </Stack>
        {actions ? <Group gap="sm">{actions}</Group> : null}
      </Group>
      {children}
    </Stack>
  );
}
