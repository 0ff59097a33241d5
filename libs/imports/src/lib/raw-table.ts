/**
 * What the XLSX and CSV readers produce: the cells of one sheet as read, before any validation.
 * Both formats go through the same validation (`validate.ts`), so a CSV and an XLSX holding the
 * same data give the same rows, the same errors and the same content hash.
 */

export type RawValue =
  | { kind: 'empty' }
  | { kind: 'string'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  /** A date-typed spreadsheet cell, as an ISO date (null when out of range). */
  | { kind: 'date'; iso: string | null; text: string; serial: number }
  /** A formula (never evaluated, always refused). */
  | { kind: 'formula'; text: string }
  /** An Excel error value (#N/A, #REF!…). */
  | { kind: 'error'; text: string };

export const EMPTY: RawValue = { kind: 'empty' };

export interface RawRow {
  /** Row number as the user sees it (1-based, header included). */
  rowNumber: number;
  /** Cells by 1-based column index; missing = empty. */
  cells: Map<number, RawValue>;
}

export interface RawTable {
  format: 'xlsx' | 'csv';
  /** Sheet name (XLSX) or null (CSV). */
  sheet: string | null;
  /** Every row of the sheet that has at least one non-empty cell, in order. */
  rows: RawRow[];
  /** Template metadata found in the workbook (XLSX built by `buildTemplate`/`exportDataset`). */
  metadata: TemplateMetadata | null;
}

export interface TemplateMetadata {
  dataset: string | null;
  programme: string | null;
  year: number | null;
}

/** The cell as text, for error messages and header matching. */
export function rawText(value: RawValue): string {
  switch (value.kind) {
    case 'empty':
      return '';
    case 'string':
      return value.text;
    case 'number':
      return String(value.value);
    case 'boolean':
      return value.value ? 'VRAI' : 'FAUX';
    case 'date':
      return value.text;
    case 'formula':
      return value.text.startsWith('=') ? value.text : `=${value.text}`;
    case 'error':
      return value.text;
  }
}

export function isBlank(value: RawValue | undefined): boolean {
  return value === undefined || value.kind === 'empty' || (value.kind === 'string' && value.text.trim() === '');
}

/** Metadata written in the workbook's keywords by the template builder. */
export function formatMetadata(dataset: string, programme: string, year: number): string {
  return `sdat-import dataset=${dataset} programme=${programme} year=${year} version=1`;
}

export function parseMetadata(keywords: unknown): TemplateMetadata | null {
  if (typeof keywords !== 'string' || !keywords.startsWith('sdat-import')) return null;
  const get = (name: string): string | null => new RegExp(`(?:^|\\s)${name}=(\\S+)`).exec(keywords)?.[1] ?? null;
  const year = Number(get('year'));
  return { dataset: get('dataset'), programme: get('programme'), year: Number.isInteger(year) ? year : null };
}
