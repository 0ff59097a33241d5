import fc from 'fast-check';
import type ExcelJS from 'exceljs';
import { DATASET_DEFS } from '../lib/datasets';
import { ImportRejectedError } from '../lib/errors';
import { DATASET_KEYS, type DatasetKey, type ImportResult } from '../lib/types';
import { parse, xlsx } from './helpers';

const limits = { maxErrors: 50 };

/** What any call must end with: a well-formed result, or a typed 400/413 rejection. */
async function outcome(dataset: DatasetKey, bytes: Uint8Array, fileName: string): Promise<void> {
  let result: ImportResult;
  try {
    result = await parse(dataset, bytes, fileName, { limits, agreementPeriod: { start: '2022-01-01', end: '2024-12-31' } });
  } catch (error) {
    if (!(error instanceof ImportRejectedError)) throw error;
    expect([400, 413]).toContain(error.status);
    expect(error.message.length).toBeGreaterThan(10);
    return;
  }
  expect(result.contentHash).toMatch(/^[0-9a-f]{64}$/);
  expect(result.errors.length).toBeLessThanOrEqual(limits.maxErrors);
  expect(result.errorCount).toBeGreaterThanOrEqual(result.errors.length);
  for (const error of result.errors) {
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeGreaterThan(5);
    expect(error.sheet === null || typeof error.sheet === 'string').toBe(true);
    expect(error.value === null || typeof error.value === 'string').toBe(true);
    if (error.row !== null) {
      // A row-level error always says where.
      expect(Number.isInteger(error.row) && error.row >= 1).toBe(true);
      expect(typeof error.column).toBe('string');
    }
  }
}

const headerPool = [
  ...new Set(
    DATASET_KEYS.flatMap((d) => DATASET_DEFS[d].columns.flatMap((c) => [c.header, ...c.aliases.slice(0, 1)])),
  ),
  'Nom',
  'Date de naissance',
  'Téléphone',
  'Colonne inconnue',
  '',
  '=1+1',
];

const textCell = fc.oneof(
  fc.constantFrom(
    '', ' ', '606120', '741000', '64', '6', '99', '12,5', '1 234,56', '-3', '1.234', '12,345', '0', '1e21', 'NaN',
    '15/03/2023', '31/02/2023', '2023-03-15', '01/13/2023', '03/2023', 'mars 2023', '13', '1/1/23',
    'Suivi', 'co_evaluation', 'Oui', 'non', 'peut-être', '25 à 34 ans', '65+', 'Dijon', 'SIAO', 'etat', 'Ville de Dijon',
    '=SUM(A1:A2)', '+33612345678', '@cmd', '-cmd|calc', 'jean.dupont@example.org', '185057800608436',
    'a'.repeat(600), '"quoted"', 'x;y', 'ligne\nsuivante', '\u0000', '\u202f', 'é', '0'.repeat(64), 'f'.repeat(64),
  ),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: -1_000_000, max: 100_000_000 }).map(String),
);

const csvArbitrary = fc.record({
  header: fc.array(fc.constantFrom(...headerPool), { minLength: 0, maxLength: 8 }),
  rows: fc.array(fc.array(textCell, { maxLength: 10 }), { maxLength: 25 }),
  delimiter: fc.constantFrom(';', ',', '\t'),
  bom: fc.boolean(),
  newline: fc.constantFrom('\n', '\r\n'),
});

function csvText(input: { header: string[]; rows: string[][]; delimiter: string; newline: string }): string {
  const quote = (cell: string): string => (/[;,\t"\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return [input.header, ...input.rows].map((r) => r.map(quote).join(input.delimiter)).join(input.newline);
}

const xlsxCell: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  textCell,
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  fc.integer({ min: -10, max: 3_000_000 }),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1890, 0, 1)), max: new Date(Date.UTC(2250, 0, 1)), noInvalidDate: true }),
  fc.constant<ExcelJS.CellValue>({ formula: 'A1+1', result: 2 }),
  fc.constant<ExcelJS.CellValue>({ error: '#N/A' as ExcelJS.CellErrorValue['error'] }),
  fc.constant<ExcelJS.CellValue>({ richText: [{ text: 'Sui' }, { text: 'vi' }] }),
  fc.constant<ExcelJS.CellValue>({ text: 'lien', hyperlink: 'https://exemple.invalid' }),
  fc.constant(null),
);

describe('property: malformed rows and files never produce an untyped exception', () => {
  it('random bytes under any name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DATASET_KEYS),
        fc.uint8Array({ minLength: 1, maxLength: 2048 }),
        fc.constantFrom('a.csv', 'a.xlsx', 'a.txt', 'a', 'a.xls', 'a.ods'),
        fc.boolean(),
        async (dataset, bytes, name, zipMagic) => {
          const data = zipMagic ? Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
          await outcome(dataset, data, name);
        },
      ),
      { numRuns: 200 },
    );
  }, 120_000);

  it('generated CSV files: random headers (known, forbidden, unknown), random cells, separators, BOM', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...DATASET_KEYS), csvArbitrary, async (dataset, input) => {
        const body = Buffer.from(csvText(input), 'utf8');
        const bytes = input.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
        if (bytes.length === 0) return;
        await outcome(dataset, bytes, 'import.csv');
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('CSV files with the right headers and random cells: every bad cell is reported with its row and column', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DATASET_KEYS),
        fc.array(fc.array(textCell, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 30 }),
        async (dataset, rows) => {
          const header = DATASET_DEFS[dataset].columns.map((c) => c.header);
          const text = csvText({ header, rows, delimiter: ';', newline: '\n' });
          await outcome(dataset, Buffer.from(text, 'utf8'), 'import.csv');
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it('generated XLSX files with typed cells, formulas, errors, rich text and dates', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DATASET_KEYS),
        fc.boolean(),
        fc.array(fc.array(xlsxCell, { maxLength: 12 }), { maxLength: 12 }),
        async (dataset, knownHeader, rows) => {
          const header = knownHeader ? DATASET_DEFS[dataset].columns.map((c) => c.header) : headerPool.slice(0, 6);
          const bytes = await xlsx([{ name: DATASET_DEFS[dataset].spec.sheetName, rows: [header, ...rows] }]);
          await outcome(dataset, bytes, 'import.xlsx');
        },
      ),
      { numRuns: 60 },
    );
  }, 180_000);

  it('corrupted XLSX files (flipped bytes, truncation)', async () => {
    const valid = await xlsx([
      {
        name: 'Budget réalisé',
        rows: [
          ['Compte', 'Libellé', 'Montant (€)'],
          ['606120', 'Eau', 10],
          ['741000', 'Subvention', 1000],
        ],
      },
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat({ max: valid.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
        fc.option(fc.integer({ min: 4, max: valid.length }), { nil: undefined }),
        async (flips, cut) => {
          const bytes = Buffer.from(valid);
          for (const { at, byte } of flips) bytes[at] = byte;
          await outcome('budget', cut === undefined ? bytes : bytes.subarray(0, cut), 'budget.xlsx');
        },
      ),
      { numRuns: 120 },
    );
  }, 180_000);
});
