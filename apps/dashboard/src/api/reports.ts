import type { AnnualReportNarrativeView, AnnualReportView } from '@sdat/api-types';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiUrl } from './api-fetch';

/** React Query keys of the annual reports (« bilans »). */
export const reportKeys = {
  all: ['reports'] as const,
  annual: (programmeCode: string, year: number) => [...reportKeys.all, 'annual', programmeCode, year] as const,
};

function annualPath(programmeCode: string, year: number, action?: string): string {
  const base = `programmes/${encodeURIComponent(programmeCode)}/annual-reports/${year}`;
  return apiUrl(action === undefined ? base : `${base}/${action}`);
}

/** `GET /api/programmes/:code/annual-reports/:year`. */
export function fetchAnnualReport(programmeCode: string, year: number, signal?: AbortSignal): Promise<AnnualReportView> {
  return apiFetch<AnnualReportView>(annualPath(programmeCode, year), { signal });
}

export function useAnnualReport(programmeCode: string, year: number) {
  return useQuery({
    queryKey: reportKeys.annual(programmeCode, year),
    queryFn: ({ signal }) => fetchAnnualReport(programmeCode, year, signal),
  });
}

/** A change of the report's lifecycle; `version` is the one read (409 when it changed since). */
export type ReportAction =
  | { kind: 'narrative'; version: number; narrative: AnnualReportNarrativeView }
  | { kind: 'submit'; version: number }
  | { kind: 'validate'; version: number }
  | { kind: 'return'; version: number; comment: string }
  | { kind: 'reopen'; version: number; comment: string };

export function sendReportAction(programmeCode: string, year: number, action: ReportAction): Promise<unknown> {
  const { kind, ...body } = action;
  if (kind === 'narrative') {
    return apiFetch<unknown>(annualPath(programmeCode, year, 'narrative'), { method: 'PUT', json: body });
  }
  return apiFetch<unknown>(annualPath(programmeCode, year, kind), { method: 'POST', json: body });
}

/** Sends an action, then invalidates the report (its status, version and versions changed). */
export function useReportAction(programmeCode: string, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ReportAction) => sendReportAction(programmeCode, year, action),
    onSettled: () => queryClient.invalidateQueries({ queryKey: reportKeys.annual(programmeCode, year) }),
  });
}

/** The report's PDF (validated → the frozen file). */
export function reportPdfUrl(programmeCode: string, year: number): string {
  return apiUrl(`programmes/${encodeURIComponent(programmeCode)}/reports/${year}.pdf`, { basis: 'actual' });
}

/** A validated version of the report, byte for byte. */
export function reportVersionUrl(programmeCode: string, year: number, version: number): string {
  return apiUrl(`programmes/${encodeURIComponent(programmeCode)}/annual-reports/${year}/versions/${version}.pdf`);
}

/** The committee pack of an agreement for a year. */
export function committeePackUrl(agreementCode: string, year: number, format: 'pdf' | 'xlsx'): string {
  return apiUrl(`agreements/${encodeURIComponent(agreementCode)}/committee-pack/${year}.${format}`, { basis: 'actual' });
}
