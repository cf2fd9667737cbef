import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DevelopmentAction,
  DevelopmentActionInput,
  DevelopmentActionUpdate,
  DevelopmentCheckinInput,
  DevelopmentEvidence,
  DevelopmentEvidenceFileQuery,
  DevelopmentEvidenceInput,
  DevelopmentGoal,
  DevelopmentGoalInput,
  DevelopmentGoalUpdate,
  DevelopmentPlan,
  DevelopmentPlanUpdate,
  StaleGoalList,
} from '@groeipad/contracts';
import { api, uploadFile, withQuery } from '../../app/api.ts';

const keys = {
  all: ['development'] as const,
  mine: ['development', 'me'] as const,
  person: (personId: string) => ['development', 'person', personId] as const,
  stale: ['development', 'stale'] as const,
};

export function useMyPlan() {
  return useQuery({ queryKey: keys.mine, queryFn: () => api.get<DevelopmentPlan>('/api/development/me') });
}

/** A report's plan, as their leidinggevende sees it (each load is audited by the server). */
export function usePersonPlan(personId: string) {
  return useQuery({
    queryKey: keys.person(personId),
    queryFn: () => api.get<DevelopmentPlan>(`/api/people/${personId}/development`),
    retry: false,
  });
}

export function useStaleGoals() {
  return useQuery({
    queryKey: keys.stale,
    queryFn: () => api.get<StaleGoalList>('/api/development/stale-goals'),
  });
}

/** Every change reloads the plans on screen: plans are small and the server decides what each viewer sees. */
function useChange<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export const useSaveAmbition = () =>
  useChange((input: DevelopmentPlanUpdate) =>
    api.put<{ ambition: string; version: number }>('/api/development/me/plan', input),
  );

export const useCreateGoal = () =>
  useChange((input: DevelopmentGoalInput) => api.post<DevelopmentGoal>('/api/development/goals', input));

export const useUpdateGoal = () =>
  useChange(({ id, ...input }: DevelopmentGoalUpdate & { id: string }) =>
    api.patch<DevelopmentGoal>(`/api/development/goals/${id}`, input),
  );

export const useDeleteGoal = () => useChange((id: string) => api.delete<null>(`/api/development/goals/${id}`));

export const useAddCheckin = () =>
  useChange(({ goalId, ...input }: DevelopmentCheckinInput & { goalId: string }) =>
    api.post<DevelopmentGoal>(`/api/development/goals/${goalId}/checkins`, input),
  );

export const useCreateAction = () =>
  useChange((input: DevelopmentActionInput) => api.post<DevelopmentAction>('/api/development/actions', input));

/** Ticks an action off at once on screen (optimistic); a refusal puts the plan back as it was. */
export function useUpdateAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: DevelopmentActionUpdate & { id: string }) =>
      api.patch<DevelopmentAction>(`/api/development/actions/${id}`, input),
    onMutate: async (input) => {
      if (input.done === undefined) return { previous: [] };
      await client.cancelQueries({ queryKey: keys.all });
      const previous = client.getQueriesData<DevelopmentPlan>({ queryKey: keys.all });
      const doneAt = input.done ? new Date().toISOString() : null;
      const tick = (a: DevelopmentAction) => (a.id === input.id ? { ...a, doneAt } : a);
      for (const [key, plan] of previous) {
        if (!plan || !('goals' in plan)) continue;
        client.setQueryData<DevelopmentPlan>(key, {
          ...plan,
          goals: plan.goals.map((g) => ({ ...g, actions: g.actions.map(tick) })),
          quickActions: plan.quickActions.map(tick),
        });
      }
      return { previous };
    },
    onError: (_error, _input, context) => {
      for (const [key, plan] of context?.previous ?? []) client.setQueryData(key, plan);
    },
    onSettled: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export const useDeleteAction = () => useChange((id: string) => api.delete<null>(`/api/development/actions/${id}`));

export const useAddEvidence = () =>
  useChange((input: DevelopmentEvidenceInput) => api.post<DevelopmentEvidence>('/api/development/evidence', input));

export const useDeleteEvidence = () => useChange((id: string) => api.delete<null>(`/api/development/evidence/${id}`));

/** Evidence with a file: the File is the request body, the rest goes in the query string; reports progress. */
export function useUploadEvidence(onProgress: (fraction: number) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, ...input }: Omit<DevelopmentEvidenceFileQuery, 'fileName'> & { file: File }) =>
      uploadFile<DevelopmentEvidence>(
        withQuery('/api/development/evidence/file', { ...input, fileName: file.name.slice(0, 255) }),
        file,
        onProgress,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}
