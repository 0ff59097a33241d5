import type { MeasureUnit } from '@sdat/format';
import type { Fraction } from './fraction';

/** Programme codes (see GLOSSARY.md: "programme" = dispositif). */
export type ProgrammeCode = 'acor-centre-ville' | 'acor-dijon-metropole' | 'emas';

export const PROGRAMME_CODES: readonly ProgrammeCode[] = [
  'acor-centre-ville',
  'acor-dijon-metropole',
  'emas',
];

export const PROGRAMME_LABELS: Readonly<Record<ProgrammeCode, string>> = {
  'acor-centre-ville': 'ACOR Centre Ville',
  'acor-dijon-metropole': 'ACOR Dijon Métropole',
  emas: 'EMAS',
};

/** Budget basis: forecast (budget prévisionnel) or actual (réalisé). */
export type Basis = 'forecast' | 'actual';

export type IndicatorCategory = 'means' | 'results' | 'compliance';

/**
 * Units of `IndicatorValue.value`:
 * - `eur`: integer euro CENTS;
 * - `eur_per_person`: cents per person (exact fraction in `exact`);
 * - `ratio`: fraction of 1 (0.72 = 72 %); `rate`: growth rate, fraction of 1, may be negative;
 * - `points`: difference between two ratios, fraction of 1 (0.012 = +1,2 pt);
 * - `fte`: full-time equivalents; `count`: people, episodes, visits…; `days`: calendar days;
 * - `count_per_day`: count per opening day; `pass_fail`: 1 = conforme, 0 = non conforme.
 */
/** Units of the catalogue: the measure units of @sdat/format. */
export type IndicatorUnit = MeasureUnit;

/**
 * How values combine across periods or programmes. Never an average of ratios:
 * - `flow`: additive over time (entries, expenses); `stock`: a level at a date (not additive over time);
 * - `ratio_of_sums`: recompute Σnumerators / Σdenominators; `distribution`: add counts per category.
 */
export type Aggregation = 'flow' | 'stock' | 'ratio_of_sums' | 'distribution';

export type Status = 'ok' | 'warning' | 'alert';

export type Comparator = 'lte' | 'gte';

export interface TargetDefinition {
  /** Target value in the indicator's unit (e.g. 0.05 for 5 %). */
  value: number;
  /** What the target is measured on (FR), e.g. « charges hors frais de siège ». */
  of?: string;
  comparator: Comparator;
  /**
   * Status thresholds, in the indicator's unit, compared exactly:
   * for `lte`: value ≤ ok → 'ok'; ≤ warning → 'warning'; otherwise 'alert'.
   * for `gte`: value ≥ ok → 'ok'; ≥ warning → 'warning'; otherwise 'alert'.
   */
  thresholds: { ok: number; warning: number };
  /** French sentence, e.g. « Plafond de 5 % des charges ». */
  label: string;
}

/** Where the agreement asks for the indicator (French quote). */
export interface SourceRef {
  document: string;
  location: string;
  quote: string;
}

export type FlagCode =
  | 'no_data'
  | 'not_computable'
  | 'partial_year'
  | 'unreliable_small_sample'
  | 'definition_changed'
  | 'group_total_used'
  | 'mixed_bases'
  | 'forecast_basis'
  | 'incomplete_data'
  | 'inconsistent_input'
  | 'above_capacity'
  | 'median_not_reached'
  | 'basis_sensitive'
  /** Small counts of people masked (see `applySmallCountSuppression`). */
  | 'suppressed_small_count';

export interface Flag {
  code: FlagCode;
  /** French message shown to the user. */
  message: string;
}

/**
 * Why a figure was masked by the small-count rule (`applySmallCountSuppression`):
 * - `small_count`: a count of 1 to threshold − 1 people (or events bounding people), shown « < threshold »;
 * - `complementary`: hidden so that a small count cannot be recovered by difference from a total or
 *   from the other cells; its true value is not small, shown « masqué »;
 * - `small_base`: a mean, median, share or rate computed on fewer than threshold people, or on a
 *   count that is itself masked (the figure would give it back).
 */
export type SuppressionReason = 'small_count' | 'complementary' | 'small_base';

/** Marker of a masked figure; the figure's `value` is then null and its `exact`/`share` are removed. */
export interface Suppression {
  reason: SuppressionReason;
  /** Threshold of the rule (people), e.g. 5. */
  threshold: number;
  /** Only for `small_count`: the hidden count lies in 1 … below − 1 (display « < below »). */
  below?: number;
}

export interface Period {
  /** ISO date `YYYY-MM-DD`, inclusive. */
  start: string;
  /** ISO date `YYYY-MM-DD`, inclusive. */
  end: string;
}

export type ProvenanceKind =
  | 'account_line'
  | 'budget_total'
  | 'count'
  | 'funding'
  | 'staff'
  | 'indicator'
  | 'parameter';

export interface ProvenanceInput {
  kind: ProvenanceKind;
  /** Account code, funder code, job code, input field name… */
  ref: string;
  /** French label. */
  label: string;
  value: number | null;
  unit: IndicatorUnit;
  /** Year of the input when it differs from the indicator's year. */
  year?: number;
}

