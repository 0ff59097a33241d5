import type { Basis, FundingView } from '@sdat/api-types';
import { earmarkKindLabel, formatIndicatorChange, missingValue } from '@sdat/charts';
import { formatPercent } from '@sdat/format';
import {
  CATALOGUE,
  formatIndicatorValue,
  formatSuppressed,
  percentDigitsOf,
  type BreakdownItem,
  type IndicatorCode,
  type IndicatorUnit,
  type IndicatorValue,
  type Status,
  type Suppression,
} from '@sdat/indicators';
import { basisLabel, DASH, date, frenchList } from '../text';
import type { ReportStatus } from '../types';
import { COMMITTEE_LATE_LABEL } from './titles';
import type { CommitteePackData, CommitteePackProgramme } from './types';

/**
 * What the « comité de suivi » pack shows, computed once from `CommitteePackData` and laid out
 * twice: as a pdfmake document (committee-pack.ts) and as an XLSX workbook (workbook.ts). Nothing
 * here computes an indicator: every figure is read from the data; a figure masked by the
 * small-count rule stays masked (its text is `formatSuppressed`, it is never a number), a missing
 * one says why.
 */

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

/** One figure of a table: a value in its unit, a masked value (« < 5 », « masqué ») or why there is none. */
export type Figure =
  | { kind: 'value'; value: number; unit: IndicatorUnit; text: string; percentDigits?: number }
  | { kind: 'suppressed'; suppressed: Suppression; text: string }
  | { kind: 'missing'; text: string; reason: string | null };

const NO_DATA = 'Pas de données';
const NOT_APPLICABLE = 'Sans objet';

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A value in its unit, fr-FR: `22 651 €`, `72,0 %` (ratios with `percentDigits` decimals when given). */
export function formatFigureValue(value: number, unit: IndicatorUnit, percentDigits?: number): string {
  if (percentDigits !== undefined && unit === 'ratio') return formatPercent(value, percentDigits);
  return formatIndicatorValue(value, unit);
}

function valueFigure(value: number, unit: IndicatorUnit, percentDigits?: number): Figure {
  return { kind: 'value', value, unit, text: formatFigureValue(value, unit, percentDigits), ...(percentDigits === undefined ? {} : { percentDigits }) };
}

function suppressedFigure(suppressed: Suppression): Figure {
  return { kind: 'suppressed', suppressed, text: formatSuppressed(suppressed) };
}

function missing(text: string, reason: string | null = null): Figure {
  return { kind: 'missing', text, reason };
}

/**
 * The figure of an indicator: its value, its masked text, or « Pas de données » / « Non calculable »
 * with the reason. Ratios with the decimals the catalogue gives the indicator (`percentDigitsOf`), unless told.
 */
export function indicatorFigure(
  indicator: Pick<IndicatorValue, 'suppressed' | 'value' | 'unit' | 'flags' | 'reason'> & { code?: string },
  percentDigits: number | undefined = cataloguePercentDigits(indicator.code),
): Figure {
  if (indicator.suppressed) return suppressedFigure(indicator.suppressed);
  if (isFiniteNumber(indicator.value)) return valueFigure(indicator.value, indicator.unit, percentDigits);
  const why = missingValue({ value: null, flags: Array.isArray(indicator.flags) ? indicator.flags : [], reason: indicator.reason });
  return missing(why?.label ?? 'Non calculable', why?.reason ?? null);
}

/** The catalogue's decimals for a ratio, when not the usual 1 (undefined: the usual). */
function cataloguePercentDigits(code: string | undefined): number | undefined {
  const digits = code === undefined ? 1 : percentDigitsOf(code);
  return digits === 1 ? undefined : digits;
}

function itemFigure(item: BreakdownItem, parent: IndicatorValue): Figure {
  if (item.suppressed) return suppressedFigure(item.suppressed);
  if (isFiniteNumber(item.value)) return valueFigure(item.value, item.unit);
  return indicatorFigure({ ...parent, value: null, suppressed: undefined });
}

// ---------------------------------------------------------------------------------------------
// Main indicators over N-2..N
// ---------------------------------------------------------------------------------------------

