import { useQuery } from '@tanstack/react-query';
import type { HomeTask } from '@groeipad/contracts';
import { api } from '../../app/api.ts';

/** Everything that needs the signed-in person now, soonest first. */
export function useMyTasks() {
  return useQuery({
    queryKey: ['me', 'tasks'],
    queryFn: () => api.get<{ items: HomeTask[] }>('/api/me/tasks'),
    staleTime: 30_000,
  });
}
