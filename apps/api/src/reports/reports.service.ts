import { INTERNAL_VIEWER, type Viewer } from '../auth/viewer';
import { Injectable, Logger, NotFoundException, OnModuleDestroy } from '@nestjs/common';
import type { Basis, BudgetView, FundingView, ProgrammeIndicatorsResponse } from '@sdat/api-types';
import { annualReportDueDate, type AnnualReportData, type AnnualReportNarrative, type CommitteePackData, type ReportStatus } from '@sdat/reports';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AnnualReportStatusCode } from '@sdat/api-types';
import { IndicatorsService } from '../indicators/indicators.service';
import { ReferenceService } from '../reference/reference.service';
import { RenderedPdfCache, renderKey } from './rendered-pdf-cache';
import { ReportRenderer, type RenderedPdf } from './report-renderer';
import type { PdfDocument } from './report-worker.protocol';

/** Rendered drafts kept in memory: ≈ 200 annual reports (≈ 150 KB each). */
const PDF_CACHE_BYTES = 32 * 1024 * 1024;

export const REPORT_STATUS_LABELS: Readonly<Record<AnnualReportStatusCode, ReportStatus>> = {
  draft: 'projet',
  submitted: 'transmis',
  validated: 'validé',
};

/** null when the service answers 404 (no budget of that year and basis…): the report shows « non disponible ». */
async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundException) return null;
    throw error;
  }
}

/** Gathers the annual report's data through the existing services and renders its PDF in the worker. */
@Injectable()
export class ReportsService implements OnModuleDestroy {
  private readonly logger = new Logger('Bilans');
  private readonly renderer = new ReportRenderer({
    log: (level, message) => this.logger[level](message),
  });
  private readonly cache = new RenderedPdfCache<RenderedPdf>(PDF_CACHE_BYTES);
  /** Annual-report downloads being gathered or rendered (the warm-up gives way to them). */
  private readersWaiting = 0;

