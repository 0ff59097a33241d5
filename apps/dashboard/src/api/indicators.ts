import type {
  Basis,
  ComparisonResponse,
  IndicatorDefinition,
  IndicatorValue,
  ProgrammeIndicatorsResponse,
} from '@sdat/api-types';
import { useQuery } from '@tanstack/react-query';
import { apiUrl, apiFetch } from './api-fetch';

/**
 * Freshness of the figures of a year.
 *
 * RULE (until the report lifecycle exists): a year ≤ current year − 2 is LOCKED — its annual
 * report was due on 15 March of the next year and its figures no longer change — so its
 * answers never go stale (`Infinity`: fetched once per session). More recent years keep the
 * client default (5 minutes). When reports get a real "validated/locked" status, the API should
 * say which years are locked and this rule should read it instead of the calendar.
 */
export function isLockedYear(year: number, today: Date = new Date()): boolean {
  return year <= today.getFullYear() - 2;
}

/**
 * Query options for the figures of `years`: `{ staleTime: Infinity }` when every year is locked
 * (see `isLockedYear`), else nothing (the client default applies — an explicit `undefined`
 * would override it).
 */
export function freshnessForYears(years: readonly number[], today: Date = new Date()): { staleTime?: number } {
  return years.length > 0 && years.every((year) => isLockedYear(year, today)) ? { staleTime: Infinity } : {};
}

/** React Query keys of the indicators ("indicateurs") feature. */
export const indicatorKeys = {
  all: ['indicators'] as const,
  catalogue: () => [...indicatorKeys.all, 'catalogue'] as const,
  programme: (code: string) => [...indicatorKeys.all, 'programme', code] as const,
  programmeYear: (code: string, year: number, basis: Basis) => [...indicatorKeys.programme(code), year, basis] as const,
  one: (code: string, indicator: string, year: number, basis: Basis) =>
    [...indicatorKeys.programmeYear(code, year, basis), 'one', indicator] as const,
};

/** React Query keys of the comparisons ("comparaison des dispositifs"). */
export const comparisonKeys = {
  all: ['comparisons'] as const,
  view: (agreement: string, years: readonly number[], basis: Basis) =>
    [...comparisonKeys.all, agreement, [...years].sort((a, b) => a - b).join(','), basis] as const,
};

/** `GET /api/indicators`: the catalogue (definition, formula, target, source of each indicator). */
export function fetchIndicatorCatalogue(signal?: AbortSignal): Promise<IndicatorDefinition[]> {
  return apiFetch<IndicatorDefinition[]>(apiUrl('indicators'), { signal });
}

/** `GET /api/programmes/:code/indicators?year=&basis=`: every indicator of a programme-year, in one answer. */
export function fetchProgrammeIndicators(
  code: string,
  year: number,
  basis: Basis,
  signal?: AbortSignal,
): Promise<ProgrammeIndicatorsResponse> {
  return apiFetch<ProgrammeIndicatorsResponse>(apiUrl(`programmes/${encodeURIComponent(code)}/indicators`, { year, basis }), {
    signal,
  });
}

/** `GET /api/programmes/:code/indicators/:indicator?year=&basis=`: one indicator. */
export function fetchProgrammeIndicator(
  code: string,
  indicator: string,
  year: number,
  basis: Basis,
  signal?: AbortSignal,
): Promise<IndicatorValue> {
  return apiFetch<IndicatorValue>(
    apiUrl(`programmes/${encodeURIComponent(code)}/indicators/${encodeURIComponent(indicator)}`, { year, basis }),
    { signal },
  );
}

/** `GET /api/comparisons?agreement=&years=&basis=`: programmes × years, every indicator, in one answer. */
export function fetchComparison(
  agreement: string,
  years: readonly number[],
  basis: Basis,
  signal?: AbortSignal,
): Promise<ComparisonResponse> {
  const sorted = [...years].sort((a, b) => a - b);
  return apiFetch<ComparisonResponse>(apiUrl('comparisons', { agreement, years: sorted.join(','), basis }), { signal });
}

export function useIndicatorCatalogue() {
  return useQuery({
    queryKey: indicatorKeys.catalogue(),
    queryFn: ({ signal }) => fetchIndicatorCatalogue(signal),
    // Definitions change with a new version of the application only.
    staleTime: Infinity,
  });
}

export function useProgrammeIndicators(code: string, year: number, basis: Basis, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: indicatorKeys.programmeYear(code, year, basis),
    queryFn: ({ signal }) => fetchProgrammeIndicators(code, year, basis, signal),
    enabled: options.enabled ?? true,
    ...freshnessForYears([year]),
  });
}

export function useComparison(agreement: string, years: readonly number[], basis: Basis, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: comparisonKeys.view(agreement, years, basis),
    queryFn: ({ signal }) => fetchComparison(agreement, years, basis, signal),
    enabled: options.enabled ?? true,
    ...freshnessForYears(years),
  });
}
