import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { isApiError } from './api.ts';
import { AuthProvider } from './auth.tsx';
import { AppRoutes } from './router.tsx';
import { createAppTheme, cssVariablesResolver } from './theme.ts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retrying a refusal never helps; a network hiccup may.
      retry: (count, error) => count < 2 && (!isApiError(error) || error.code === 'network'),
    },
    mutations: { retry: false },
  },
});

export function App() {
  const { t } = useTranslation();
  const theme = useMemo(() => createAppTheme(t('actions.close')), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
