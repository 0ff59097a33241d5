/**
 * Shapes of the API's JSON responses, shared by the API (which returns them) and the dashboard
 * (which reads them). Money is always integer cents; dates are ISO 'YYYY-MM-DD' strings.
 */

import type { IndicatorDefinition, IndicatorValue } from '@sdat/indicators';

export type { IndicatorDefinition, IndicatorValue };

export type Basis = 'forecast' | 'actual';
export type Side = 'expenses' | 'income';
export type DataOrigin = 'document' | 'import' | 'demo';

export interface OrgRef {
  code: string;
  name: string;
}

export interface HealthResponse {
  status: 'ok' | 'error';
  info?: { database?: { status: 'up' | 'down'; mode?: 'server' | 'embedded' } };
}

export interface ProgrammePilotView extends OrgRef {
  role: 'pilot' | 'co_pilot';
}

export interface ProgrammeSummary {
  code: string;
  name: string;
  agreement: { code: string; title: string };
  annexNumber: number | null;
  operator: OrgRef;
  pilots: ProgrammePilotView[];
  funders: (OrgRef & { isSignatory: boolean })[];
  /** Years for which a budget exists, with its bases. */
  budgets: { year: number; basis: Basis; demo: boolean }[];
}

export interface CapacityTargetView {
  code: string;
  label: string;
  value: number;
  unit: string;
  parentCode: string | null;
  sourceText: string | null;
}

export interface StaffLineView {
  year: number;
  basis: Basis;
  jobCode: string;
  jobTitle: string;
  quantity: number | null;
  unit: 'fte' | 'posts' | 'other' | string;
  printed: string | null;
  demo: boolean;
}

export interface IndicatorRequirementView {
  category: 'means' | 'results';
  printedLabel: string;
  indicatorCodes: string[];
}

export interface ProgrammeDetail extends ProgrammeSummary {
  targetPublic: string | null;
  territory: string | null;
  description: string | null;
  capacityTargets: CapacityTargetView[];
  staff: StaffLineView[];
  indicatorRequirements: IndicatorRequirementView[];
}

export interface EarmarkView {
  kind: string;
  label: string;
  amountCents: number;
}

export interface BudgetLineView {
  accountCode: string | null;
  label: string;
  amountCents: number | null;
  printedAmount: string | null;
  earmarks: EarmarkView[];
}

/** Printed vs computed, kept side by side: a document is never silently corrected. */
export interface CheckedAmount {
  printedCents: number | null;
  computedCents: number;
  /** printed − computed; null when nothing is printed. */
  differenceCents: number | null;
}

export interface BudgetGroupView {
  groupCode: string;
  side: Side;
  label: string;
  subtotal: CheckedAmount;
  lines: BudgetLineView[];
}

export interface BudgetView {
  programmeCode: string;
  year: number;
  basis: Basis;
  printedTitle: string | null;
  source: DataOrigin;
  demo: boolean;
  groups: BudgetGroupView[];
  totals: { expenses: CheckedAmount; income: CheckedAmount };
  /** Computed income − computed expenses (excédent > 0, déficit < 0). */
  operatingResultCents: number;
}

export interface FundingLineView {
  funder: OrgRef;
  label: string;
  amountCents: number;
  funderIsSignatory: boolean;
  earmarks: EarmarkView[];
  source: DataOrigin;
  demo: boolean;
}

export interface FundingView {
  programmeCode: string;
  year: number;
  basis: Basis;
  lines: FundingLineView[];
  totalCents: number;
  /** Total income of the budget of the same year and basis, for comparison (null without budget). */
  budgetIncomeCents: number | null;
  note: string | null;
}

export interface SignatoryView extends OrgRef {
  role: string;
  representedBy: string | null;
}

export interface AgreementSummary {
  code: string;
  title: string;
  kind: string;
  startDate: string | null;
  endDate: string | null;
  durationMonths: number | null;
  renewalKind: string;
  renewalNote: string | null;
  noticeMonths: number | null;
  signatories: SignatoryView[];
  programmeCodes: string[];
}

export interface AgreementActionView {
  number: string;
  axis: string | null;
  title: string;
  stateAmountCents: number | null;
  metropoleAmountCents: number | null;
  estimatedBudgetCents: number | null;
  timetable: string | null;
}

export interface AgreementTargetView {
  code: string;
  label: string;
  actionNumber: string | null;
  targetValue: number | null;
  unit: string | null;
  period: string | null;
  sourceText: string | null;
}

export interface AgreementDetail extends AgreementSummary {
  articles: { ref: string; title: string; summary: string }[];
  programmes: { code: string; name: string; annexNumber: number | null }[];
  actions: AgreementActionView[];
  targets: AgreementTargetView[];
  obligationRules: { code: string; kind: string; label: string; programmeCode: string | null; printed: string | null; sourceRef: string | null }[];
  findings: ReconciliationFindingView[];
}

