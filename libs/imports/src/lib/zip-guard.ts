/**
 * Safety checks on an XLSX archive before exceljs loads it (exceljs inflates every entry in memory
 * and expands data-validation and merged ranges cell by cell):
 *
 * - entry count, and the uncompressed size declared in the ZIP central directory (read with yauzl);
 * - the real inflated size: every entry is streamed through yauzl (which checks the inflated size
 *   against the declared one) and counted, so a lying header cannot hide a zip bomb;
 * - in each worksheet: the declared dimension, the number of `<row>` elements, and the cells
 *   covered by data-validation and merged ranges;
 * - encrypted entries, and archives that are not an Excel workbook (.ods, .docx…).
 */
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import type { Readable } from 'node:stream';
import { formatBytes, formatCount, ImportRejectedError } from './errors';
import { columnIndex } from './normalise';
import type { ImportLimits } from './types';

const MAX_SHEET_ROWS = 1_048_576;
const MAX_SHEET_COLUMNS = 16_384;
/** Rows allowed besides the data rows (header, a title, blank lines). */
const HEADER_SLACK = 11;

export interface ArchiveInspection {
  entryNames: string[];
}

interface Area {
  rows: number;
  columns: number;
}

/** Area of `A1:C10`, `B7`, `A:A` (whole columns) or `3:5` (whole rows). */
export function rangeArea(ref: string): Area | null {
  const [a, b = a] = ref.replace(/\$/g, '').split(':');
  if (a === undefined || b === undefined) return null;
  const cell = /^([A-Za-z]{1,3})(\d{1,7})$/;
  const col = /^([A-Za-z]{1,3})$/;
  const row = /^(\d{1,7})$/;
  let m1 = cell.exec(a);
  let m2 = cell.exec(b);
  if (m1 !== null && m2 !== null) {
    return {
      rows: Math.abs(Number(m2[2]) - Number(m1[2])) + 1,
      columns: Math.abs(columnIndex(m2[1] ?? '') - columnIndex(m1[1] ?? '')) + 1,
    };
  }
  m1 = col.exec(a);
  m2 = col.exec(b);
  if (m1 !== null && m2 !== null) {
    return { rows: MAX_SHEET_ROWS, columns: Math.abs(columnIndex(m2[1] ?? '') - columnIndex(m1[1] ?? '')) + 1 };
  }
  m1 = row.exec(a);
  m2 = row.exec(b);
  if (m1 !== null && m2 !== null) {
    return { rows: Math.abs(Number(m2[1]) - Number(m1[1])) + 1, columns: MAX_SHEET_COLUMNS };
  }
  return null;
}

const ROW_TAG = /<(?:[\w.-]+:)?row[\s>/]/g;
const DIMENSION = /<(?:[\w.-]+:)?dimension\b[^>]*?\bref="([^"]*)"/;
const EXPANDED_RANGE = /<(?:[\w.-]+:)?(?:dataValidation|mergeCell)\b[^>]*?\b(?:sqref|ref)="([^"]*)"/g;

/** Streams a worksheet's XML and enforces the row, dimension and range limits. */
class SheetScanner {
  private tail = '';
  private rows = 0;
  private dimensionSeen = false;

  constructor(
    private readonly limits: ImportLimits,
    private readonly ranges: { cells: number },
  ) {}

  feed(chunk: Buffer): void {
    const text = this.tail + chunk.toString('latin1');
    const lastTagEnd = text.lastIndexOf('>');
    const complete = lastTagEnd === -1 ? '' : text.slice(0, lastTagEnd + 1);
    let rest = lastTagEnd === -1 ? text : text.slice(lastTagEnd + 1);
    const open = rest.lastIndexOf('<');
    rest = open === -1 ? '' : rest.slice(open);
    this.tail = rest.length > 1_000_000 ? '' : rest;
    if (complete !== '') this.scan(complete);
  }

  private scan(xml: string): void {
    this.rows += xml.match(ROW_TAG)?.length ?? 0;
    if (this.rows > this.limits.maxRows + HEADER_SLACK) {
      throw new ImportRejectedError(
        'too_many_rows',
        413,
        `Une feuille du classeur compte plus de ${formatCount(this.limits.maxRows)} lignes de données, le maximum par import. Découpez le fichier.`,
      );
    }
    if (!this.dimensionSeen) {
      const m = DIMENSION.exec(xml);
      if (m !== null) {
        this.dimensionSeen = true;
        const area = rangeArea(m[1] ?? '');
        if (area !== null && (area.rows > this.limits.maxRows + HEADER_SLACK || area.columns > this.limits.maxColumns)) {
          throw new ImportRejectedError(
            'sheet_too_large',
            413,
            `Une feuille du classeur déclare des dimensions démesurées (${m[1] ?? ''}, soit ${formatCount(area.rows)} lignes sur ${formatCount(area.columns)} colonnes ; au plus ${formatCount(this.limits.maxRows)} lignes et ${this.limits.maxColumns} colonnes). Copiez les seules données utiles dans un nouveau classeur.`,
          );
        }
      }
    }
    for (const match of xml.matchAll(EXPANDED_RANGE)) {
      for (const ref of (match[1] ?? '').split(/\s+/)) {
        const area = rangeArea(ref);
        this.ranges.cells += area === null ? 1 : area.rows * area.columns;
      }
      if (this.ranges.cells > this.limits.maxRangeCells) {
        throw new ImportRejectedError(
          'sheet_too_large',
          413,
          `Le classeur applique des listes de validation ou des fusions de cellules à des plages démesurées (plus de ${formatCount(this.limits.maxRangeCells)} cellules, p. ex. des colonnes entières) : limitez-les aux lignes utiles ou copiez les données dans un nouveau classeur.`,
        );
      }
    }
  }
}

