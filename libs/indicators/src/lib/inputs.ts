/**
 * Input types of the formulas. Formulas take AGGREGATES, never raw rows: the API computes
 * them in PostgreSQL (SUM, COUNT, GROUP BY) and passes them in. Conventions:
 * - money: integer euro cents (`amountCents`), never floats;
 * - dates: ISO `YYYY-MM-DD`, periods inclusive of both ends;
 * - counts: non-negative integers; durations: whole calendar days (exit date − entry date).
 * Invalid inputs (negative counts, non-integer cents, malformed dates) throw an
 * `IndicatorInputError`: they are programming errors, not missing data.
 */
import type { Basis, Period, ProgrammeCode, SourceRef } from './types';

// ---------------------------------------------------------------------------
// Budgets (BP = forecast, compte administratif = actual)
// ---------------------------------------------------------------------------

export type BudgetSide = 'expenses' | 'income';

/**
 * One LEAF line of a budget, as printed. Group subtotals ("60 - ACHATS 39 772") and the
 * "TOTAL DES CHARGES" are not lines (put the printed totals in `declaredTotals`).
 * A group printed with a single amount and no account (e.g. "63/64 CHARGES DE PERSONNEL
 * 489 174") is a leaf with `accountCode: null` and `groupCode: '63/64'`.
 */
export interface BudgetLine {
  /** Chart-of-accounts code ('655700', '621800'…), or null when the document prints none. */
  accountCode: string | null;
  /** Group as printed: '60', '61', '62', '63', '63/64', '64', '65', '68', '70', '74'… */
  groupCode: string;
  side: BudgetSide;
  /** Label as printed (French). */
  label: string;
  /**
   * Integer cents. Reimbursement accounts 64x9 (6419, 6459, 6489…) may be given positive
   * or negative: they always REDUCE payroll and total expenses (their absolute value is subtracted).
   */
  amountCents: number;
}

export interface BudgetInput {
  programmeCode: ProgrammeCode;
  year: number;
  basis: Basis;
  lines: BudgetLine[];
  /** Totals printed on the document, checked against the sum of the lines (flag `inconsistent_input`). */
  declaredTotals?: { expensesCents?: number; incomeCents?: number };
  /** Period covered; defaults to the calendar year. A shorter period flags `partial_year`. */
  period?: Period;
}

// ---------------------------------------------------------------------------
// Funding (subsidies per funder)
// ---------------------------------------------------------------------------

export interface EarmarkedPart {
  /** e.g. 'segur_bonus' (primes Ségur), 'outreach_reinforcement' (renfort maraudes). */
  kind: string;
  /** French label, e.g. « Primes Ségur ». */
  label: string;
  amountCents: number;
}

export interface FunderFunding {
  funderCode: string;
  /** French name, e.g. « Ville de Dijon ». */
  funderName: string;
  /** Signatory of the agreement (convention cadre) or another funder. */
  isSignatory: boolean;
  amountCents: number;
  /** Parts of `amountCents` earmarked for a purpose (included in `amountCents`). */
  earmarked: EarmarkedPart[];
}

export interface FundingInput {
  programmeCode: ProgrammeCode;
  year: number;
  basis: Basis;
  funders: FunderFunding[];
}

// ---------------------------------------------------------------------------
// Staff
// ---------------------------------------------------------------------------

/**
 * 'fte': `fte` holds full-time equivalents (0.08, 1, 9…);
 * 'posts': the agreement counts positions (« 8 postes d'intervenants sociaux »): `fte` is null, `posts` holds the count;
 * 'unspecified': quantity unknown (« temps de renfort »).
 */
export type StaffUnit = 'fte' | 'posts' | 'unspecified';

export interface StaffLine {
  /** e.g. 'deputy_director', 'head_of_service', 'social_worker', 'nurse', 'psychologist', 'administrative'. */
  jobCode: string;
  /** French job title, e.g. « Directeur adjoint ». */
  jobTitle: string;
  fte: number | null;
  unit: StaffUnit;
  /** Number of positions when `unit` is 'posts'. */
  posts?: number;
}

