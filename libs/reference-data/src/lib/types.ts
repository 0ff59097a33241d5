/**
 * Types of the reference data transcribed from the source agreements
 * (`shared/seeds/000…004`). Code names follow `shared/GLOSSARY.md`.
 *
 * Conventions:
 * - money is always an integer number of euro cents (18 782 € → 1878200);
 * - `printed*` fields keep the text exactly as printed in the document, typos included;
 * - dates are ISO strings `YYYY-MM-DD`;
 * - every user-facing text (labels, notes, summaries) is in French.
 */

/** Organisation slug, e.g. `dijon-metropole`. */
export type OrgCode = string;

export type AgreementCode =
  | 'convention-cadre-sdat-2022'
  | 'pacte-solidarite-dijon-metropole-2020'
  | 'caf-grand-dijon-2016-2017'
  | 'ccas-dijon-adoma-2023'
  | 'ccas-dijon-carsat-2014';

export type ProgrammeCode = 'acor-centre-ville' | 'acor-dijon-metropole' | 'emas';

/** Source document, by the prefix of its file name in `shared/seeds`. */
export type SourceDocument = '000' | '001' | '002' | '003' | '004';

// ---------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------

export type OrganisationKind =
  | 'signatory'
  | 'funder'
  | 'operator'
  | 'pilot'
  | 'state_service'
  | 'partner'
  | 'secretariat';

export interface Organisation {
  code: OrgCode;
  /** Name as printed in the documents (main form). */
  name: string;
  /** Short name for screens and messages (FR), without article: "Ville de Dijon", "État". */
  displayName: string;
  /** Other printed forms of the name (abbreviations, spellings). */
  aliases: string[];
  kinds: OrganisationKind[];
  /** Parent organisation (a State department belongs to `etat`). */
  parentCode?: OrgCode;
  /** Organisation that took over this one (e.g. the Communauté urbaine became Dijon Métropole). */
  successorCode?: OrgCode;
  note?: string;
}

// ---------------------------------------------------------------------------
// Agreements
// ---------------------------------------------------------------------------

export type AgreementKind = 'framework_agreement' | 'solidarity_pact' | 'partnership_agreement';

export type RenewalRule =
  | { kind: 'none'; printed: string | null }
  /** Renewed automatically for `periodMonths` at each term: open-ended. */
  | { kind: 'tacit'; periodMonths: number; noticeMonths?: number; printed: string }
  /** Can be renewed once for `periodMonths`: validity never exceeds twice the initial period. */
  | { kind: 'renewable_once'; periodMonths: number; noticeMonths?: number; printed: string };

export type SignatoryRole = 'funder' | 'operator' | 'beneficiary' | 'partner';

export interface Signatory {
  orgCode: OrgCode;
  role: SignatoryRole;
  /** The party as printed in the heading of the agreement. */
  printedParty: string;
  /** Representative named in the heading, as printed (null when no name is printed). */
  representedBy: string | null;
  /** Name printed in the signature block (null when none). */
  signedBy: string | null;
  /** Capacity printed in the signature block. */
  signatureCapacity?: string;
  /** Other people who signed for the same party (name and capacity as printed). */
  additionalSigners?: string[];
}

export interface KeyArticle {
  /** Reference as printed: "Article 4", "Annexe 1", "Article 2.4"… */
  ref: string;
  /** Title as printed. */
  title: string;
  /** What matters for the follow-up (FR). */
  summary: string;
}

/** A reference from one article to another, kept to check it points at the right place. */
export interface CrossReference {
  /** Where the reference is printed. */
  fromRef: string;
  /** The article it cites, as printed ("article 4"). */
  citedRef: string;
  /** The obligation kind the citing sentence is about. */
  aboutObligationKind: ObligationKind;
  printed: string;
}

/** A list of co-funders printed in the text (e.g. the preamble of the convention cadre). */
export interface PrintedFunderList {
  sourceRef: string;
  orgCodes: OrgCode[];
  printed: string;
}

