import type { ComparisonResponse } from '@sdat/api-types';
import { formatDate } from '@sdat/format';
import ExcelJS from 'exceljs';
import { indicatorFigure } from './committee-pack/model';
import { figureCell } from './committee-pack/workbook';

export interface ComparisonWorkbookOptions {
  /** Indicator codes to include, in this order; all when absent. */
  indicators?: readonly string[];
  generatedAt: string;
}

export const COMPARISON_SHEET = 'Comparaison';

const BASIS_LABEL = { actual: 'réalisé', forecast: 'prévisionnel' } as const;

/**
 * The comparison the monitoring committee built in the dashboard (programmes × years × indicators),
 * as one XLSX sheet: a line per programme and indicator, a column per year. Numbers are numbers with
 * a French-looking format; masked (« < 5 ») or missing figures are text, never 0.
 */
export async function buildComparisonWorkbook(comparison: ComparisonResponse, options: ComparisonWorkbookOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Plateforme d'indicateurs des conventions";
  workbook.created = new Date(options.generatedAt);
  const sheet = workbook.addWorksheet(COMPARISON_SHEET);
  const demo = comparison.cells.some((c) => c.demo);
  sheet.addRow([
    `${comparison.agreement.title} — comparaison ${comparison.years.join(', ')} (${BASIS_LABEL[comparison.basis]}) — générée le ${formatDate(options.generatedAt.slice(0, 10))}${demo ? ' — DONNÉES DE DÉMONSTRATION' : ''}`,
  ]);
  const header = sheet.addRow(['Dispositif', 'Indicateur', 'Unité', ...comparison.years.map(String)]);
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  const wanted = options.indicators?.length ? options.indicators : null;
  for (const programme of comparison.programmes) {
    const cells = comparison.years.map((year) => comparison.cells.find((c) => c.programmeCode === programme.code && c.year === year));
    const codes = wanted ?? [...new Set(cells.flatMap((c) => c?.indicators.map((i) => i.code) ?? []))];
    for (const code of codes) {
      const first = cells.flatMap((c) => c?.indicators ?? []).find((i) => i.code === code);
      if (!first) continue;
      const values = cells.map((cell) => {
        const indicator = cell?.indicators.find((i) => i.code === code);
        return indicator ? figureCell(indicatorFigure(indicator)) : { value: cell && cell.indicators.length ? 'Sans objet' : 'Pas de données', italic: true };
      });
      const row = sheet.addRow([programme.name, first.label, first.unit, ...values.map((v) => v.value)]);
      values.forEach((v, i) => {
        const cell = row.getCell(4 + i);
        if ('numFmt' in v && v.numFmt) cell.numFmt = v.numFmt;
        if ('italic' in v && v.italic) cell.font = { italic: true };
      });
    }
  }
  sheet.getColumn(1).width = 26;
  sheet.getColumn(2).width = 48;
  sheet.getColumn(3).width = 10;
  comparison.years.forEach((_, i) => (sheet.getColumn(4 + i).width = 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
