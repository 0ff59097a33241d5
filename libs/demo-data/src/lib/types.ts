/**
 * Public types of the demo-data generator.
 *
 * Conventions (same as the rest of the workspace):
 * - money is integer euro cents; every amount produced here is a whole number of euros (a multiple of 100);
 * - dates are ISO strings `YYYY-MM-DD`; months are the first day of the month (`YYYY-MM-01`);
 * - code names follow `shared/GLOSSARY.md`; every user-facing text is in French;
 * - a participant is only ever a pseudonymous 64-hex-character key: no name, no birth date,
 *   no social-security number, no address.
 *
 * Everything returned by `generateDemoData` is demo data: the caller flags it `demo = true`.
 */

// ---------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------

export type DemoBudgetSide = 'expenses' | 'income';

export interface DemoBudgetLineIn {
  /** Group as printed: '60', '61', '62', '63', '63/64', '65', '68', '70', '74'… */
  groupCode: string;
  side: DemoBudgetSide;
  /** Chart-of-accounts code, or null when none is printed (e.g. the '63/64' payroll line). */
  accountCode: string | null;
  /** Label as printed (French). */
  label: string;
  /** Integer cents; null for an empty cell (stays null in every generated year). */
  amountCents: number | null;
  /** Income lines: funder the line comes from; null/absent when pooled or own revenue. */
  funderCode?: string | null;
  /**
   * Optional: part of `amountCents` that is the Ségur bonus (primes médico-sociales, paid from
   * 1 April 2022). When absent it is read from the label: an income line whose label names
   * « Ségur » / « primes médico-social » is wholly Ségur; an expense line whose label carries a note
   * « (dt 2 059 € s/Primes Médico-social …) » / « (dont primes … : 41 424 €) » has that Ségur part.
   */
  segurCents?: number | null;
}

export interface DemoFundingEarmark {
  /** e.g. 'segur' / 'segur_bonus' (primes Ségur), 'outreach_reinforcement' (renfort maraudes). */
  kind: string;
  /** French label, e.g. « Primes Ségur ». */
  label: string;
  amountCents: number;
}

export interface DemoFundingIn {
  funderCode: string;
  /** French label as printed, e.g. « État crédits BOP 177 ». */
  label: string;
  amountCents: number;
  funderIsSignatory: boolean;
  /** Parts of `amountCents` earmarked for a purpose (included in `amountCents`). */
  earmarks: DemoFundingEarmark[];
}

export type DemoStaffUnit = 'fte' | 'posts' | 'other';

export interface DemoStaffIn {
  jobCode: string;
  /** French job title. */
  jobTitle: string;
  /** FTE (unit 'fte'), number of posts (unit 'posts'), or a count / null (unit 'other'). */
  quantity: number | null;
  unit: DemoStaffUnit;
}

export type DemoProfile = 'day_centre_outreach' | 'housing_support' | 'mobile_mental_health';

export interface DemoCapacity {
  /** Places open at any time (follow-ups + co-evaluations for EMAS: 40). */
  activeCaseload?: number;
  /** Distinct follow-ups over a year (ACOR Dijon Métropole: 220). */
  followUpsPerYear?: number;
  /** Of the yearly follow-ups, how many in Chenôve (ACOR Dijon Métropole: 60). */
  ofWhichChenove?: number;
  /** Of the active caseload, places for co-evaluations (EMAS: 5). */
  coEvaluations?: number;
  /** Maximum duration of a co-evaluation in days, exit − entry (EMAS: « 3 mois maximum » → 90). */
  coEvaluationMaxDays?: number;
}

export interface DemoProgrammeInput {
  programmeCode: string;
  profile: DemoProfile;
  capacity: DemoCapacity;
  /** The 2022 forecast budget, line by line (reference for scaling the actual budgets). */
  forecast2022: DemoBudgetLineIn[];
  funding2022: DemoFundingIn[];
  staff2022: DemoStaffIn[];
}

