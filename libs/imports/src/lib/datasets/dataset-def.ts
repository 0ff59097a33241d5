/**
 * Internal shape of a dataset definition: the public column specification plus what the validator
 * and the exporter need (lookups, bounds, the row builder, the natural key, the canonical form).
 */
import type { AllowedCode, ColumnSpec, DatasetKey, DatasetSpec, TypedRowByDataset } from '../types';

export interface ColumnDef extends ColumnSpec {
  /** Normalised code / label / alias → code (type 'code'). */
  lookup?: ReadonlyMap<string, string>;
  /** Upper bound (integer, decimal). */
  max?: number;
  /** Amounts: negative values accepted (budget regularisations). */
  allowNegative?: boolean;
}

/** Value of a cell after its type was checked: null when the cell is blank. */
export type CellValue = string | number | boolean | null;

export interface BuildContext {
  year: number;
  /** Dates accepted: the year, widened to the agreement period when one is given. */
  window: { start: string; end: string };
  /** True when the window was widened by an agreement period. */
  hasAgreementPeriod: boolean;
  pseudonymise: (id: string) => string;
}

/** A problem of one row, attached to one of its columns (by key). */
export interface RowProblem {
  key: string;
  message: string;
}

export type BuildResult<R> = { ok: true; row: R } | { ok: false; problems: RowProblem[] };

/** A cell written by the exporter. */
export type ExportCell = string | number | Date | null;

export interface DatasetDef<D extends DatasetKey> {
  spec: DatasetSpec;
  columns: readonly ColumnDef[];
  /** Groups of columns of which at least one must be present (episodes: identifier or key). */
  oneOfColumns?: readonly (readonly string[])[];
  build(values: ReadonlyMap<string, CellValue>, ctx: BuildContext): BuildResult<TypedRowByDataset[D]>;
  /** Natural key: two rows with the same key are duplicates. */
  naturalKey(row: TypedRowByDataset[D]): string;
  /** Column (key) a duplicate is reported on. */
  keyColumn(row: TypedRowByDataset[D]): string;
  /** The key in French, for the duplicate message (« le compte 606120 »). */
  describeKey(row: TypedRowByDataset[D]): string;
  /** Canonical values for the content hash (fixed order, no floats: decimals as strings). */
  canonical(row: TypedRowByDataset[D]): (string | number | boolean | null)[];
  /** Cells of the exported row, by column key. */
  toCells(row: TypedRowByDataset[D]): Readonly<Record<string, ExportCell>>;
  /** Checks across rows (episodes: overlapping stays); problems by row index. */
  crossRowChecks?(rows: readonly TypedRowByDataset[D][]): { index: number; key: string; message: string }[];
}

export function column(def: Omit<ColumnDef, 'aliases'> & { aliases?: readonly string[] }): ColumnDef {
  return { aliases: [], ...def };
}

export function labelOfCode(codes: readonly AllowedCode[] | undefined, code: string | null): string | null {
  if (code === null) return null;
  return codes?.find((c) => c.code === code)?.label ?? code;
}

export const YES_NO: readonly AllowedCode[] = [
  { code: 'oui', label: 'Oui' },
  { code: 'non', label: 'Non' },
];

/** Helpers to read built cell values with their type. */
export function str(values: ReadonlyMap<string, CellValue>, key: string): string | null {
  const v = values.get(key);
  return typeof v === 'string' ? v : null;
}

export function num(values: ReadonlyMap<string, CellValue>, key: string): number | null {
  const v = values.get(key);
  return typeof v === 'number' ? v : null;
}

export function bool(values: ReadonlyMap<string, CellValue>, key: string): boolean | null {
  const v = values.get(key);
  return typeof v === 'boolean' ? v : null;
}

/** Decimal for hashing: 2 fixed decimals, so 0.5 and 0,50 hash alike. */
export function fixed2(value: number | null): string | null {
  return value === null ? null : value.toFixed(2);
}

/** Euros for export: cents → number of euros (exact for 2 decimals). */
export function euros(cents: number): number {
  return cents / 100;
}