export interface Agreement {
  code: AgreementCode;
  /** Title as printed. */
  title: string;
  /** Short name used in screens and finding locations (FR); falls back to the title. */
  shortTitle?: string;
  kind: AgreementKind;
  sourceDocument: SourceDocument;
  /** Signature date when printed, else null. */
  signedOn: string | null;
  /** First day of the initial period. */
  startDate: string;
  /** Last day of the initial period (before any renewal). */
  endDate: string;
  durationMonths: number;
  renewal: RenewalRule;
  /** Notice for early termination, in months, when the text sets one. */
  terminationNoticeMonths?: number;
  /** Termination rule as printed, when there is one. */
  terminationRule?: string;
  /** How the dates were obtained (FR): printed, or deduced from which sentence. */
  datesNote: string;
  signatories: Signatory[];
  keyArticles: KeyArticle[];
  programmeCodes: ProgrammeCode[];
  crossReferences: CrossReference[];
  printedFunderLists: PrintedFunderList[];
  /** Rule that pilots are chosen among the signatories, when the agreement prints one. */
  pilotRule?: { sourceRef: string; printed: string };
}

// ---------------------------------------------------------------------------
// Programmes
// ---------------------------------------------------------------------------

export type PilotRole = 'pilot' | 'co_pilot';

export interface ProgrammePilot {
  orgCode: OrgCode;
  role: PilotRole;
}

export interface CapacityTarget {
  code: string;
  /** Label as printed (FR). */
  label: string;
  value: number;
  unit: 'follow_ups' | 'persons' | 'co_evaluations' | 'measures';
  period: 'year' | 'at_any_time';
  /** Maximum duration of one episode, when printed (EMAS co-evaluations: 3 months). */
  maxDurationMonths?: number;
  /**
   * Parts of the target: `exhaustive` parts must add up to the value ("40 = 35 + 5"),
   * `partial` parts are a "dont" (subset) and must not exceed it.
   */
  of?: CapacityTarget[];
  breakdown?: 'exhaustive' | 'partial';
  printed: string;
}

export type StaffUnit = 'fte' | 'posts' | 'other';

export interface StaffLine {
  /** Job title as printed. */
  jobTitle: string;
  jobCode: string;
  /** Quantity as printed ("0,08", "9", "0.20", "8"). */
  fte: string;
  /** Quantity as a number when the unit is FTE, else null. */
  fteValue: number | null;
  /** Quantity in the printed unit ("8 postes" → 8). */
  quantity: number | null;
  unit: StaffUnit;
  /** The whole line as printed. */
  printed: string;
}

export type IndicatorKind = 'means' | 'result';

export interface ProgrammeIndicator {
  code: string;
  kind: IndicatorKind;
  /** Label as printed. */
  label: string;
}

export interface Programme {
  code: ProgrammeCode;
  /** Name as printed in the annex heading. */
  name: string;
  agreementCode: AgreementCode;
  annex: number;
  operatorCode: OrgCode;
  /** Other operators (EMAS is a team shared between Acodège and the SDAT). */
  coOperatorCodes: OrgCode[];
  pilots: ProgrammePilot[];
  /** The pilot paragraph as printed. */
  pilotsPrinted: string;
  /** Names the programme had before (ACOR Dijon Métropole merges Acor Grand Dijon and Inser Social Chenôve). */
  formerNames: string[];
  targetPublic: string[];
  territory: string;
  capacityTargets: CapacityTarget[];
  staff: StaffLine[];
  indicators: ProgrammeIndicator[];
  /** Opening and activity notes (FR, from the annex). */
  openingNotes: string[];
  activityNotes: string[];
}

// ---------------------------------------------------------------------------
// Budgets (forecast 2022, annexes of the convention cadre)
// ---------------------------------------------------------------------------

export type BudgetSide = 'expenses' | 'income';
export type BudgetGroupCode = '60' | '61' | '62' | '63' | '63/64' | '65' | '68' | '70' | '74';

