import type { AgreementDetail, AgreementSummary } from '@sdat/api-types';
import { useQuery } from '@tanstack/react-query';
import { apiUrl, apiFetch } from './api-fetch';

/** React Query keys of the agreements ("conventions") feature. */
export const agreementKeys = {
  all: ['agreements'] as const,
  list: () => [...agreementKeys.all, 'list'] as const,
  detail: (code: string) => [...agreementKeys.all, 'detail', code] as const,
};

export function fetchAgreements(signal?: AbortSignal): Promise<AgreementSummary[]> {
  return apiFetch<AgreementSummary[]>(apiUrl('agreements'), { signal });
}

export function fetchAgreement(code: string, signal?: AbortSignal): Promise<AgreementDetail> {
  return apiFetch<AgreementDetail>(apiUrl(`agreements/${encodeURIComponent(code)}`), { signal });
}

export function useAgreements() {
  return useQuery({ queryKey: agreementKeys.list(), queryFn: ({ signal }) => fetchAgreements(signal) });
}

export function useAgreement(code: string) {
  return useQuery({ queryKey: agreementKeys.detail(code), queryFn: ({ signal }) => fetchAgreement(code, signal) });
}
