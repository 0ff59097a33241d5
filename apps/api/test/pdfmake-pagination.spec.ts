import pdfmake = require('pdfmake');
import { buildAnnualReport, buildCommitteePack, keepTitlesWithContent } from '@sdat/reports';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { INTERNAL_VIEWER } from '../src/auth/viewer';
import { CommitteePackService } from '../src/reports/committee-pack.service';
import { renderAnnualReportPdf, renderChartToSvg } from '../src/reports/render-annual-report';
import { ReportsService } from '../src/reports/reports.service';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The reports' page breaks found section by section (pdfmake-pagination.ts) give the very PDF that
 * pdfmake's own loop (one full layout per break) gives: same bytes but the creation date and the
 * file identifier derived from it.
 */
const GENERATED_AT = '2026-03-02T10:00:00.000Z';

/** The PDF without what changes from one second to the next. */
const comparable = (pdf: Buffer) =>
  pdf
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '(D:…)')
    .replace(/\/ID \[[^\]]*\]/g, '/ID […]');

/** pdfmake's own loop: the same callback under another identity is not registered for segments. */
async function stockPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf({ ...definition, pageBreakBefore: (node) => keepTitlesWithContent(node) }).getBuffer();
}

/** Layout passes of one rendering: pdfmake's LayoutBuilder.tryLayoutDocument calls. */
async function countingPasses<T>(work: () => Promise<T>): Promise<{ result: T; passes: number }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const prototype = (require('pdfmake/js/LayoutBuilder') as { default: { prototype: Record<string, (...args: unknown[]) => unknown> } }).default.prototype;
  const original = prototype['tryLayoutDocument'] as (...args: unknown[]) => unknown;
  let passes = 0;
  prototype['tryLayoutDocument'] = function (this: unknown, ...args: unknown[]) {
    passes += 1;
    return original.apply(this, args);
  };
  try {
    return { result: await work(), passes };
  } finally {
    prototype['tryLayoutDocument'] = original;
  }
}

describe('page breaks by segments (pdfmake)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
  });
  afterAll(() => t?.close());

  it('renders every annual report of the demo data byte for byte as pdfmake alone, in fewer layout passes', async () => {
    const reports = t.app.get(ReportsService);
    let fewer = 0;
    for (const code of ['acor-centre-ville', 'acor-dijon-metropole', 'emas']) {
      for (const year of [2021, 2022, 2023]) {
        const data = await reports.annualReportData(code, year, 'actual', INTERNAL_VIEWER);
        const segmented = await countingPasses(async () => (await renderAnnualReportPdf(structuredClone(data), GENERATED_AT)).pdf);
        const stock = await countingPasses(() => stockPdf(buildAnnualReport(structuredClone(data), { renderChart: renderChartToSvg, generatedAt: GENERATED_AT })));
        expect(segmented.passes).toBeLessThanOrEqual(stock.passes);
        if (segmented.passes < stock.passes) fewer += 1;
        expect(`${code} ${year} ${comparable(segmented.result).length}`).toBe(`${code} ${year} ${comparable(stock.result).length}`);
        expect(comparable(segmented.result) === comparable(stock.result)).toBe(true);
      }
    }
    expect(fewer).toBeGreaterThan(0);
  }, 240_000);

  it('renders the committee pack byte for byte as pdfmake alone', async () => {
    const data = await t.app.get(CommitteePackService).data('convention-cadre-sdat-2022', 2022, 'actual', INTERNAL_VIEWER);
    const segmented = (await t.app.get(ReportsService).renderCommitteePack(structuredClone(data), GENERATED_AT)).pdf;
    const stock = await stockPdf(buildCommitteePack(structuredClone(data), { renderChart: renderChartToSvg, generatedAt: GENERATED_AT }));
    expect(comparable(segmented) === comparable(stock)).toBe(true);
  }, 120_000);
});