/** A main indicator of the pack: an indicator of the catalogue, or a detail of one (total expenses). */
export interface MainIndicator {
  key: string;
  /** Fallback label, when the data carry none (the data's label is printed first). */
  label: string;
  /** The indicator, or the indicators (in order of preference) whose `details` item `detail` is the figure. */
  sources: readonly { code: IndicatorCode; detail?: string }[];
  /** Ratios printed with this many decimals: the catalogue's for the indicator (head-office fees against a 5 % cap: 2). */
  percentDigits?: number;
}

const ALL_MAIN_INDICATORS: readonly MainIndicator[] = [
  {
    key: 'total_expenses',
    label: 'Total des charges',
    sources: [
      { code: 'payroll_ratio', detail: 'expenses' },
      { code: 'staff_cost_ratio', detail: 'expenses' },
      { code: 'cost_per_participant', detail: 'expenses' },
    ],
  },
  { key: 'payroll', label: 'Masse salariale', sources: [{ code: 'payroll' }] },
  { key: 'payroll_ratio', label: 'Masse salariale / total des charges', sources: [{ code: 'payroll_ratio' }] },
  { key: 'fte_total', label: 'ETP total', sources: [{ code: 'fte_total' }] },
  { key: 'head_office_ratio', label: 'Frais de siège', sources: [{ code: 'head_office_ratio' }] },
  { key: 'cost_per_participant', label: 'Coût par personne accompagnée', sources: [{ code: 'cost_per_participant' }] },
  { key: 'active_caseload', label: 'File active', sources: [{ code: 'active_caseload' }] },
  { key: 'entries', label: 'Entrées', sources: [{ code: 'entries' }] },
  { key: 'exits', label: 'Sorties', sources: [{ code: 'exits' }] },
  { key: 'occupancy_rate', label: "Taux d'occupation", sources: [{ code: 'occupancy_rate' }] },
  { key: 'avg_duration_days', label: 'Durée moyenne des parcours', sources: [{ code: 'avg_duration_days' }] },
];

/** The main indicators of the « Évolution sur trois ans » section, in this order (those of the catalogue). */
export const MAIN_INDICATORS: readonly MainIndicator[] = ALL_MAIN_INDICATORS.filter((main) =>
  main.sources.every((source) => CATALOGUE.some((definition) => definition.code === source.code)),
).map((main) => {
  const [only] = main.sources;
  const digits = main.sources.length === 1 && only && only.detail === undefined ? cataloguePercentDigits(only.code) : undefined;
  return digits === undefined ? main : { ...main, percentDigits: digits };
});

/** The years of the pack: N-2, N-1, N. */
export function packYears(data: Pick<CommitteePackData, 'year'>): number[] {
  return [data.year - 2, data.year - 1, data.year];
}

export type YearEntry = CommitteePackProgramme['years'][number];

export function yearEntry(programme: CommitteePackProgramme, year: number): YearEntry | undefined {
  return (programme.years ?? []).find((entry) => entry.year === year);
}

function findIn(entry: YearEntry | undefined, code: string): IndicatorValue | undefined {
  return (entry?.indicators ?? []).find((indicator) => indicator.code === code);
}

/** The figure of a main indicator for a programme-year, with the indicator it comes from. */
export function mainFigure(main: MainIndicator, entry: YearEntry | undefined): { figure: Figure; indicator: IndicatorValue | null } {
  if (!entry || (entry.indicators ?? []).length === 0) return { figure: missing(NO_DATA), indicator: null };
  let first: IndicatorValue | null = null;
  for (const source of main.sources) {
    const indicator = findIn(entry, source.code);
    if (!indicator) continue;
    first ??= indicator;
    if (source.detail === undefined) return { figure: indicatorFigure(indicator, main.percentDigits), indicator };
    const item = (indicator.details ?? []).find((candidate) => candidate.key === source.detail);
    if (item) return { figure: itemFigure(item, indicator), indicator };
  }
  if (first) return { figure: indicatorFigure({ ...first, value: null, suppressed: undefined }), indicator: first };
  return { figure: missing(NOT_APPLICABLE, 'Indicateur non calculé pour ce dispositif.'), indicator: null };
}

/** Label of a main indicator: the data's label (of the detail, or of the indicator), else the fallback. */
export function mainLabel(main: MainIndicator, data: CommitteePackData): string {
  for (const programme of data.programmes) {
    for (const entry of programme.years ?? []) {
      for (const source of main.sources) {
        const indicator = findIn(entry, source.code);
        if (!indicator) continue;
        const label = source.detail === undefined ? indicator.label : indicator.details?.find((item) => item.key === source.detail)?.label;
        if (typeof label === 'string' && label.trim() !== '') return label.trim();
      }
    }
  }
  return main.label;
}

