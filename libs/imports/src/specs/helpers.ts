/** Test helpers: real XLSX files built with exceljs, a hand-made ZIP writer, a test pseudonymiser. */
import { createHmac } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { parseImportFile } from '../lib/parse';
import type { DatasetKey, ImportLimits, ImportResult, ParseImportInput } from '../lib/types';

export const TEST_SECRET = 'secret-de-test-ne-pas-utiliser-en-production';

/** HMAC-SHA-256 of the identifier, in hex: what the API injects (with its own secret). */
export function pseudonymise(id: string): string {
  return createHmac('sha256', TEST_SECRET).update(id, 'utf8').digest('hex');
}

export type CellInput = ExcelJS.CellValue;

export interface SheetInput {
  name: string;
  rows: readonly (readonly CellInput[])[];
  /** Number formats by 1-based column. */
  numFmts?: Readonly<Record<number, string>>;
}

/** An XLSX file with the given sheets (row 1 first). */
export async function xlsx(sheets: readonly SheetInput[], keywords?: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (keywords !== undefined) workbook.keywords = keywords;
  for (const input of sheets) {
    const sheet = workbook.addWorksheet(input.name);
    input.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === undefined) return;
        const cell = sheet.getCell(r + 1, c + 1);
        cell.value = value;
        const fmt = input.numFmts?.[c + 1];
        if (fmt !== undefined) cell.numFmt = fmt;
      });
    });
  }
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Loads an XLSX buffer with exceljs (to fill a template as a user would). */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export function csv(text: string, bom = false): Buffer {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** Date at UTC midnight, as exceljs reads and writes date cells. */
export function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

export function parse<D extends DatasetKey>(
  dataset: D,
  bytes: Uint8Array,
  fileName: string,
  extra: Partial<Omit<ParseImportInput<D>, 'dataset' | 'bytes' | 'fileName'>> & { limits?: Partial<ImportLimits> } = {},
): Promise<ImportResult<D>> {
  return parseImportFile({ dataset, bytes, fileName, year: 2023, pseudonymise, ...extra });
}

export interface ZipEntryInput {
  name: string;
  data: Buffer;
  /** Uncompressed size written in the headers (to forge a lying archive); defaults to the real one. */
  declaredSize?: number;
}

/** A minimal ZIP writer (deflate), enough to forge zip bombs and archives with lying headers. */
export function zip(entries: readonly ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data) >>> 0;
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralSize = centrals.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** The entries of an XLSX buffer made by exceljs (to rebuild it with a forged part). */
export async function unzipEntries(bytes: Buffer): Promise<ZipEntryInput[]> {
  const { fromBuffer } = await import('yauzl');
  return new Promise((resolve, reject) => {
    fromBuffer(bytes, { lazyEntries: true }, (error, file) => {
      if (error !== null || file === undefined) return reject(error ?? new Error('zip'));
      const out: ZipEntryInput[] = [];
      file.on('entry', (entry: import('yauzl').Entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e !== null) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            file.readEntry();
          });
        });
      });
      file.on('end', () => resolve(out));
      file.readEntry();
    });
  });
}
