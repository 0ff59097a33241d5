/**
 * Validation of a table read from a CSV or XLSX file: header mapping (known, forbidden, unknown,
 * missing columns), every cell of every row, the dataset's own rules, duplicates and cross-row checks.
 */
import { DATASET_DEFS } from './datasets';
import type { BuildContext, CellValue, ColumnDef, DatasetDef } from './datasets/dataset-def';
import { formatCount, ImportRejectedError } from './errors';
import { forbiddenColumn, forbiddenColumnMessage } from './forbidden';
import { contentHash } from './hash';
import { cleanText, columnLetter, normaliseKey, quote } from './normalise';
import { EMPTY, isBlank, rawText, type RawRow, type RawTable, type RawValue } from './raw-table';
import type { DatasetKey, ImportError, ImportLimits, ImportResult, TypedRowByDataset } from './types';
import {
  parseAccount,
  parseAmount,
  parseBoolean,
  parseCode,
  parseDate,
  parseDecimal,
  parseIdentifier,
  parseInteger,
  parseMonth,
  parsePseudonym,
  parseText,
  refuseFormula,
  type CellResult,
} from './values';

/** How many leading rows may stand above the header (a title, a blank line…). */
const HEADER_SEARCH_ROWS = 10;

interface MappedColumn {
  index: number;
  def: ColumnDef;
  /** « Montant (€) (C) »: the header as written in the file and the column letter. */
  label: string;
}

function headerLookup(def: DatasetDef<DatasetKey>): Map<string, ColumnDef> {
  const map = new Map<string, ColumnDef>();
  for (const column of def.columns) {
    for (const name of [column.header, ...column.aliases]) {
      const key = normaliseKey(name);
      if (key !== '' && !map.has(key)) map.set(key, column);
    }
  }
  return map;
}

function findHeaderRow(rows: readonly RawRow[], lookup: ReadonlyMap<string, ColumnDef>): RawRow | undefined {
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    for (const value of row.cells.values()) {
      if (lookup.has(normaliseKey(rawText(value)))) return row;
    }
  }
  return rows[0];
}

function parseCell(column: ColumnDef, raw: RawValue, year: number): CellResult<CellValue> {
  switch (column.type) {
    case 'text':
      return parseText(raw);
    case 'code':
      return parseCode(raw, column.lookup ?? new Map(), column.codes ?? []);
    case 'account':
      return parseAccount(raw);
    case 'amount':
      return parseAmount(raw, { allowNegative: column.allowNegative === true });
    case 'decimal':
      return parseDecimal(raw, column.max ?? Number.MAX_SAFE_INTEGER);
    case 'integer':
      return parseInteger(raw, column.max ?? Number.MAX_SAFE_INTEGER);
    case 'date':
      return parseDate(raw);
    case 'month':
      return parseMonth(raw, year);
    case 'boolean':
      return parseBoolean(raw);
    case 'identifier':
      return parseIdentifier(raw);
    case 'pseudonym':
      return parsePseudonym(raw);
  }
}

/** The cell's value for an error message: never the participant identifier. */
function shownValue(column: ColumnDef | null, raw: RawValue): string | null {
  if (column?.type === 'identifier') return null;
  const text = rawText(raw);
  return text === '' ? null : quote(text, 200);
}