export interface DemoOptions {
  /** Any safe integer. Same seed (and same inputs) → byte-identical output on any machine. */
  seed: number;
  /** Years to produce, e.g. [2020, 2021, 2022, 2023]. The simulation covers min(years) − 1 (warm-up) … asOf. */
  years: number[];
  /** Data end date 'YYYY-MM-DD', e.g. '2023-12-31'. Nothing happens after it. */
  asOf: string;
  /**
   * Multiplier of the capacities (places, yearly follow-ups, arrivals, day-centre attendance and
   * outreach). Default 1. Used by benchmarks to produce large datasets; budgets are not scaled.
   */
  scale?: number;
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

export type AgeBand = '18-24' | '25-34' | '35-44' | '45-54' | '55-64' | '65+';

export type HouseholdSituation =
  | 'personne_seule'
  | 'couple_sans_enfant'
  | 'famille_monoparentale'
  | 'couple_avec_enfants';

export type ReferrerCode =
  | 'ccas_dijon'
  | 'ccas_chenove'
  | 'siao'
  | 'conseil_departemental'
  | 'bailleur_social'
  | 'secteur_psychiatrique'
  | 'autre';

/** Decisions of the coordination commission (CCA, annexe 4, art. 4-5). */
export type ReferralDecision = 'accord' | 'accord_waiting_list' | 'adjournment' | 'rejection';

/** Decision under which an episode started. */
export type AdmissionDecision = 'accord' | 'accord_waiting_list';

export type HandoverCode =
  | 'droit_commun_ccas'
  | 'service_social_departemental'
  | 'soins_cmp'
  | 'samsah_savs'
  | 'logement_accompagne'
  | 'autre_dispositif'
  | 'sans_relais'
  | 'perdu_de_vue';

export type Commune = 'Dijon' | 'Chenôve' | 'Talant' | 'Quetigny' | 'Longvic' | 'Autre commune de la Métropole';

export type EpisodeKind = 'follow_up' | 'co_evaluation';

/** One support episode (accompagnement) of one participant. */
export interface DemoEpisode {
  programmeCode: string;
  /** 64 lowercase hex characters, pseudo-random. */
  participantKey: string;
  kind: EpisodeKind;
  entryDate: string;
  /** Null while the episode is open at `asOf`; otherwise ≥ entryDate and ≤ asOf. */
  exitDate: string | null;
  ageBand: AgeBand;
  householdSituation: HouseholdSituation;
  referrer: ReferrerCode;
  referralDecision: AdmissionDecision;
  /** Null while open. */
  handover: HandoverCode | null;
  /** Glissement de bail at the exit (housing support only; false while open). */
  leaseTransfer: boolean;
  commune: Commune;
}

/** One examination of a request by the commission (a request adjourned once is examined twice). */
export interface DemoReferral {
  programmeCode: string;
  participantKey: string;
  decisionDate: string;
  referrer: ReferrerCode;
  /** The request came through the SIAO (service intégré d'accueil et d'orientation). */
  viaSiao: boolean;
  decision: ReferralDecision;
}

export interface DemoMonthlyActivity {
  programmeCode: string;
  /** 'YYYY-MM-01'. */
  month: string;
  /** Day centre (Monday–Saturday, public holidays excluded, up to asOf); null for other programmes. */
  openingDays: number | null;
  attendanceVisits: number | null;
  attendanceDistinctPeople: number | null;
  /** Street outreach (maraudes); null for other programmes. */
  outreachContacts: number | null;
  outreachDistinctPeople: number | null;
  /** People on the waiting list at the end of the month (or at asOf for the last month). */
  waitingListEnd: number;
}

export interface DemoBudgetLine {
  groupCode: string;
  side: DemoBudgetSide;
  accountCode: string | null;
  /** Forecast label without its « (dt … €) » / « (dont … €) » note, which quotes 2022 amounts. */
  label: string;
  amountCents: number | null;
  funderCode: string | null;
  /** Ségur part of `amountCents` (0 before 2022); null when the line has no Ségur part. */
  segurCents: number | null;
}

export interface DemoBudget {
  programmeCode: string;
  year: number;
  basis: 'actual';
  /** Same lines, in the same order, as the 2022 forecast. */
  lines: DemoBudgetLine[];
}

export interface DemoFunding {
  programmeCode: string;
  year: number;
  basis: 'actual';
  funderCode: string;
  label: string;
  amountCents: number;
  funderIsSignatory: boolean;
  earmarks: DemoFundingEarmark[];
}

export interface DemoStaffLine {
  programmeCode: string;
  year: number;
  jobCode: string;
  jobTitle: string;
  quantity: number | null;
  unit: DemoStaffUnit;
}

/** Fonds de Vie Sociale (account 658600). */
export interface DemoSocialLifeFund {
  programmeCode: string;
  year: number;
  /** The year's envelope: the 658600 line of the actual budget. */
  envelopeCents: number;
  /** ≤ envelopeCents + carriedOverCents. */
  usedCents: number;
  /** Unused credits of the previous year: envelope N-1 + carried over N-1 − used N-1. */
  carriedOverCents: number;
}

export interface DemoOperatingResult {
  programmeCode: string;
  year: number;
  incomeCents: number;
  expensesCents: number;
  /** incomeCents − expensesCents (> 0 surplus, < 0 deficit). */
  resultCents: number;
  /** Proposed allocation (French). */
  allocation: string;
}

/** Places used by the simulation (after `scale`), e.g. for occupancy rates. */
export interface DemoCapacityRow {
  programmeCode: string;
  kind: EpisodeKind;
  places: number;
}

export interface DemoDataset {
  capacities: DemoCapacityRow[];
  episodes: DemoEpisode[];
  referrals: DemoReferral[];
  monthlyActivity: DemoMonthlyActivity[];
  budgets: DemoBudget[];
  fundings: DemoFunding[];
  staff: DemoStaffLine[];
  socialLifeFunds: DemoSocialLifeFund[];
  operatingResults: DemoOperatingResult[];
}
