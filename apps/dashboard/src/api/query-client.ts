import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-fetch';

const MAX_RETRIES = 2;

/** Retries server and network errors twice, never a 4xx (the answer would be the same). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.isClientError) {
    return false;
  }
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The agreements and budgets change a few times a year: 5 minutes is plenty.
        staleTime: 5 * 60 * 1000,
        gcTime: 30 * 60 * 1000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
    },
  });
}
