import ExcelJS from 'exceljs';
import { statusLabel } from '@sdat/charts';
import { DEMO_BANNER } from '../sections/cover';
import { basisLabel } from '../text';
import {
  alertsSummary,
  complianceRows,
  fundingMatrix,
  identificationLine,
  isoDay,
  packYears,
  reportRow,
  synthesisTable,
  trendTables,
  verdictLabel,
  type Figure,
  type FundingRow,
} from './model';
import { COMMITTEE_SHEET_NAMES } from './titles';
import type { CommitteePackData, CommitteePackWorkbookOptions } from './types';

/**
 * The tables of the « comité de suivi » pack as an XLSX workbook (exceljs): one sheet per section,
 * French headers, the identification line (agreement, year, basis, generation date, demo notice)
 * on the first row of every sheet, the header row frozen under it. Figures are stored as numbers
 * with French-looking number formats (money in euros, ratios in %); a figure masked by the
 * small-count rule is the text « < 5 » / « masqué », never a number; a missing one says why.
 */

/** Number formats (Excel's invariant codes; shown « # ##0 € », « 0,0 % » by a French Excel). */
export const COMMITTEE_NUMBER_FORMATS = {
  euros: '#,##0 "€"',
  percent: '0.0 %',
  percent2: '0.00 %',
  signedPercent: '+0.0 %;-0.0 %;0.0 %',
  points: '+0.0 "pt";-0.0 "pt";0.0 "pt"',
  fte: '0.00 "ETP"',
  integer: '#,##0',
  decimal: '#,##0.0',
  days: '#,##0 "jours"',
  decimalDays: '#,##0.0 "jours"',
  date: 'dd/mm/yyyy',
} as const;

type Value = number | string | Date | null;

interface XCell {
  value: Value;
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F5F8' } };
const DEMO_COLOR = 'FFA4004B';

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A figure as a cell: a number with its format, or the text of a masked / missing figure. */
export function figureCell(figure: Figure): XCell {
  if (figure.kind !== 'value') return { value: figure.text, italic: true };
  const value = figure.value;
  switch (figure.unit) {
    case 'eur':
    case 'eur_per_person':
      return { value: Math.round(value) / 100, numFmt: COMMITTEE_NUMBER_FORMATS.euros };
    case 'ratio':
      return { value, numFmt: figure.percentDigits === 2 ? COMMITTEE_NUMBER_FORMATS.percent2 : COMMITTEE_NUMBER_FORMATS.percent };
    case 'rate':
      return { value, numFmt: COMMITTEE_NUMBER_FORMATS.signedPercent };
    case 'points':
      return { value: value * 100, numFmt: COMMITTEE_NUMBER_FORMATS.points };
    case 'fte':
      return { value, numFmt: COMMITTEE_NUMBER_FORMATS.fte };
    case 'count':
      return { value, numFmt: Number.isInteger(value) ? COMMITTEE_NUMBER_FORMATS.integer : COMMITTEE_NUMBER_FORMATS.decimal };
    case 'count_per_day':
      return { value, numFmt: COMMITTEE_NUMBER_FORMATS.decimal };
    case 'days':
      return { value, numFmt: Number.isInteger(value) ? COMMITTEE_NUMBER_FORMATS.days : COMMITTEE_NUMBER_FORMATS.decimalDays };
    case 'pass_fail':
      return { value: figure.text };
  }
}

function centsCell(cents: number | null, bold = false): XCell {
  return isFiniteNumber(cents) && Number.isInteger(cents) ? { value: cents / 100, numFmt: COMMITTEE_NUMBER_FORMATS.euros, bold } : { value: null };
}

/** An ISO date as an Excel date (the day, UTC), or an empty cell. */
function dateCell(iso: string | null): XCell {
  const day = isoDay(iso);
  if (day === null) return { value: null };
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  return { value: new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, dayOfMonth ?? 1)), numFmt: COMMITTEE_NUMBER_FORMATS.date };
}

const plain = (value: string | number | null, extra: Omit<XCell, 'value'> = {}): XCell => ({ value: typeof value === 'number' && !Number.isFinite(value) ? null : value, ...extra });

