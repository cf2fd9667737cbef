import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SsoConfig,
  SsoConfigInput,
  SsoConfigResponse,
  SsoDiscovery,
  SsoTestInput,
  SsoTestResult,
} from '@groeipad/contracts';
import { api } from '../../app/api.ts';

const SSO_KEY = ['admin', 'sso'] as const;

export function useSsoConfig() {
  return useQuery({ queryKey: SSO_KEY, queryFn: () => api.get<SsoConfigResponse>('/api/admin/sso'), staleTime: 0 });
}

/**
 * The redirect URI and whether the server can store a secret, before anything is configured. The
 * test endpoint without an issuer only reports these and changes nothing.
 */
export function useSsoServerInfo(enabled: boolean) {
  return useQuery({
    queryKey: [...SSO_KEY, 'info'],
    queryFn: () => api.post<SsoTestResult>('/api/admin/sso/test', {}),
    enabled,
    staleTime: Infinity,
  });
}

export function useSaveSso() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SsoConfigInput) => api.put<SsoConfig>('/api/admin/sso', input),
    onSuccess: (saved) => {
      queryClient.setQueryData(SSO_KEY, saved);
      void queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
    },
  });
}

export function useTestSso() {
  return useMutation({ mutationFn: (input: SsoTestInput) => api.post<SsoTestResult>('/api/admin/sso/test', input) });
}

/** Whether an address signs in through SSO; never fails loudly (the password form still works). */
export async function discoverSso(email: string): Promise<SsoDiscovery> {
  return api.get<SsoDiscovery>('/api/auth/sso/discover', { email });
}
