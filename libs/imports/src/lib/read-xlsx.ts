import ExcelJS from 'exceljs';
import { isoFromDate, frenchDate } from './dates';
import { ImportRejectedError } from './errors';
import { normaliseKey } from './normalise';
import { parseMetadata, type RawRow, type RawTable, type RawValue } from './raw-table';
import type { DatasetSpec, ImportLimits } from './types';
import { inspectXlsxArchive } from './zip-guard';

/** Sheets of the template that never hold data. */
export const GUIDE_SHEET = "Mode d'emploi";
export const EXAMPLES_SHEET = 'Exemples';
export const LISTS_SHEET = 'Listes';
const RESERVED_SHEETS = new Set([GUIDE_SHEET, EXAMPLES_SHEET, LISTS_SHEET].map(normaliseKey));

/** ExcelJS's ValueType.Merge: a cell covered by a merge, whose value is its master's. */
const MERGED_CELL = 1;

function rawValue(value: ExcelJS.CellValue): RawValue {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return { kind: 'string', text: value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) {
    const iso = isoFromDate(value);
    const serial = (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
    return { kind: 'date', iso, text: iso === null ? String(serial) : frenchDate(iso), serial };
  }
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const v = value as { formula?: unknown; sharedFormula?: unknown };
      return { kind: 'formula', text: String(v.formula ?? v.sharedFormula ?? '') };
    }
    if ('error' in value) return { kind: 'error', text: String((value as { error: unknown }).error) };
    if ('richText' in value && Array.isArray(value.richText)) {
      return { kind: 'string', text: value.richText.map((r: { text?: unknown }) => (typeof r.text === 'string' ? r.text : '')).join('') };
    }
    if ('text' in value) {
      const text = (value as { text: unknown }).text;
      if (typeof text === 'string') return { kind: 'string', text };
      if (text !== null && typeof text === 'object' && 'richText' in text) return rawValue(text as ExcelJS.CellValue);
    }
  }
  return { kind: 'string', text: '' };
}

function pickSheet(workbook: ExcelJS.Workbook, spec: DatasetSpec): ExcelJS.Worksheet {
  const visible = workbook.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined);
  const wanted = normaliseKey(spec.sheetName);
  const named = visible.find((ws) => normaliseKey(ws.name) === wanted);
  if (named !== undefined) return named;
  const data = visible.find((ws) => !RESERVED_SHEETS.has(normaliseKey(ws.name)));
  if (data === undefined) {
    throw new ImportRejectedError('unreadable_file', 400, `Le classeur ne contient aucune feuille de données (feuille attendue : « ${spec.sheetName} »).`);
  }
  return data;
}

/**
 * Reads the data sheet of an XLSX workbook: the sheet named like the template's data sheet, else the
 * first visible sheet that is not « Mode d'emploi », « Exemples » or « Listes ». The archive is
 * inspected first (`inspectXlsxArchive`), so exceljs only ever loads a file within the limits.
 */
export async function readXlsx(bytes: Uint8Array, limits: ImportLimits, spec: DatasetSpec): Promise<RawTable> {
  await inspectXlsxArchive(bytes, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportRejectedError('unreadable_file', 400, 'Le classeur Excel est illisible (fichier .xlsx endommagé ou produit par un logiciel non compatible).');
  }
  const sheet = pickSheet(workbook, spec);
  const rows: RawRow[] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = new Map<number, RawValue>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.type === MERGED_CELL) return;
      const value = rawValue(cell.value);
      if (value.kind === 'empty' || (value.kind === 'string' && value.text.trim() === '')) return;
      cells.set(col, value);
      if (col > width) width = col;
    });
    if (cells.size > 0) rows.push({ rowNumber, cells });
  });
  if (width > limits.maxColumns) {
    throw new ImportRejectedError('too_many_columns', 413, `La feuille « ${sheet.name} » compte ${width} colonnes : ${limits.maxColumns} au plus.`);
  }
  return { format: 'xlsx', sheet: sheet.name, rows, metadata: parseMetadata(workbook.keywords) };
}