export interface EarmarkedPart {
  kind: 'segur';
  amountCents: number;
  /** The note as printed, e.g. "(dt 2 059 € s/Primes Médico-social 1/4/22)". */
  printed: string;
}

export interface BudgetLine {
  /** Account code as printed (without a leading dash), or null when the document prints none. */
  accountCode: string | null;
  /** Label exactly as printed, without the account code and its separator. */
  label: string;
  /** The whole first cell exactly as printed ("606120 - eau, électricité, chauffage", "- Subvention Ville de Dijon"). */
  printedLabel: string;
  /** Amount as printed in the line column ('' when the cell is empty). */
  printed: string;
  /** Amount in cents, null when the cell is empty. */
  amountCents: number | null;
  /** Text printed in the subtotal column of a line (should be empty: a line printed twice). */
  printedInSubtotalColumn?: string;
  earmarked?: EarmarkedPart[];
  /** Income lines: funder the line comes from (by its label), null when several funders are pooled. */
  funderCode?: OrgCode | null;
  /** Income lines: own revenue, not a subsidy. */
  ownRevenue?: boolean;
  /** Income lines: funding stream named in the label (only "lutte contre la pauvreté" is printed on both sides). */
  stream?: FundingStream;
}

export interface BudgetGroup {
  groupCode: BudgetGroupCode;
  side: BudgetSide;
  /** Label as printed after the group code. */
  label: string;
  /** The whole header cell as printed. */
  printedLabel: string;
  printedSubtotal: string;
  printedSubtotalCents: number;
  /** Rows printed under the header without code nor amount, e.g. "(dont primes … : 4 896 €)". */
  notes?: string[];
  earmarked?: EarmarkedPart[];
  lines: BudgetLine[];
}

export interface Budget {
  programmeCode: ProgrammeCode;
  agreementCode: AgreementCode;
  year: number;
  basis: 'forecast';
  /** Title as printed above the table. */
  title: string;
  sourceRef: string;
  groups: BudgetGroup[];
  printedTotalExpenses: string;
  printedTotalExpensesCents: number;
  printedTotalIncome: string;
  printedTotalIncomeCents: number;
}

// ---------------------------------------------------------------------------
// Fundings ("Financement pour 2022" table of each annex)
// ---------------------------------------------------------------------------

export type FundingStream = 'lutte_contre_la_pauvrete';

export interface FundingBreakdownPart {
  label: string;
  amountCents: number;
  /** "dont" parts printed inside this part. */
  includes?: { label: string; amountCents: number }[];
}

export interface Funding {
  programmeCode: ProgrammeCode;
  agreementCode: AgreementCode;
  year: number;
  funderCode: OrgCode;
  /** Label as printed in the table (without the list dash). */
  label: string;
  /** The whole first cell as printed ("- Ville de Dijon"). */
  printedLabel: string;
  /** Amount cell as printed ("382 474 €", "517 153 € Dont primes Ségur médico-social : 3 953 €"). */
  printed: string;
  amountCents: number;
  earmarked: EarmarkedPart[];
  /** Breakdown printed on the following row, when any. */
  breakdownPrinted?: string;
  breakdown?: FundingBreakdownPart[];
  stream?: FundingStream;
  funderIsSignatory: boolean;
  source: 'funding_summary';
  sourceRef: string;
}

/** What the annex says about the funding table as a whole. */
export interface FundingSummaryNote {
  programmeCode: ProgrammeCode;
  agreementCode: AgreementCode;
  year: number;
  /** Number of funders printed in the text, when given (EMAS: 13). */
  totalFunderCount: number | null;
  /** True when the table lists only the signatories' contributions. */
  onlySignatoriesListed: boolean;
  printed: string;
}

// ---------------------------------------------------------------------------
// Obligations (rules, not dates)
// ---------------------------------------------------------------------------

export type ObligationKind =
  | 'forecast_budget'
  | 'annual_report'
  | 'technical_committee'
  | 'steering_committee'
  | 'monitoring_committee'
  | 'execution_report'
  | 'coordination_meeting'
  | 'coordination_commission'
  | 'social_life_fund_review'
  | 'evaluation'
  | 'progress_review'
  | 'annual_calendar'
  | 'information_session';

