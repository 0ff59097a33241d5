import type {
  BudgetLineEditRequest,
  EditableBudgetLineView,
  EditableEpisodesPage,
  EditableRowsPage,
  EditableStaffLineView,
  EpisodeEditRequest,
  ImportDatasetKey as DatasetKey,
  ImportErrorView as ImportError,
  ImportJobView,
  StaffLineEditRequest,
} from '@sdat/api-types';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ApiError, apiFetch, apiUrl } from './api-fetch';
import { agreementKeys } from './agreements';
import { comparisonKeys, indicatorKeys } from './indicators';
import { obligationKeys } from './obligations';
import { programmeKeys } from './programmes';
import { reconciliationKeys } from './reconciliation';

export type { DatasetKey, ImportError, ImportJobView };

/** The JSON shapes of the imports API, shared with the API (@sdat/api-types). */
export type { ImportDatasetView as DatasetView, ImportOutcome, ImportVersionView } from '@sdat/api-types';
import type { ImportDatasetView as DatasetView, ImportOutcome, ImportVersionView } from '@sdat/api-types';

/** The datasets whose rows are corrected one at a time (the others: import a corrected file). */
export type CorrectableDataset = 'budget' | 'staff' | 'episodes';

export const CORRECTABLE_DATASETS: readonly CorrectableDataset[] = ['budget', 'staff', 'episodes'];

export function isCorrectable(dataset: DatasetKey): dataset is CorrectableDataset {
  return (CORRECTABLE_DATASETS as readonly string[]).includes(dataset);
}

/** One row of each correctable dataset, one page of them, and what its correction sends. */
export interface CorrectionRowByDataset {
  budget: EditableBudgetLineView;
  staff: EditableStaffLineView;
  episodes: EditableEpisodesPage['rows'][number];
}
export interface CorrectionPageByDataset {
  budget: EditableRowsPage<EditableBudgetLineView>;
  staff: EditableRowsPage<EditableStaffLineView>;
  episodes: EditableEpisodesPage;
}
export interface CorrectionChangeByDataset {
  budget: BudgetLineEditRequest;
  staff: StaffLineEditRequest;
  episodes: EpisodeEditRequest;
}

/** A correction of one row of one dataset. */
export type CorrectionRequest = {
  [D in CorrectableDataset]: { dataset: D; id: string; change: CorrectionChangeByDataset[D] };
}[CorrectableDataset];

/** The API's path of each correctable dataset's rows (list: GET, one row: PATCH …/:id). */
const ROW_PATHS: Record<CorrectableDataset, string> = { budget: 'budget-lines', staff: 'staff-lines', episodes: 'episodes' };

/** Rows per page of the correction tables. */
export const CORRECTION_PAGE_SIZE = 25;

/** How often a running import is asked for its progress. */
export const IMPORT_JOB_POLL_MS = 500;

