/**
 * Public types of the import library (issue 6: operators load a year from XLSX/CSV templates).
 *
 * Conventions (same as the rest of the workspace): money is integer euro cents, dates are ISO
 * `YYYY-MM-DD`, months are the first day of the month (`YYYY-MM-01`), every user-facing text is
 * in French, code names follow `shared/GLOSSARY.md`.
 */

/** The five datasets an operator can load for a programme-year. */
export type DatasetKey = 'budget' | 'funding' | 'staff' | 'episodes' | 'monthly_activity';

export const DATASET_KEYS: readonly DatasetKey[] = ['budget', 'funding', 'staff', 'episodes', 'monthly_activity'];

// ---------------------------------------------------------------------------
// Typed rows (what the API writes to the existing tables)
// ---------------------------------------------------------------------------

/** One actual budget account line → `budget_line` (+ `budget_group` from groupCode/groupLabel/side). */
export interface BudgetRow {
  /** Class 6 accounts are expenses, class 7 income. */
  side: 'expenses' | 'income';
  /** '60', '61', '62', '63', '63/64', '65', '66', '67', '68', '69', '70' … '79'. */
  groupCode: string;
  /** French label of the group, e.g. « Achats », « Charges de personnel ». */
  groupLabel: string;
  /** Chart-of-accounts code (digits), or null for a line without code (then the group was given). */
  accountCode: string | null;
  label: string;
  amountCents: number;
  /** Income lines only: funder (organisation code) the line comes from. */
  funderCode: string | null;
}

/** Part of a funding earmarked for a purpose → `earmark` (kind, label, amountCents). */
export interface FundingEarmarkRow {
  /** 'segur' when the label names the Ségur / médico-social bonus, else 'other'. */
  kind: 'segur' | 'other';
  label: string;
  amountCents: number;
}

/** Funding actually received from one funder → `funding` (basis 'actual'). */
export interface FundingRow {
  /** Organisation code from the reference data (`etat`, `dijon-metropole`…). */
  funderCode: string;
  /** Label (defaults to the funder's display name). */
  label: string;
  amountCents: number;
  funderIsSignatory: boolean;
  /** « dont » part, included in amountCents; null when none. */
  earmark: FundingEarmarkRow | null;
}

/** FTE by job title → `staff_line` (unit 'fte', quantity = fte). */
export interface StaffRow {
  /** Code of `JOB_TITLES` (@sdat/reference-data). */
  jobCode: string;
  /** Job title (defaults to the code's French label). */
  jobTitle: string;
  /** Full-time equivalents, at most 2 decimals. */
  fte: number;
  /** Number of posts, when given. */
  posts: number | null;
}

/** One support episode → `support_episode`. The operator's identifier is never part of it. */
export interface EpisodeRow {
  /** Pseudonymous key: `pseudonymise(identifier)` or the « Clé pseudonyme » column (64 hex). */
  participantKey: string;
  kind: 'follow_up' | 'co_evaluation';
  entryDate: string;
  exitDate: string | null;
  ageBand: string | null;
  householdSituation: string | null;
  referrer: string | null;
  referralDecision: string | null;
  handover: string | null;
  leaseTransfer: boolean;
  commune: string | null;
}

/** Counts of one month → `monthly_activity`. */
export interface MonthlyActivityRow {
  /** First day of the month, `YYYY-MM-01`. */
  month: string;
  openingDays: number | null;
  attendanceVisits: number | null;
  attendanceDistinctPeople: number | null;
  outreachContacts: number | null;
  outreachDistinctPeople: number | null;
  waitingListEnd: number | null;
}

export interface TypedRowByDataset {
  budget: BudgetRow;
  funding: FundingRow;
  staff: StaffRow;
  episodes: EpisodeRow;
  monthly_activity: MonthlyActivityRow;
}

export type TypedRow = TypedRowByDataset[DatasetKey];

// ---------------------------------------------------------------------------
// Column specifications
// ---------------------------------------------------------------------------

export type ColumnType =
  | 'text'
  | 'code'
  | 'account'
  | 'amount'
  | 'decimal'
  | 'integer'
  | 'date'
  | 'month'
  | 'boolean'
  | 'identifier'
  | 'pseudonym';