/** 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export type ScheduleRule =
  /** One deadline per period year N, on `day`/`month` of year N + yearOffset. */
  | { type: 'yearly'; month: number; day: number; yearOffset: number }
  /** `count` occurrences per agreement year; the text gives no date. */
  | { type: 'per_year'; count: number; atLeast: boolean }
  /** One occurrence in every window of `n` months from the start; the text gives no date. */
  | { type: 'every_n_months'; n: number }
  /** Monthly, on the last (or nth) given weekday of the month. */
  | { type: 'monthly_weekday'; weekday: Weekday; position: 'last'; usually: boolean }
  /** `count` occurrences over the whole agreement period; the text gives no date. */
  | { type: 'per_period'; count: number; atLeast: boolean }
  /** Once, `months` after `baseDate` (or after the agreement start when baseDate is absent). */
  | { type: 'months_after'; months: number; baseDate?: string };

export interface ObligationRule {
  id: string;
  agreementCode: AgreementCode;
  programmeCode?: ProgrammeCode;
  /** Pacte action number when the rule belongs to one action ("2.1"). */
  pacteActionNumber?: string;
  kind: ObligationKind;
  /** Label (FR). */
  label: string;
  rule: ScheduleRule;
  responsibleOrgCodes: OrgCode[];
  recipientOrgCodes: OrgCode[];
  /** Article / annex the rule comes from, as printed. */
  sourceRef: string;
  /** The sentence as printed. */
  printed: string;
  /** Rule applies only from / until this date (inside the agreement validity). */
  validFrom?: string;
  validTo?: string;
  /** Remark (FR): ambiguity, optional obligation… */
  note?: string;
}

/** A concrete occurrence of an obligation rule. */
export interface ObligationOccurrence {
  /** Stable id: `${ruleId}:${periodYear}` plus `-${sequence}` when several per period. */
  id: string;
  ruleId: string;
  kind: ObligationKind;
  label: string;
  agreementCode: AgreementCode;
  programmeCode?: ProgrammeCode;
  pacteActionNumber?: string;
  /** Year the obligation is about (budget year, reporting year, meeting year…). */
  periodYear: number;
  /** Rank within the period when the rule asks for several occurrences (1-based). */
  sequence?: number;
  /** Window the occurrence falls in (used for sorting when the text gives no date). */
  windowStart: string;
  windowEnd: string;
  /** Deadline, or null when the text gives no date. */
  dueDate: string | null;
  /** The rule in words (FR). */
  dueDateRule: string;
  responsibleOrgCodes: OrgCode[];
  recipientOrgCodes: OrgCode[];
  sourceRef: string;
  /** True when produced only because the caller extended the agreement beyond its printed validity. */
  beyondPrintedValidity: boolean;
}

// ---------------------------------------------------------------------------
// Pacte de solidarité 2020
// ---------------------------------------------------------------------------

export interface PacteAxis {
  number: number;
  /** Title as printed in the table of commitments. */
  title: string;
}

export interface PacteIndicator {
  /** Label as printed. */
  label: string;
  target?: { value: number; unit: string; printed: string };
}

export interface PacteFigure {
  code: string;
  label: string;
  value: number;
  unit: string;
  printed: string;
}

export interface PacteAction {
  agreementCode: AgreementCode;
  axisNumber: number;
  /** "1.1" … "3.2". */
  number: string;
  /** Title in annex 1 (table of commitments), as printed. */
  tableTitle: string;
  /** Title in annex 2 (fiche action), as printed. */
  ficheTitle: string;
  statePrinted: string;
  stateAmountCents: number;
  metropolePrinted: string;
  metropoleAmountCents: number;
  estimatedBudgetPrinted: string;
  estimatedBudgetCents: number;
  objective: string;
  description: string;
  targetPublic: string;
  territory: string;
  /** "Modalités de mise en œuvre de l'action et échéancier", as printed (HTML markup removed). */
  timetable: string;
  indicators: PacteIndicator[];
  /** Numbers printed in the fiche (agents, FTE, start dates…). */
  figures: PacteFigure[];
}

