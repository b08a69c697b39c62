import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/problem';
import { reportServiceDown } from './service-status';

function observe(error: unknown): void {
  if (isApiError(error)) reportServiceDown(error.unavailable);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: observe, onSuccess: () => reportServiceDown(false) }),
    mutationCache: new MutationCache({ onError: observe, onSuccess: () => reportServiceDown(false) }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // A refusal (4xx) will not change by asking again; an outage might.
        retry: (count, error) => count < 2 && (!isApiError(error) || error.unavailable),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