interface SheetSpec {
  name: string;
  headers: readonly string[];
  widths: readonly number[];
  rows: readonly (readonly XCell[])[];
  /** Indexes of rows (in `rows`) printed as totals. */
  totals?: ReadonlySet<number>;
}

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, line: string, demo: boolean): void {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }] });
  const first = sheet.getCell(1, 1);
  first.value = line;
  first.font = { bold: true, ...(demo ? { color: { argb: DEMO_COLOR } } : {}) };
  const head = sheet.getRow(2);
  spec.headers.forEach((title, index) => {
    const cell = head.getCell(index + 1);
    cell.value = title;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  spec.widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  spec.rows.forEach((cells, rowIndex) => {
    const row = sheet.getRow(rowIndex + 3);
    const total = spec.totals?.has(rowIndex) ?? false;
    cells.forEach((spec, index) => {
      const cell = row.getCell(index + 1);
      cell.value = spec.value;
      if (spec.numFmt) cell.numFmt = spec.numFmt;
      if (spec.bold || spec.italic || total) cell.font = { bold: spec.bold || total, italic: spec.italic ?? false };
      if (total) cell.fill = TOTAL_FILL;
      if (typeof spec.value === 'string' && spec.italic) cell.alignment = { horizontal: 'right' };
    });
  });
  if (spec.headers.length) sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: spec.headers.length } };
}

function synthesisSheet(data: CommitteePackData, generatedAt: string): SheetSpec {
  const table = synthesisTable(data, generatedAt);
  // A status column only for the figures that have a target or a status somewhere.
  const withStatus = table.columns.map((_, index) => table.rows.some((row) => row.figures[index]?.status || row.figures[index]?.target));
  const headers = [
    'Dispositif',
    'Code',
    'Opérateur',
    `Statut du bilan ${data.year}`,
    'Version',
    'Échéance',
    'En retard',
    ...table.columns.flatMap((column, index) => [`${column.label} ${data.year}`, ...(withStatus[index] ? [`Statut — ${column.label}`] : [])]),
    'Alertes',
    'Vigilances',
    'Synthèse des alertes',
    "Points d'attention",
  ];
  const rows = table.rows.map((row) => [
    plain(row.programme.name, { bold: true }),
    plain(row.programme.code),
    plain(row.programme.operator),
    plain(row.report.status),
    plain(row.report.version),
    dateCell(row.report.dueDate),
    plain(row.report.late ? 'Oui' : 'Non'),
    ...row.figures.flatMap((key, index) => [
      figureCell(key.figure),
      ...(withStatus[index] ? [plain([key.status ? statusLabel(key.status) : null, key.target].filter((part): part is string => part !== null).join(' — ') || null)] : []),
    ]),
    plain(row.alerts.length),
    plain(row.warnings.length),
    plain(alertsSummary(row)),
    plain([...row.alerts.map((alert) => `Alerte : ${alert}`), ...row.warnings.map((warning) => `Vigilance : ${warning}`)].join(' ; ') || null),
  ]);
  return {
    name: COMMITTEE_SHEET_NAMES.synthesis,
    headers,
    widths: [24, 20, 28, 16, 9, 12, 10, ...table.columns.flatMap((_, index) => (withStatus[index] ? [16, 26] : [16])), 9, 11, 20, 60],
    rows,
  };
}

function trendsSheet(data: CommitteePackData): SheetSpec {
  const years = packYears(data);
  const { tables } = trendTables(data);
  const rows = tables.flatMap((table) =>
    table.rows.map((row) => [
      plain(table.label, { bold: true }),
      plain(row.programme.name),
      plain(row.programme.code),
      ...row.figures.map(figureCell),
      plain(row.change),
      ...row.bases.map((basis) => plain(basis === null ? null : basisLabel(basis))),
      plain(
        row.figures
          .map((figure, index) => (figure.kind === 'missing' && figure.reason ? `${years[index]} : ${figure.text} (${figure.reason})` : null))
          .filter((part): part is string => part !== null)
          .join(' ; ') || null,
      ),
    ]),
  );
  return {
    name: COMMITTEE_SHEET_NAMES.trends,
    headers: [
      'Indicateur',
      'Dispositif',
      'Code du dispositif',
      ...years.map(String),
      `Évolution de ${years[1]} à ${years[2]}`,
      ...years.map((year) => `Base ${year}`),
      'Remarques',
    ],
    widths: [32, 24, 20, 14, 14, 14, 22, 18, 18, 18, 60],
    rows,
  };
}

