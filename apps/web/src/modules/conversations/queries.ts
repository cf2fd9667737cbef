import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConversationAccessGrant,
  ConversationAccessGrants,
  ConversationCancelInput,
  ConversationDetail,
  ConversationEvidenceFileQuery,
  ConversationEvidenceInput,
  ConversationPage,
  ConversationPlanInput,
  ConversationPlanOptions,
  ConversationPreparationInput,
  ConversationReportInput,
  ConversationRescheduleInput,
  ConversationSharePeople,
  ConversationSignInput,
  PeoplePage,
} from '@groeipad/contracts';
import { api, uploadFile, withQuery } from '../../app/api.ts';

const keys = {
  all: ['conversations'] as const,
  list: (filter: object) => ['conversations', 'list', filter] as const,
  detail: (id: string) => ['conversations', 'detail', id] as const,
  planOptions: ['conversations', 'plan-options'] as const,
};

export type ListFilter = {
  role: 'employee' | 'manager';
  when: 'upcoming' | 'past' | 'open' | 'all';
  page?: number;
  pageSize?: number;
};

export function useConversations(filter: ListFilter) {
  return useQuery({
    queryKey: keys.list(filter),
    queryFn: () => api.get<ConversationPage>('/api/conversations', { ...filter }),
    placeholderData: keepPreviousData,
  });
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: () => api.get<ConversationDetail>(`/api/conversations/${id}`),
  });
}

/** Fetches the conversation again at a moment the server named (when it can be marked held), if that is today. */
export function useRefetchAt(id: string, at: string | null) {
  const client = useQueryClient();
  useEffect(() => {
    if (!at) return;
    const wait = new Date(at).getTime() - Date.now();
    if (wait > 24 * 3600_000) return;
    const timer = setTimeout(
      () => void client.invalidateQueries({ queryKey: keys.detail(id) }),
      Math.max(0, wait) + 1000,
    );
    return () => clearTimeout(timer);
  }, [client, id, at]);
}

export function usePlanOptions() {
  return useQuery({
    queryKey: keys.planOptions,
    queryFn: () => api.get<ConversationPlanOptions>('/api/conversations/plan-options'),
  });
}

export function useShareCandidates(id: string, search: string) {
  return useQuery({
    queryKey: [...keys.detail(id), 'share', search],
    queryFn: () => api.get<ConversationSharePeople>(`/api/conversations/${id}/share-candidates`, { search }),
    enabled: search.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function usePlanConversation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ConversationPlanInput) => api.post<ConversationDetail>('/api/conversations', input),
    onSuccess: (data) => {
      client.setQueryData(keys.detail(data.id), data);
      void client.invalidateQueries({ queryKey: keys.all });
      void client.invalidateQueries({ queryKey: ['cycle'] });
      void client.invalidateQueries({ queryKey: ['me', 'tasks'] });
    },
  });
}

/** Every change on the conversation page returns the new detail; the page shows it at once. */
function useConversationChange<T>(id: string, send: (input: T) => Promise<ConversationDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (data) => {
      client.setQueryData(keys.detail(id), data);
      void client.invalidateQueries({ queryKey: keys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
      void client.invalidateQueries({ queryKey: ['me', 'tasks'] });
      void client.invalidateQueries({ queryKey: ['development'] });
    },
  });
}

const base = (id: string) => `/api/conversations/${id}`;

export const useReschedule = (id: string) =>
  useConversationChange(id, (input: ConversationRescheduleInput) => api.post(`${base(id)}/reschedule`, input));
export const useCancel = (id: string) =>
  useConversationChange(id, (input: ConversationCancelInput) => api.post(`${base(id)}/cancel`, input));
export const useMarkHeld = (id: string) =>
  useConversationChange(id, (version: number) => api.post(`${base(id)}/held`, { version }));
export const useClose = (id: string) =>
  useConversationChange(id, (version: number) => api.post(`${base(id)}/close`, { version }));
export const useSavePreparation = (id: string) =>
  useConversationChange(id, (input: ConversationPreparationInput) => api.put(`${base(id)}/preparation`, input));
