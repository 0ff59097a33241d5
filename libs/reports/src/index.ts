export type { AnnualReportData, AnnualReportNarrative, AnnualReportOptions, RenderChart, ReportChangelogEntry, ReportStatus } from './lib/types';
export { buildAnnualReport } from './lib/annual-report';
export { keepTitlesWithContent } from './lib/layout';
export { annualReportDueDate } from './lib/text';
export { BUDGET_GAP_THRESHOLD } from './lib/budget-comparison';
export { DEMO_BANNER } from './lib/sections/cover';
export { CHANGELOG_TITLE, QUALITATIVE_PLACEHOLDER, SECTION_TITLES, TOC_TITLE } from './lib/titles';
export type {
  CommitteePackData,
  CommitteePackOptions,
  CommitteePackProgramme,
  CommitteePackWorkbookOptions,
} from './lib/committee-pack/types';
export { buildCommitteePack } from './lib/committee-pack/committee-pack';
export { buildCommitteePackWorkbook, COMMITTEE_NUMBER_FORMATS } from './lib/committee-pack/workbook';
export { COMMITTEE_LATE_LABEL, COMMITTEE_SECTION_TITLES, COMMITTEE_SHEET_NAMES } from './lib/committee-pack/titles';
export type { ComparisonWorkbookOptions } from './lib/comparison-workbook';
export { buildComparisonWorkbook, COMPARISON_SHEET } from './lib/comparison-workbook';
