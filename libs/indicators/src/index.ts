// Types
export type {
  Aggregation,
  Basis,
  BreakdownItem,
  Comparator,
  Flag,
  FlagCode,
  IndicatorCategory,
  IndicatorCode,
  IndicatorDefinition,
  IndicatorUnit,
  IndicatorValue,
  PeopleCountRole,
  Period,
  ProgrammeCode,
  Provenance,
  ProvenanceInput,
  ProvenanceKind,
  SourceRef,
  Status,
  Suppression,
  SuppressionReason,
  TargetDefinition,
  TargetResult,
} from './lib/types';
export { PROGRAMME_CODES, PROGRAMME_LABELS } from './lib/types';
export type * from './lib/inputs';

// Exact fractions
export type { Fraction } from './lib/fraction';
export {
  addFractions,
  compareFractions,
  fraction,
  fractionToNumber,
  fractionsEqual,
} from './lib/fraction';

// Catalogue
export {
  CATALOGUE,
  definitionsForProgramme,
  getDefinition,
  isApplicable,
  percentDigitsOf,
} from './lib/catalogue';

// Formulas
export {
  computePayroll,
  computePayrollGrowth,
  computePayrollRatio,
  computeStaffCostRatio,
} from './lib/formulas/payroll';
export {
  computeCostPerParticipant,
  computeCumulativeSurplus,
  computeHeadOfficeCap,
  computeHeadOfficeRatio,
  computeNoDeficitCarriedOver,
  computeSocialFundGrowth,
} from './lib/formulas/budget';
export { computeFteByJob, computeFteTotal } from './lib/formulas/staff';
export { computeFundingByFunder, OTHER_FUNDERS_KEY } from './lib/formulas/funding';
export {
  caseloadAtEnd,
  computeActiveCaseload,
  computeAvgDurationDays,
  computeEntries,
  computeExits,
  computeMedianDurationDays,
  computeMonthlyCaseload,
  computeOccupancyRate,
  computeSeniorityOfPresentDays,
  monthlyItemKey,
  SENIORITY_BANDS,
  SMALL_SAMPLE_THRESHOLD,
} from './lib/formulas/episodes';
export type { MonthlyMeasure } from './lib/formulas/episodes';
export type { KaplanMeierResult, KaplanMeierStep } from './lib/formulas/kaplan-meier';
export { kaplanMeier, survivalFromHistograms } from './lib/formulas/kaplan-meier';
export {
  computeAttendance,
  computeHandoverAtExit,
  computeLeaseTransfers,
  computeOutreachContacts,
  computeProfileAge,
  computeProfileSituation,
  computeReferralDecisions,
  computeReferrers,
  computeRefusals,
  computeSiaoReferralShare,
  computeWaitingList,
  NO_HANDOVER_KEY,
  waitingListMonthKey,
  REFERRAL_DECISION_LABELS,
} from './lib/formulas/activity';
export { computeTargetCompletion } from './lib/formulas/targets';
export { computePacteParity } from './lib/formulas/compliance';
export type { SeriesPoint } from './lib/formulas/series';
export {
  averageAnnualRate,
  definitionBreakFlags,
  mixedBasesFlags,
  yearOverYearRates,
} from './lib/formulas/series';

// Programme-year runner
export { computeProgrammeIndicators } from './lib/programme';

// Small-count suppression (règle des petits effectifs)
export type { SmallCountOptions, SuppressedCount } from './lib/suppression/apply';
export {
  applySmallCountSuppression,
  DEFAULT_SMALL_COUNT_THRESHOLD,
  suppressCount,
  suppressedFormulaText,
  suppressTable,
} from './lib/suppression/apply';
export { peopleCountRole } from './lib/suppression/extract';

// Display and errors
export { formatIndicatorValue, formatSuppressed } from './lib/internal/text';
export { IndicatorInputError } from './lib/internal/validate';
