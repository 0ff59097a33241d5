import type { EChartsOption } from 'echarts';
import type {
  Content,
  ContentTable,
  CustomTableLayout,
  Margins,
  Node,
  StyleDictionary,
  TableCell,
} from 'pdfmake/interfaces';
import type { RenderChart } from './types';

/** A4 portrait in points, and the margins of every page. */
export const PAGE_WIDTH = 595.28;
export const PAGE_MARGINS: Margins = [42, 58, 42, 48];
/** Width available to the content: 511 pt. */
export const CONTENT_WIDTH = PAGE_WIDTH - 42 - 42;

export const COLORS = {
  primary: '#1d4e89',
  text: '#1a1a1a',
  muted: '#555d66',
  rule: '#c5ccd6',
  headerFill: '#e8eef5',
  totalFill: '#f3f5f8',
  demo: '#a4004b',
  demoFill: '#fbe9f0',
  alert: '#a4004b',
  warning: '#8a5300',
  ok: '#1b6e3a',
} as const;

export const STYLES: StyleDictionary = {
  h1: { fontSize: 16, bold: true, color: COLORS.primary, margin: [0, 0, 0, 10] },
  h2: { fontSize: 12, bold: true, color: COLORS.primary, margin: [0, 12, 0, 6] },
  h3: { fontSize: 10, bold: true, margin: [0, 8, 0, 3] },
  tableHeader: { bold: true, fillColor: COLORS.headerFill },
  total: { bold: true, fillColor: COLORS.totalFill },
  note: { fontSize: 8, italics: true, color: COLORS.muted },
  caption: { fontSize: 9, bold: true, margin: [0, 6, 0, 2] },
  paragraph: { margin: [0, 0, 0, 6] },
  tocTitle: { fontSize: 16, bold: true, color: COLORS.primary, margin: [0, 0, 0, 12] },
  tocSection: { fontSize: 10.5, bold: true },
  tocSubsection: { fontSize: 9 },
};

/** Light horizontal rules, a header band, no vertical rules: reads well at 8–9 pt. */
export const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : i === (node.table.headerRows ?? 0) ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: (i, node) => (i === 0 || i === node.table.body.length || i === (node.table.headerRows ?? 0) ? COLORS.primary : COLORS.rule),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

export type Cell =
  | string
  | {
      text: string;
      bold?: boolean;
      italics?: boolean;
      color?: string;
      fillColor?: string;
      colSpan?: number;
      alignment?: 'left' | 'right' | 'center';
    };

/** A row of totals inside a table body (bold on a grey band). */
export function totalRow(cells: readonly Cell[]): Cell[] {
  return cells.map((value) => ({ ...(typeof value === 'string' ? { text: value } : value), bold: true, fillColor: COLORS.totalFill }));
}

export interface TableSpec {
  headers: readonly string[];
  rows: readonly (readonly Cell[])[];
  /** Rows in bold on a grey band after the body (totals). */
  totals?: readonly (readonly Cell[])[];
  /** Column widths: '*' for text, 'auto' for figures. Default: first '*', others 'auto'. */
  widths?: readonly (string | number)[];
  /** Indexes of the columns aligned right (figures). Default: every column but the first. */
  numeric?: readonly number[];
  /** 8 for wide tables, 9 otherwise. */
  fontSize?: number;
  /** Several header rows: extra rows put above `headers`. */
  superHeaders?: readonly (readonly Cell[])[];
}

function cell(value: Cell, column: number, numeric: readonly number[], extra: Record<string, unknown> = {}): TableCell {
  const base = typeof value === 'string' ? { text: value } : { ...value };
  const alignment = base.alignment ?? (numeric.includes(column) ? 'right' : 'left');
  return { ...base, alignment, ...extra } as TableCell;
}

