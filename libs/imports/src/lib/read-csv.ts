import { CsvError, parse } from 'csv-parse/sync';
import { formatCount, ImportRejectedError } from './errors';
import type { RawRow, RawTable, RawValue } from './raw-table';
import type { ImportLimits } from './types';

/** UTF-8 text of a CSV file, without its byte-order mark. Refuses other encodings with a French message. */
export function decodeCsv(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportRejectedError(
      'not_utf8',
      400,
      'Le fichier CSV est encodé en UTF-16 : enregistrez-le au format « CSV UTF-8 (délimité par des virgules) » puis importez-le à nouveau.',
    );
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    throw new ImportRejectedError(
      'not_utf8',
      400,
      "Le fichier CSV n'est pas encodé en UTF-8 (probablement Windows-1252, l'encodage par défaut d'Excel) : dans Excel, « Enregistrer sous › CSV UTF-8 (délimité par des virgules) », puis importez-le à nouveau.",
    );
  }
  if (text.includes('\u0000')) {
    throw new ImportRejectedError('unsupported_format', 400, "Ce fichier n'est pas un fichier texte CSV (il contient des données binaires). Formats acceptés : .xlsx ou .csv.");
  }
  return text;
}

/** `;`, `,` or tab: the one that occurs most, outside quotes, on the first non-empty line (`;` on a tie). */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let inQuotes = false;
  let started = false;
  for (let i = 0; i < text.length && i < 100_000; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (started) break;
    } else if (!inQuotes && (ch === ';' || ch === ',' || ch === '\t')) {
      counts[ch]++;
      started = true;
    } else if (ch !== undefined && ch.trim() !== '') {
      started = true;
    }
  }
  if (counts[','] > counts[';'] && counts[','] >= counts['\t']) return ',';
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return ';';
}

/** Records longer than this go to csv-parse, which refuses those above its `max_record_size` (1,000,000). */
const FAST_PATH_MAX_RECORD = 500_000;

/**
 * The records of a CSV text that contains no double quote at all — the common case of an export
 * (a spreadsheet quotes only cells holding the separator, a quote or a line break) — exactly as
 * csv-parse returns them with the options of `readCsv`, about ten times faster: the record
 * delimiter is the first line break of the text (`\r\n`, `\n` or `\r`, then only that one, as
 * csv-parse discovers it), a final empty record is dropped, empty lines stay as `['']`.
 * Null when csv-parse must read the text (a quote somewhere, or a very long record).
 * The equivalence is a property test (csv-fast-path.spec.ts).
 */
export function splitUnquoted(text: string, delimiter: string, maxRecords: number): string[][] | null {
  if (text.includes('"')) return null;
  if (text === '') return [];
  const firstBreak = text.search(/[\r\n]/);
  let lines: string[];
  if (firstBreak < 0) {
    lines = [text];
  } else {
    const recordDelimiter = text[firstBreak] === '\n' ? '\n' : text[firstBreak + 1] === '\n' ? '\r\n' : '\r';
    lines = text.split(recordDelimiter);
    if (lines[lines.length - 1] === '') lines.pop();
  }
  if (lines.length > maxRecords) lines.length = maxRecords;
  const records: string[][] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.length > FAST_PATH_MAX_RECORD) return null;
    records[i] = line.split(delimiter);
  }
  return records;
}

/** How csv-parse reads a file (the fast path, splitUnquoted, must give the same records): at most `to` records. */
export function csvParseOptions(delimiter: string, to: number) {
  return {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: false,
    max_record_size: 1_000_000,
    to,
  };
}

/** Reads a CSV file into a raw table: every cell is text; row numbers are the record numbers (header = 1). */
export function readCsv(bytes: Uint8Array, limits: ImportLimits): RawTable {
  const text = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  let records: string[][] | null = splitUnquoted(text, delimiter, limits.maxRows + HEADER_SLACK + 1);
  try {
    records ??= parse(text, csvParseOptions(delimiter, limits.maxRows + HEADER_SLACK + 1)) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      const where = typeof line === 'number' ? ` (vers la ligne ${line})` : '';
      const reason = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'un guillemet ouvert n’est jamais refermé' : 'sa structure est invalide';
      throw new ImportRejectedError('unreadable_file', 400, `Le fichier CSV est illisible${where} : ${reason}.`);
    }
    throw new ImportRejectedError('unreadable_file', 400, 'Le fichier CSV est illisible.');
  }
  const rows: RawRow[] = [];
  let width = 0;
  for (let index = 0; index < records.length; index++) {
    const record = records[index] ?? [];
    const cells = new Map<number, RawValue>();
    for (let col = 0; col < record.length; col++) {
      const cell = record[col] ?? '';
      if (cell.trim() !== '') {
        cells.set(col + 1, { kind: 'string', text: cell });
        if (col + 1 > width) width = col + 1;
      }
    }
    if (cells.size > 0) rows.push({ rowNumber: index + 1, cells });
  }
  if (records.length > limits.maxRows + HEADER_SLACK) {
    throw new ImportRejectedError(
      'too_many_rows',
      413,
      `Le fichier compte plus de ${formatCount(limits.maxRows)} lignes de données, le maximum par import. Découpez-le en plusieurs fichiers.`,
    );
  }
  if (width > limits.maxColumns) {
    throw new ImportRejectedError('too_many_columns', 413, `Le fichier compte ${width} colonnes : ${limits.maxColumns} au plus.`);
  }
  return { format: 'csv', sheet: null, rows, metadata: null };
}

/** Lines allowed above the data besides the header (a title line, blank lines). */
const HEADER_SLACK = 11;