/** Unit of a main indicator in the data (the first one found). */
export function mainUnit(main: MainIndicator, data: CommitteePackData): IndicatorUnit | null {
  for (const programme of data.programmes) {
    for (const year of packYears(data)) {
      const { figure, indicator } = mainFigure(main, yearEntry(programme, year));
      if (figure.kind === 'value') return figure.unit;
      if (indicator && main.sources[0]?.detail === undefined) return indicator.unit;
    }
  }
  return null;
}

export interface TrendRow {
  programme: CommitteePackProgramme['programme'];
  /** One figure per year of `packYears`. */
  figures: Figure[];
  /** Basis of each year's figures (null when the year has no data). */
  bases: (Basis | null)[];
  /** Change from N-1 to N (`+1,2 pt`, `+59 750 € (+13,7 %)`), `—` when a side is not a value. */
  change: string;
}

export interface TrendTable {
  main: MainIndicator;
  label: string;
  unit: IndicatorUnit | null;
  rows: TrendRow[];
  /** Why figures are missing: « EMAS 2021 — Non calculable : … ». */
  reasons: string[];
  /** Suppression markers met in the table (for the legend of « < 5 » / « masqué »). */
  suppressed: Suppression[];
}

function change(figures: readonly Figure[]): string {
  const previous = figures[figures.length - 2];
  const current = figures[figures.length - 1];
  if (previous?.kind !== 'value' || current?.kind !== 'value' || previous.unit !== current.unit) return DASH;
  // Money is compared in whole cents: a previous amount that rounds to 0 cents gives no rate.
  const money = current.unit === 'eur' || current.unit === 'eur_per_person';
  const [now, before] = money ? [Math.round(current.value), Math.round(previous.value)] : [current.value, previous.value];
  return formatIndicatorChange(now, before, current.unit) ?? DASH;
}

export function trendTable(main: MainIndicator, data: CommitteePackData): TrendTable {
  const years = packYears(data);
  // « EMAS 2020 et 2021 — Non calculable : … »: one line per programme and reason.
  const reasons = new Map<string, { programme: string; text: string; reason: string; years: number[] }>();
  const suppressed: Suppression[] = [];
  const rows = data.programmes.map((programme): TrendRow => {
    const figures = years.map((year) => {
      const { figure } = mainFigure(main, yearEntry(programme, year));
      if (figure.kind === 'missing' && figure.reason) {
        const key = `${programme.programme.code}|${figure.text}|${figure.reason}`;
        const found = reasons.get(key) ?? { programme: programme.programme.name, text: figure.text, reason: figure.reason, years: [] };
        found.years.push(year);
        reasons.set(key, found);
      }
      if (figure.kind === 'suppressed') suppressed.push(figure.suppressed);
      return figure;
    });
    return {
      programme: programme.programme,
      figures,
      bases: years.map((year) => {
        const entry = yearEntry(programme, year);
        return entry && (entry.indicators ?? []).length > 0 ? entry.basis : null;
      }),
      change: change(figures),
    };
  });
  const reasonLines = [...reasons.values()].map((item) => `${item.programme} ${frenchList(item.years.map(String))} — ${item.text} : ${item.reason}`);
  return { main, label: mainLabel(main, data), unit: mainUnit(main, data), rows, reasons: reasonLines, suppressed };
}

/** The main indicators that some programme has in some year of the pack (the others are listed apart). */
export function trendTables(data: CommitteePackData): { tables: TrendTable[]; absent: string[] } {
  const tables: TrendTable[] = [];
  const absent: string[] = [];
  for (const main of MAIN_INDICATORS) {
    const found = data.programmes.some((programme) => packYears(data).some((year) => mainFigure(main, yearEntry(programme, year)).indicator !== null));
    if (found) tables.push(trendTable(main, data));
    else absent.push(main.label);
  }
  return { tables, absent };
}

