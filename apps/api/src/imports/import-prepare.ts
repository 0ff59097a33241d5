import { createHmac } from 'node:crypto';
import { constants as zlib, gzip } from 'node:zlib';
import { parseImportFile, type AgreementPeriod, type DatasetKey, type EpisodeRow, type ImportError } from '@sdat/imports';
import { episodeBatch, type EpisodeBatch, type EpisodeBatchFormat } from './episode-table';

/**
 * The CPU-bound part of an import, run in the import worker thread (import-worker.ts) or, without
 * its bundle (TypeScript sources under jest), in the main thread: read and validate the file,
 * pseudonymise, hash, then put the valid rows in the form the database write needs (the episodes
 * as COPY text or array literals) and compress them for import_version. No Nest, no TypeORM.
 */
export interface PrepareRequest {
  dataset: DatasetKey;
  fileName: string;
  bytes: Uint8Array;
  year: number;
  agreementPeriod: AgreementPeriod | null;
  programmeCode: string;
  /** HMAC key of the participants' pseudonymous keys (PSEUDONYM_SECRET). */
  pseudonymSecret: string;
  /** How the episodes will be written: COPY (PostgreSQL server) or unnest arrays (embedded PGlite). */
  episodeFormat: EpisodeBatchFormat;
}

export interface PreparedImport {
  dataset: DatasetKey;
  format: 'xlsx' | 'csv';
  sheet: string | null;
  /** At most the parser's limit, in file order; the import is refused unless empty. */
  errors: ImportError[];
  errorCount: number;
  contentHash: string;
  /** Valid rows. */
  rowCount: number;
  /** The valid rows of every dataset but episodes (written from `episodes`); null when the file has errors. */
  rows: unknown[] | null;
  /** The episodes ready for the bulk write; null for the other datasets or when the file has errors. */
  episodes: EpisodeBatch | null;
  timingsMs: { parse: number; batch: number };
}

/** HMAC-SHA-256 of the operator's own identifier: the identifier itself is never stored. */
export function pseudonymiser(secret: string): (identifier: string) => string {
  return (identifier) => createHmac('sha256', secret).update(identifier.trim()).digest('hex');
}

/**
 * Validates the file. Rejects with the parser's `ImportRejectedError` (400/413) for a file refused
 * as a whole. `rows` (the valid rows, for the archive) is empty when the file has errors.
 */
export async function prepareImport(request: PrepareRequest): Promise<{ prepared: PreparedImport; rows: unknown[] }> {
  const started = performance.now();
  const parsed = await parseImportFile({
    dataset: request.dataset,
    fileName: request.fileName,
    bytes: request.bytes,
    year: request.year,
    agreementPeriod: request.agreementPeriod,
    pseudonymise: pseudonymiser(request.pseudonymSecret),
    programmeCode: request.programmeCode,
  });
  const parsedAt = performance.now();
  const valid = parsed.errors.length === 0;
  const isEpisodes = request.dataset === 'episodes';
  const episodes = valid && isEpisodes ? episodeBatch(parsed.rows as EpisodeRow[], request.episodeFormat) : null;
  const prepared: PreparedImport = {
    dataset: parsed.dataset,
    format: parsed.format,
    sheet: parsed.sheet,
    errors: parsed.errors,
    errorCount: parsed.errorCount,
    contentHash: parsed.contentHash,
    rowCount: parsed.rows.length,
    rows: valid && !isEpisodes ? parsed.rows : null,
    episodes,
    timingsMs: { parse: Math.round(parsedAt - started), batch: Math.round(performance.now() - parsedAt) },
  };
  return { prepared, rows: valid ? parsed.rows : [] };
}

/**
 * What import_version keeps of a version: the JSON array of its normalised rows, gzip-compressed
 * (fastest level: ≈ 4 MB for 100,000 episodes, whose 64-hex-digit keys do not compress much anyway).
 * zlib's own thread does the compression.
 */
export function archiveRows(rows: readonly unknown[]): Promise<Uint8Array> {
  const json = JSON.stringify(rows);
  return new Promise((resolve, reject) =>
    gzip(json, { level: zlib.Z_BEST_SPEED }, (error, gz) => (error ? reject(error) : resolve(new Uint8Array(gz.buffer, gz.byteOffset, gz.byteLength)))),
  );
}
