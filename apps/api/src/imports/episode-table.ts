import type { EpisodeRow } from '@sdat/imports';

/**
 * The episodes of an import as PostgreSQL reads them in bulk, built off the event loop (in the
 * import worker, see import-prepare.ts) so that the main thread only hands bytes to the driver:
 * - 'copy': the text of `COPY … FROM STDIN` (server), one line per row, tab-separated, `\N` = null;
 * - 'arrays': one array literal per column (`{"a","b",NULL}`) for `INSERT … SELECT … FROM unnest(…)`,
 *   for the embedded PGlite, whose socket does not speak the COPY sub-protocol.
 * No import module (no TypeORM, no Nest): the worker bundle loads it.
 */

/**
 * Columns written from the file, with the field of the row each one takes, in the order of the COPY
 * text and of the arrays (programme_id and demo are added by the INSERT).
 */
export const EPISODE_IMPORT_COLUMNS = [
  ['participant_key', 'text', 'participantKey'],
  ['kind', 'text', 'kind'],
  ['entry_date', 'date', 'entryDate'],
  ['exit_date', 'date', 'exitDate'],
  ['age_band', 'text', 'ageBand'],
  ['household_situation', 'text', 'householdSituation'],
  ['referrer', 'text', 'referrer'],
  ['referral_decision', 'text', 'referralDecision'],
  ['handover', 'text', 'handover'],
  ['lease_transfer', 'boolean', 'leaseTransfer'],
  ['commune', 'text', 'commune'],
] as const satisfies readonly (readonly [string, 'text' | 'date' | 'boolean', keyof EpisodeRow])[];

export type EpisodeBatchFormat = 'copy' | 'arrays';

export type EpisodeBatch =
  | { format: 'copy'; rowCount: number; copyText: Uint8Array }
  | { format: 'arrays'; rowCount: number; arrays: string[] };

type Value = string | boolean | null;

function values(row: EpisodeRow): Value[] {
  return EPISODE_IMPORT_COLUMNS.map(([, , field]) => row[field]);
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY's text format. */
function copyValue(value: Value): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c) : value;
}

/** An element of an array literal: always quoted (so that `NULL`, commas or braces in a text stay text). */
function arrayElement(value: Value): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return `"${/["\\]/.test(value) ? value.replace(/["\\]/g, '\\$&') : value}"`;
}

export function episodeBatch(rows: readonly EpisodeRow[], format: EpisodeBatchFormat): EpisodeBatch {
  if (format === 'copy') {
    const lines = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) lines[i] = values(rows[i] as EpisodeRow).map(copyValue).join('\t');
    // TextEncoder: bytes of their own (never Node's shared Buffer pool), safe to transfer to another thread.
    return { format, rowCount: rows.length, copyText: new TextEncoder().encode(rows.length ? `${lines.join('\n')}\n` : '') };
  }
  const columns: string[][] = EPISODE_IMPORT_COLUMNS.map(() => new Array<string>(rows.length));
  for (let i = 0; i < rows.length; i++) {
    const v = values(rows[i] as EpisodeRow);
    for (let c = 0; c < v.length; c++) (columns[c] as string[])[i] = arrayElement(v[c] ?? null);
  }
  return { format, rowCount: rows.length, arrays: columns.map((elements) => `{${elements.join(',')}}`) };
}
