/**
 * Renders the annual report PDF: @sdat/reports builds the pdfmake document definition, ECharts
 * renders the charts to SVG on the server (SSR, no browser, no canvas) and pdfmake writes the
 * PDF with the embedded Roboto fonts. Pure CPU work: the API runs it in a worker thread
 * (report-worker.ts); the same function runs in-process when the worker file is absent.
 */
import { buildAnnualReport, buildCommitteePack, keepTitlesWithContent, type AnnualReportData, type RenderChart } from '@sdat/reports';
import { paginateBySegments } from './pdfmake-pagination';
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
  // The reports' « keep titles with what follows » rule looks at positions within the page only:
  // its page breaks can be found section by section (same PDF, 2-5 layout passes instead of 5-8).
  paginateBySegments(keepTitlesWithContent);
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

/** Builds and writes the PDF of any document the API renders (annual report, committee pack). */
export async function renderPdfDocument(document: PdfDocument, generatedAt: string): Promise<RenderResult> {
  if (document.kind === 'annual_report') return renderAnnualReportPdf(document.data, generatedAt);
  const started = performance.now();
  configurePdfmake();
  const definition = buildCommitteePack(document.data, { renderChart: renderChartToSvg, generatedAt });
  const pdf = await pdfmake.createPdf(definition).getBuffer();
  return { pdf, renderMs: Math.round(performance.now() - started) };
}
