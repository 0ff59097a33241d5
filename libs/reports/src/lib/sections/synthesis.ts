import type { Basis, IndicatorValue, ProgrammeIndicatorsResponse } from '@sdat/api-types';
import type { Content } from 'pdfmake/interfaces';
import { BUDGET_GAP_THRESHOLD, compareGroups, compareTotals, isSignificantGap, type GroupComparison } from '../budget-comparison';
import { COLORS, minorTitle, note, paragraph, sectionTitle, subTitle, table, type Cell } from '../layout';
import { SECTION_TITLES } from '../titles';
import {
  basisColumn,
  DASH,
  detail,
  euros,
  findIndicator,
  indicatorText,
  itemNumber,
  percent,
  severityLabel,
  signedEuros,
  signedPercent,
  statusLabel,
} from '../text';
import type { AnnualReportData } from '../types';

/** Indicators shown in the key figures, in this order, when the programme has them. */
const KEY_INDICATORS = [
  'fte_total',
  'payroll',
  'payroll_ratio',
  'head_office_ratio',
  'cumulative_surplus',
  'cost_per_participant',
  'active_caseload',
  'entries',
  'exits',
  'avg_duration_days',
  'occupancy_rate',
  'target_completion',
  'head_office_cap',
  'no_deficit_carried_over',
] as const;

/** The bases shown side by side: forecast, then actual when the report is on the actual basis. */
export function reportBases(data: AnnualReportData): Basis[] {
  return data.basis === 'actual' ? ['forecast', 'actual'] : ['forecast'];
}

export function indicatorSet(data: AnnualReportData, basis: Basis): ProgrammeIndicatorsResponse | null {
  return basis === 'actual' ? data.indicators.actual : data.indicators.forecast;
}

function statusCell(status: IndicatorValue['status']): Cell {
  const color = status === 'alert' ? COLORS.alert : status === 'warning' ? COLORS.warning : status === 'ok' ? COLORS.ok : COLORS.text;
  return { text: statusLabel(status), color, bold: status === 'alert' };
}

function keyFigures(data: AnnualReportData): Content {
  const bases = reportBases(data);
  const primary = data.basis;
  const totals = compareTotals(data.budgets.forecast, data.budgets.actual);
  const money = (row: GroupComparison, basis: Basis) => euros(basis === 'forecast' ? row.forecastCents : row.actualCents);
  const rows: Cell[][] = [
    [totals.expenses.label, ...bases.map((b) => money(totals.expenses, b)), DASH, DASH],
    [totals.income.label, ...bases.map((b) => money(totals.income, b)), DASH, DASH],
    [totals.result.label, ...bases.map((b) => (b === 'forecast' ? signedEuros(totals.result.forecastCents) : signedEuros(totals.result.actualCents))), DASH, DASH],
  ];
  for (const code of KEY_INDICATORS) {
    const values = bases.map((b) => findIndicator(indicatorSet(data, b), code));
    const main = findIndicator(indicatorSet(data, primary), code);
    const any = values.find((v) => v !== undefined);
    if (!any) continue;
    if (values.every((v) => v === undefined || v.value === null)) continue;
    const target = (main ?? any).target;
    rows.push([
      any.label,
      ...values.map((v) => (v ? (v.value === null ? DASH : indicatorText(v)) : DASH)),
      target ? target.label : DASH,
      statusCell(main?.status ?? null),
    ]);
  }
  return table({
    headers: ['Indicateur', ...bases.map((b) => basisColumn(b, data.year)), 'Cible ou règle', `Statut (${basisColumn(primary, data.year)})`],
    rows,
    widths: ['*', ...bases.map(() => 'auto'), 110, 'auto'],
    numeric: bases.map((_, index) => index + 1),
    fontSize: 8.5,
  });
}

/** Head-office fees above the cap (alert) or close to it (vigilance), on each basis. */
function headOfficeAlerts(data: AnnualReportData): string[] {
  const out: string[] = [];
  for (const basis of reportBases(data)) {
    const ratio = findIndicator(indicatorSet(data, basis), 'head_office_ratio');
    if (!ratio || ratio.value === null || !ratio.target) continue;
    const fees = itemNumber(detail(ratio, 'head_office_fees'));
    const including = itemNumber(detail(ratio, 'including_fees'));
    const over = ratio.target.comparator === 'lte' ? ratio.value > ratio.target.value : ratio.value < ratio.target.value;
    const what = `Frais de siège (${basisColumn(basis, data.year)}) : ${euros(fees)}, soit ${percent(ratio.value, 2)} des ${ratio.target.of ?? 'charges'}${
      including === null ? '' : ` (${percent(including, 2)} des charges totales)`
    }`;
    if (over) out.push(`Alerte — ${what}, au-delà du plafond de ${percent(ratio.target.value, 0)}.`);
    else if (ratio.status === 'warning') {
      out.push(`Vigilance — ${what} : sous le plafond de ${percent(ratio.target.value, 0)}, au-delà du seuil de vigilance de ${percent(ratio.target.thresholds.ok)}.`);
    }
  }
  return out;
}