export interface StaffInput {
  programmeCode: ProgrammeCode;
  year: number;
  basis: Basis;
  lines: StaffLine[];
}

// ---------------------------------------------------------------------------
// Activity (support episodes and other counts)
// ---------------------------------------------------------------------------

/** Programme and period of an activity aggregate. */
export interface ActivityScope {
  programmeCode: ProgrammeCode;
  /** ISO date, inclusive. */
  periodStart: string;
  /** ISO date, inclusive. */
  periodEnd: string;
}

/** Number of episodes per whole-day duration (SQL: GROUP BY duration). */
export interface DurationCount {
  durationDays: number;
  count: number;
}

/**
 * One row of a Kaplan–Meier table (SQL: GROUP BY duration):
 * `events` episodes CLOSED after `durationDays`, `censored` episodes still OPEN at the
 * period end with that seniority.
 */
export interface SurvivalRow {
  durationDays: number;
  events: number;
  censored: number;
}

/** Flows restricted to one territory (e.g. Chenôve for ACOR Dijon Métropole). */
export interface TerritoryFlow {
  territoryCode: string;
  /** French label, e.g. « Chenôve ». */
  label: string;
  presentAtStart: number;
  entries: number;
  exits: number;
  presentAtEnd?: number;
}

/** Flows of one calendar month of the period (SQL: one row per month). */
export interface MonthlyFlow {
  /** `YYYY-MM`. */
  month: string;
  /** Episodes whose entry date falls in the month. */
  entries: number;
  /** Episodes whose exit date falls in the month. */
  exits: number;
  /** Episodes open at the end of the month's last day (entered by then, not exited by then). */
  presentAtEnd: number;
}

/**
 * Support-episode aggregates for one programme and one period. Counts are counts of
 * EPISODES (a person with two episodes counts twice), except `distinctParticipants`.
 */
export interface EpisodeAggregates extends ActivityScope {
  /** Episodes open on `periodStart` (entered before it, not exited before it). */
  presentAtStart: number;
  /** Episodes whose entry date falls in the period. */
  entries: number;
  /** Episodes whose exit date falls in the period. */
  exits: number;
  /** Episodes open at `periodEnd`; when given, checked against start + entries − exits. */
  presentAtEnd?: number;
  /** Distinct participants with an episode during the period. */
  distinctParticipants?: number;
  /** Σ over episodes of the days of presence inside the period (for the occupancy rate). */
  participantDays?: number;
  /** Episodes CLOSED during the period, per duration (exit − entry) — for the average duration. */
  closedDurations?: DurationCount[];
  /**
   * Kaplan–Meier table for the median duration. When absent it is derived from
   * `closedDurations` (events) and `openSeniority` (censored), i.e. the episodes active in the period.
   */
  survival?: SurvivalRow[];
  /** Episodes OPEN at `periodEnd`, per seniority (periodEnd − entry). */
  openSeniority?: DurationCount[];
  /** Flows per territory, for territorial targets (Chenôve). */
  byTerritory?: TerritoryFlow[];
  /** Flows and month-end caseload of each month of the period, in calendar order. */
  byMonth?: MonthlyFlow[];
}

/** Capacity of a programme, for the occupancy rate. */
export interface OccupancyInput extends ActivityScope {
  participantDays: number;
  /** Places (e.g. 40 for EMAS: « File active de 40 personnes »). */
  capacity: number;
  /** Days open in the period (calendar days for home support, opening days for a day centre). */
  daysOpen: number;
}

export interface CategoryCount {
  key: string;
  /** French label. */
  label: string;
  count: number;
}

/** Counts per category (refusals per reason, referrers, age bands, situations, hand-overs…). */
export interface DistributionInput extends ActivityScope {
  items: CategoryCount[];
}

