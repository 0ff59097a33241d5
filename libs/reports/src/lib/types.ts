import type {
  AgreementSummary,
  Basis,
  BudgetView,
  FundingView,
  IndicatorDefinition,
  ProgrammeDetail,
  ProgrammeIndicatorsResponse,
  ReconciliationFindingView,
} from '@sdat/api-types';
import type { EChartsOption } from 'echarts';

/**
 * Lifecycle status of a report, as printed: « projet » (the operator writes), « transmis » (submitted
 * to the pilot), « validé » (validated by the pilot: the data are locked and the PDF frozen).
 */
export type ReportStatus = 'projet' | 'transmis' | 'validé';

/** One earlier validated version, listed on the changelog page of version 2 and later. */
export interface ReportChangelogEntry {
  version: number;
  /** ISO date-time of that version's validation. */
  validatedAt: string;
  validatedBy: string;
  /** Why the pilot reopened it (the comment given on reopening), null for the last version. */
  reopenReason: string | null;
  /** Key figures that changed between that version and the next one. */
  changes: { label: string; before: string; after: string }[];
}

/**
 * The qualitative part of the annual report, written by the operator (the editor comes later).
 * Every field is free French text; an empty or missing field is shown as « Non renseigné ».
 */
export interface AnnualReportNarrative {
  /** Actions menées pendant l'année. */
  actions?: string | null;
  /** Difficultés rencontrées. */
  difficulties?: string | null;
  /** Partenariats. */
  partnerships?: string | null;
  /** Perspectives pour l'année suivante. */
  outlook?: string | null;
}

/**
 * Everything the annual report (bilan qualitatif et financier) of a programme for year N shows,
 * as the API serves it: every figure is computed upstream (API services, @sdat/indicators);
 * the report only lays it out and formats it. Missing data is `null` and is shown as such.
 */
export interface AnnualReportData {
  /** Year N of the report. */
  year: number;
  /** Basis of the year's figures: 'actual' (réalisé, compared with the forecast) or 'forecast' only. */
  basis: Basis;
  programme: ProgrammeDetail;
  /** The agreement the programme is an annex of. */
  agreement: AgreementSummary | null;
  budgets: { forecast: BudgetView | null; actual: BudgetView | null };
  funding: { forecast: FundingView | null; actual: FundingView | null };
  /** Indicators of year N, on the actual basis and on the forecast basis. */
  indicators: { actual: ProgrammeIndicatorsResponse | null; forecast: ProgrammeIndicatorsResponse | null };
  /** The indicator catalogue (definition, formula, version) for the methodological annex. */
  catalogue: readonly IndicatorDefinition[];
  /** Reconciliation findings concerning the programme (printed vs computed figures of the documents). */
  findings: readonly ReconciliationFindingView[];
  /** True when any figure comes from generated demo data: the PDF then carries a banner on every page. */
  demo: boolean;
  status: ReportStatus;
  version: number;
  /** Deadline of the report, ISO date (15 March N+1 under the 2022 agreement). */
  dueDate: string;
  /** Qualitative part, written by the operator in the dashboard. */
  narrative?: AnnualReportNarrative | null;
  /** Who validated this version, and when (ISO date-time); null while not validated. */
  validation?: { validatedAt: string; validatedBy: string } | null;
  /** Earlier versions (version 2 and later): the changelog page. */
  changelog?: ReportChangelogEntry[];
}

/** Renders an ECharts option to an SVG string of the given size (pixels). Runs where ECharts runs. */
export type RenderChart = (option: EChartsOption, size: { width: number; height: number }) => string;

export interface AnnualReportOptions {
  renderChart: RenderChart;
  /** When the PDF is generated (ISO date-time), printed on the cover and in the footers. */
  generatedAt: string;
}