export const useSharePreparation = (id: string) =>
  useConversationChange(id, (version: number) => api.post(`${base(id)}/preparation/share`, { version }));
export const useAddEvidence = (id: string) =>
  useConversationChange(id, (input: ConversationEvidenceInput) => api.post(`${base(id)}/evidence`, input));
export const useRemoveEvidence = (id: string) =>
  useConversationChange(id, (evidenceId: string) => api.delete(`${base(id)}/evidence/${evidenceId}`));
/** Evidence with a file: the file is the body, the rest goes in the query string; reports the upload's progress. */
export const useUploadEvidence = (id: string, onProgress: (fraction: number) => void) =>
  useConversationChange(id, ({ file, ...input }: Omit<ConversationEvidenceFileQuery, 'fileName'> & { file: File }) =>
    uploadFile<ConversationDetail>(
      withQuery(`${base(id)}/evidence/file`, { ...input, fileName: file.name.slice(0, 255) }),
      file,
      onProgress,
    ),
  );
/** Where a file of the conversation's evidence is downloaded; the server checks who may and logs the reads. */
export const evidenceFileUrl = (id: string, evidenceId: string) => `${base(id)}/evidence/${evidenceId}/file`;
export const useSaveReport = (id: string) =>
  useConversationChange(id, (input: ConversationReportInput) => api.put(`${base(id)}/report`, input));
export const useSign = (id: string) =>
  useConversationChange(id, (input: ConversationSignInput) => api.post(`${base(id)}/report/sign`, input));
export const useCorrection = (id: string) =>
  useConversationChange(id, (reason: string) => api.post(`${base(id)}/report/corrections`, { reason }));
export const useAddShare = (id: string) =>
  useConversationChange(id, (personId: string) => api.post(`${base(id)}/shares`, { personId }));
export const useRemoveShare = (id: string) =>
  useConversationChange(id, (personId: string) => api.delete(`${base(id)}/shares/${personId}`));

export function pdfUrl(id: string, revision?: number): string {
  return revision ? `${base(id)}/report.pdf?revision=${revision}` : `${base(id)}/report.pdf`;
}

/** People of the board for HR's access request (the staff list HR may already read). */
export function usePersonSearch(search: string) {
  return useQuery({
    queryKey: ['conversations', 'people', search],
    queryFn: () => api.get<PeoplePage>('/api/admin/people', { search: search.trim(), pageSize: 20 }),
    enabled: search.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** One employee's conversations the reader may see; a 404 means no access (yet). */
export function useEmployeeConversations(employeeId: string | null) {
  return useQuery({
    queryKey: ['conversations', 'list', 'employee', employeeId],
    queryFn: () => api.get<ConversationPage>('/api/conversations', { employeeId: employeeId ?? '', pageSize: 50 }),
    enabled: Boolean(employeeId),
    retry: false,
  });
}

const accessKey = (employeeId: string) => ['conversations', 'access', employeeId] as const;

/** HR's own running grants on one person. */
export function useOwnAccess(employeeId: string) {
  return useQuery({
    queryKey: accessKey(employeeId),
    queryFn: () => api.get<ConversationAccessGrants>(`/api/people/${employeeId}/conversation-access`),
    retry: false,
  });
}

function useAccessChange<T>(employeeId: string, send: (input: T) => Promise<ConversationAccessGrant>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: accessKey(employeeId) });
      // After a grant ends, what HR had open must not stay on screen from the cache.
      client.removeQueries({ queryKey: ['conversations', 'detail'] });
      void client.invalidateQueries({ queryKey: ['conversations', 'list', 'employee', employeeId] });
    },
  });
}

export const useGrantAccess = (employeeId: string) =>
  useAccessChange(employeeId, (reason: string) =>
    api.post<ConversationAccessGrant>(`/api/people/${employeeId}/conversation-access`, { reason }),
  );
export const useEndAccess = (employeeId: string) =>
  useAccessChange(employeeId, (grantId: string) =>
    api.delete<ConversationAccessGrant>(`/api/people/${employeeId}/conversation-access/${grantId}`),
  );