export interface AllowedCode {
  code: string;
  /** French label shown in the drop-down list (accepted on import as well as the code). */
  label: string;
}

export interface ColumnSpec {
  /** Field name (English, code side). */
  key: string;
  /** French header of the template. */
  header: string;
  /** Other headers accepted on import (compared after normalisation: case, accents, punctuation). */
  aliases: readonly string[];
  type: ColumnType;
  /** A value is required in every row (so the column must be present). */
  required: boolean;
  /** Coded values (type 'code' and 'boolean'): code and French label; both are accepted. */
  codes?: readonly AllowedCode[];
  /** Help text (French), shown in the « Mode d'emploi » sheet and as a note on the header. */
  help: string;
  /** Example value as a user would type it. */
  example: string;
  /** Column width in the template (characters). */
  width: number;
}

export interface DatasetSpec {
  key: DatasetKey;
  /** French name of the dataset (« Budget réalisé »). */
  title: string;
  /** Name of the data sheet in the template (≤ 31 characters). */
  sheetName: string;
  /** What the dataset is, in French (first lines of the « Mode d'emploi »). */
  description: string;
  /** Natural key, in French, for duplicate messages and the documentation. */
  naturalKey: string;
  columns: readonly ColumnSpec[];
  /** Example rows (cells as a user types them, by column key) for the « Exemples » sheet. */
  examples: readonly Readonly<Record<string, string>>[];
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

/** One problem found in an imported file. Every message is in French. */
export interface ImportError {
  /** Sheet name for XLSX, null for CSV or a problem of the whole file. */
  sheet: string | null;
  /** Row number as the user sees it in the spreadsheet (header = 1 in the template), null for the whole file. */
  row: number | null;
  /** French header and column letter, e.g. « Montant (€) (C) »; null for the whole file or row. */
  column: string | null;
  /** The cell's value as read (never the participant identifier nor a forbidden column's content). */
  value: string | null;
  message: string;
}

export interface ImportLimits {
  /** Size of the uploaded file. Default 20 MiB. */
  maxFileBytes: number;
  /** Data rows (after the header). Default 200 000. */
  maxRows: number;
  /** Columns of the data sheet. Default 100. */
  maxColumns: number;
  /** XLSX: sum of the uncompressed sizes of the archive's entries. Default 300 MiB. */
  maxUncompressedBytes: number;
  /** XLSX: entries in the archive. Default 2 000. */
  maxZipEntries: number;
  /** XLSX: cells covered by data-validation and merged ranges (the reader expands them). Default 1 000 000. */
  maxRangeCells: number;
  /** Errors listed (the count of all of them is in `errorCount`). Default 1 000. */
  maxErrors: number;
}

export interface AgreementPeriod {
  /** ISO date, first day of the agreement. */
  start: string;
  /** ISO date, last day of the agreement (including renewals the caller accepts). */
  end: string;
}

export interface ParseImportInput<D extends DatasetKey = DatasetKey> {
  dataset: D;
  fileName: string;
  bytes: Uint8Array;
  /** Year being loaded. */
  year: number;
  /** Dates may also fall inside this period (episodes started before the year…). */
  agreementPeriod?: AgreementPeriod | null;
  /**
   * HMAC of the operator's identifier (64 lowercase hex characters, e.g. HMAC-SHA-256 with a
   * server secret). Only its result is kept; the identifier is dropped right after.
   */
  pseudonymise: (id: string) => string;
  /** When given, a template generated for another programme is refused. */
  programmeCode?: string;
  limits?: Partial<ImportLimits>;
}

export interface ImportResult<D extends DatasetKey = DatasetKey> {
  dataset: D;
  format: 'xlsx' | 'csv';
  /** Sheet read (XLSX), null for CSV. */
  sheet: string | null;
  /** Valid rows only, in file order. An import should be accepted only when `errors` is empty. */
  rows: TypedRowByDataset[D][];
  /** At most `limits.maxErrors`, in file order. */
  errors: ImportError[];
  /** Number of errors found (may exceed `errors.length`). */
  errorCount: number;
  /** SHA-256 (hex) of the normalised rows: identical for the same data in CSV or XLSX. See README. */
  contentHash: string;
}

export interface TemplateOptions {
  programmeCode: string;
  year: number;
}
