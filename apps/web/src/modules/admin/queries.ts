import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditPage,
  MembershipInput,
  OutboxPage,
  PeoplePage,
  PersonDetail,
  PersonInput,
  PersonUpdate,
  School,
  SchoolInput,
  SchoolUpdate,
  Team,
  TeamInput,
  TeamUpdate,
} from '@groeipad/contracts';
import { api } from '../../app/api.ts';

export const PEOPLE_PAGE_SIZE = 50;
export const LOG_PAGE_SIZE = 50;

export type PeopleFilter = {
  search: string;
  schoolId: string;
  teamId: string;
  active: 'true' | 'false' | 'all';
  page: number;
};

const keys = {
  people: ['admin', 'people'] as const,
  person: (id: string) => ['admin', 'person', id] as const,
  schools: ['admin', 'schools'] as const,
  teams: ['admin', 'teams'] as const,
};

export function usePeople(filter: PeopleFilter) {
  return useQuery({
    queryKey: [...keys.people, filter],
    queryFn: () =>
      api.get<PeoplePage>('/api/admin/people', {
        search: filter.search.trim() || undefined,
        schoolId: filter.schoolId || undefined,
        teamId: filter.teamId || undefined,
        active: filter.active,
        page: filter.page,
        pageSize: PEOPLE_PAGE_SIZE,
      }),
    // Keep the previous page on screen while the next one loads, so the table does not flash.
    placeholderData: keepPreviousData,
  });
}

/** A short search for pickers (leidinggevende). */
export function usePeopleSearch(search: string) {
  return useQuery({
    queryKey: [...keys.people, 'search', search],
    queryFn: () => api.get<PeoplePage>('/api/admin/people', { search: search.trim() || undefined, pageSize: 20 }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function usePerson(id: string) {
  return useQuery({ queryKey: keys.person(id), queryFn: () => api.get<PersonDetail>(`/api/admin/people/${id}`) });
}

export function useSchools() {
  return useQuery({
    queryKey: keys.schools,
    queryFn: async () => (await api.get<{ items: School[] }>('/api/admin/schools')).items,
    staleTime: 5 * 60_000,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: keys.teams,
    queryFn: async () => (await api.get<{ items: Team[] }>('/api/admin/teams')).items,
    staleTime: 5 * 60_000,
  });
}

export function useOutbox(page: number) {
  return useQuery({
    queryKey: ['admin', 'outbox', page],
    queryFn: () => api.get<OutboxPage>('/api/admin/outbox', { page, pageSize: LOG_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useAdminAudit(page: number) {
  return useQuery({
    queryKey: ['admin', 'audit', page],
    queryFn: () => api.get<AuditPage>('/api/admin/audit', { page, pageSize: LOG_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

/** After a change to a person: store the fresh record and let lists reload. */
function usePersonSaved() {
  const queryClient = useQueryClient();
  return (person: PersonDetail) => {
    queryClient.setQueryData(keys.person(person.id), person);
    void queryClient.invalidateQueries({ queryKey: keys.people });
    void queryClient.invalidateQueries({ queryKey: keys.schools });
    void queryClient.invalidateQueries({ queryKey: keys.teams });
  };
}

export function useCreatePerson() {
  const saved = usePersonSaved();
  return useMutation({
    mutationFn: (input: PersonInput) => api.post<PersonDetail>('/api/admin/people', input),
    onSuccess: saved,
  });
}

export function useUpdatePerson(id: string) {
  const saved = usePersonSaved();
  return useMutation({
    mutationFn: (input: PersonUpdate) => api.patch<PersonDetail>(`/api/admin/people/${id}`, input),
    onSuccess: saved,
  });
}

export function useAddMembership(id: string) {
  const saved = usePersonSaved();
  return useMutation({
    mutationFn: (input: MembershipInput) => api.post<PersonDetail>(`/api/admin/people/${id}/memberships`, input),
    onSuccess: saved,
  });
}

export function useRemoveMembership(id: string) {
  const saved = usePersonSaved();
  return useMutation({
    mutationFn: (membershipId: string) =>
      api.delete<PersonDetail>(`/api/admin/people/${id}/memberships/${membershipId}`),
    onSuccess: saved,
  });
}

export function useSetManagers(id: string) {
  const saved = usePersonSaved();
  return useMutation({
    mutationFn: (managerIds: string[]) => api.put<PersonDetail>(`/api/admin/people/${id}/managers`, { managerIds }),
    onSuccess: saved,
  });
}

export function useSendInvitation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>(`/api/admin/people/${id}/invitation`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['admin', 'outbox'] }),
  });
}

function useStructureSaved() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: keys.schools });
    void queryClient.invalidateQueries({ queryKey: keys.teams });
  };
}

export function useSaveSchool() {
  const saved = useStructureSaved();
  return useMutation({
    mutationFn: (input: { id?: string; body: SchoolInput | SchoolUpdate }) =>
      input.id
        ? api.patch<School>(`/api/admin/schools/${input.id}`, input.body)
        : api.post<School>('/api/admin/schools', input.body),
    onSuccess: saved,
  });
}

export function useSaveTeam() {
  const saved = useStructureSaved();
  return useMutation({
    mutationFn: (input: { id?: string; body: TeamInput | TeamUpdate }) =>
      input.id
        ? api.patch<Team>(`/api/admin/teams/${input.id}`, input.body)
        : api.post<Team>('/api/admin/teams', input.body),
    onSuccess: saved,
  });
}
