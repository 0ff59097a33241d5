import type { Basis, FundingView } from '@sdat/api-types';
import type { IndicatorValue } from '@sdat/indicators';
import type { RenderChart, ReportStatus } from '../types';

/**
 * One programme of the agreement, as the « comité de suivi » pack shows it: the annual report
 * status of year N, the indicators of N-2..N and the funding of N. Every figure is computed
 * upstream (API services, @sdat/indicators); the pack only lays it out and formats it.
 */
export interface CommitteePackProgramme {
  programme: { code: string; name: string; operator: string; pilots: string[] };
  /** Annual report of year N: status as printed ('projet' | 'transmis' | 'validé'), version, due date (ISO), validation date (ISO) or null. */
  report: { status: ReportStatus; version: number; dueDate: string; validatedAt: string | null };
  /**
   * Indicators per year (N-2..N, ascending), as the API serves them to the committee (already
   * passed through small-count suppression: a suppressed value has value null and a `suppressed`
   * marker; it is printed with `formatSuppressed` from @sdat/indicators, never as 0). A year with
   * no data has indicators [].
   */
  years: { year: number; basis: Basis; demo: boolean; indicators: IndicatorValue[] }[];
  /** Funding of year N per funder (FundingView from @sdat/api-types), null when none. */
  funding: FundingView | null;
}

/** Everything the préfet's « comité de suivi » pack of one agreement and year N shows. */
export interface CommitteePackData {
  agreement: {
    code: string;
    title: string;
    startDate: string | null;
    endDate: string | null;
    /** `role`: the API's role code ('funder', 'operator', 'beneficiary', 'partner'), printed in French, or a French label. */
    signatories: { name: string; role: string }[];
  };
  year: number;
  /** The basis of year N's figures ('actual' if present, else forecast) — printed. */
  basis: Basis;
  /** « données de démonstration » banner on every page (and on every sheet) when true. */
  demo: boolean;
  programmes: CommitteePackProgramme[];
  /** Agreement-level checks (e.g. pacte_parity), may be []. */
  agreementChecks: IndicatorValue[];
}

export interface CommitteePackOptions {
  renderChart: RenderChart;
  /** When the pack is generated (ISO date-time): printed, and the reference date of « en retard ». */
  generatedAt: string;
}

export interface CommitteePackWorkbookOptions {
  /** When the workbook is generated (ISO date-time): printed, and the reference date of « en retard ». */
  generatedAt: string;
}
