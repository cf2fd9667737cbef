import { useCallback } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LibraryItem,
  LibraryItemInput,
  LibraryItemUpdate,
  LibraryList,
  LibraryListQuery,
  LibraryVersionDetail,
  LibraryVersionInput,
  Preparation,
  PreparationInput,
  PreparationList,
  PreparationUpdate,
  PreparationWork,
} from '@groeipad/contracts';
import { api, isApiError, uploadFile, withQuery } from '../../app/api.ts';
import { useLiveTopic } from '../../ui/live.ts';

// Joint preparations and the team library. Every screen follows the team's live stream (the board's), so a
// preparation filled on one phone shows on the other participant's phone and on the board without a reload.

const keys = {
  all: (teamId: string) => ['preparations', teamId] as const,
  list: (teamId: string) => ['preparations', teamId, 'list'] as const,
  one: (teamId: string, id: string) => ['preparations', teamId, 'one', id] as const,
  library: (teamId: string, query: LibraryListQuery) => ['preparations', teamId, 'library', query] as const,
  item: (teamId: string, id: string) => ['preparations', teamId, 'item', id] as const,
  version: (teamId: string, id: string, n: number) => ['preparations', teamId, 'version', id, n] as const,
};

const base = (teamId: string) => `/api/teams/${teamId}`;
const noRetryOn404 = (count: number, error: unknown) => !isApiError(error, 'not_found') && count < 2;

/** Refetches this team's preparations and library when anything of the team changes. */
function useFollowTeam(teamId: string, ready: boolean) {
  const client = useQueryClient();
  const refetch = useCallback(() => void client.invalidateQueries({ queryKey: keys.all(teamId) }), [client, teamId]);
  useLiveTopic(ready ? `${base(teamId)}/board/events` : null, refetch);
}

export function usePreparations(teamId: string) {
  const query = useQuery({
    queryKey: keys.list(teamId),
    queryFn: () => api.get<PreparationList>(`${base(teamId)}/preparations`),
    retry: noRetryOn404,
  });
  useFollowTeam(teamId, query.isSuccess);
  return query;
}

export function usePreparation(teamId: string, id: string) {
  const query = useQuery({
    queryKey: keys.one(teamId, id),
    queryFn: () => api.get<Preparation>(`${base(teamId)}/preparations/${id}`),
    retry: noRetryOn404,
  });
  useFollowTeam(teamId, query.isSuccess);
  return query;
}

function useTeamChange<I, O>(teamId: string, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: keys.all(teamId) }),
  });
}

export const useCreatePreparation = (teamId: string) =>
  useTeamChange(teamId, (input: PreparationInput) => api.post<Preparation>(`${base(teamId)}/preparations`, input));
export const useUpdatePreparation = (teamId: string, id: string) =>
  useTeamChange(teamId, (input: PreparationUpdate) =>
    api.patch<Preparation>(`${base(teamId)}/preparations/${id}`, input),
  );
export const useSavePreparationWork = (teamId: string, id: string) =>
  useTeamChange(teamId, (input: PreparationWork) =>
    api.put<Preparation>(`${base(teamId)}/preparations/${id}/work`, input),
  );
export const useMarkPreparationDone = (teamId: string, id: string) =>
  useTeamChange(teamId, (version: number) =>
    api.post<Preparation>(`${base(teamId)}/preparations/${id}/done`, { version }),
  );
export const useCancelPreparation = (teamId: string, id: string) =>
  useTeamChange(teamId, (version: number) =>
    api.post<Preparation>(`${base(teamId)}/preparations/${id}/cancel`, { version }),
  );

// ---------------------------------------------------------------------------------------------
// Library

export function useLibrary(teamId: string, filter: LibraryListQuery) {
  const query = useQuery({
    queryKey: keys.library(teamId, filter),
    queryFn: () => api.get<LibraryList>(withQuery(`${base(teamId)}/library`, filter)),
    retry: noRetryOn404,
    placeholderData: (previous) => previous,
  });
  useFollowTeam(teamId, query.isSuccess);
  return query;
}

export function useLibraryItem(teamId: string, id: string) {
  const query = useQuery({
    queryKey: keys.item(teamId, id),
    queryFn: () => api.get<LibraryItem>(`${base(teamId)}/library/${id}`),
    retry: noRetryOn404,
  });
  useFollowTeam(teamId, query.isSuccess);
  return query;
}

export function useLibraryVersion(teamId: string, id: string, number: number | null) {
  return useQuery({
    queryKey: keys.version(teamId, id, number ?? 0),
    queryFn: () => api.get<LibraryVersionDetail>(`${base(teamId)}/library/${id}/versions/${number}`),
    enabled: number !== null,
    // A version never changes.
    staleTime: Infinity,
  });
}

export const libraryFileUrl = (teamId: string, id: string, number: number) =>
  `${base(teamId)}/library/${id}/versions/${number}/file`;

export const useCreateLibraryItem = (teamId: string) =>
  useTeamChange(teamId, (input: LibraryItemInput) => api.post<LibraryItem>(`${base(teamId)}/library`, input));
export const useUpdateLibraryItem = (teamId: string, id: string) =>
  useTeamChange(teamId, (input: LibraryItemUpdate) => api.patch<LibraryItem>(`${base(teamId)}/library/${id}`, input));
export const useArchiveLibraryItem = (teamId: string, id: string) =>
  useTeamChange(teamId, (version: number) =>
    api.post<LibraryItem>(`${base(teamId)}/library/${id}/archive`, { version }),
  );
export const useAddLibraryVersion = (teamId: string, id: string) =>
  useTeamChange(teamId, (input: LibraryVersionInput) =>
    api.post<LibraryItem>(`${base(teamId)}/library/${id}/versions`, input),
  );
/** A version with a file: the File is the request body, the note and the version go in the query string. */
export const useUploadLibraryVersion = (teamId: string, id: string) =>
  useTeamChange(
    teamId,
    ({
      file,
      note,
      version,
      onProgress,
    }: {
      file: File;
      note: string;
      version: number;
      onProgress: (f: number) => void;
    }) =>
      uploadFile<LibraryItem>(
        withQuery(`${base(teamId)}/library/${id}/versions/file`, { note, version, fileName: file.name.slice(0, 255) }),
        file,
        onProgress,
      ),
  );
