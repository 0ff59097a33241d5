import type { ImportLimits } from './types';

/** Why a whole file was refused before its rows could be read. */
export type ImportRejectionCode =
  | 'invalid_request'
  | 'empty_file'
  | 'file_too_large'
  | 'unsupported_format'
  | 'not_utf8'
  | 'unreadable_file'
  | 'archive_too_large'
  | 'sheet_too_large'
  | 'too_many_rows'
  | 'too_many_columns';

/**
 * A file refused as a whole (size, type, safety, unreadable). `status` is the HTTP status the API
 * should answer: 413 when a limit is exceeded, 400 otherwise. The message is French, for users.
 * The parser never throws anything else for bad input.
 */
export class ImportRejectedError extends Error {
  readonly status: 400 | 413;
  readonly code: ImportRejectionCode;

  constructor(code: ImportRejectionCode, status: 400 | 413, message: string) {
    super(message);
    this.name = 'ImportRejectedError';
    this.code = code;
    this.status = status;
  }
}

export function isImportRejectedError(error: unknown): error is ImportRejectedError {
  return error instanceof ImportRejectedError;
}

export const DEFAULT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxFileBytes: 20 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 100,
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxZipEntries: 2_000,
  maxRangeCells: 1_000_000,
  maxErrors: 1_000,
});

/** `123456789` → `117,7 Mo` (French, for limit messages). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} octets`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace('.', ',')} Ko`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} Mo`;
}

/** `200000` → `200 000` with a no-break space. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

export function resolveLimits(partial: Partial<ImportLimits> | undefined): ImportLimits {
  const limits: ImportLimits = { ...DEFAULT_LIMITS };
  if (partial !== undefined && partial !== null) {
    for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ImportLimits)[]) {
      const value = partial[key];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
        throw new ImportRejectedError('invalid_request', 400, `Limite d'import invalide : ${key} = ${String(value)}.`);
      }
      limits[key] = value;
    }
  }
  return limits;
}
