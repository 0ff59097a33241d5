import type { ObligationsResponse } from '@sdat/api-types';
import { useQuery } from '@tanstack/react-query';
import { apiFetch, apiUrl } from './api-fetch';

/** React Query keys of the obligations ("échéances"). */
export const obligationKeys = {
  all: ['obligations'] as const,
  range: (from: string, to: string, extend: readonly string[] = []) =>
    [...obligationKeys.all, 'range', from, to, [...extend].sort().join(',')] as const,
};

/**
 * `from` and `to` are ISO dates (YYYY-MM-DD), both included. `extend`: agreements whose rules are
 * carried on beyond their printed validity (`?extend=`): the obligations it adds are flagged
 * `beyondPrintedValidity`. The API answers only the obligations of the user's scope.
 */
export function fetchObligations(
  from: string,
  to: string,
  signal?: AbortSignal,
  extend: readonly string[] = [],
): Promise<ObligationsResponse> {
  const extendParam = extend.length === 0 ? undefined : [...extend].sort().join(',');
  return apiFetch<ObligationsResponse>(apiUrl('obligations', { from, to, extend: extendParam }), { signal });
}

export function useObligations(from: string, to: string, extend: readonly string[] = []) {
  return useQuery({
    queryKey: obligationKeys.range(from, to, extend),
    queryFn: ({ signal }) => fetchObligations(from, to, signal, extend),
  });
}
