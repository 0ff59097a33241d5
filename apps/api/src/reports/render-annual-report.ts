/**
 * Renders the annual report PDF: @sdat/reports builds the pdfmake document definition, ECharts
 * renders the charts to SVG on the server (SSR, no browser, no canvas) and pdfmake writes the
 * PDF with the embedded Roboto fonts. Pure CPU work: the API runs it in a worker thread
 * (report-worker.ts); the same function runs in-process when the worker file is absent.
 */
import { buildAnnualReport, buildCommitteePack, type AnnualReportData, type RenderChart } from '@sdat/reports';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { PdfDocument } from './report-worker.protocol';
import * as echarts from 'echarts';
// pdfmake 0.3 exports a singleton instance whose methods live on its prototype: a namespace import
// (`import * as`) would copy only its own properties, so take the module object itself.
import pdfmake = require('pdfmake');
// In the webpack bundle `require.resolve` gives a module id, not a path: take the font paths from
// the required module (see TOOLCHAIN.md, "Nest bundle").
import robotoFonts = require('pdfmake/fonts/Roboto.js');

let configured = false;

/** Fonts, and no access to anything else: no URL is ever fetched, only the font files are read. */
function configurePdfmake(): void {
  if (configured) return;
  const fonts = robotoFonts as unknown as Record<string, Record<string, string>>;
  const allowed = new Set(Object.values(fonts).flatMap((family) => Object.values(family)));
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => allowed.has(path));
  configured = true;
}

/** ECharts option → SVG string, server-side. */
export const renderChartToSvg: RenderChart = (option, { width, height }) => {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    // The PDF embeds Roboto only; the dashboard's CSS font stack ("Segoe UI", …) also contains
    // double quotes that ECharts does not escape in the SVG attributes.
    const textStyle = (Array.isArray(option.textStyle) ? {} : option.textStyle) ?? {};
    chart.setOption({ ...option, animation: false, textStyle: { ...textStyle, fontFamily: 'Roboto' } });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
};

export interface RenderResult {
  pdf: Buffer;
  /** Milliseconds spent building and writing the document. */
  renderMs: number;
}

/** Builds and writes the PDF of an annual report. */
export async function renderAnnualReportPdf(data: AnnualReportData, generatedAt: string): Promise<RenderResult> {
  const started = performance.now();
  configurePdfmake();
  const definition = buildAnnualReport(data, { renderChart: renderChartToSvg, generatedAt });
  const pdf = await pdfmake.createPdf(definition).getBuffer();
  return { pdf, renderMs: Math.round(performance.now() - started) };
}

/** A few pages shaped like a report (styled tables over page breaks, a chart, a table of contents). */
function warmUpDefinition(): TDocumentDefinitions {
  const svg = renderChartToSvg(
    {
      title: { text: 'Préchauffage' },
      legend: {},
      xAxis: { type: 'category', data: ['2021', '2022', '2023'] },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', name: 'Entrées', data: [12, 15, 9] },
        { type: 'line', name: 'Sorties', data: [8, 11, 14] },
      ],
    },
    { width: 680, height: 300 },
  );
  const rows = Array.from({ length: 40 }, (_, i) => [
    { text: `Ligne ${i + 1} — charges de personnel et frais de structure`, italics: i % 7 === 0 },
    { text: `${(i * 12_345).toLocaleString('fr-FR')} €`, alignment: 'right' as const },
    { text: `${(i / 3).toFixed(1).replace('.', ',')} %`, alignment: 'right' as const, bold: i % 5 === 0 },
  ]);
  const section = (n: number): Content[] => [
    { text: `${n}. Section de préchauffage`, style: 'h1', tocItem: true, pageBreak: 'before' },
    { text: 'Sous-section', style: 'h2', tocItem: true, headlineLevel: 2 },
    { text: [{ text: 'Texte italique, ', italics: true }, { text: 'gras italique, ', bold: true, italics: true }, 'romain : 22 651 € ; 72,0 %.'], style: 'paragraph' },
    {
      table: { headerRows: 1, widths: ['*', 'auto', 'auto'], body: [[{ text: 'Ligne', style: 'th' }, { text: 'Montant', style: 'th' }, { text: 'Part', style: 'th' }], ...rows], dontBreakRows: true },
      layout: { hLineWidth: (i) => (i === 0 ? 0.8 : 0.4), vLineWidth: () => 0, paddingLeft: () => 4, paddingRight: () => 4 },
      fontSize: 9,
    },
    { stack: [{ text: 'Graphique', style: 'h2' }, { svg, width: 511 }], unbreakable: true },
  ];
  return {
    pageSize: 'A4',
    pageMargins: [42, 58, 42, 48],
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
    styles: { h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 10] }, h2: { fontSize: 12, bold: true }, th: { bold: true, fillColor: '#e8eef5' }, paragraph: { margin: [0, 0, 0, 6] } },
    pageBreakBefore: (node) => (node.headlineLevel ?? 0) > 0 && node.startPosition.verticalRatio > 0.8,
    header: (page: number) => ({ text: `Préchauffage — page ${page}`, fontSize: 8, margin: [42, 22, 42, 0] }),
    footer: (page: number, pages: number) => ({ text: `${page} / ${pages}`, alignment: 'right', margin: [42, 14, 42, 0] }),
    content: [{ toc: { title: { text: 'Sommaire', bold: true } } }, ...section(1), ...section(2), ...section(3)],
  };
}

/**
 * Renders a throw-away document shaped like a report, `times` times: run when a worker starts, so
 * that the first real report does not pay for loading pdfmake, pdfkit, fontkit and ECharts and for
 * compiling their hot paths. Returns its milliseconds.
 */
export async function warmUpRenderer(times = 2): Promise<number> {
  const started = performance.now();
  configurePdfmake();
  for (let i = 0; i < times; i++) await pdfmake.createPdf(warmUpDefinition()).getBuffer();
  return Math.round(performance.now() - started);
}

/** Builds and writes the PDF of any document the API renders (annual report, committee pack). */
export async function renderPdfDocument(document: PdfDocument, generatedAt: string): Promise<RenderResult> {
  if (document.kind === 'annual_report') return renderAnnualReportPdf(document.data, generatedAt);
  const started = performance.now();
  configurePdfmake();
  const definition = buildCommitteePack(document.data, { renderChart: renderChartToSvg, generatedAt });
  const pdf = await pdfmake.createPdf(definition).getBuffer();
  return { pdf, renderMs: Math.round(performance.now() - started) };
}
