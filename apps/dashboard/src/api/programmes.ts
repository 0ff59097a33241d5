import type { Basis, BudgetView, FundingView, ProgrammeDetail, ProgrammeSummary } from '@sdat/api-types';
import { useQueries, useQuery } from '@tanstack/react-query';
import { apiUrl, apiFetch } from './api-fetch';

/** React Query keys of the programmes ("dispositifs") feature. */
export const programmeKeys = {
  all: ['programmes'] as const,
  list: () => [...programmeKeys.all, 'list'] as const,
  detail: (code: string) => [...programmeKeys.all, 'detail', code] as const,
  budget: (code: string, year: number, basis: Basis) => [...programmeKeys.detail(code), 'budget', year, basis] as const,
  funding: (code: string, year: number, basis: Basis) => [...programmeKeys.detail(code), 'funding', year, basis] as const,
};

export function fetchProgrammes(signal?: AbortSignal): Promise<ProgrammeSummary[]> {
  return apiFetch<ProgrammeSummary[]>(apiUrl('programmes'), { signal });
}

export function fetchProgramme(code: string, signal?: AbortSignal): Promise<ProgrammeDetail> {
  return apiFetch<ProgrammeDetail>(apiUrl(`programmes/${encodeURIComponent(code)}`), { signal });
}

export function fetchBudget(code: string, year: number, basis: Basis, signal?: AbortSignal): Promise<BudgetView> {
  return apiFetch<BudgetView>(apiUrl(`programmes/${encodeURIComponent(code)}/budgets`, { year, basis }), { signal });
}

export function fetchFunding(code: string, year: number, basis: Basis, signal?: AbortSignal): Promise<FundingView> {
  return apiFetch<FundingView>(apiUrl(`programmes/${encodeURIComponent(code)}/funding`, { year, basis }), { signal });
}

export function useProgrammes() {
  return useQuery({ queryKey: programmeKeys.list(), queryFn: ({ signal }) => fetchProgrammes(signal) });
}

export function useProgramme(code: string) {
  return useQuery({ queryKey: programmeKeys.detail(code), queryFn: ({ signal }) => fetchProgramme(code, signal) });
}

export function useBudget(code: string, year: number, basis: Basis, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: programmeKeys.budget(code, year, basis),
    queryFn: ({ signal }) => fetchBudget(code, year, basis, signal),
    enabled: options.enabled ?? true,
  });
}

export function useFunding(code: string, year: number, basis: Basis, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: programmeKeys.funding(code, year, basis),
    queryFn: ({ signal }) => fetchFunding(code, year, basis, signal),
    enabled: options.enabled ?? true,
  });
}

/** Several budgets at once (one per programme card of the home page). */
export function useBudgets(requests: readonly { code: string; year: number; basis: Basis }[]) {
  return useQueries({
    queries: requests.map(({ code, year, basis }) => ({
      queryKey: programmeKeys.budget(code, year, basis),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchBudget(code, year, basis, signal),
    })),
  });
}
