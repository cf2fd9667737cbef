import { useCallback } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TeamAction,
  TeamActionInput,
  TeamActionMove,
  TeamActionUpdate,
  TeamBoard,
  TeamBoardItem,
  TeamBoardList,
  TeamBoardSettings,
  TeamBoardUpdate,
  TeamGoal,
  TeamGoalInput,
  TeamGoalUpdate,
  TeamGoalValueInput,
  TeamItemInput,
  TeamItemUpdate,
  TeamMoodInput,
  TeamSession,
  TeamSessionUpdate,
} from '@groeipad/contracts';
import { api, isApiError } from '../../app/api.ts';
import { useLiveTopic } from '../../ui/live.ts';

const keys = {
  mine: ['team', 'mine'] as const,
  board: (teamId: string) => ['team', 'board', teamId] as const,
};

export function useMyTeams() {
  return useQuery({ queryKey: keys.mine, queryFn: () => api.get<TeamBoardList>('/api/teams/mine') });
}

/** The whole board in one response; it follows the team's live stream, so changes elsewhere show within a second. */
export function useTeamBoard(teamId: string) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: keys.board(teamId),
    queryFn: () => api.get<TeamBoard>(`/api/teams/${teamId}/board`),
    retry: (count, error) => !isApiError(error, 'not_found') && count < 2,
  });
  // The barometer's part of the board follows the same stream (a round opened, closed or shared).
  const refetch = useCallback(() => {
    void client.invalidateQueries({ queryKey: keys.board(teamId) });
    void client.invalidateQueries({ queryKey: ['barometer', 'team', teamId] });
    void client.invalidateQueries({ queryKey: ['programme', 'team', teamId] });
  }, [client, teamId]);
  useLiveTopic(query.isSuccess ? `/api/teams/${teamId}/board/events` : null, refetch);
  return query;
}

/** A change on the board; afterwards the board is read again (the live stream tells the other screens). */
function useBoardChange<I, O>(teamId: string, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: keys.board(teamId) }),
  });
}

const base = (teamId: string) => `/api/teams/${teamId}`;

export const useUpdateBoard = (teamId: string) =>
  useBoardChange(teamId, (input: TeamBoardUpdate) => api.patch<TeamBoardSettings>(`${base(teamId)}/board`, input));

export const useCreateGoal = (teamId: string) =>
  useBoardChange(teamId, (input: TeamGoalInput) => api.post<TeamGoal>(`${base(teamId)}/goals`, input));
export const useUpdateGoal = (teamId: string) =>
  useBoardChange(teamId, ({ id, ...input }: TeamGoalUpdate & { id: string }) =>
    api.patch<TeamGoal>(`${base(teamId)}/goals/${id}`, input),
  );
export const useDeleteGoal = (teamId: string) =>
  useBoardChange(teamId, (id: string) => api.delete<null>(`${base(teamId)}/goals/${id}`));
export const useAddGoalValue = (teamId: string) =>
  useBoardChange(teamId, ({ goalId, ...input }: TeamGoalValueInput & { goalId: string }) =>
    api.post<TeamGoal>(`${base(teamId)}/goals/${goalId}/values`, input),
  );
export const useDeleteGoalValue = (teamId: string) =>
  useBoardChange(teamId, ({ goalId, valueId }: { goalId: string; valueId: string }) =>
    api.delete<TeamGoal>(`${base(teamId)}/goals/${goalId}/values/${valueId}`),
  );

export const useCreateAction = (teamId: string) =>
  useBoardChange(teamId, (input: TeamActionInput) => api.post<TeamAction>(`${base(teamId)}/actions`, input));
export const useUpdateAction = (teamId: string) =>
  useBoardChange(teamId, ({ id, ...input }: TeamActionUpdate & { id: string }) =>
    api.patch<TeamAction>(`${base(teamId)}/actions/${id}`, input),
  );
export const useDeleteAction = (teamId: string) =>
  useBoardChange(teamId, (id: string) => api.delete<null>(`${base(teamId)}/actions/${id}`));
export const useCelebrateAction = (teamId: string) =>
  useBoardChange(teamId, ({ id, version }: { id: string; version: number }) =>
    api.post<TeamAction>(`${base(teamId)}/actions/${id}/celebrate`, { version }),
  );
export const useArchiveAction = (teamId: string) =>
  useBoardChange(teamId, ({ id, version }: { id: string; version: number }) =>
    api.post<null>(`${base(teamId)}/actions/${id}/archive`, { version }),
  );

/** Moves a card at once on screen (optimistic); a refusal puts the board back as the server has it. */
export function useMoveAction(teamId: string) {
  const client = useQueryClient();
  const key = keys.board(teamId);
  return useMutation({
    mutationFn: ({ id, ...input }: TeamActionMove & { id: string }) =>
      api.post<TeamAction>(`${base(teamId)}/actions/${id}/move`, input),
    onMutate: async (input) => {
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<TeamBoard>(key);
      if (previous) {
        const moving = previous.actions.find((a) => a.id === input.id);
        if (moving) {
          const rest = previous.actions.filter((a) => a.id !== input.id);
          const column = rest.filter((a) => a.status === input.status);
          const at = Math.min(input.position ?? column.length, column.length);
          column.splice(at, 0, { ...moving, status: input.status });
          const renumbered = column.map((a, i) => ({ ...a, position: i }));
          client.setQueryData<TeamBoard>(key, {
            ...previous,
            actions: [...rest.filter((a) => a.status !== input.status), ...renumbered],
          });
        }
      }
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) client.setQueryData(key, context.previous);
    },
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}

export const useCreateItem = (teamId: string) =>
  useBoardChange(teamId, (input: TeamItemInput) => api.post<TeamBoardItem>(`${base(teamId)}/items`, input));
export const useUpdateItem = (teamId: string) =>
  useBoardChange(teamId, ({ id, ...input }: TeamItemUpdate & { id: string }) =>
    api.patch<TeamBoardItem>(`${base(teamId)}/items/${id}`, input),
  );
export const useArchiveItem = (teamId: string) =>
  useBoardChange(teamId, ({ id, version }: { id: string; version: number }) =>
    api.post<null>(`${base(teamId)}/items/${id}/archive`, { version }),
  );

export const useStartSession = (teamId: string) =>
  useBoardChange(teamId, () => api.post<TeamSession>(`${base(teamId)}/sessions`));
export const useUpdateSession = (teamId: string) =>
  useBoardChange(teamId, ({ id, ...input }: TeamSessionUpdate & { id: string }) =>
    api.patch<TeamSession>(`${base(teamId)}/sessions/${id}`, input),
  );
export const useAttendance = (teamId: string) =>
  useBoardChange(
    teamId,
    ({ sessionId, personId, present }: { sessionId: string; personId: string; present: boolean }) =>
      present
        ? api.put<TeamSession>(`${base(teamId)}/sessions/${sessionId}/attendance/${personId}`, {})
        : api.delete<TeamSession>(`${base(teamId)}/sessions/${sessionId}/attendance/${personId}`),
  );
export const useMood = (teamId: string) =>
  useBoardChange(teamId, ({ sessionId, ...input }: TeamMoodInput & { sessionId: string }) =>
    api.post<TeamSession>(`${base(teamId)}/sessions/${sessionId}/mood`, input),
  );
