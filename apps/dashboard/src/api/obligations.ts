import type { ObligationsResponse } from '@sdat/api-types';
import { useQuery } from '@tanstack/react-query';
import { apiUrl, fetchJson } from './fetch-json';

/** React Query keys of the obligations ("échéances"). */
export const obligationKeys = {
  all: ['obligations'] as const,
  range: (from: string, to: string) => [...obligationKeys.all, 'range', from, to] as const,
};

/** `from` and `to` are ISO dates (YYYY-MM-DD), both included. */
export function fetchObligations(from: string, to: string, signal?: AbortSignal): Promise<ObligationsResponse> {
  return fetchJson<ObligationsResponse>(apiUrl('obligations', { from, to }), { signal });
}

export function useObligations(from: string, to: string) {
  return useQuery({
    queryKey: obligationKeys.range(from, to),
    queryFn: ({ signal }) => fetchObligations(from, to, signal),
  });
}