export interface Provenance {
  basis: Basis | null;
  period: Period | null;
  inputs: ProvenanceInput[];
  /** French formula with the numbers substituted. */
  formulaText: string;
  /** Method actually used (e.g. 'group_total' vs 'detailed_accounts' for payroll). */
  method?: string;
  /** French notes on choices made (basis, fallback…). */
  notes?: string[];
}

export interface BreakdownItem {
  key: string;
  /** French label. */
  label: string;
  value: number | null;
  unit: IndicatorUnit;
  /** Exact value when it is a fraction. */
  exact?: Fraction;
  /** Share of the indicator's total (exact). */
  share?: Fraction;
  status?: Status | null;
  children?: BreakdownItem[];
  attributes?: Record<string, string | number | boolean | null>;
  /** Present when the small-count rule masked this item (`value` is then null). */
  suppressed?: Suppression;
}

export interface TargetResult extends TargetDefinition {
  /** Key of the programme target (see PROGRAMME_TARGETS) when relevant. */
  key?: string;
}

export interface IndicatorValue {
  code: IndicatorCode;
  version: number;
  label: string;
  category: IndicatorCategory;
  unit: IndicatorUnit;
  programmeCode: ProgrammeCode | null;
  year: number | null;
  /** Display/chart value (nearest double of `exact` when present). Null when not computable. */
  value: number | null;
  /** Exact value as a reduced fraction of integers when the value is a ratio or a mean. */
  exact?: Fraction;
  /**
   * Partition of `value`: the items add up to it (flows, stocks, distributions, money).
   * Ratios and means have no breakdown; their terms are in `details` and `provenance.inputs`.
   */
  breakdown?: BreakdownItem[];
  /** Complementary figures that do not add up to the value (other basis, evolution, per-year rates…). */
  details?: BreakdownItem[];
  target?: TargetResult;
  status?: Status | null;
  /** Compliance indicators: true = conforme, false = non conforme, null = not assessable. */
  passed?: boolean | null;
  flags: Flag[];
  /** French reason, present when value is null. */
  reason?: string;
  /** Present when the small-count rule masked `value` (then null, without `exact`). */
  suppressed?: Suppression;
  provenance: Provenance;
}

/** Every indicator code of the catalogue. */
export type IndicatorCode =
  | 'fte_total'
  | 'fte_by_job'
  | 'payroll'
  | 'payroll_growth'
  | 'payroll_ratio'
  | 'staff_cost_ratio'
  | 'social_fund_growth'
  | 'cumulative_surplus'
  | 'head_office_ratio'
  | 'funding_by_funder'
  | 'cost_per_participant'
  | 'entries'
  | 'exits'
  | 'active_caseload'
  | 'monthly_caseload'
  | 'occupancy_rate'
  | 'avg_duration_days'
  | 'median_duration_days'
  | 'seniority_of_present_days'
  | 'waiting_list'
  | 'refusals'
  | 'referral_decisions'
  | 'siao_referral_share'
  | 'referrers'
  | 'profile_age'
  | 'profile_situation'
  | 'handover_at_exit'
  | 'lease_transfers'
  | 'attendance'
  | 'outreach_contacts'
  | 'target_completion'
  | 'head_office_cap'
  | 'no_deficit_carried_over'
  | 'pacte_parity';

/**
 * Which figures of an indicator count PEOPLE, for the small-count rule (see
 * `applySmallCountSuppression` and docs/indicators.md « Petits effectifs »):
 * - `value`: the value is a count of people (episodes of people), and so are its breakdown and count details;
 * - `breakdown`: the value is not a count of people (e.g. day-centre visits) but its breakdown or
 *   details hold people counts (distinct people) or figures per person;
 * - `denominator`: the value is a mean, median, share or rate computed on people (people base, or people
 *   numerator for the completion of a caseload target); its count details are people counts;
 * - `none`: money, FTE, compliance checks — never masked.
 */
export type PeopleCountRole = 'value' | 'breakdown' | 'denominator' | 'none';

export interface IndicatorDefinition {
  code: IndicatorCode;
  /** Integer; a change of definition creates a new version. */
  version: number;
  label: string;
  category: IndicatorCategory;
  unit: IndicatorUnit;
  definition: string;
  formula: string;
  aggregation: Aggregation;
  bases: readonly Basis[];
  programmes: readonly ProgrammeCode[] | 'all';
  /**
   * 'programme': computed for each applicable programme (null + `no_data` when its input is missing);
   * 'agreement': a check on another agreement (Pacte), computed only when its input is given.
   */
  scope: 'programme' | 'agreement';
  target?: TargetDefinition;
  sourceRef: SourceRef;
  /** What the small-count rule masks (every catalogue entry sets it; optional for compatibility). */
  peopleCount?: PeopleCountRole;
  /**
   * Decimals of the ratio wherever it is shown (screen, PDF, XLSX), when not 1: a ratio read against
   * a cap close to its values (head-office fees, 5 %: 4,97 % must not read « 5,0 % »).
   */
  percentDigits?: number;
}
