export type { AnnualReportData, AnnualReportNarrative, AnnualReportOptions, RenderChart, ReportStatus } from './lib/types';
export { buildAnnualReport } from './lib/annual-report';
export { annualReportDueDate } from './lib/text';
export { BUDGET_GAP_THRESHOLD } from './lib/budget-comparison';
export { DEMO_BANNER } from './lib/sections/cover';
export { QUALITATIVE_PLACEHOLDER, SECTION_TITLES, TOC_TITLE } from './lib/titles';
