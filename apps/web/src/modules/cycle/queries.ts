import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConversationFormInput,
  ConversationFormUpdate,
  ConversationKindInput,
  ConversationKindUpdate,
  CycleConfig,
  CycleCoverage,
  CycleOverview,
  CycleRuleInput,
  CycleRuleUpdate,
  CycleSchoolList,
  SchoolSettingsInput,
  SchoolYearInput,
  SchoolYearUpdate,
} from '@groeipad/contracts';
import { api } from '../../app/api.ts';

const keys = {
  schools: ['cycle', 'schools'] as const,
  config: (schoolId: string) => ['cycle', 'config', schoolId] as const,
  coverage: (schoolId: string) => ['cycle', 'coverage', schoolId] as const,
  overview: ['cycle', 'overview'] as const,
};

export function useCycleSchools() {
  return useQuery({
    queryKey: keys.schools,
    queryFn: async () => (await api.get<CycleSchoolList>('/api/cycle/schools')).items,
    staleTime: 60_000,
  });
}

export function useCycleConfig(schoolId: string | null) {
  return useQuery({
    queryKey: keys.config(schoolId ?? ''),
    queryFn: () => api.get<CycleConfig>(`/api/schools/${schoolId}/cycle`),
    enabled: Boolean(schoolId),
  });
}

export function useCoverage(schoolId: string | null, schoolYearId: string | null) {
  return useQuery({
    queryKey: [...keys.coverage(schoolId ?? ''), schoolYearId],
    queryFn: () =>
      api.get<CycleCoverage>(`/api/schools/${schoolId}/cycle/coverage`, { schoolYearId: schoolYearId ?? undefined }),
    enabled: Boolean(schoolId),
    placeholderData: keepPreviousData,
  });
}

export function useOverview(schoolYearId: string | null) {
  return useQuery({
    queryKey: [...keys.overview, schoolYearId],
    queryFn: () => api.get<CycleOverview>('/api/cycle/overview', { schoolYearId: schoolYearId ?? undefined }),
    placeholderData: keepPreviousData,
  });
}

/** Every change returns the whole configuration: store it, and let the numbers that depend on it reload. */
function useConfigMutation<I>(schoolId: string, send: (input: I) => Promise<CycleConfig>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (config) => {
      queryClient.setQueryData(keys.config(schoolId), config);
      void queryClient.invalidateQueries({ queryKey: keys.coverage(schoolId) });
      void queryClient.invalidateQueries({ queryKey: keys.schools });
      void queryClient.invalidateQueries({ queryKey: keys.overview });
    },
  });
}

const base = (schoolId: string) => `/api/schools/${schoolId}/cycle`;

export function useApplyDefaults(schoolId: string) {
  return useConfigMutation(schoolId, () => api.post<CycleConfig>(`${base(schoolId)}/defaults`));
}

export function useSaveSettings(schoolId: string) {
  return useConfigMutation(schoolId, (body: SchoolSettingsInput) =>
    api.put<CycleConfig>(`/api/schools/${schoolId}/settings`, body),
  );
}

export function useSaveYear(schoolId: string) {
  return useConfigMutation(schoolId, (input: { id?: string; body: SchoolYearInput | SchoolYearUpdate }) =>
    input.id
      ? api.put<CycleConfig>(`${base(schoolId)}/years/${input.id}`, input.body)
      : api.post<CycleConfig>(`${base(schoolId)}/years`, input.body),
  );
}

export function useSaveKind(schoolId: string) {
  return useConfigMutation(schoolId, (input: { id?: string; body: ConversationKindInput | ConversationKindUpdate }) =>
    input.id
      ? api.patch<CycleConfig>(`${base(schoolId)}/kinds/${input.id}`, input.body)
      : api.post<CycleConfig>(`${base(schoolId)}/kinds`, input.body),
  );
}

export function useSaveRule(schoolId: string) {
  return useConfigMutation(schoolId, (input: { id?: string; body: CycleRuleInput | CycleRuleUpdate }) =>
    input.id
      ? api.patch<CycleConfig>(`${base(schoolId)}/rules/${input.id}`, input.body)
      : api.post<CycleConfig>(`${base(schoolId)}/rules`, input.body),
  );
}

export function useSaveForm(schoolId: string) {
  return useConfigMutation(schoolId, (input: { id?: string; body: ConversationFormInput | ConversationFormUpdate }) =>
    input.id
      ? api.patch<CycleConfig>(`${base(schoolId)}/forms/${input.id}`, input.body)
      : api.post<CycleConfig>(`${base(schoolId)}/forms`, input.body),
  );
}

export type CyclePart = 'years' | 'kinds' | 'rules' | 'forms';

export function useDeletePart(schoolId: string) {
  return useConfigMutation(schoolId, (input: { part: CyclePart; id: string }) =>
    api.delete<CycleConfig>(`${base(schoolId)}/${input.part}/${input.id}`),
  );
}
