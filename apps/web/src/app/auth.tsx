import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@groeipad/contracts';
import { api, isApiError, setCsrfToken, setUnauthenticatedHandler } from './api.ts';

export const ME_KEY = ['me'] as const;

type AuthState = {
  me: Me | null;
  isLoading: boolean;
  /** A failed load of /api/me other than 'not signed in' (network, server). */
  error: unknown;
  /** Reloads who I am, e.g. after login. */
  refresh: () => Promise<Me | null>;
  /** Forgets the session locally: after logout (`signedOut`) or when the server says it is gone. */
  forget: (reason?: 'signedOut' | 'expired') => void;
  /** True after the user logged out themselves: no "way back" to the page they were on. */
  signedOut: boolean;
};

const AuthContext = createContext<AuthState | null>(null);

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/me');
  } catch (error) {
    if (isApiError(error, 'unauthenticated')) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
  const me = query.data ?? null;

  useEffect(() => {
    setCsrfToken(me?.csrfToken ?? null);
  }, [me]);

  const [signedOut, setSignedOut] = useState(false);

  const forget = useCallback(
    (reason: 'signedOut' | 'expired' = 'expired') => {
      setSignedOut(reason === 'signedOut');
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, null);
    },
    [queryClient],
  );

  useEffect(() => {
    setUnauthenticatedHandler(() => forget('expired'));
    return () => setUnauthenticatedHandler(null);
  }, [forget]);

  const refresh = useCallback(async () => {
    const fresh = await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
    setCsrfToken(fresh?.csrfToken ?? null);
    if (fresh) setSignedOut(false);
    return fresh;
  }, [queryClient]);

  const value = useMemo<AuthState>(
    () => ({ me, isLoading: query.isPending, error: query.error, refresh, forget, signedOut }),
    [me, query.isPending, query.error, refresh, forget, signedOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in person; only for components rendered inside RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}