/** React Query keys of the imports. */
export const importKeys = {
  all: ['imports'] as const,
  datasets: () => [...importKeys.all, 'datasets'] as const,
  history: (code: string, year: number) => [...importKeys.all, 'history', code, year] as const,
  /** Every page of the correctable rows of a programme (any dataset, any year). */
  rows: (code: string) => [...importKeys.all, 'rows', code] as const,
  rowsPage: (code: string, dataset: CorrectableDataset, year: number, offset: number) => [...importKeys.rows(code), dataset, year, offset] as const,
  job: (id: string) => [...importKeys.all, 'job', id] as const,
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

/**
 * `POST /api/programmes/:code/imports/:dataset?year=&async=true` (multipart, field `file`): the API
 * answers 202 at once with the job to follow (`GET /api/import-jobs/:id`).
 */
export function startImport(code: string, dataset: DatasetKey, year: number, file: File): Promise<ImportJobView> {
  const formData = new FormData();
  formData.append('file', file, file.name);
  return apiFetch<ImportJobView>(apiUrl(`programmes/${encodeURIComponent(code)}/imports/${encodeURIComponent(dataset)}`, { year, async: 'true' }), {
    method: 'POST',
    formData,
  });
}

/** `GET /api/import-jobs/:id`: phase, rows validated, rows written, result. */
export function fetchImportJob(id: string, signal?: AbortSignal): Promise<ImportJobView> {
  return apiFetch<ImportJobView>(apiUrl(`import-jobs/${encodeURIComponent(id)}`), { signal });
}

/** Done (with its outcome) or failed (with the error body): nothing more will change. */
export function isJobFinished(job: ImportJobView | undefined): boolean {
  return job !== undefined && (job.phase === 'failed' || (job.phase === 'done' && job.result !== null));
}

/** The outcome of a finished import, null while it runs or when it failed. */
export function jobOutcome(job: ImportJobView | undefined): ImportOutcome | null {
  return job?.phase === 'done' && job.result !== null ? (job.result as ImportOutcome) : null;
}

/**
 * The error of a failed import, as `apiFetch` would have thrown it had the import been synchronous
 * (a 422 carries every row error: `importErrors` reads them).
 */
export function jobError(job: ImportJobView | undefined): ApiError | null {
  if (job?.phase !== 'failed') {
    return null;
  }
  const body = (job.result ?? {}) as { statusCode?: unknown; message?: unknown; error?: unknown };
  const status = typeof body.statusCode === 'number' ? body.statusCode : 500;
  const message = Array.isArray(body.message) ? body.message.join(' ; ') : typeof body.message === 'string' ? body.message : 'Une erreur inattendue est survenue.';
  return new ApiError(status, message, { ...(job.result as object), statusCode: status, error: typeof body.error === 'string' ? body.error : '', message });
}

/** `GET /api/programmes/:code/budget-lines|staff-lines|episodes?year=&offset=&limit=`. */
export function fetchCorrectionRows<D extends CorrectableDataset>(
  code: string,
  dataset: D,
  year: number,
  offset: number,
  signal?: AbortSignal,
): Promise<CorrectionPageByDataset[D]> {
  return apiFetch<CorrectionPageByDataset[D]>(
    apiUrl(`programmes/${encodeURIComponent(code)}/${ROW_PATHS[dataset]}`, { year, offset, limit: CORRECTION_PAGE_SIZE }),
    { signal },
  );
}

/** `PATCH /api/programmes/:code/budget-lines|staff-lines|episodes/:id` with the version read (409 when it changed since). */
export function saveCorrection<D extends CorrectableDataset>(code: string, dataset: D, id: string, change: CorrectionChangeByDataset[D]): Promise<unknown> {
  return apiFetch<unknown>(apiUrl(`programmes/${encodeURIComponent(code)}/${ROW_PATHS[dataset]}/${encodeURIComponent(id)}`), {
    method: 'PATCH',
    json: change,
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

/** What a new version of a dataset changes: the history, the correctable rows and every computed figure. */
function invalidateAfterImport(queryClient: QueryClient, outcome: ImportOutcome): void {
  void queryClient.invalidateQueries({ queryKey: importKeys.history(outcome.programmeCode, outcome.year) });
  if (outcome.status === 'imported') {
    void queryClient.invalidateQueries({ queryKey: importKeys.rows(outcome.programmeCode) });
    for (const key of [programmeKeys.all, indicatorKeys.all, comparisonKeys.all, agreementKeys.all, obligationKeys.all, reconciliationKeys.all]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  }
}

/** Sends a file in async mode: the mutation's data is the job to follow (`useImportJob`). */
export function useStartImport() {
  return useMutation({
    mutationFn: ({ code, dataset, year, file }: { code: string; dataset: DatasetKey; year: number; file: File }) => startImport(code, dataset, year, file),
  });
}

/**
 * Follows an import started in async mode: asks for its progress every `IMPORT_JOB_POLL_MS` until
 * it is done or failed; once done, the data it replaced are read again.
 */
export function useImportJob(started: ImportJobView | undefined) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.job(started?.id ?? ''),
    queryFn: ({ signal }) => fetchImportJob(started?.id ?? '', signal),
    enabled: started !== undefined,
    initialData: started,
    staleTime: 0,
    refetchInterval: (current) => (current.state.status === 'error' || isJobFinished(current.state.data) ? false : IMPORT_JOB_POLL_MS),
  });
  const invalidated = useRef<string | null>(null);
  const outcome = jobOutcome(query.data);
  useEffect(() => {
    if (outcome !== null && query.data !== undefined && invalidated.current !== query.data.id) {
      invalidated.current = query.data.id;
      invalidateAfterImport(queryClient, outcome);
    }
  }, [outcome, query.data, queryClient]);
  return query;
}

/** One page of the correctable rows of a programme-year (kept on screen while the next page loads). */
export function useCorrectionRows<D extends CorrectableDataset>(code: string, dataset: D, year: number, offset: number) {
  return useQuery({
    queryKey: importKeys.rowsPage(code, dataset, year, offset),
    queryFn: ({ signal }) => fetchCorrectionRows(code, dataset, year, offset, signal),
    placeholderData: (previous) => previous,
    staleTime: 0,
  });
}

/**
 * Saves a one-row correction. Success: the rows, the import history and every figure the row feeds
 * (the programme's indicators, budgets and staff, the comparisons) are read again.
 */
export function useSaveCorrection(code: string, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ dataset, id, change }: CorrectionRequest) => saveCorrection(code, dataset, id, change),
    onSuccess: () => {
      for (const key of [importKeys.rows(code), importKeys.history(code, year), indicatorKeys.programme(code), programmeKeys.detail(code), comparisonKeys.all]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
}

/** 409 because the row changed since it was read (not because the year is locked). */
export function isStaleRowConflict(error: unknown): boolean {
  return error instanceof ApiError && error.isConflict && !isLockedYearConflict(error);
}

/** 409 because the year's annual report is validated (the API's `reason`). */
export function isLockedYearConflict(error: unknown): boolean {
  return error instanceof ApiError && error.isConflict && error.body?.reason === 'year_locked';
}
