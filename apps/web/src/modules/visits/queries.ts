import { useCallback, useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SharedVisitList,
  TeamForm,
  TeamFormExampleList,
  TeamFormInput,
  TeamFormList,
  TeamFormPurpose,
  TeamFormUpdate,
  VisitAnswersInput,
  VisitCancel,
  VisitDetail,
  VisitFeedbackInput,
  VisitInput,
  VisitList,
  VisitShareInput,
  VisitUpdate,
} from '@groeipad/contracts';
import { api, isApiError, withQuery } from '../../app/api.ts';
import { useLiveTopic } from '../../ui/live.ts';

const keys = {
  forms: (teamId: string) => ['visits', 'forms', teamId] as const,
  examples: (teamId: string) => ['visits', 'examples', teamId] as const,
  list: (teamId: string) => ['visits', 'list', teamId] as const,
  visit: (teamId: string, visitId: string) => ['visits', 'visit', teamId, visitId] as const,
  shared: ['visits', 'shared-with-me'] as const,
};

const base = (teamId: string) => `/api/teams/${teamId}`;
const noRetryOn404 = (count: number, error: unknown) => !isApiError(error, 'not_found') && count < 2;

// ---------------------------------------------------------------------------------------------
// Forms

export function useTeamForms(teamId: string, opts: { purpose?: TeamFormPurpose; archived?: boolean } = {}) {
  return useQuery({
    queryKey: [...keys.forms(teamId), opts.purpose ?? 'all', opts.archived ? 'archived' : 'active'],
    queryFn: () =>
      api.get<TeamFormList>(
        withQuery(`${base(teamId)}/forms`, {
          purpose: opts.purpose,
          archived: opts.archived ? 'true' : undefined,
        }),
      ),
    retry: noRetryOn404,
  });
}

export function useTeamForm(teamId: string, formId: string | null) {
  return useQuery({
    queryKey: [...keys.forms(teamId), 'one', formId],
    queryFn: () => api.get<TeamForm>(`${base(teamId)}/forms/${formId}`),
    enabled: formId !== null,
    retry: noRetryOn404,
  });
}

export function useFormExamples(teamId: string) {
  return useQuery({
    queryKey: keys.examples(teamId),
    queryFn: () => api.get<TeamFormExampleList>(`${base(teamId)}/forms/examples`),
    staleTime: Infinity,
  });
}

function useFormChange<I, O>(teamId: string, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: keys.forms(teamId) }),
  });
}

export const useCreateForm = (teamId: string) =>
  useFormChange(teamId, (input: TeamFormInput) => api.post<TeamForm>(`${base(teamId)}/forms`, input));
export const useUpdateForm = (teamId: string) =>
  useFormChange(teamId, ({ id, ...input }: TeamFormUpdate & { id: string }) =>
    api.put<TeamForm>(`${base(teamId)}/forms/${id}`, input),
  );
export const useArchiveForm = (teamId: string) =>
  useFormChange(teamId, ({ id, version }: { id: string; version: number }) =>
    api.post<TeamForm>(`${base(teamId)}/forms/${id}/archive`, { version }),
  );

// ---------------------------------------------------------------------------------------------
// Visits

/** Refetch the team's visits (and an open visit) when anything of the team changes elsewhere. */
function useTeamLive(teamId: string, enabled: boolean) {
  const client = useQueryClient();
  const refetch = useCallback(() => {
    void client.invalidateQueries({ queryKey: keys.list(teamId) });
    void client.invalidateQueries({ queryKey: ['visits', 'visit', teamId] });
  }, [client, teamId]);
  useLiveTopic(enabled ? `${base(teamId)}/board/events` : null, refetch);
}

export function useVisits(teamId: string) {
  const query = useQuery({
    queryKey: keys.list(teamId),
    queryFn: () => api.get<VisitList>(`${base(teamId)}/visits`),
    retry: noRetryOn404,
  });
  useTeamLive(teamId, query.isSuccess);
  return query;
}

export function useVisit(teamId: string, visitId: string) {
  const query = useQuery({
    queryKey: keys.visit(teamId, visitId),
    queryFn: () => api.get<VisitDetail>(`${base(teamId)}/visits/${visitId}`),
    retry: noRetryOn404,
  });
  // The leidinggevende reads a shared visit without being in the team: no live stream for them.
  useTeamLive(teamId, query.isSuccess && query.data.role !== 'manager');
  // Their read counts as read (the server noted it): their list and home tasks follow.
  const client = useQueryClient();
  const readAsManager = query.isSuccess && query.data.role === 'manager';
  useEffect(() => {
    if (!readAsManager) return;
    void client.invalidateQueries({ queryKey: keys.shared });
    void client.invalidateQueries({ queryKey: ['me', 'tasks'] });
  }, [client, readAsManager, visitId]);
  return query;
}

/** For a leidinggevende: the visits their people shared with them. */
export function useSharedWithMe() {
  return useQuery({
    queryKey: keys.shared,
    queryFn: () => api.get<SharedVisitList>('/api/visits/shared-with-me'),
  });
}

function useVisitChange<I>(teamId: string, fn: (input: I) => Promise<VisitDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (visit) => client.setQueryData(keys.visit(teamId, visit.id), visit),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: keys.list(teamId) });
      void client.invalidateQueries({ queryKey: ['team', 'board', teamId] });
    },
  });
}

const visitUrl = (teamId: string, visitId: string) => `${base(teamId)}/visits/${visitId}`;

export const usePlanVisit = (teamId: string) =>
  useVisitChange(teamId, (input: VisitInput) => api.post<VisitDetail>(`${base(teamId)}/visits`, input));
export const useUpdateVisit = (teamId: string, visitId: string) =>
  useVisitChange(teamId, (input: VisitUpdate) => api.patch<VisitDetail>(visitUrl(teamId, visitId), input));
export const useCancelVisit = (teamId: string, visitId: string) =>
  useVisitChange(teamId, (input: VisitCancel) => api.post<VisitDetail>(`${visitUrl(teamId, visitId)}/cancel`, input));
export const useSaveAnswers = (teamId: string, visitId: string) =>
  useVisitChange(teamId, (input: VisitAnswersInput) =>
    api.put<VisitDetail>(`${visitUrl(teamId, visitId)}/answers`, input),
  );
export const useMarkDone = (teamId: string, visitId: string) =>
  useVisitChange(teamId, (version: number) => api.post<VisitDetail>(`${visitUrl(teamId, visitId)}/done`, { version }));
export const useSaveFeedback = (teamId: string, visitId: string) =>
  useVisitChange(teamId, (input: VisitFeedbackInput) =>
    api.put<VisitDetail>(`${visitUrl(teamId, visitId)}/feedback`, input),
  );
export const useShareVisit = (teamId: string, visitId: string) =>
  useVisitChange(teamId, (input: VisitShareInput) => api.put<VisitDetail>(`${visitUrl(teamId, visitId)}/share`, input));
export const useAddToPortfolio = (teamId: string, visitId: string) =>
  useVisitChange(teamId, (version: number) =>
    api.post<VisitDetail>(`${visitUrl(teamId, visitId)}/evidence`, { version }),
  );