export function validateTable<D extends DatasetKey>(
  dataset: D,
  table: RawTable,
  ctx: BuildContext,
  limits: ImportLimits,
): ImportResult<D> {
  const def = DATASET_DEFS[dataset] as unknown as DatasetDef<D>;
  const sheet = table.sheet;
  const errors: ImportError[] = [];
  const fail = (row: number | null, column: string | null, value: string | null, message: string): void => {
    errors.push({ sheet, row, column, value, message });
  };
  const result = (rows: TypedRowByDataset[D][]): ImportResult<D> => {
    const ordered = errors
      .map((e, i) => ({ e, i }))
      .sort((a, b) => (a.e.row ?? 0) - (b.e.row ?? 0) || a.i - b.i)
      .map(({ e }) => e);
    return {
      dataset,
      format: table.format,
      sheet,
      rows,
      errors: ordered.slice(0, limits.maxErrors),
      errorCount: ordered.length,
      contentHash: contentHash(dataset, rows),
    };
  };

  const lookup = headerLookup(def as unknown as DatasetDef<DatasetKey>);
  const headerRow = findHeaderRow(table.rows, lookup);
  if (headerRow === undefined) {
    fail(null, null, null, 'Le fichier est vide : ni en-tête ni ligne de données.');
    return result([]);
  }

  // --- Header -------------------------------------------------------------------------------
  const mapped: MappedColumn[] = [];
  const ignored = new Set<number>();
  const forbiddenErrors: ImportError[] = [];
  const headerCells = [...headerRow.cells.entries()].sort((a, b) => a[0] - b[0]);
  for (const [index, value] of headerCells) {
    const text = cleanText(rawText(value));
    if (text === '') continue;
    const label = `${text} (${columnLetter(index)})`;
    const column = lookup.get(normaliseKey(text));
    if (column !== undefined) {
      const previous = mapped.find((m) => m.def.key === column.key);
      if (previous !== undefined) {
        fail(headerRow.rowNumber, label, text, `Colonne en double : « ${column.header} » figure déjà en colonne ${previous.label}. Gardez-en une seule.`);
        ignored.add(index);
      } else {
        mapped.push({ index, def: column, label });
      }
      continue;
    }
    ignored.add(index);
    const what = forbiddenColumn(text);
    if (what !== null) {
      forbiddenErrors.push({ sheet, row: headerRow.rowNumber, column: label, value: text, message: forbiddenColumnMessage(text, what) });
      continue;
    }
    fail(
      headerRow.rowNumber,
      label,
      text,
      `Colonne inconnue « ${quote(text)} » : supprimez-la ou donnez-lui le nom d'une colonne du modèle (${def.columns.map((c) => c.header).join(', ')}).`,
    );
  }
  if (forbiddenErrors.length > 0) {
    // Refused as a whole: no value of the file is read, only the forbidden columns are reported.
    errors.splice(0, errors.length, ...forbiddenErrors);
    return result([]);
  }
  let missing = false;
  for (const column of def.columns) {
    if (column.required && !mapped.some((m) => m.def.key === column.key)) {
      missing = true;
      fail(headerRow.rowNumber, column.header, null, `Colonne obligatoire absente : « ${column.header} » (en-tête attendu en ligne ${headerRow.rowNumber}).`);
    }
  }
  for (const group of def.oneOfColumns ?? []) {
    if (!group.some((key) => mapped.some((m) => m.def.key === key))) {
      missing = true;
      const headers = group.map((key) => def.columns.find((c) => c.key === key)?.header ?? key);
      fail(headerRow.rowNumber, headers[0] ?? null, null, `Colonne obligatoire absente : « ${headers.join(' » ou « ')} ».`);
    }
  }
  if (missing) return result([]);

  // --- Rows ---------------------------------------------------------------------------------
  const dataRows = table.rows.filter((r) => r.rowNumber > headerRow.rowNumber);
  if (dataRows.length > limits.maxRows) {
    throw new ImportRejectedError(
      'too_many_rows',
      413,
      `Le fichier compte ${formatCount(dataRows.length)} lignes de données : ${formatCount(limits.maxRows)} au plus par import. Découpez-le en plusieurs fichiers.`,
    );
  }
  if (dataRows.length === 0) {
    fail(null, null, null, `Aucune ligne de données sous l'en-tête (ligne ${headerRow.rowNumber}).`);
    return result([]);
  }

  const mappedIndexes = new Set(mapped.map((m) => m.index));
  const headerless = new Set<number>();
  const accepted: { row: TypedRowByDataset[D]; rowNumber: number }[] = [];
  const seen = new Map<string, number>();
  for (const raw of dataRows) {
    for (const [index, value] of raw.cells) {
      if (mappedIndexes.has(index) || ignored.has(index) || headerless.has(index) || isBlank(value)) continue;
      headerless.add(index);
      fail(
        raw.rowNumber,
        `(${columnLetter(index)})`,
        shownValue(null, value),
        `La colonne ${columnLetter(index)} n'a pas d'en-tête mais contient des valeurs (à partir de cette ligne) : ajoutez l'en-tête ou supprimez ces valeurs.`,
      );
    }

    const values = new Map<string, CellValue>();
    let cellErrors = 0;
    for (const m of mapped) {
      const cell = raw.cells.get(m.index) ?? EMPTY;
      const refused = refuseFormula(cell);
      if (refused !== null) {
        cellErrors++;
        fail(raw.rowNumber, m.label, shownValue(m.def, cell), refused);
        continue;
      }
      if (isBlank(cell)) {
        if (m.def.required) {
          cellErrors++;
          fail(raw.rowNumber, m.label, null, `Valeur obligatoire manquante (${m.def.header}).`);
        }
        values.set(m.def.key, null);
        continue;
      }
      const parsed = parseCell(m.def, cell, ctx.year);
      if (parsed.ok) {
        values.set(m.def.key, parsed.value);
      } else {
        cellErrors++;
        fail(raw.rowNumber, m.label, shownValue(m.def, cell), parsed.message);
      }
    }
    if (cellErrors > 0) continue;

    const built = def.build(values, ctx);
    if (!built.ok) {
      for (const problem of built.problems) {
        const m = mapped.find((c) => c.def.key === problem.key) ?? mapped[0];
        fail(raw.rowNumber, m?.label ?? null, m === undefined ? null : shownValue(m.def, raw.cells.get(m.index) ?? EMPTY), problem.message);
      }
      continue;
    }
    const key = def.naturalKey(built.row);
    const first = seen.get(key);
    if (first !== undefined) {
      const m = mapped.find((c) => c.def.key === def.keyColumn(built.row)) ?? mapped[0];
      fail(
        raw.rowNumber,
        m?.label ?? null,
        m === undefined ? null : shownValue(m.def, raw.cells.get(m.index) ?? EMPTY),
        `Doublon : ${def.describeKey(built.row)} figure déjà ligne ${first} (une seule ligne par ${def.spec.naturalKey}).`,
      );
      continue;
    }
    seen.set(key, raw.rowNumber);
    accepted.push({ row: built.row, rowNumber: raw.rowNumber });
  }

  const rejected = new Set<number>();
  const crossRowProblems = def.crossRowChecks?.(accepted.map((a) => a.row)) ?? [];
  // By row number, not `dataRows.find` per problem: a file where every row overlaps another stays linear.
  const rawByNumber = crossRowProblems.length > 0 ? new Map(dataRows.map((r) => [r.rowNumber, r])) : null;
  for (const problem of crossRowProblems) {
    const entry = accepted[problem.index];
    if (entry === undefined) continue;
    rejected.add(problem.index);
    const m = mapped.find((c) => c.def.key === problem.key) ?? mapped[0];
    const rawRow = rawByNumber?.get(entry.rowNumber);
    fail(
      entry.rowNumber,
      m?.label ?? null,
      m === undefined || rawRow === undefined ? null : shownValue(m.def, rawRow.cells.get(m.index) ?? EMPTY),
      problem.message,
    );
  }
  return result(accepted.filter((_, i) => !rejected.has(i)).map((a) => a.row));
}