  constructor(
    private readonly reference: ReferenceService,
    private readonly indicators: IndicatorsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Everything the annual report of `code` for `year` shows (404 in French for an unknown programme). */
  async annualReportData(code: string, year: number, basis: Basis, viewer: Viewer): Promise<AnnualReportData> {
    const programme = await this.reference.getProgramme(code);
    const withActual = basis === 'actual';
    const [state, agreement, budgetForecast, budgetActual, fundingForecast, fundingActual, indicatorsActual, indicatorsForecast, findings, dueDate] =
      await Promise.all([
        this.reportState(code, year),
        orNull(this.reference.getAgreementSummary(programme.agreement.code)),
        orNull<BudgetView>(this.reference.getBudget(code, year, 'forecast')),
        withActual ? orNull<BudgetView>(this.reference.getBudget(code, year, 'actual')) : Promise.resolve(null),
        orNull<FundingView>(this.reference.getFunding(code, year, 'forecast')),
        withActual ? orNull<FundingView>(this.reference.getFunding(code, year, 'actual')) : Promise.resolve(null),
        withActual ? this.indicators.forProgrammeYear(code, year, 'actual', viewer) : Promise.resolve(null),
        this.indicators.forProgrammeYear(code, year, 'forecast', viewer),
        this.reference.programmeFindings(code),
        this.dueDate(code, year),
      ]);
    const indicatorsDemo = (set: ProgrammeIndicatorsResponse | null) => set?.demo === true;
    const demo =
      [budgetForecast, budgetActual].some((b) => b?.demo === true) ||
      [fundingForecast, fundingActual].some((f) => f?.lines.some((line) => line.demo) === true) ||
      indicatorsDemo(indicatorsActual) ||
      indicatorsDemo(indicatorsForecast) ||
      programme.staff.some((s) => s.year === year && s.demo);
    return {
      year,
      basis,
      programme,
      agreement,
      budgets: { forecast: budgetForecast, actual: budgetActual },
      funding: { forecast: fundingForecast, actual: fundingActual },
      indicators: { actual: indicatorsActual, forecast: indicatorsForecast },
      catalogue: this.indicators.catalogue(),
      findings,
      demo,
      status: REPORT_STATUS_LABELS[state.status],
      version: state.nextVersion,
      dueDate,
      narrative: state.narrative,
    };
  }

  /**
   * Deadline of the report: the agreement's own rule (« pour le 15 mars ») expanded by the
   * obligation schedule; 15 March N+1 when the agreement no longer covers year N.
   */
  async dueDate(code: string, year: number): Promise<string> {
    // The programme's own annual-report rules only: the whole country's schedule is not needed.
    const occurrences = await this.reference.programmeObligations(code, 'annual_report', `${year + 1}-01-01`, `${year + 1}-12-31`);
    const rule = occurrences.find((o) => o.periodYear === year && o.dueDate);
    return rule?.dueDate ?? annualReportDueDate(year);
  }

  /**
   * Where the report of a programme-year stands: status, narrative, and the number the next
   * validated version will carry (validated versions + 1; the current one when validated).
   */
  private async reportState(code: string, year: number): Promise<{ status: AnnualReportStatusCode; narrative: AnnualReportNarrative | null; nextVersion: number }> {
    const [row] = await this.dataSource.query(
      `SELECT r.status, r.narrative, (SELECT count(*)::int FROM annual_report_version v WHERE v.report_id = r.id) AS versions
         FROM annual_report r JOIN programme p ON p.id = r.programme_id WHERE p.code = $1 AND r.year = $2`,
      [code, year],
    );
    if (!row) return { status: 'draft', narrative: null, nextVersion: 1 };
    return {
      status: row.status,
      narrative: row.narrative,
      nextVersion: row.status === 'validated' ? row.versions : row.versions + 1,
    };
  }

  async renderPdf(data: AnnualReportData, generatedAt = new Date().toISOString()): Promise<RenderedPdf> {
    const rendered = await this.renderer.render(data, generatedAt);
    this.logger.log(`Bilan ${data.programme.code} ${data.year} (${data.basis}, ${data.status} v${data.version}) : ${rendered.pdf.length} octets en ${rendered.renderMs} ms (${rendered.mode === 'worker' ? 'worker thread' : 'processus principal'}).`);
    return rendered;
  }

  async renderCommitteePack(data: CommitteePackData, generatedAt = new Date().toISOString()): Promise<RenderedPdf> {
    const { value: rendered, cached } = await this.cachedRender({ kind: 'committee_pack', data }, generatedAt);
    this.logger.log(`Dossier du comité de suivi ${data.agreement.code} ${data.year} : ${rendered.pdf.length} octets ${cached ? 'en cache' : `en ${rendered.renderMs} ms`}.`);
    return rendered;
  }

  async annualReportPdf(code: string, year: number, basis: Basis, viewer: Viewer): Promise<RenderedPdf> {
    const started = performance.now();
    this.readersWaiting += 1;
    try {
      const data = await this.annualReportData(code, year, basis, viewer);
      const dataMs = Math.round(performance.now() - started);
      const { value: rendered, cached } = await this.cachedRender({ kind: 'annual_report', data }, new Date().toISOString());
      const where = rendered.mode === 'worker' ? 'worker thread' : 'processus principal';
      this.logger.log(`Bilan ${code} ${year} (${basis}) : ${rendered.pdf.length} octets ; données en ${dataMs} ms, ${cached ? 'PDF en cache' : `rendu en ${rendered.renderMs} ms (${where})`}.`);
      return rendered;
    } finally {
      this.readersWaiting -= 1;
    }
  }

  /** A draft rendered from the same data the same day is the same document: rendered once (see RenderedPdfCache). */
  private cachedRender(document: PdfDocument, generatedAt: string): Promise<{ value: RenderedPdf; cached: boolean }> {
    return this.cache.get(renderKey(document, generatedAt), () => this.renderer.renderDocument(document, generatedAt));
  }

  /**
   * Once the app listens (main.ts): gathers one real report — the latest year with an actual budget
   * (else any budget), full view — and renders it twice, throwing the PDFs away, so that the first
   * reader's report runs on compiled code, in this thread (data) and in the worker (layout: the first
   * renderings of a process take 2-3 times the steady time). Never fails: logs a problem.
   */
  async warmUp(): Promise<void> {
    const started = performance.now();
    try {
      this.renderer.start();
      const [row]: { code: string; year: number }[] = await this.dataSource.query(
        `SELECT p.code, b.year FROM budget b JOIN programme p ON p.id = b.programme_id
          ORDER BY (b.basis = 'actual') DESC, b.year DESC, p.id LIMIT 1`,
      );
      if (!row) return;
      const data = await this.annualReportData(row.code, row.year, 'actual', INTERNAL_VIEWER);
      await this.renderer.render(data, new Date().toISOString());
      // The second one only when no reader's report is on its way (it would wait behind it).
      if (this.readersWaiting === 0) await this.renderer.render(data, new Date().toISOString());
      this.logger.log(`Rendu des bilans préchauffé en ${Math.round(performance.now() - started)} ms (${row.code} ${row.year}).`);
    } catch (error) {
      this.logger.warn(`Préchauffage du rendu des bilans impossible : ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.renderer.close();
  }
}
