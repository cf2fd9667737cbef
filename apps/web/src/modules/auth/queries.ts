import { useMutation } from '@tanstack/react-query';
import type { LoginInput, PasswordResetRequest, SetPasswordInput } from '@groeipad/contracts';
import { api } from '../../app/api.ts';

export type TokenPurpose = 'invite' | 'reset';

export function useLogin() {
  return useMutation({ mutationFn: (input: LoginInput) => api.post<{ ok: true }>('/api/auth/login', input) });
}

export function useRequestReset() {
  return useMutation({
    mutationFn: (input: PasswordResetRequest) => api.post<{ ok: true }>('/api/auth/password-reset', input),
  });
}

export function useCheckToken() {
  return useMutation({
    mutationFn: (token: string) => api.post<{ purpose: TokenPurpose }>('/api/auth/token', { token }),
  });
}

export function useSetPassword() {
  return useMutation({
    mutationFn: (input: SetPasswordInput) => api.post<{ ok: true }>('/api/auth/password', input),
  });
}
