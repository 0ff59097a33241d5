import type { IndicatorValue } from '@sdat/api-types';
import { formatMonth } from '@sdat/format';
import type { EChartsOption, LineSeriesOption } from 'echarts';
import { barOption, chartTable, lineOption, type CategoryChartSpec, type SeriesSpec } from './category-chart';
import type { IndicatorChart } from './indicator-charts';
import { suppressedText } from './indicator-values';

/** One item of an indicator's `details`. */
type Item = NonNullable<IndicatorValue['details']>[number];

/** `janvier 2022` → `Janvier 2022` (table rows). */
const monthLabel = (month: string): string => {
  const text = formatMonth(month);
  return `${text.charAt(0).toLocaleUpperCase('fr-FR')}${text.slice(1)}`;
};

/** The value of a count item, null when masked (a gap, never 0), with its « < 5 » / « masqué » text. */
function cell(item: Item | undefined): { value: number | null; text: string | null } {
  if (item === undefined) return { value: null, text: null };
  const text = suppressedText(item);
  return { value: text === null ? item.value : null, text };
}

function series(name: string, cells: readonly { value: number | null; text: string | null }[], extra: Partial<SeriesSpec> = {}): SeriesSpec {
  const texts = cells.map((c) => c.text);
  return { name, values: cells.map((c) => c.value), ...(texts.some((t) => t !== null) ? { texts } : {}), ...extra };
}

/** Months of a monthly indicator's details (attribute `month`), in calendar order. */
function monthsOf(indicator: IndicatorValue): string[] {
  const months = new Set<string>();
  for (const item of indicator.details ?? []) {
    const month = item.attributes?.['month'];
    if (typeof month === 'string') months.add(month);
  }
  return [...months].sort();
}

export const MONTHLY_FLOWS_TITLE = 'Entrées, sorties et file active par mois';
export const MONTHLY_WAITING_TITLE = 'Liste d’attente en fin de mois';

/**
 * The data of `monthly_caseload`: per month, entries and exits (bars) and the caseload at the end
 * of the month (line); the « Total de l'année » row gives the year's entries and exits (the
 * indicator's inputs, right even when months are masked) and no total for a stock. Null when the
 * indicator has no monthly detail (no data, not computable).
 */
export function monthlyCaseloadSpec(indicator: IndicatorValue | null, options: { showTitle?: boolean } = {}): CategoryChartSpec | null {
  if (indicator === null || indicator.code !== 'monthly_caseload') return null;
  const months = monthsOf(indicator);
  if (months.length === 0) return null;
  const at = (month: string, measure: string) => cell(indicator.details?.find((d) => d.key === `${month}:${measure}`));
  const yearTotal = (ref: string) => indicator.provenance.inputs.find((i) => i.ref === ref)?.value ?? null;
  return {
    title: MONTHLY_FLOWS_TITLE,
    categoryLabel: 'Mois',
    categories: months.map(monthLabel),
    series: [
      series('Entrées', months.map((m) => at(m, 'entries')), { total: yearTotal('entries') }),
      series('Sorties', months.map((m) => at(m, 'exits')), { total: yearTotal('exits') }),
      series('File active en fin de mois', months.map((m) => at(m, 'at_end')), { total: null }),
    ],
    valueKind: 'count',
    showTitle: options.showTitle ?? true,
    totalRowLabel: 'Total de l’année',
  };
}

/** Short month names on the axis (« janv. », « févr. »…): twelve long labels do not fit. */
function shortMonthAxis(option: EChartsOption, months: readonly string[]): EChartsOption {
  const xAxis = option.xAxis;
  if (xAxis === undefined || Array.isArray(xAxis)) return option;
  const grid = option.grid !== undefined && !Array.isArray(option.grid) ? option.grid : {};
  return {
    ...option,
    // room under the axis for the month names
    grid: { ...grid, bottom: 24 },
    xAxis: { ...xAxis, data: months.map((m) => formatMonth(m, { short: true })) } as EChartsOption['xAxis'],
  };
}

/** Entries and exits per month as bars, the month-end caseload as a line, and the same data as a table. */
export function monthlyCaseloadChart(indicator: IndicatorValue | null, options: { showTitle?: boolean } = {}): IndicatorChart | null {
  const spec = monthlyCaseloadSpec(indicator, options);
  if (spec === null || indicator === null) return null;
  const caseload = spec.series[2];
  if (caseload === undefined) return null;
  // the shared bar builder for the three series (tooltip, description, legend), then the stock as a line
  const bars = barOption(spec);
  const line: LineSeriesOption = {
    type: 'line',
    name: caseload.name,
    data: [...caseload.values],
    symbol: 'circle',
    symbolSize: 7,
    lineStyle: { width: 2 },
    connectNulls: false,
  };
  const option: EChartsOption = { ...bars, series: [...(Array.isArray(bars.series) ? bars.series.slice(0, 2) : []), line] };
  return { option: shortMonthAxis(option, monthsOf(indicator)), table: chartTable(spec) };
}

/** The waiting list at each month end (line) and as a table; null without monthly figures. */
export function monthlyWaitingListChart(indicator: IndicatorValue | null, options: { showTitle?: boolean } = {}): IndicatorChart | null {
  if (indicator === null || indicator.code !== 'waiting_list') return null;
  const items = (indicator.details ?? []).filter((d) => typeof d.attributes?.['month'] === 'string');
  if (items.length === 0) return null;
  const months = items.map((d) => String(d.attributes?.['month']));
  const spec: CategoryChartSpec = {
    title: MONTHLY_WAITING_TITLE,
    categoryLabel: 'Mois',
    categories: months.map(monthLabel),
    series: [series('Personnes en attente en fin de mois', items.map(cell))],
    valueKind: 'count',
    showTitle: options.showTitle ?? true,
  };
  return { option: shortMonthAxis(lineOption(spec), months), table: chartTable(spec) };
}