export interface SolidarityPact {
  agreementCode: AgreementCode;
  year: number;
  axes: PacteAxis[];
  actions: PacteAction[];
  printedTotals: {
    /** "Total" row of annex 1. */
    statePrinted: string;
    stateCents: number;
    metropolePrinted: string;
    metropoleCents: number;
    /** Article 1: each party devotes this amount to the actions in 2020. */
    article1EachCents: number;
    /** Article 2.3.1: provisional State support for 2020. */
    article231StateCents: number;
  };
  parityRule: {
    rule: 'metropole_gte_state';
    sourceRef: string;
    printed: string;
  };
  /** EMAS partners listed in fiche 2.3 (3 categories). */
  emasFunderPartners: { category: string; orgNames: string[] }[];
}

// ---------------------------------------------------------------------------
// CAF ↔ Communauté urbaine du Grand Dijon 2016-2017
// ---------------------------------------------------------------------------

export interface NumericTarget {
  code: string;
  /** Label (FR). */
  label: string;
  value: number;
  unit: string;
  period: 'year' | 'agreement_period' | 'one_off';
  years: number[];
  responsibleOrgCode: OrgCode;
  approximate: boolean;
  sourceRef: string;
  printed: string;
}

export interface RehousingOperation {
  name: string;
  landlord: string;
  commune: string;
  /** Households to rehouse, null when the text gives no number. */
  households: number | null;
  approximate: boolean;
  printed: string;
}

export interface CafTargets {
  agreementCode: AgreementCode;
  /** The 4 axes of intervention (preamble), as printed. */
  interventionAxes: string[];
  /** The 5 housing axes of article 2, as printed. */
  housingAxes: string[];
  numericTargets: NumericTarget[];
  rehousing: {
    sourceRef: string;
    printedTotalHouseholds: number;
    period: string;
    operations: RehousingOperation[];
    printed: string;
  };
}

// ---------------------------------------------------------------------------
// Commission de coordination des accompagnements (annexe 4 of the convention cadre)
// ---------------------------------------------------------------------------

export interface CoordinationCommission {
  agreementCode: AgreementCode;
  annex: number;
  name: string;
  approvedOn: string;
  coAnimatorOrgCodes: OrgCode[];
  secretariatOrgCode: OrgCode;
  meetingRulePrinted: string;
  convocationDaysBefore: number;
  referralFormDaysBefore: number;
  referralEmail: string;
  measures: string[];
  decisions: string[];
  permanentMembers: string[];
  firstReviewAfterMonths: number;
}

// ---------------------------------------------------------------------------
// All of it
// ---------------------------------------------------------------------------

export interface ReferenceData {
  organisations: Organisation[];
  agreements: Agreement[];
  programmes: Programme[];
  budgets: Budget[];
  fundings: Funding[];
  fundingSummaryNotes: FundingSummaryNote[];
  obligationRules: ObligationRule[];
  pacte: SolidarityPact;
  cafTargets: CafTargets;
  coordinationCommission: CoordinationCommission;
}

// ---------------------------------------------------------------------------
// Reconciliation findings
// ---------------------------------------------------------------------------

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface ReconciliationFinding {
  /** Stable, unique slug. */
  code: string;
  /** The check that produced it (several findings can share a check). */
  check: string;
  severity: FindingSeverity;
  agreementCode: AgreementCode;
  programmeCode?: ProgrammeCode;
  /** Where in the documents (FR), e.g. "Annexe 1 – ACOR Centre Ville, budget 2022, groupe 74". */
  location: string;
  /** What is compared (technical name). */
  field: string;
  printedCents?: number;
  computedCents?: number;
  /** printedCents − computedCents. */
  differenceCents?: number;
  printedValue?: string | number;
  computedValue?: string | number;
  /** Explanation (FR). */
  message: string;
}
