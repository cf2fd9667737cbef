import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FeedbackAnswer,
  FeedbackColleagueList,
  FeedbackForm,
  FeedbackInviteInput,
  FeedbackQuestionnaire,
  FeedbackQuestionnaireCreate,
  FeedbackQuestionnaireList,
  FeedbackQuestionnaireUpdate,
  FeedbackResults,
  FeedbackRoundCreate,
  FeedbackRoundDetail,
  FeedbackRoundList,
  SharedFeedbackRoundList,
} from '@groeipad/contracts';
import { api } from '../../app/api.ts';

const keys = {
  all: ['feedback'] as const,
  rounds: ['feedback', 'rounds'] as const,
  round: (id: string) => ['feedback', 'round', id] as const,
  results: (id: string) => ['feedback', 'results', id] as const,
  questionnaires: (status: string) => ['feedback', 'questionnaires', status] as const,
  questionnaire: (id: string) => ['feedback', 'questionnaire', id] as const,
  colleagues: (search: string) => ['feedback', 'colleagues', search] as const,
  form: (kind: string, id: string) => ['feedback', 'form', kind, id] as const,
};

export function useMyRounds() {
  return useQuery({ queryKey: keys.rounds, queryFn: () => api.get<FeedbackRoundList>('/api/feedback/rounds') });
}

/** Rounds that the leidinggevende's staff shared with them or attached to a conversation with them. */
export function useSharedRounds() {
  return useQuery({
    queryKey: ['feedback', 'shared'] as const,
    queryFn: () => api.get<SharedFeedbackRoundList>('/api/feedback/shared'),
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: keys.round(id),
    queryFn: () => api.get<FeedbackRoundDetail>(`/api/feedback/rounds/${id}`),
    retry: false,
  });
}

export function useResults(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.results(id),
    queryFn: () => api.get<FeedbackResults>(`/api/feedback/rounds/${id}/results`),
    enabled,
    retry: false,
  });
}

export function useQuestionnaires(status: 'published' | 'all') {
  return useQuery({
    queryKey: keys.questionnaires(status),
    queryFn: () => api.get<FeedbackQuestionnaireList>('/api/feedback/questionnaires', { status }),
  });
}

export function useQuestionnaire(id: string) {
  return useQuery({
    queryKey: keys.questionnaire(id),
    queryFn: () => api.get<FeedbackQuestionnaire>(`/api/feedback/questionnaires/${id}`),
    retry: false,
  });
}

export function useColleagues(search: string) {
  return useQuery({
    queryKey: keys.colleagues(search),
    queryFn: () => api.get<FeedbackColleagueList>('/api/feedback/colleagues', { search }),
    enabled: search.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** The form behind an e-mailed link (public) or an in-app invitation. */
export function useFeedbackForm(kind: 'token' | 'invitation', id: string) {
  const path = kind === 'token' ? `/api/feedback/respond/${id}` : `/api/feedback/invitations/${id}/response`;
  return useQuery({
    queryKey: keys.form(kind, id),
    queryFn: () => api.get<FeedbackForm>(path),
    retry: false,
    staleTime: Infinity,
  });
}

export function useSubmitAnswer(kind: 'token' | 'invitation', id: string) {
  const path = kind === 'token' ? `/api/feedback/respond/${id}` : `/api/feedback/invitations/${id}/response`;
  return useMutation({ mutationFn: (answer: FeedbackAnswer) => api.post<{ ok: true }>(path, answer) });
}

function useChange<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export const useCreateRound = () =>
  useChange((input: FeedbackRoundCreate) => api.post<FeedbackRoundDetail>('/api/feedback/rounds', input));

export const useInvite = (roundId: string) =>
  useChange((input: FeedbackInviteInput) =>
    api.post<FeedbackRoundDetail>(`/api/feedback/rounds/${roundId}/invitations`, input),
  );

export const useInvitationAction = () =>
  useChange(({ id, action }: { id: string; action: 'revoke' | 'resend' }) =>
    api.post<FeedbackRoundDetail>(`/api/feedback/invitations/${id}/${action}`),
  );

export const useCloseRound = (roundId: string) =>
  useChange(() => api.post<FeedbackRoundDetail>(`/api/feedback/rounds/${roundId}/close`));

export const useShareRound = (roundId: string) =>
  useChange((shared: boolean) =>
    shared
      ? api.post<FeedbackRoundDetail>(`/api/feedback/rounds/${roundId}/share`)
      : api.delete<FeedbackRoundDetail>(`/api/feedback/rounds/${roundId}/share`),
  );

export const useAttachConversation = (roundId: string) =>
  useChange((conversationId: string | null) =>
    api.put<FeedbackRoundDetail>(`/api/feedback/rounds/${roundId}/conversation`, { conversationId }),
  );

export const useCreateQuestionnaire = () =>
  useChange((input: FeedbackQuestionnaireCreate) =>
    api.post<FeedbackQuestionnaire>('/api/feedback/questionnaires', input),
  );

export const useSaveQuestionnaire = (id: string) =>
  useChange((input: FeedbackQuestionnaireUpdate) =>
    api.put<FeedbackQuestionnaire>(`/api/feedback/questionnaires/${id}`, input),
  );

export const useQuestionnaireStatus = (id: string) =>
  useChange(({ action, version }: { action: 'publish' | 'archive'; version: number }) =>
    api.post<FeedbackQuestionnaire>(`/api/feedback/questionnaires/${id}/${action}`, { version }),
  );