function notAWorkbook(names: readonly string[]): ImportRejectedError {
  if (names.includes('mimetype') && names.includes('content.xml')) {
    return new ImportRejectedError(
      'unsupported_format',
      400,
      'Ce fichier est un classeur OpenDocument (.ods) : enregistrez-le au format Excel (.xlsx) ou CSV UTF-8, puis importez-le à nouveau.',
    );
  }
  return new ImportRejectedError('unsupported_format', 400, "Ce fichier ZIP n'est pas un classeur Excel (.xlsx). Formats acceptés : .xlsx ou .csv.");
}

/**
 * Checks an XLSX archive without trusting its headers. Resolves with the entry names when it is
 * safe to hand to exceljs; rejects with an `ImportRejectedError` (400 or 413) otherwise.
 */
export function inspectXlsxArchive(bytes: Uint8Array, limits: ImportLimits): Promise<ArchiveInspection> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise<ArchiveInspection>((resolve, reject) => {
    let settled = false;
    let zip: ZipFile | null = null;
    const corrupt = (): ImportRejectedError =>
      new ImportRejectedError('unreadable_file', 400, 'Le classeur Excel est illisible (archive .xlsx corrompue ou incomplète).');
    const finish = (error: unknown, value?: ArchiveInspection): void => {
      if (settled) return;
      settled = true;
      try {
        zip?.close();
      } catch {
        // already closed
      }
      if (error === null && value !== undefined) resolve(value);
      else reject(error instanceof ImportRejectedError ? error : corrupt());
    };

    const names: string[] = [];
    let declared = 0;
    let inflated = 0;
    const ranges = { cells: 0 };

    const tooLarge = (): ImportRejectedError =>
      new ImportRejectedError(
        'archive_too_large',
        413,
        `Le classeur décompressé dépasse ${formatBytes(limits.maxUncompressedBytes)} (archive anormalement compressée) : il est refusé par sécurité.`,
      );

    const onEntry = (entry: Entry): void => {
      if (settled || zip === null) return;
      names.push(entry.fileName);
      if (entry.fileName.endsWith('/')) {
        zip.readEntry();
        return;
      }
      if (entry.isEncrypted()) {
        finish(new ImportRejectedError('unsupported_format', 400, 'Le classeur est protégé par un mot de passe : enregistrez-en une copie sans mot de passe.'));
        return;
      }
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) {
        finish(tooLarge());
        return;
      }
      const scanner = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.fileName) ? new SheetScanner(limits, ranges) : null;
      zip.openReadStream(entry, (error: Error | null, stream: Readable) => {
        if (error !== null || settled) {
          finish(error ?? corrupt());
          return;
        }
        stream.on('data', (chunk: Buffer) => {
          if (settled) return;
          inflated += chunk.length;
          try {
            if (inflated > limits.maxUncompressedBytes) throw tooLarge();
            scanner?.feed(chunk);
          } catch (e) {
            stream.destroy();
            finish(e);
          }
        });
        stream.on('error', () => finish(corrupt()));
        stream.on('end', () => {
          if (!settled) zip?.readEntry();
        });
      });
    };

    try {
      fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (error, zipfile) => {
        if (error !== null || zipfile === undefined) {
          finish(corrupt());
          return;
        }
        zip = zipfile;
        if (zipfile.entryCount > limits.maxZipEntries) {
          finish(
            new ImportRejectedError(
              'archive_too_large',
              413,
              `Le classeur contient ${formatCount(zipfile.entryCount)} éléments internes (${formatCount(limits.maxZipEntries)} au plus) : il est refusé par sécurité.`,
            ),
          );
          return;
        }
        zipfile.on('entry', onEntry);
        zipfile.on('error', () => finish(corrupt()));
        zipfile.on('end', () => {
          if (!names.includes('xl/workbook.xml')) finish(notAWorkbook(names));
          else if (names.some((n) => /vbaProject\.bin$/i.test(n))) {
            finish(
              new ImportRejectedError(
                'unsupported_format',
                400,
                'Le classeur contient des macros (.xlsm) : enregistrez-le au format « Classeur Excel (.xlsx) » sans macros, puis importez-le à nouveau.',
              ),
            );
          } else finish(null, { entryNames: names });
        });
        zipfile.readEntry();
      });
    } catch {
      finish(corrupt());
    }
  });
}
