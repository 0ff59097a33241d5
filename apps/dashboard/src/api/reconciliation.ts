import type { ReconciliationFindingView } from '@sdat/api-types';
import { useQuery } from '@tanstack/react-query';
import { apiUrl, apiFetch } from './api-fetch';

/** React Query keys of the reconciliation findings ("écarts relevés"). */
export const reconciliationKeys = {
  all: ['reconciliation'] as const,
  list: () => [...reconciliationKeys.all, 'list'] as const,
};

export function fetchReconciliation(signal?: AbortSignal): Promise<ReconciliationFindingView[]> {
  return apiFetch<ReconciliationFindingView[]>(apiUrl('reconciliation'), { signal });
}

export function useReconciliation() {
  return useQuery({ queryKey: reconciliationKeys.list(), queryFn: ({ signal }) => fetchReconciliation(signal) });
}