export interface WaitingListInput extends ActivityScope {
  /** People on the waiting list (or awaiting a referral) at `periodEnd`. */
  atPeriodEnd: number;
  /** People added to the list during the period, if known. */
  addedDuringPeriod?: number;
  /** Optional split of the stock at period end (French labels). */
  byCategory?: CategoryCount[];
  /** The stock at the end of each month with a figure (`YYYY-MM`, calendar order); the last one is `atPeriodEnd`. */
  byMonth?: { month: string; count: number }[];
}

/** CCA decisions (annexe 4, art. 4-5). */
export type ReferralDecision = 'accord' | 'accord_waiting_list' | 'adjournment' | 'rejection';

export interface ReferralDecisionsInput extends ActivityScope {
  counts: { decision: ReferralDecision; count: number }[];
}

/** Referrals proposed by the programme to other services (« orientations proposées, dont SIAO »). */
export interface ReferralOutcomesInput extends ActivityScope {
  referralsProposed: number;
  toSiao: number;
  /** Optional split per destination (must add up to `referralsProposed`). */
  byDestination?: CategoryCount[];
}

export interface CountInput extends ActivityScope {
  count: number;
}

/** Day-centre attendance (ACOR Centre Ville). */
export interface AttendanceInput extends ActivityScope {
  visits: number;
  distinctPeople: number;
  openingDays: number;
}

/** Street outreach (maraudes). */
export interface OutreachInput extends ActivityScope {
  contacts: number;
  distinctPeople: number;
  rounds?: number;
}

// ---------------------------------------------------------------------------
// Targets and other agreements
// ---------------------------------------------------------------------------

/**
 * 'period_caseload': episodes followed during the period (present at start + entries);
 * 'caseload_at_end': episodes open at period end.
 */
export type TargetMeasure = 'period_caseload' | 'caseload_at_end';

export interface ProgrammeTarget {
  programmeCode: ProgrammeCode;
  key: string;
  /** French label. */
  label: string;
  value: number;
  measure: TargetMeasure;
  /** Restrict the measure to one territory of `EpisodeAggregates.byTerritory`. */
  territoryCode?: string;
  sourceRef: SourceRef;
}

/** Pacte de solidarité (State ↔ Dijon Métropole): amounts per action for one year. */
export interface PacteParityInput {
  year: number;
  actions: { code: string; label: string; stateCents: number; metropoleCents: number }[];
}

// ---------------------------------------------------------------------------
// One programme-year
// ---------------------------------------------------------------------------

export interface CapacityInput {
  places: number;
  /** Defaults to the calendar days of the period (continuous home support). */
  daysOpen?: number;
}

export interface ProgrammeYearInput {
  programmeCode: ProgrammeCode;
  year: number;
  basis: Basis;
  /** Activity period; defaults to the calendar year. */
  period?: Period;
  budget?: BudgetInput;
  /**
   * Budgets of earlier years (any order, either basis): N-1 and N-2 feed the growth
   * indicators; all of them feed the cumulative surplus and the deficit carry-over check.
   */
  previousBudgets?: BudgetInput[];
  funding?: FundingInput;
  staff?: StaffInput;
  episodes?: EpisodeAggregates;
  capacity?: CapacityInput;
  waitingList?: WaitingListInput;
  refusals?: DistributionInput;
  referralDecisions?: ReferralDecisionsInput;
  referralOutcomes?: ReferralOutcomesInput;
  referrers?: DistributionInput;
  profileAge?: DistributionInput;
  profileSituation?: DistributionInput;
  /** Exits per hand-over service; the key 'none' means « sans relais ». */
  handovers?: DistributionInput;
  leaseTransfers?: CountInput;
  attendance?: AttendanceInput;
  outreach?: OutreachInput;
  pacteParity?: PacteParityInput;
  /** Targets written in the agreement (from the database); none → target_completion has no target. */
  targets?: ProgrammeTarget[];
}
