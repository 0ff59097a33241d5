import type { ImportDatasetKey as DatasetKey, ImportErrorView as ImportError } from '@sdat/api-types';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch, apiUrl } from './api-fetch';
import { agreementKeys } from './agreements';
import { comparisonKeys, indicatorKeys } from './indicators';
import { obligationKeys } from './obligations';
import { programmeKeys } from './programmes';
import { reconciliationKeys } from './reconciliation';

export type { DatasetKey, ImportError };

/** The JSON shapes of the imports API, shared with the API (@sdat/api-types). */
export type { ImportDatasetView as DatasetView, ImportOutcome, ImportVersionView } from '@sdat/api-types';
import type { ImportDatasetView as DatasetView, ImportOutcome, ImportVersionView } from '@sdat/api-types';

/** React Query keys of the imports. */
export const importKeys = {
  all: ['imports'] as const,
  datasets: () => [...importKeys.all, 'datasets'] as const,
  history: (code: string, year: number) => [...importKeys.all, 'history', code, year] as const,
};

export function fetchDatasets(signal?: AbortSignal): Promise<DatasetView[]> {
  return apiFetch<DatasetView[]>(apiUrl('imports/datasets'), { signal });
}

export function fetchImportHistory(code: string, year: number, signal?: AbortSignal): Promise<ImportVersionView[]> {
  return apiFetch<ImportVersionView[]>(apiUrl(`programmes/${encodeURIComponent(code)}/imports`, { year }), { signal });
}

/** Address of the XLSX template to fill (a download: the session cookie goes with it). */
export function templateUrl(code: string, dataset: DatasetKey, year: number): string {
  return apiUrl(`programmes/${encodeURIComponent(code)}/imports/${encodeURIComponent(dataset)}/template`, { year });
}

/** Address of the export of the data of the year, in the template's layout (re-importable as is). */
export function exportUrl(code: string, dataset: DatasetKey, year: number): string {
  return apiUrl(`programmes/${encodeURIComponent(code)}/exports/${encodeURIComponent(dataset)}`, { year });
}

/** `POST /api/programmes/:code/imports/:dataset?year=` (multipart, field `file`). */
export function uploadImport(code: string, dataset: DatasetKey, year: number, file: File): Promise<ImportOutcome> {
  const formData = new FormData();
  formData.append('file', file, file.name);
  return apiFetch<ImportOutcome>(apiUrl(`programmes/${encodeURIComponent(code)}/imports/${encodeURIComponent(dataset)}`, { year }), {
    method: 'POST',
    formData,
  });
}

/** The row errors of a refused file (422: every problem, nothing written). */
export function importErrors(error: unknown): { errors: ImportError[]; errorCount: number } | null {
  if (!(error instanceof ApiError) || error.status !== 422 || error.body === null) {
    return null;
  }
  const body = error.body as { errors?: unknown; errorCount?: unknown };
  if (!Array.isArray(body.errors)) {
    return null;
  }
  const errors = body.errors as ImportError[];
  return { errors, errorCount: typeof body.errorCount === 'number' ? body.errorCount : errors.length };
}

export function useDatasets() {
  return useQuery({ queryKey: importKeys.datasets(), queryFn: ({ signal }) => fetchDatasets(signal), staleTime: Infinity });
}

export function useImportHistory(code: string, year: number, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: importKeys.history(code, year),
    queryFn: ({ signal }) => fetchImportHistory(code, year, signal),
    enabled: options.enabled ?? true,
    staleTime: 0,
  });
}

/** Uploads a file; a new version changes the figures: the history and every computed figure are read again. */
export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, dataset, year, file }: { code: string; dataset: DatasetKey; year: number; file: File }) =>
      uploadImport(code, dataset, year, file),
    onSuccess: (outcome) => {
      void queryClient.invalidateQueries({ queryKey: importKeys.all });
      if (outcome.status === 'imported') {
        for (const key of [programmeKeys.all, indicatorKeys.all, comparisonKeys.all, agreementKeys.all, obligationKeys.all, reconciliationKeys.all]) {
          void queryClient.invalidateQueries({ queryKey: key });
        }
      }
    },
  });
}