/** A table that fits the page width: text columns share the space ('*'), figures take what they need. */
export function table(spec: TableSpec): ContentTable {
  const columns = spec.headers.length;
  const numeric = spec.numeric ?? Array.from({ length: columns }, (_, index) => index).filter((index) => index > 0);
  const widths = spec.widths ?? Array.from({ length: columns }, (_, index) => (index === 0 ? '*' : 'auto'));
  const header = (row: readonly Cell[]): TableCell[] => row.map((value, index) => cell(value, index, numeric, { style: 'tableHeader' }));
  const body: TableCell[][] = [
    ...(spec.superHeaders ?? []).map(header),
    header(spec.headers),
    ...spec.rows.map((row) => row.map((value, index) => cell(value, index, numeric))),
    ...(spec.totals ?? []).map((row) => row.map((value, index) => cell(value, index, numeric, { style: 'total' }))),
  ];
  return {
    table: { headerRows: 1 + (spec.superHeaders?.length ?? 0), widths: [...widths], body, dontBreakRows: true },
    layout: TABLE_LAYOUT,
    fontSize: spec.fontSize ?? 9,
    margin: [0, 2, 0, 8],
  };
}

/** Two-column label/value table (cover, summaries). */
export function keyValues(rows: readonly (readonly [string, string])[], fontSize = 9.5): ContentTable {
  return {
    table: {
      widths: [150, '*'],
      body: rows.map(([label, value]) => [
        { text: label, bold: true, color: COLORS.muted },
        { text: value },
      ]),
      dontBreakRows: true,
    },
    layout: { ...TABLE_LAYOUT, hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0.4), hLineColor: () => COLORS.rule },
    fontSize,
    margin: [0, 4, 0, 10],
  };
}

/**
 * Section title, in the table of contents, on a new page — or, for a section of a few lines,
 * after the previous one (moved to the next page only when it would start in the lower third).
 */
export function sectionTitle(title: string, newPage = true): Content {
  const base = { text: title, style: 'h1', tocItem: true, tocStyle: 'tocSection', tocMargin: [0, 6, 0, 0] } as const;
  return newPage ? { ...base, pageBreak: 'before' } : { ...base, headlineLevel: 1, margin: [0, 18, 0, 10] };
}

/** Sub-section title, in the table of contents (indented). */
export function subTitle(title: string): Content {
  return { text: title, style: 'h2', tocItem: true, tocStyle: 'tocSubsection', tocMargin: [14, 1, 0, 0], headlineLevel: 2 };
}

export function minorTitle(title: string): Content {
  return { text: title, style: 'h3', headlineLevel: 3 };
}

/**
 * Keeps titles with what follows: a sub-title in the last fifth of a page (a minor title in the
 * last seventh, a section title in the last third) moves to the next page instead of being left
 * alone at the bottom.
 */
export function keepTitlesWithContent(node: Node): boolean {
  const level = node.headlineLevel ?? 0;
  if (level < 1) return false;
  return node.startPosition.verticalRatio > (level === 1 ? 0.66 : level === 2 ? 0.8 : 0.86);
}

export function paragraph(text: string): Content {
  return { text, style: 'paragraph' };
}

export function note(text: string): Content {
  return { text, style: 'note', margin: [0, 0, 0, 4] };
}

/** Notes (flags, formulas) under a table, one per line. */
export function notes(lines: readonly string[]): Content[] {
  return lines.map((line) => note(line));
}

export interface ChartSpec {
  option: EChartsOption;
  caption: string;
  /** Pixels of the rendered SVG; the chart is scaled to the content width. */
  width?: number;
  height?: number;
}

/** A chart rendered to SVG (by the caller's renderer), with its caption, kept on one page. */
export function chart(renderChart: RenderChart, spec: ChartSpec): Content {
  const width = spec.width ?? 680;
  const height = spec.height ?? 300;
  const svg = renderChart(spec.option, { width, height });
  return {
    stack: [
      { text: spec.caption, style: 'caption' },
      { svg, width: CONTENT_WIDTH },
    ],
    unbreakable: true,
    margin: [0, 2, 0, 8],
  };
}
