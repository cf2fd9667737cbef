import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PizzaList,
  ProgrammeLinkingInput,
  ProgrammeStartInput,
  ProgrammeStopInput,
  ProgrammeWeekInput,
  ProgressScoreInput,
  TeamProgramme,
  TeamProgrammeView,
  TeamProgress,
  YearPlan,
  YearPlanEvent,
  YearPlanEventInput,
  YearPlanEventUpdate,
} from '@groeipad/contracts';
import { api, isApiError } from '../../app/api.ts';

/** ['programme', 'team', teamId] is refetched by the team board when its live stream reports a change. */
export const programmeKeys = {
  team: (teamId: string) => ['programme', 'team', teamId] as const,
  programme: (teamId: string) => ['programme', 'team', teamId, 'programme'] as const,
  progress: (teamId: string) => ['programme', 'team', teamId, 'progress'] as const,
  yearPlan: ['programme', 'year-plan'] as const,
  pizza: ['programme', 'pizza'] as const,
};

const noRetryOn404 = (count: number, error: unknown) => !isApiError(error, 'not_found') && count < 2;

export function useTeamProgramme(teamId: string) {
  return useQuery({
    queryKey: programmeKeys.programme(teamId),
    queryFn: () => api.get<TeamProgrammeView>(`/api/teams/${teamId}/programme`),
    retry: noRetryOn404,
  });
}

export function useTeamProgress(teamId: string) {
  return useQuery({
    queryKey: programmeKeys.progress(teamId),
    queryFn: () => api.get<TeamProgress>(`/api/teams/${teamId}/progress`),
    retry: noRetryOn404,
  });
}

function useTeamChange<I, O>(teamId: string, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: programmeKeys.team(teamId) }),
  });
}

export const useStartProgramme = (teamId: string) =>
  useTeamChange(teamId, (input: ProgrammeStartInput) =>
    api.post<TeamProgrammeView>(`/api/teams/${teamId}/programme`, input),
  );
export const useRecordWeek = (teamId: string) =>
  useTeamChange(teamId, (input: ProgrammeWeekInput) =>
    api.post<TeamProgramme>(`/api/teams/${teamId}/programme/weeks`, input),
  );
export const usePlanLinking = (teamId: string) =>
  useTeamChange(teamId, (input: ProgrammeLinkingInput) =>
    api.post<TeamProgramme>(`/api/teams/${teamId}/programme/linking`, input),
  );
/** Stopping also takes a linking session still ahead out of the year plan. */
export function useStopProgramme(teamId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ProgrammeStopInput) =>
      api.post<TeamProgrammeView>(`/api/teams/${teamId}/programme/stop`, input),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: programmeKeys.team(teamId) });
      await client.invalidateQueries({ queryKey: programmeKeys.yearPlan });
    },
  });
}
export const useAddScore = (teamId: string) =>
  useTeamChange(teamId, (input: ProgressScoreInput) => api.post<TeamProgress>(`/api/teams/${teamId}/progress`, input));

export function useYearPlan(schoolId: string | null) {
  return useQuery({
    queryKey: [...programmeKeys.yearPlan, schoolId ?? 'first'],
    queryFn: () => api.get<YearPlan>(`/api/year-plan${schoolId ? `?schoolId=${schoolId}` : ''}`),
    retry: noRetryOn404,
  });
}

export function usePizzas() {
  return useQuery({ queryKey: programmeKeys.pizza, queryFn: () => api.get<PizzaList>('/api/pizza-sessions') });
}

function usePlanChange<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: programmeKeys.yearPlan });
      await client.invalidateQueries({ queryKey: programmeKeys.pizza });
    },
  });
}

export const useCreateEvent = () =>
  usePlanChange((input: YearPlanEventInput) => api.post<YearPlanEvent>('/api/year-plan/events', input));
export const useUpdateEvent = () =>
  usePlanChange(({ id, ...input }: YearPlanEventUpdate & { id: string }) =>
    api.patch<YearPlanEvent>(`/api/year-plan/events/${id}`, input),
  );
export const useDeleteEvent = () => usePlanChange((id: string) => api.delete<null>(`/api/year-plan/events/${id}`));
export const useRegistration = () =>
  usePlanChange(({ id, register }: { id: string; register: boolean }) =>
    register
      ? api.put<YearPlanEvent>(`/api/year-plan/events/${id}/registration`, {})
      : api.delete<YearPlanEvent>(`/api/year-plan/events/${id}/registration`),
  );
