import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditPage } from '@groeipad/contracts';
import { api } from '../../app/api.ts';

export const AUDIT_PAGE_SIZE = 25;

export function useMyAudit(page: number) {
  return useQuery({
    queryKey: ['me', 'audit', page],
    queryFn: () => api.get<AuditPage>('/api/me/audit', { page, pageSize: AUDIT_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}