/** Other indicators of the report's basis in alert or vigilance (targets of the agreement, compliance). */
function statusAlerts(data: AnnualReportData): string[] {
  const set = indicatorSet(data, data.basis);
  return (set?.indicators ?? [])
    .filter((i) => (i.status === 'alert' || i.status === 'warning') && i.code !== 'head_office_ratio' && i.code !== 'head_office_cap')
    .map((i) => `${statusLabel(i.status)} — ${i.label} : ${indicatorText(i)}${i.target ? ` (${i.target.label})` : ''}.`);
}

function gapText(row: GroupComparison, year: number): string {
  const side = row.groupCode === 'total' || row.groupCode === 'result' ? '' : row.side === 'expenses' ? 'Charges — ' : 'Produits — ';
  return `${side}${row.label} : ${euros(row.actualCents)} réalisés pour ${euros(row.forecastCents)} prévus au BP ${year}, écart de ${signedEuros(row.gapCents)} (${signedPercent(row.gapRatio)}).`;
}

export function budgetGapAlerts(data: AnnualReportData): string[] {
  if (!data.budgets.forecast || !data.budgets.actual) return [];
  const totals = compareTotals(data.budgets.forecast, data.budgets.actual);
  return [totals.expenses, totals.income, ...compareGroups(data.budgets.forecast, data.budgets.actual)]
    .filter(isSignificantGap)
    .map((row) => gapText(row, data.year));
}

function findingsTable(data: AnnualReportData): Content {
  if (data.findings.length === 0) return paragraph('Aucun écart relevé dans les documents sources de ce dispositif.');
  const order = { error: 0, warning: 1, info: 2 } as const;
  const findings = [...data.findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return table({
    headers: ['Gravité', 'Constat', 'Où'],
    rows: findings.map((f) => [
      { text: severityLabel(f.severity), bold: f.severity === 'error', color: f.severity === 'error' ? COLORS.alert : COLORS.text },
      f.message,
      f.location,
    ]),
    widths: ['auto', '*', 120],
    numeric: [],
    fontSize: 8,
  });
}

export function synthesisSection(data: AnnualReportData): Content[] {
  const bases = reportBases(data);
  const headOffice = headOfficeAlerts(data);
  const gaps = budgetGapAlerts(data);
  const others = statusAlerts(data);
  const compared = bases.length > 1
    ? `Chiffres clés ${data.year} : budget prévisionnel et réalisé, avec les cibles et règles de la convention.`
    : `Chiffres clés ${data.year} du budget prévisionnel, avec les cibles et règles de la convention (le réalisé n'est pas présenté).`;
  const gapIntro =
    data.budgets.forecast && data.budgets.actual
      ? gaps.length
        ? `Écarts de plus de ${percent(BUDGET_GAP_THRESHOLD, 0)} entre le budget prévisionnel et le réalisé :`
        : `Aucun écart de plus de ${percent(BUDGET_GAP_THRESHOLD, 0)} entre le budget prévisionnel et le réalisé, par groupe de comptes comme au total.`
      : `Comparaison budget prévisionnel / réalisé impossible : ${data.budgets.forecast ? 'réalisé' : 'budget prévisionnel'} ${data.year} non disponible.`;
  return [
    sectionTitle(SECTION_TITLES.synthesis),
    paragraph(compared),
    subTitle('Chiffres clés'),
    keyFigures(data),
    note('Statut : « Conforme » lorsque la cible ou la règle est respectée, « Vigilance » à l’approche du seuil, « Alerte » au-delà. Montants arrondis à l’euro.'),
    subTitle("Points d'attention"),
    minorTitle('Frais de siège'),
    headOffice.length
      ? { ul: headOffice, margin: [0, 0, 0, 6] }
      : paragraph('Les frais de siège respectent le plafond de la convention sur chaque base présentée.'),
    minorTitle('Écarts budgétaires'),
    paragraph(gapIntro),
    ...(gaps.length ? [{ ul: gaps, margin: [0, 0, 0, 6] } as Content] : []),
    ...(others.length ? [minorTitle('Objectifs et règles'), { ul: others, margin: [0, 0, 0, 6] } as Content] : []),
    minorTitle('Écarts relevés dans les documents sources'),
    findingsTable(data),
  ];
}