const FUNDING_KIND: Readonly<Record<FundingRow['kind'], string>> = {
  funder: 'Financeur',
  earmark: 'Part fléchée',
  total: 'Total',
  subtotal: 'Sous-total',
  budget: 'Pour comparaison',
};

function fundingSheet(data: CommitteePackData): SheetSpec {
  const matrix = fundingMatrix(data);
  const totals = new Set<number>();
  const rows = matrix.rows.map((row, index) => {
    if (row.kind === 'total') totals.add(index);
    return [
      plain(row.label, { bold: row.kind === 'funder' }),
      plain(FUNDING_KIND[row.kind]),
      plain(row.signatory === null ? null : row.signatory ? 'Oui' : 'Non'),
      plain(row.lineLabels.join(' ; ') || null),
      ...row.cents.map((cents) => centsCell(cents)),
      centsCell(row.total, true),
    ];
  });
  return {
    name: COMMITTEE_SHEET_NAMES.funding,
    headers: ['Financeur', 'Ligne', 'Signataire', 'Lignes de financement', ...matrix.programmes.map((p) => p.name), 'Total'],
    widths: [36, 16, 11, 36, ...matrix.programmes.map(() => 18), 18],
    rows,
    totals,
  };
}

function complianceSheet(data: CommitteePackData): SheetSpec {
  return {
    name: COMMITTEE_SHEET_NAMES.compliance,
    headers: ['Périmètre', 'Contrôle', 'Code', 'Résultat', 'Règle vérifiée', 'Calcul', 'Motif'],
    widths: [24, 36, 24, 15, 32, 80, 50],
    rows: complianceRows(data).map((row) => [
      plain(row.scope, { bold: true }),
      plain(row.label),
      plain(row.code || null),
      plain(verdictLabel(row.verdict), { bold: row.verdict === 'non conforme' }),
      plain(row.rule),
      plain(row.formula || null),
      plain(row.reason),
    ]),
  };
}

function reportsSheet(data: CommitteePackData, generatedAt: string): SheetSpec {
  return {
    name: COMMITTEE_SHEET_NAMES.reports,
    headers: ['Dispositif', 'Code', 'Opérateur', 'Pilotes', 'Statut', 'Version', 'Échéance', 'Validé le', 'En retard'],
    widths: [24, 20, 30, 40, 12, 9, 12, 12, 10],
    rows: data.programmes.map((programme) => {
      const row = reportRow(programme, generatedAt);
      const pilots = (programme.programme.pilots ?? []).filter((pilot) => typeof pilot === 'string' && pilot.trim() !== '');
      return [
        plain(programme.programme.name, { bold: true }),
        plain(programme.programme.code),
        plain(programme.programme.operator),
        plain(pilots.join(', ') || null),
        plain(row.status),
        plain(row.version),
        dateCell(row.dueDate),
        dateCell(row.validatedAt),
        plain(row.late ? 'Oui' : 'Non', { bold: row.late }),
      ];
    }),
  };
}

/** The « comité de suivi » pack's tables as an XLSX workbook: « Synthèse », « Évolution », « Financements », « Conformité », « Bilans ». */
export async function buildCommitteePackWorkbook(data: CommitteePackData, options: CommitteePackWorkbookOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Plateforme d'indicateurs des conventions";
  workbook.title = `Comité de suivi ${data.year} — ${data.agreement.title}`;
  workbook.subject = `Tableaux du comité de suivi ${data.year} de la convention ${data.agreement.code}`;
  workbook.keywords = data.demo ? 'comité de suivi, données de démonstration' : 'comité de suivi';
  const day = isoDay(options.generatedAt);
  if (day !== null) {
    const parsed = new Date(options.generatedAt);
    workbook.created = Number.isNaN(parsed.getTime()) ? new Date(`${day}T00:00:00Z`) : parsed;
    workbook.modified = workbook.created;
  }
  const line = identificationLine(data, options.generatedAt, DEMO_BANNER);
  for (const spec of [synthesisSheet(data, options.generatedAt), trendsSheet(data), fundingSheet(data), complianceSheet(data), reportsSheet(data, options.generatedAt)]) {
    addSheet(workbook, spec, line, data.demo);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}
