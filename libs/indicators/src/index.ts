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
  Period,
  ProgrammeCode,
  Provenance,
  ProvenanceInput,
  ProvenanceKind,
  SourceRef,
  Status,
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
  computeOccupancyRate,
  computeSeniorityOfPresentDays,
  SENIORITY_BANDS,
  SMALL_SAMPLE_THRESHOLD,
} from './lib/formulas/episodes';
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

// Display and errors
export { formatIndicatorValue } from './lib/internal/text';
export { IndicatorInputError } from './lib/internal/validate';