export interface ReconciliationFindingView {
  code: string;
  severity: 'error' | 'warning' | 'info';
  agreementCode: string;
  programmeCode: string | null;
  location: string;
  field: string;
  printedValue: string | null;
  computedValue: string | null;
  printedCents: number | null;
  computedCents: number | null;
  differenceCents: number | null;
  message: string;
}

export type ObligationStatus = 'a_venir' | 'en_retard' | 'remis' | 'valide' | 'sans_date';

export interface ObligationView {
  ruleCode: string;
  kind: string;
  label: string;
  agreementCode: string;
  programmeCode: string | null;
  periodYear: number;
  /** Deadline, or null when the agreement gives no date (then the window says when). */
  dueDate: string | null;
  windowStart: string;
  windowEnd: string;
  /** The rule in words (FR). */
  dueDateRule: string;
  sourceRef: string;
  /** True when produced only because the agreement was extended beyond its printed validity (?extend=). */
  beyondPrintedValidity: boolean;
  status: ObligationStatus;
}

export interface ObligationsResponse {
  from: string;
  to: string;
  today: string;
  obligations: ObligationView[];
}

/** French error body returned by the API for every 4xx/5xx. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  /** Why a 409 was answered, for clients to tell them apart: the year is locked, or the row changed since it was read. */
  reason?: ConflictReason;
}

export type ConflictReason = 'year_locked' | 'stale_version';

/** GET /api/programmes/:code/indicators?year=&basis= */
export interface ProgrammeIndicatorsResponse {
  programme: OrgRef;
  year: number;
  basis: Basis;
  /** True when any input comes from generated demo data (« données de démonstration »). */
  demo: boolean;
  indicators: IndicatorValue[];
}

/** GET /api/comparisons?agreement=&years=&basis= */
/**
 * An indicator in a comparison: the figure, its status, target, flags, masking and the computation
 * in words (formula text, period, notes), without its breakdown, details and provenance inputs (the
 * programme-year route gives those). Optional here so that a full IndicatorValue is one too.
 */
export type ComparedIndicator = Omit<IndicatorValue, 'breakdown' | 'details' | 'provenance'> &
  Partial<Pick<IndicatorValue, 'breakdown' | 'details'>> & {
    provenance: Omit<IndicatorValue['provenance'], 'inputs'> & Partial<Pick<IndicatorValue['provenance'], 'inputs'>>;
  };

export interface ComparisonResponse {
  agreement: { code: string; title: string };
  years: number[];
  basis: Basis;
  programmes: OrgRef[];
  cells: { programmeCode: string; year: number; demo: boolean; indicators: ComparedIndicator[] }[];
}

/** The five roles (operator, pilot, funder, monitoring committee, admin). */
export type Role = 'operator' | 'pilot' | 'funder' | 'monitoring_committee' | 'admin';

/** French names of the roles, shown by the API (`me.roleLabel`), the dashboard and the audit log. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  operator: 'Opérateur',
  pilot: 'Pilote',
  funder: 'Financeur (COPIL)',
  monitoring_committee: 'Comité de suivi',
  admin: 'Administrateur',
};

/** GET /api/auth/me: who is signed in, what they may see, and the CSRF token to send on writes. */
export interface SessionUser {
  email: string;
  displayName: string;
  role: Role;
  /** French name of the role. */
  roleLabel: string;
  organisation: OrgRef;
  programmes: string[];
  agreements: string[];
  /** Counts of people below the threshold are masked for this user (every role but the operator). */
  smallCountsMasked: boolean;
  csrfToken: string;
  demoMode: boolean;
}

/** GET /api/auth/config (public): the ways to sign in besides the password. */
export interface AuthConfigView {
  /** Sign-in through an OpenID Connect identity provider (ProConnect…), off unless configured. */
  oidc: {
    enabled: boolean;
    /** Text of the button (null when off). */
    label: string | null;
  };
}

/** GET /api/auth/demo-accounts (demo mode only). */
export interface DemoAccountView {
  email: string;
  password: string;
  role: Role;
  roleLabel: string;
  /** Organisation code. */
  organisation: string;
  /** Organisation name, as the reference data give it. */
  organisationName: string;
  description: string;
}

/** GET /api/admin/users */
export interface UserView {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  organisation: OrgRef;
  disabled: boolean;
  locked: boolean;
  demo: boolean;
  createdAt: string;
  version: number;
}

/** Lifecycle of an annual report: projet → transmis → validé (returned or reopened → projet). */
export type AnnualReportStatusCode = 'draft' | 'submitted' | 'validated';

export interface AnnualReportNarrativeView {
  actions: string | null;
  difficulties: string | null;
  partnerships: string | null;
  outlook: string | null;
}

export interface AnnualReportVersionView {
  number: number;
  sha256: string;
  dataVersion: string;
  validatedAt: string;
  validatedBy: string;
  reopenedAt: string | null;
  reopenReason: string | null;
  bytes: number;
}

