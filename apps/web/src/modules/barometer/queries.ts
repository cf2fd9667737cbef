import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BarometerAnswer,
  BarometerForm,
  BarometerResults,
  BarometerRoundCreate,
  BarometerSettings,
  BarometerSettingsUpdate,
  SchoolBarometer,
  SchoolBarometerStart,
  TeamBarometer,
} from '@groeipad/contracts';
import { api } from '../../app/api.ts';

const keys = {
  all: ['barometer'] as const,
  team: (teamId: string) => ['barometer', 'team', teamId] as const,
  form: (roundId: string) => ['barometer', 'form', roundId] as const,
  results: (roundId: string) => ['barometer', 'results', roundId] as const,
  school: (schoolId: string) => ['barometer', 'school', schoolId] as const,
};

export function useTeamBarometer(teamId: string) {
  return useQuery({
    queryKey: keys.team(teamId),
    queryFn: () => api.get<TeamBarometer>(`/api/teams/${teamId}/barometer`),
    retry: false,
  });
}

export function useBarometerForm(roundId: string) {
  return useQuery({
    queryKey: keys.form(roundId),
    queryFn: () => api.get<BarometerForm>(`/api/barometer/rounds/${roundId}`),
    retry: false,
  });
}

export function useBarometerResults(roundId: string, enabled = true) {
  return useQuery({
    queryKey: keys.results(roundId),
    queryFn: () => api.get<BarometerResults>(`/api/barometer/rounds/${roundId}/results`),
    enabled,
    retry: false,
  });
}

export function useSchoolBarometer(schoolId: string | null) {
  return useQuery({
    queryKey: keys.school(schoolId ?? ''),
    queryFn: () => api.get<SchoolBarometer>(`/api/schools/${schoolId}/barometer`),
    enabled: schoolId !== null,
    retry: false,
  });
}

function useChange<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export const useStartRound = (teamId: string) =>
  useChange((input: BarometerRoundCreate) => api.post<{ id: string }>(`/api/teams/${teamId}/barometer/rounds`, input));

export const useSaveSettings = (teamId: string) =>
  useChange((input: BarometerSettingsUpdate) =>
    api.put<BarometerSettings>(`/api/teams/${teamId}/barometer/settings`, input),
  );

export const useAnswer = (roundId: string) =>
  useChange((input: BarometerAnswer) => api.post<{ ok: true }>(`/api/barometer/rounds/${roundId}/answers`, input));

export const useCloseRound = () =>
  useChange((roundId: string) => api.post<{ ok: true }>(`/api/barometer/rounds/${roundId}/close`));

export const useShareRound = (roundId: string) =>
  useChange((shared: boolean) =>
    shared
      ? api.post<{ ok: true }>(`/api/barometer/rounds/${roundId}/share`)
      : api.delete<{ ok: true }>(`/api/barometer/rounds/${roundId}/share`),
  );

export const useStartSchoolRounds = (schoolId: string) =>
  useChange((input: BarometerRoundCreate) =>
    api.post<SchoolBarometerStart>(`/api/schools/${schoolId}/barometer/rounds`, input),
  );
