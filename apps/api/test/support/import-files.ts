import { buildTemplate, datasetSpec, type DatasetKey } from '@sdat/imports';
import ExcelJS from 'exceljs';

/** Cells as a user types them, by column key (see each dataset's `examples`). */
export type Cells = Record<string, string>;

/** A real XLSX file: the platform's template, its data sheet filled with `rows` from row 2. */
export async function xlsxFile(dataset: DatasetKey, programmeCode: string, year: number, rows: Cells[], extraHeaders: string[] = []): Promise<Buffer> {
  const spec = datasetSpec(dataset);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildTemplate(dataset, { programmeCode, year })) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(spec.sheetName);
  if (!sheet) throw new Error(`Feuille ${spec.sheetName} absente du modèle`);
  const columnOf = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const column = spec.columns.find((c) => c.header === String(cell.value));
    if (column) columnOf.set(column.key, col);
  });
  extraHeaders.forEach((header, i) => (sheet.getRow(1).getCell(sheet.getRow(1).cellCount + 1 + i).value = header));
  rows.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      const col = columnOf.get(key);
      if (col !== undefined && value !== '') sheet.getRow(i + 2).getCell(col).value = value;
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV file as a spreadsheet exports it: `;` separator, UTF-8 with BOM, French headers. */
export function csvFile(dataset: DatasetKey, rows: Cells[]): Buffer {
  const spec = datasetSpec(dataset);
  const quote = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [spec.columns.map((c) => quote(c.header)).join(';'), ...rows.map((r) => spec.columns.map((c) => quote(r[c.key] ?? '')).join(';'))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** `count` valid episodes of `year`, built from the dataset's own example row. */
export function episodes(year: number, count: number, prefix = 'DOS'): Cells[] {
  const example = datasetSpec('episodes').examples[0];
  return Array.from({ length: count }, (_, i) => ({
    ...example,
    participantId: `${prefix}-${year}-${String(i + 1).padStart(4, '0')}`,
    participantKey: '',
    entryDate: `${String((i % 27) + 1).padStart(2, '0')}/03/${year}`,
    exitDate: i % 3 === 0 ? '' : `${String((i % 27) + 1).padStart(2, '0')}/09/${year}`,
    handover: i % 3 === 0 ? '' : (example['handover'] ?? ''),
  }));
}