/** GET /api/programmes/:code/annual-reports/:year */
export interface AnnualReportView {
  programmeCode: string;
  year: number;
  status: AnnualReportStatusCode;
  /** « projet », « transmis », « validé ». */
  statusLabel: string;
  dueDate: string;
  /** True when the programme-year's data are locked (report validated). */
  locked: boolean;
  narrative: AnnualReportNarrativeView;
  narrativeUpdatedAt: string | null;
  narrativeUpdatedBy: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  returnComment: string | null;
  /** Frozen validated versions, oldest first. */
  versions: AnnualReportVersionView[];
  /** Optimistic-lock version to send back with the next change (0 = not created yet). */
  version: number;
}

/** Dataset keys an operator imports (see libs/imports). */
export type ImportDatasetKey = 'budget' | 'funding' | 'staff' | 'episodes' | 'monthly_activity';

/** GET /api/imports/datasets */
export interface ImportDatasetView {
  key: ImportDatasetKey;
  title: string;
  description: string;
  /** The natural key of a row, in French (« personne et date d'entrée »). */
  naturalKey: string;
  columns: { key: string; header: string; required: boolean; help: string }[];
}

/** POST /api/programmes/:code/imports/:dataset?year= */
export interface ImportOutcome {
  /** `unchanged`: the same content as the current version, nothing written. */
  status: 'imported' | 'unchanged';
  dataset: ImportDatasetKey;
  programmeCode: string;
  year: number;
  rows: number;
  /** Number of the current version of the dataset (1, 2, …). */
  version: number;
  contentHash: string;
  format: 'xlsx' | 'csv';
}

/** One problem of an imported file (422 body: `errors`, `errorCount`). */
export interface ImportErrorView {
  sheet: string | null;
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

/** GET /api/programmes/:code/imports?year= */
export interface ImportVersionView {
  dataset: ImportDatasetKey;
  datasetTitle: string;
  number: number;
  current: boolean;
  contentHash: string;
  fileName: string;
  format: string;
  rowCount: number;
  importedAt: string;
  importedBy: string;
}

/** GET /api/import-jobs/:id (imports started with async=true). */
export interface ImportJobView {
  id: string;
  phase: 'queued' | 'validation' | 'writing' | 'done' | 'failed';
  rowsValidated: number;
  rowsWritten: number;
  /** The outcome (done) or the French error body (failed). */
  result: unknown;
  startedAt: string;
}

/** GET /api/admin/audit (newest first; `before=<id>` pages on). */
export interface AuditEntryView {
  /** bigint as a string. */
  id: string;
  at: string;
  actorUserId: number | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  method: string | null;
  path: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

/**
 * One page of the rows an operator corrects one at a time (budget lines, staff lines, episodes of a
 * programme-year): `GET /api/programmes/:code/budget-lines|staff-lines|episodes?year=&offset=&limit=`.
 */
export interface EditableRowsPage<Row> {
  programmeCode: string;
  year: number;
  /** Rows of the year in all (every page). */
  total: number;
  offset: number;
  limit: number;
  rows: Row[];
}

/** A line of the actual budget of the year, with what its correction needs. */
export interface EditableBudgetLineView {
  /** bigint as a string. */
  id: string;
  /** Optimistic-lock version to send back with the correction. */
  version: number;
  side: Side;
  groupCode: string;
  groupLabel: string;
  accountCode: string | null;
  label: string;
  amountCents: number | null;
  demo: boolean;
}

/** A line of the actual staff of the year (ETP by job). */
export interface EditableStaffLineView {
  id: string;
  version: number;
  jobCode: string;
  jobTitle: string;
  /** ETP when `unit` is 'fte'; a number of posts or another count otherwise. */
  quantity: number | null;
  unit: 'fte' | 'posts' | 'other' | string;
  posts: number | null;
  demo: boolean;
}

/** A support episode active during the year (pseudonymous: only the first characters of its key). */
export interface EditableEpisodeView {
  id: string;
  version: number;
  /** The first 8 characters of the pseudonymous key (« Clé pseudonyme » of the exports). */
  keyPrefix: string;
  kind: string;
  kindLabel: string;
  entryDate: string;
  exitDate: string | null;
  handover: string | null;
  leaseTransfer: boolean;
  demo: boolean;
}

/** `GET /api/programmes/:code/episodes`: also the hand-over codes a correction may choose from. */
export interface EditableEpisodesPage extends EditableRowsPage<EditableEpisodeView> {
  handovers: { code: string; label: string }[];
}

/** `PATCH /api/programmes/:code/budget-lines/:id`: the fields to change, with the version read (409 when it changed since). */
export interface BudgetLineEditRequest {
  version: number;
  amountCents?: number;
  label?: string;
}

/** `PATCH /api/programmes/:code/staff-lines/:id` (`fte` only on a line expressed in ETP). */
export interface StaffLineEditRequest {
  version: number;
  fte?: number;
  jobTitle?: string;
}

/** `PATCH /api/programmes/:code/episodes/:id` (`exitDate` 'YYYY-MM-DD' or null: still supported). */
export interface EpisodeEditRequest {
  version: number;
  exitDate?: string | null;
  handover?: string | null;
  leaseTransfer?: boolean;
}
