import { Injectable, NotFoundException } from '@nestjs/common';
import type { Basis, FundingView } from '@sdat/api-types';
import { buildCommitteePackWorkbook, type CommitteePackData, type CommitteePackProgramme } from '@sdat/reports';
import { viewerSees, type Viewer } from '../auth/viewer';
import { IndicatorsService } from '../indicators/indicators.service';
import { ReferenceService } from '../reference/reference.service';
import { ReportLifecycleService } from './report-lifecycle.service';
import { REPORT_STATUS_LABELS, ReportsService } from './reports.service';

/**
 * The préfet's monitoring committee pack of an agreement for year N: every programme the reader
 * sees, side by side, over N-2..N (masked together by the small-count rule), funding of N,
 * compliance checks and the status of each annual report. Rendered as PDF (worker) and XLSX.
 */
@Injectable()
export class CommitteePackService {
  constructor(
    private readonly reference: ReferenceService,
    private readonly indicators: IndicatorsService,
    private readonly lifecycle: ReportLifecycleService,
    private readonly reports: ReportsService,
  ) {}

  async data(agreementCode: string, year: number, basis: Basis, viewer: Viewer): Promise<CommitteePackData> {
    const agreement = await this.reference.getAgreement(agreementCode);
    const years = [year - 2, year - 1, year];
    const programmes: CommitteePackProgramme[] = [];
    for (const code of agreement.programmeCodes.filter((c) => viewerSees(viewer, c))) {
      const programme = await this.reference.getProgramme(code);
      const report = await this.lifecycle.view(code, year);
      const last = report.versions.at(-1);
      let funding: FundingView | null = null;
      try {
        funding = await this.reference.getFunding(code, year, basis);
      } catch (error) {
        if (!(error instanceof NotFoundException)) throw error;
      }
      programmes.push({
        programme: { code, name: programme.name, operator: programme.operator.name, pilots: programme.pilots.map((p) => p.name) },
        report: {
          status: REPORT_STATUS_LABELS[report.status],
          version: report.status === 'validated' ? (last?.number ?? 1) : report.versions.length + 1,
          dueDate: report.dueDate,
          validatedAt: report.status === 'validated' ? (last?.validatedAt ?? null) : null,
        },
        years: (await this.indicators.forProgrammeYears(code, years, basis, viewer)).map((y) => ({ year: y.year, basis, demo: y.demo, indicators: y.indicators })),
        funding,
      });
    }
    const checks = await this.indicators.agreementChecks(agreementCode);
    return {
      agreement: {
        code: agreement.code,
        title: agreement.title,
        startDate: agreement.startDate,
        endDate: agreement.endDate,
        signatories: agreement.signatories.map((s) => ({ name: s.name, role: s.role })),
      },
      year,
      basis,
      demo: programmes.some((p) => p.years.some((y) => y.demo)),
      programmes,
      agreementChecks: checks.checks,
    };
  }

  async pdf(agreementCode: string, year: number, basis: Basis, viewer: Viewer): Promise<Buffer> {
    const data = await this.data(agreementCode, year, basis, viewer);
    return (await this.reports.renderCommitteePack(data)).pdf;
  }

  async xlsx(agreementCode: string, year: number, basis: Basis, viewer: Viewer): Promise<Buffer> {
    return buildCommitteePackWorkbook(await this.data(agreementCode, year, basis, viewer), { generatedAt: new Date().toISOString() });
  }
}
