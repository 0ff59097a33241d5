import { createHash } from 'node:crypto';
import { DATASET_DEFS } from './datasets';
import type { DatasetDef } from './datasets/dataset-def';
import type { DatasetKey, TypedRowByDataset } from './types';

/** Version of the canonical form; bump it if `canonical()` of a dataset changes. */
export const CONTENT_HASH_VERSION = 'sdat-import/1';

/**
 * SHA-256 (hex) of the normalised rows of a dataset.
 *
 * Each row is reduced to its canonical values (codes rather than labels, amounts in cents, dates ISO,
 * FTE with two fixed decimals, the participant's pseudonymous key); the rows are sorted (by natural
 * key, then by their canonical JSON) so that row order, file format (CSV or XLSX), separators,
 * header wording, labels typed instead of codes, number formats and spacing do not change the hash.
 * The hashed text is the line `["sdat-import/1","<dataset>"]` followed by one line per row: the JSON array of
 * its canonical values, rows sorted by natural key then canonical JSON. Programme and year are not part of it:
 * store the hash per programme-year-dataset.
 */
export function contentHash<D extends DatasetKey>(dataset: D, rows: readonly TypedRowByDataset[D][]): string {
  const def = DATASET_DEFS[dataset] as unknown as DatasetDef<D>;
  // Natural key, a NUL separator, then the canonical JSON: one native string sort orders by key, then by content.
  const lines = rows.map((row) => `${def.naturalKey(row)}\u0000${JSON.stringify(def.canonical(row))}`).sort();
  const hash = createHash('sha256').update(`${JSON.stringify([CONTENT_HASH_VERSION, dataset])}\n`, 'utf8');
  // The same bytes as one update per line, fed in pieces of about 1 MB (100,000 calls cost more than hashing).
  let piece = '';
  for (const line of lines) {
    piece += `${line.slice(line.indexOf('\u0000') + 1)}\n`;
    if (piece.length >= 1 << 20) {
      hash.update(piece, 'utf8');
      piece = '';
    }
  }
  if (piece !== '') hash.update(piece, 'utf8');
  return hash.digest('hex');
}