/** The legend of masked figures: « < 5 » and « masqué » (small-count rule), from the markers met. */
export function suppressionLegend(markers: readonly Suppression[]): string | null {
  if (markers.length === 0) return null;
  const thresholds = [...new Set(markers.map((marker) => marker.threshold).filter(isFiniteNumber))];
  const threshold = thresholds.length === 1 ? `${thresholds[0]} personnes` : 'le seuil';
  return `Règle des petits effectifs : un effectif de moins de ${threshold} est masqué (« < ${thresholds.length === 1 ? thresholds[0] : 'seuil'} »), ainsi que les valeurs qui permettraient de le retrouver (« masqué »).`;
}

/** Where the basis of a programme-year is not the pack's: « EMAS 2022 (budget prévisionnel) ». */
export function basisExceptions(data: CommitteePackData): string[] {
  const out: string[] = [];
  for (const programme of data.programmes) {
    for (const year of packYears(data)) {
      const entry = yearEntry(programme, year);
      if (entry && entry.indicators.length > 0 && entry.basis !== data.basis) {
        out.push(`${programme.programme.name} ${year} (${basisLabel(entry.basis)})`);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Synthesis: key figures of N vs target, alerts
// ---------------------------------------------------------------------------------------------

/** Key figures of N in the synthesis, in this order (those some programme has). */
export const SYNTHESIS_KEYS = ['total_expenses', 'payroll_ratio', 'head_office_ratio', 'fte_total', 'active_caseload', 'occupancy_rate'] as const;
/** Indicators with a target of the agreement also shown in the synthesis when present. */
const SYNTHESIS_EXTRA: readonly MainIndicator[] = [
  { key: 'target_completion', label: "Réalisation de l'objectif", sources: [{ code: 'target_completion' }] },
];

export interface KeyFigure {
  figure: Figure;
  status: Status | null;
  /** « cible ≤ 5,00 % » when the indicator has a target. */
  target: string | null;
}

export interface SynthesisRow {
  programme: CommitteePackProgramme['programme'];
  report: ReportRow;
  figures: KeyFigure[];
  alerts: string[];
  warnings: string[];
}

export interface SynthesisTable {
  columns: { key: string; label: string }[];
  rows: SynthesisRow[];
  /** Rules of the agreement met in the table: « Frais de siège : Plafond de 5 % ». */
  rules: string[];
  suppressed: Suppression[];
}

function targetText(indicator: IndicatorValue | null, percentDigits?: number): string | null {
  const target = indicator?.target;
  if (!target || !isFiniteNumber(target.value)) return null;
  const sign = target.comparator === 'gte' ? '≥' : '≤';
  return `cible ${sign} ${formatFigureValue(target.value, indicator.unit, percentDigits)}`;
}

/** Text of the figure of an indicator, as printed in a list of alerts. */
function alertText(indicator: IndicatorValue): string {
  const figure = indicatorFigure(indicator);
  const value = indicator.unit === 'pass_fail' && indicator.passed === false ? 'non conforme' : figure.text;
  return `${indicator.label} (${value})`;
}

function alertsOf(entry: YearEntry | undefined): { alerts: string[]; warnings: string[] } {
  const alerts: string[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const indicator of entry?.indicators ?? []) {
    if (seen.has(indicator.code)) continue;
    if (indicator.status === 'alert' || indicator.passed === false) {
      alerts.push(alertText(indicator));
      seen.add(indicator.code);
    } else if (indicator.status === 'warning') {
      warnings.push(alertText(indicator));
      seen.add(indicator.code);
    }
  }
  return { alerts, warnings };
}

export function synthesisTable(data: CommitteePackData, generatedAt: string): SynthesisTable {
  const mains = [...SYNTHESIS_KEYS.map((key) => MAIN_INDICATORS.find((main) => main.key === key)).filter((main): main is MainIndicator => main !== undefined), ...SYNTHESIS_EXTRA];
  const present = mains.filter((main) => data.programmes.some((programme) => mainFigure(main, yearEntry(programme, data.year)).indicator !== null));
  const rules: string[] = [];
  const suppressed: Suppression[] = [];
  const rows = data.programmes.map((programme): SynthesisRow => {
    const entry = yearEntry(programme, data.year);
    const figures = present.map((main): KeyFigure => {
      const { figure, indicator } = mainFigure(main, entry);
      if (figure.kind === 'suppressed') suppressed.push(figure.suppressed);
      const own = main.sources[0]?.detail === undefined ? indicator : null;
      const rule = own?.target?.label;
      if (own && typeof rule === 'string' && rule.trim() !== '') {
        const line = `${own.label} : ${rule.trim()}`;
        if (!rules.includes(line)) rules.push(line);
      }
      return { figure, status: own?.status ?? null, target: targetText(own, main.percentDigits) };
    });
    return { programme: programme.programme, report: reportRow(programme, generatedAt), figures, ...alertsOf(entry) };
  });
  return { columns: present.map((main) => ({ key: main.key, label: mainLabel(main, data) })), rows, rules, suppressed };
}

/** « 2 alertes, 1 vigilance » / « Aucune ». */
export function alertsSummary(row: Pick<SynthesisRow, 'alerts' | 'warnings'>): string {
  const parts: string[] = [];
  if (row.alerts.length) parts.push(`${row.alerts.length} alerte${row.alerts.length > 1 ? 's' : ''}`);
  if (row.warnings.length) parts.push(`${row.warnings.length} vigilance${row.warnings.length > 1 ? 's' : ''}`);
  return parts.length ? parts.join(', ') : 'Aucune';
}

// ---------------------------------------------------------------------------------------------
// Funding by funder
// ---------------------------------------------------------------------------------------------

export interface FundingRow {
  kind: 'funder' | 'earmark' | 'total' | 'subtotal' | 'budget';
  label: string;
  /** Funder rows: signatory of the agreement or not. */
  signatory: boolean | null;
  /** Funder rows: the labels printed on the funding lines (« État crédits BOP 177 »). */
  lineLabels: string[];
  /** Integer cents per programme (null: nothing for that programme). */
  cents: (number | null)[];
  total: number | null;
}

export interface FundingMatrix {
  programmes: CommitteePackProgramme['programme'][];
  rows: FundingRow[];
  /** Programmes without funding for N. */
  without: string[];
  /** Bases of the funding figures: « réalisé ». */
  bases: string[];
}

const isCents = (value: unknown): value is number => isFiniteNumber(value) && Number.isInteger(value);

function sum(values: readonly (number | null)[]): number | null {
  const known = values.filter(isCents);
  return known.length ? known.reduce((total, value) => total + value, 0) : null;
}

function add(current: number | null, amount: number): number | null {
  return isCents(amount) ? (current ?? 0) + amount : current;
}

export function fundingMatrix(data: CommitteePackData): FundingMatrix {
  const programmes = data.programmes.map((programme) => programme.programme);
  const fundings: (FundingView | null)[] = data.programmes.map((programme) => programme.funding ?? null);
  const funders: { code: string; name: string; signatory: boolean | null; labels: string[]; cents: (number | null)[]; earmarks: Map<string, { label: string; cents: (number | null)[] }> }[] = [];
  const kinds = new Map<string, { label: string; cents: (number | null)[] }>();
  const signatories: (number | null)[] = programmes.map(() => null);
  const others: (number | null)[] = programmes.map(() => null);
  fundings.forEach((funding, index) => {
    for (const line of funding?.lines ?? []) {
      let funder = funders.find((candidate) => candidate.code === line.funder.code);
      if (!funder) {
        funder = { code: line.funder.code, name: line.funder.name, signatory: line.funderIsSignatory, labels: [], cents: programmes.map(() => null), earmarks: new Map() };
        funders.push(funder);
      }
      if (funder.signatory !== line.funderIsSignatory) funder.signatory = funder.signatory || line.funderIsSignatory;
      const printed = typeof line.label === 'string' ? line.label.trim() : '';
      if (printed !== '' && printed !== funder.name && !funder.labels.includes(printed)) funder.labels.push(printed);
      funder.cents[index] = add(funder.cents[index] ?? null, line.amountCents);
      if (line.funderIsSignatory) signatories[index] = add(signatories[index] ?? null, line.amountCents);
      else others[index] = add(others[index] ?? null, line.amountCents);
      for (const earmark of line.earmarks ?? []) {
        const label = earmarkKindLabel(earmark);
        const own = funder.earmarks.get(earmark.kind) ?? { label, cents: programmes.map(() => null) };
        own.cents[index] = add(own.cents[index] ?? null, earmark.amountCents);
        funder.earmarks.set(earmark.kind, own);
        const all = kinds.get(earmark.kind) ?? { label, cents: programmes.map(() => null) };
        all.cents[index] = add(all.cents[index] ?? null, earmark.amountCents);
        kinds.set(earmark.kind, all);
      }
    }
  });
  const rows: FundingRow[] = [];
  for (const funder of funders) {
    rows.push({ kind: 'funder', label: funder.name, signatory: funder.signatory, lineLabels: funder.labels, cents: funder.cents, total: sum(funder.cents) });
    for (const earmark of funder.earmarks.values()) {
      rows.push({ kind: 'earmark', label: `dont ${earmark.label}`, signatory: null, lineLabels: [], cents: earmark.cents, total: sum(earmark.cents) });
    }
  }
  const totals = fundings.map((funding) => (funding && isCents(funding.totalCents) ? funding.totalCents : null));
  rows.push({ kind: 'total', label: 'Total des financements', signatory: null, lineLabels: [], cents: totals, total: sum(totals) });
  rows.push({ kind: 'subtotal', label: 'dont financeurs signataires', signatory: null, lineLabels: [], cents: signatories, total: sum(signatories) });
  rows.push({ kind: 'subtotal', label: 'dont financeurs non signataires', signatory: null, lineLabels: [], cents: others, total: sum(others) });
  for (const kind of kinds.values()) {
    rows.push({ kind: 'subtotal', label: `dont ${kind.label}`, signatory: null, lineLabels: [], cents: kind.cents, total: sum(kind.cents) });
  }
  const income = fundings.map((funding) => (funding && isCents(funding.budgetIncomeCents) ? funding.budgetIncomeCents : null));
  if (income.some((value) => value !== null)) {
    rows.push({ kind: 'budget', label: 'Total des produits du budget (pour comparaison)', signatory: null, lineLabels: [], cents: income, total: sum(income) });
  }
  const bases = [...new Set(fundings.filter((funding): funding is FundingView => funding !== null).map((funding) => basisLabel(funding.basis)))];
  return {
    programmes,
    rows,
    without: data.programmes.filter((programme) => !programme.funding).map((programme) => programme.programme.name),
    bases,
  };
}

// ---------------------------------------------------------------------------------------------
// Compliance
// ---------------------------------------------------------------------------------------------

export type Verdict = 'conforme' | 'non conforme' | 'non évaluable';

export interface ComplianceRow {
  /** The programme's name, or « Convention » for agreement-level checks. */
  scope: string;
  label: string;
  code: string;
  verdict: Verdict;
  /** The rule checked: the catalogue's formula (« Σ Métropole ≥ Σ État »), else the target's label, or null. */
  rule: string | null;
  /** The calculation with its numbers (provenance formula text). */
  formula: string;
  /** Why it is not assessable, when it is not. */
  reason: string | null;
}

export function verdictOf(indicator: IndicatorValue): Verdict {
  if (indicator.passed === true) return 'conforme';
  if (indicator.passed === false) return 'non conforme';
  if (indicator.passed === undefined && !indicator.suppressed && indicator.unit === 'pass_fail') {
    if (indicator.value === 1) return 'conforme';
    if (indicator.value === 0) return 'non conforme';
  }
  return 'non évaluable';
}

export function verdictLabel(verdict: Verdict): string {
  return `${verdict.charAt(0).toUpperCase()}${verdict.slice(1)}`;
}

function complianceRow(scope: string, indicator: IndicatorValue): ComplianceRow {
  const verdict = verdictOf(indicator);
  const formula = typeof indicator.provenance?.formulaText === 'string' ? indicator.provenance.formulaText.trim() : '';
  const formulaOf = CATALOGUE.find((definition) => definition.code === indicator.code)?.formula;
  const targetLabel = indicator.target?.label;
  const rule = typeof formulaOf === 'string' && formulaOf.trim() !== '' ? formulaOf.trim() : typeof targetLabel === 'string' && targetLabel.trim() !== '' ? targetLabel.trim() : null;
  let reason: string | null = null;
  if (verdict === 'non évaluable') {
    const figure = indicatorFigure({ ...indicator, value: null });
    reason = figure.kind === 'missing' ? (figure.reason ? `${figure.text} : ${figure.reason}` : figure.text) : figure.text;
  }
  return { scope, label: indicator.label, code: indicator.code, verdict, rule, formula, reason };
}

export function complianceRows(data: CommitteePackData): ComplianceRow[] {
  const rows: ComplianceRow[] = [];
  for (const programme of data.programmes) {
    const entry = yearEntry(programme, data.year);
    const checks = (entry?.indicators ?? []).filter((indicator) => indicator.category === 'compliance');
    if (checks.length === 0) {
      rows.push({
        scope: programme.programme.name,
        label: DASH,
        code: '',
        verdict: 'non évaluable',
        rule: null,
        formula: '',
        reason: entry && entry.indicators.length > 0 ? `Aucun contrôle de conformité calculé pour ${data.year}.` : `Pas de données pour ${data.year}.`,
      });
      continue;
    }
    rows.push(...checks.map((indicator) => complianceRow(programme.programme.name, indicator)));
  }
  rows.push(...(data.agreementChecks ?? []).map((indicator) => complianceRow('Convention', indicator)));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Annual reports
// ---------------------------------------------------------------------------------------------

export interface ReportRow {
  programme: CommitteePackProgramme['programme'];
  status: ReportStatus;
  version: number | null;
  dueDate: string | null;
  validatedAt: string | null;
  late: boolean;
}

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/;

/** `YYYY-MM-DD` of an ISO date or date-time, or null. */
export function isoDay(iso: string | null | undefined): string | null {
  if (typeof iso !== 'string') return null;
  const match = ISO_DAY.exec(iso.trim());
  return match?.[1] && date(match[1]) !== DASH ? match[1] : null;
}

/**
 * Late: still a draft (« projet ») the day after its due date. A report « transmis » or « validé »
 * is never late; without a valid due date or generation date, it is not said late.
 */
export function isLate(report: CommitteePackProgramme['report'], generatedAt: string): boolean {
  if (report.status === 'transmis' || report.status === 'validé') return false;
  const due = isoDay(report.dueDate);
  const today = isoDay(generatedAt);
  return due !== null && today !== null && due < today;
}

export function reportRow(programme: CommitteePackProgramme, generatedAt: string): ReportRow {
  const report = programme.report;
  return {
    programme: programme.programme,
    status: report.status,
    version: isFiniteNumber(report.version) ? report.version : null,
    dueDate: isoDay(report.dueDate),
    validatedAt: isoDay(report.validatedAt),
    late: isLate(report, generatedAt),
  };
}

export function reportObservation(row: ReportRow): string {
  return row.late ? COMMITTEE_LATE_LABEL : DASH;
}

// ---------------------------------------------------------------------------------------------
// Texts shared by the PDF and the workbook
// ---------------------------------------------------------------------------------------------

const SIGNATORY_ROLES: Readonly<Record<string, string>> = {
  funder: 'financeur',
  operator: 'opérateur',
  beneficiary: 'bénéficiaire',
  partner: 'partenaire',
  pilot: 'pilote',
  co_pilot: 'co-pilote',
};

export function signatoryText(signatory: { name: string; role: string }): string {
  const role = typeof signatory.role === 'string' ? signatory.role.trim() : '';
  const label = SIGNATORY_ROLES[role] ?? role;
  return label === '' ? signatory.name : `${signatory.name} (${label})`;
}

export function periodText(agreement: CommitteePackData['agreement']): string {
  const start = isoDay(agreement.startDate);
  const end = isoDay(agreement.endDate);
  if (start && end) return `du ${date(start)} au ${date(end)}`;
  if (start) return `à compter du ${date(start)}`;
  if (end) return `jusqu'au ${date(end)}`;
  return DASH;
}

/** « réalisé » / « budget prévisionnel ». */
export function packBasisText(data: Pick<CommitteePackData, 'basis' | 'year'>): string {
  return data.basis === 'forecast' ? `budget prévisionnel ${data.year} (pas de réalisé)` : `réalisé ${data.year}`;
}

/** The line heading every sheet and summing up the document. */
export function identificationLine(data: CommitteePackData, generatedAt: string, demoNotice: string): string {
  const parts = [
    `Convention : ${data.agreement.title} (${data.agreement.code})`,
    `Comité de suivi ${data.year}`,
    `Base des chiffres : ${packBasisText(data)}`,
    `Généré le ${date(generatedAt)}`,
  ];
  if (data.demo) parts.push(`${demoNotice} : chiffres générés pour la démonstration, ils ne décrivent pas l'activité réelle`);
  return parts.join(' — ');
}
