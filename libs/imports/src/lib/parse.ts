import { DATASET_DEFS, isDatasetKey, datasetSpec } from './datasets';
import type { BuildContext } from './datasets/dataset-def';
import { validDate } from './dates';
import { formatBytes, ImportRejectedError, resolveLimits } from './errors';
import { contentHash } from './hash';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import type { RawTable } from './raw-table';
import type { AgreementPeriod, DatasetKey, ImportError, ImportLimits, ImportResult, ParseImportInput } from './types';
import { validateTable } from './validate';

const ACCEPTED = 'Formats acceptés : classeur Excel (.xlsx) ou CSV UTF-8 (.csv).';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** XLSX or CSV, from the content first (a renamed file is recognised), then the extension. */
export function detectFormat(fileName: string, bytes: Uint8Array): 'xlsx' | 'csv' {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'xlsx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new ImportRejectedError(
      'unsupported_format',
      400,
      `Ce fichier est un classeur Excel 97-2003 (.xls) ou un classeur protégé par un mot de passe : enregistrez-le au format « Classeur Excel (.xlsx) » sans mot de passe. ${ACCEPTED}`,
    );
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    throw new ImportRejectedError('unsupported_format', 400, `Ce fichier est un PDF : il ne peut pas être importé. ${ACCEPTED}`);
  }
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls') {
    throw new ImportRejectedError('unsupported_format', 400, `Le fichier « ${fileName} » n'est pas un classeur Excel valide. ${ACCEPTED}`);
  }
  if (ext === '' || ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  throw new ImportRejectedError('unsupported_format', 400, `Format de fichier non pris en charge (.${ext}). ${ACCEPTED}`);
}

function checkPeriod(period: AgreementPeriod | null | undefined): AgreementPeriod | null {
  if (period === null || period === undefined) return null;
  const valid = (iso: unknown): boolean => {
    if (typeof iso !== 'string') return false;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m !== null && validDate(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
  };
  if (!valid(period.start) || !valid(period.end) || period.start > period.end) {
    throw new ImportRejectedError('invalid_request', 400, 'Période de convention invalide (dates ISO AAAA-MM-JJ, début avant fin).');
  }
  return period;
}

function refusedByMetadata<D extends DatasetKey>(dataset: D, table: RawTable, year: number, programmeCode: string | undefined): ImportError[] {
  const meta = table.metadata;
  if (meta === null) return [];
  const errors: ImportError[] = [];
  const error = (message: string): ImportError => ({ sheet: table.sheet, row: null, column: null, value: null, message });
  if (meta.dataset !== null && meta.dataset !== dataset && isDatasetKey(meta.dataset)) {
    errors.push(
      error(
        `Ce fichier est un modèle « ${DATASET_DEFS[meta.dataset].spec.title} », pas « ${DATASET_DEFS[dataset].spec.title} » : choisissez le bon type d'import ou le bon fichier.`,
      ),
    );
  }
  if (meta.year !== null && meta.year !== year) {
    errors.push(error(`Ce fichier a été préparé pour l'année ${meta.year}, alors que l'import concerne ${year}.`));
  }
  if (programmeCode !== undefined && meta.programme !== null && meta.programme !== programmeCode) {
    errors.push(error(`Ce fichier a été préparé pour le dispositif « ${meta.programme} », alors que l'import concerne « ${programmeCode} ».`));
  }
  return errors;
}

/**
 * Reads and validates an operator's file (XLSX or CSV) for one dataset of a programme-year.
 *
 * Resolves with the valid rows, every problem found (row, column, value, French message) and the
 * content hash; rejects only with an `ImportRejectedError` (status 400 or 413) when the file as a
 * whole cannot be read or exceeds a limit. Rows are returned only for the rows without any error;
 * accept an import only when `errors` is empty.
 */
export async function parseImportFile<D extends DatasetKey>(input: ParseImportInput<D>): Promise<ImportResult<D>> {
  const { dataset, fileName, bytes, year } = input;
  if (!isDatasetKey(dataset)) {
    throw new ImportRejectedError('invalid_request', 400, `Type d'import inconnu : « ${String(dataset)} ».`);
  }
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1990 || year > 2199) {
    throw new ImportRejectedError('invalid_request', 400, `Année d'import invalide : « ${String(year)} ».`);
  }
  if (!(bytes instanceof Uint8Array)) {
    throw new ImportRejectedError('invalid_request', 400, 'Aucun fichier reçu.');
  }
  if (typeof input.pseudonymise !== 'function') {
    throw new TypeError('parseImportFile: pseudonymise(id) is required.');
  }
  const limits: ImportLimits = resolveLimits(input.limits);
  const period = checkPeriod(input.agreementPeriod);
  const name = typeof fileName === 'string' ? fileName : '';

  if (bytes.byteLength === 0) throw new ImportRejectedError('empty_file', 400, 'Le fichier est vide.');
  if (bytes.byteLength > limits.maxFileBytes) {
    throw new ImportRejectedError(
      'file_too_large',
      413,
      `Le fichier pèse ${formatBytes(bytes.byteLength)} : ${formatBytes(limits.maxFileBytes)} au plus par import. Découpez-le ou retirez les feuilles inutiles.`,
    );
  }
  const format = detectFormat(name, bytes);
  let table: RawTable;
  try {
    table = format === 'xlsx' ? await readXlsx(bytes, limits, datasetSpec(dataset)) : readCsv(bytes, limits);
  } catch (error) {
    if (error instanceof ImportRejectedError) throw error;
    throw new ImportRejectedError('unreadable_file', 400, `Le fichier « ${name} » est illisible. ${ACCEPTED}`);
  }

  const refused = refusedByMetadata(dataset, table, year, input.programmeCode);
  if (refused.length > 0) {
    return { dataset, format, sheet: table.sheet, rows: [], errors: refused, errorCount: refused.length, contentHash: contentHash(dataset, []) };
  }

  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const ctx: BuildContext = {
    year,
    window: {
      start: period !== null && period.start < yearStart ? period.start : yearStart,
      end: period !== null && period.end > yearEnd ? period.end : yearEnd,
    },
    hasAgreementPeriod: period !== null,
    pseudonymise: input.pseudonymise,
  };
  return validateTable(dataset, table, ctx, limits);
}
