import type { ComparedIndicator, ComparisonResponse, IndicatorValue } from '@sdat/api-types';
import type {
  BarSeriesOption,
  EChartsOption,
  LineSeriesOption,
  TooltipComponentFormatterCallbackParams,
} from 'echarts';
import { formatPercent } from '@sdat/format';
import {
  barOption,
  baseOption,
  chartTable,
  lineOption,
  seriesTotal,
  type CategoryChartSpec,
  type ChartTable,
  type SeriesSpec,
} from './category-chart';
import {
  findIndicator,
  indicatorInputValue,
  suppressedText,
  valueKindOfUnit,
  type IndicatorCode,
  type IndicatorUnit,
  type YearIndicators,
} from './indicator-values';
import { CHART_GRID_COLOR, CHART_MUTED_TEXT_COLOR, CHART_TEXT_COLOR, seriesColor } from './palette';
import { escapeHtml, formatChartValue, formatInputValue, toChartValue, type ValueKind } from './values';

/** One item of an indicator's `breakdown` or `details`. */
type BreakdownItem = NonNullable<IndicatorValue['breakdown']>[number];

/**
 * Charts of the indicators (`IndicatorValue`, as returned by the API). Every builder returns
 * `null` when there is nothing to draw (value not computable, no data): the caller then shows
 * the indicator's reason — a missing value is never drawn as 0.
 */
export interface IndicatorChart {
  option: EChartsOption;
  /** Same data as a table (cells already formatted in fr-FR): the accessible alternative. */
  table: ChartTable;
}

/** `directeur adjoint` → `Directeur adjoint` (labels of staff and breakdowns are printed in lower case). */
export function capitalise(text: string): string {
  return text === '' ? text : `${text.charAt(0).toLocaleUpperCase('fr-FR')}${text.slice(1)}`;
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function sortedUniqueYears(years: readonly YearIndicators[]): YearIndicators[] {
  const seen = new Set<number>();
  return [...years]
    .sort((a, b) => a.year - b.year)
    .filter((item) => {
      if (seen.has(item.year)) {
        return false;
      }
      seen.add(item.year);
      return true;
    });
}

// ---------------------------------------------------------------------------------------------
// Distribution of one indicator (breakdown or details): FTE by job, profiles, referrers…
// ---------------------------------------------------------------------------------------------

export interface DistributionChartOptions {
  /** French title (also the table caption). */
  title: string;
  /** Header of the category column, e.g. « Qualification », « Tranche d'âge ». */
  categoryLabel: string;
  /** Name of the value series, e.g. « ETP », « Personnes ». */
  valueLabel: string;
  /**
   * `breakdown` (default): the items that add up to the value (FTE by job, age bands…);
   * `details`: complementary items (hand-overs by kind, whose value is a ratio).
   */
  source?: 'breakdown' | 'details';
  /** Put the title inside the chart (default true; the dashboard shows its own heading). */
  showTitle?: boolean;
}

function distributionItems(indicator: IndicatorValue, source: 'breakdown' | 'details'): { items: BreakdownItem[]; unit: IndicatorUnit } | null {
  const all = (source === 'details' ? indicator.details : indicator.breakdown) ?? [];
  const unit = all.find((item) => isNumber(item.value))?.unit;
  if (unit === undefined || valueKindOfUnit(unit) === null) {
    return null;
  }
  // Items without a value (e.g. staff counted in posts, not in FTE) are left out: the
  // indicator's flags say so. Items masked by the small-count rule stay, shown « < 5 » / « masqué ».
  return {
    items: all.filter((item) => (isNumber(item.value) || item.suppressed !== undefined) && item.unit === unit),
    unit,
  };
}

/**
 * The data behind a distribution chart: one category per breakdown (or details) item with a
 * value, in the API's order; an item masked by the small-count rule is a gap in the chart and
 * « < 5 » / « masqué » in the table, and the « Total » row is then the indicator's own value (a
 * breakdown adds up to it), not the sum of the items shown. Null when the indicator has no value
 * or no item to draw.
 */
export function distributionSpec(indicator: IndicatorValue, options: DistributionChartOptions): CategoryChartSpec | null {
  if (!isNumber(indicator.value)) {
    return null;
  }
  const found = distributionItems(indicator, options.source ?? 'breakdown');
  if (found === null || found.items.length === 0) {
    return null;
  }
  const kind = valueKindOfUnit(found.unit) as ValueKind;
  const texts = found.items.map((item) => suppressedText(item));
  const masked = texts.some((text) => text !== null);
  const source = options.source ?? 'breakdown';
  const series: SeriesSpec = {
    name: options.valueLabel,
    values: found.items.map((item) => (item.suppressed === undefined ? indicatorInputValue(item.value, found.unit) : null)),
    ...(masked ? { texts, total: source === 'breakdown' && indicator.unit === found.unit ? indicatorInputValue(indicator.value, found.unit) : null } : {}),
  };
  return {
    title: options.title,
    categoryLabel: options.categoryLabel,
    categories: found.items.map((item) => capitalise(item.label)),
    series: [series],
    valueKind: kind,
    horizontal: true,
    showTitle: options.showTitle ?? true,
    totalRowLabel: 'Total',
  };
}

/** Adds the share of each row (« Part », 1 decimal) to the table of a one-series spec. */
function withShares(spec: CategoryChartSpec): ChartTable {
  const table = chartTable(spec);
  if (spec.valueKind === 'ratio' || spec.series.length !== 1) {
    return table;
  }
  const first = spec.series[0];
  const values = first?.values ?? [];
  const total = first === undefined ? 0 : (seriesTotal(first) ?? 0);
  const share = (value: number | null) => (total > 0 && value !== null ? formatPercent(value / total) : '—');
  return {
    ...table,
    headers: [...table.headers, 'Part'],
    rows: table.rows.map((row, index) => ({ ...row, cells: [...row.cells, share(values[index] ?? null)] })),
    footer: table.footer === null ? null : { ...table.footer, cells: [...table.footer.cells, share(total)] },
  };
}

/**
 * Horizontal bars of the breakdown (or details) of an indicator, with the same data as a table
 * (value and share of each item, total). Null when there is nothing to draw.
 */
export function distributionChart(indicator: IndicatorValue, options: DistributionChartOptions): IndicatorChart | null {
  const spec = distributionSpec(indicator, options);
  if (spec === null) {
    return null;
  }
  return { option: barOption(spec), table: withShares(spec) };
}

// ---------------------------------------------------------------------------------------------
// Indicators over years (entries / exits / caseload, waiting list, attendance…)
// ---------------------------------------------------------------------------------------------

/** One series of a chart over years: the value of an indicator, or one of its details. */
export interface YearSeries {
  /** French series name (legend, table header). */
  name: string;
  code: IndicatorCode;
  /** Key of a `details` (or `breakdown`) item to draw instead of the indicator's value. */
  detail?: string;
}

export interface YearsChartOptions {
  title: string;
  /** The indicators of each year (any order; a year given twice is taken once). */
  years: readonly YearIndicators[];
  series: readonly YearSeries[];
  /** `bar` (default) or `line`. */
  type?: 'bar' | 'line';
  showTitle?: boolean;
}

interface PickedValue {
  value: number | null;
  unit: IndicatorUnit;
  /** « < 5 » / « masqué » when the small-count rule masked it. */
  masked: string | null;
}

function pickValue(indicators: readonly IndicatorValue[], series: YearSeries): PickedValue | null {
  const indicator = findIndicator(indicators, series.code);
  if (indicator === null) {
    return null;
  }
  if (series.detail === undefined) {
    return { value: indicator.value, unit: indicator.unit, masked: suppressedText(indicator) };
  }
  const item =
    indicator.details?.find((candidate) => candidate.key === series.detail) ??
    indicator.breakdown?.find((candidate) => candidate.key === series.detail);
  return item === undefined ? null : { value: item.value, unit: item.unit, masked: suppressedText(item) };
}

/**
 * The data behind a chart of indicators over years: one category per year (ascending), one
 * series per `YearSeries`; a year without the value is a gap (null), never 0. Throws when the
 * series mix units drawn differently (euros and counts). Null when no value at all.
 */
export function indicatorYearsSpec(options: YearsChartOptions): CategoryChartSpec | null {
  const years = sortedUniqueYears(options.years);
  const kinds = new Set<ValueKind>();
  const series: SeriesSpec[] = options.series.map((item) => {
    const picked = years.map((year) => {
      const value = pickValue(year.indicators, item);
      const kind = value === null ? null : valueKindOfUnit(value.unit);
      if (value === null || kind === null) {
        return null;
      }
      kinds.add(kind);
      return value;
    });
    const texts = picked.map((value) => value?.masked ?? null);
    return {
      name: item.name,
      values: picked.map((value) => (value === null || value.masked !== null ? null : indicatorInputValue(value.value, value.unit))),
      ...(texts.some((text) => text !== null) ? { texts } : {}),
    };
  });
  if (kinds.size > 1) {
    throw new RangeError(`Le graphique « ${options.title} » mélange des unités différentes.`);
  }
  const [kind] = [...kinds];
  // Masked values (« < 5 ») are something to show, in the table at least.
  if (kind === undefined || series.every((item) => item.values.every((value) => value === null) && item.texts === undefined)) {
    return null;
  }
  return {
    title: options.title,
    categoryLabel: 'Année',
    categories: years.map((year) => String(year.year)),
    series,
    valueKind: kind,
    showTitle: options.showTitle ?? true,
  };
}

/** Bars (or lines) of indicators over years, and the same data as a table. */
export function indicatorYearsChart(options: YearsChartOptions): IndicatorChart | null {
  const spec = indicatorYearsSpec(options);
  if (spec === null) {
    return null;
  }
  return { option: options.type === 'line' ? lineOption(spec) : barOption(spec), table: chartTable(spec) };
}

// ---------------------------------------------------------------------------------------------
// Payroll and payroll ratio over N-2..N
// ---------------------------------------------------------------------------------------------

export interface PayrollPoint {
  year: number;
  /** Masse salariale, integer cents. */
  payrollCents: number | null;
  /** Masse salariale / total des charges (fraction of 1). */
  ratio: number | null;
}

/**
 * Payroll and payroll ratio by year, over the `span` years ending with the latest year given
 * (default 3: N-2..N). Each year's own `payroll` and `payroll_ratio` values come first; years
 * that were not given are filled from the later years' details: the payroll of N-1 and N-2 from
 * the inputs of `payroll_growth`, the ratio of N-1 from the `previous_ratio` detail of
 * `payroll_ratio`. Years without any value are left out; ascending years.
 */
export function payrollTrendPoints(years: readonly YearIndicators[], span = 3): PayrollPoint[] {
  const points = new Map<number, PayrollPoint>();
  const point = (year: number): PayrollPoint => {
    let found = points.get(year);
    if (found === undefined) {
      found = { year, payrollCents: null, ratio: null };
      points.set(year, found);
    }
    return found;
  };
  const sorted = sortedUniqueYears(years);
  sorted.forEach(({ year, indicators }) => {
    const payroll = findIndicator(indicators, 'payroll');
    const ratio = findIndicator(indicators, 'payroll_ratio');
    if (payroll !== null && isNumber(payroll.value)) {
      point(year).payrollCents = indicatorInputValue(payroll.value, 'eur');
    }
    if (ratio !== null && isNumber(ratio.value)) {
      point(year).ratio = ratio.value;
    }
  });
  // Fill the gaps from the details of the latest years first.
  [...sorted].reverse().forEach(({ year, indicators }) => {
    const growth = findIndicator(indicators, 'payroll_growth');
    growth?.provenance.inputs.forEach((input) => {
      if (input.ref === 'masse_salariale' && input.year !== undefined && isNumber(input.value)) {
        const target = point(input.year);
        if (target.payrollCents === null) {
          target.payrollCents = indicatorInputValue(input.value, 'eur');
        }
      }
    });
    const previous = findIndicator(indicators, 'payroll_ratio')?.details?.find((item) => item.key === 'previous_ratio');
    if (previous !== undefined && isNumber(previous.value)) {
      const target = point(year - 1);
      if (target.ratio === null) {
        target.ratio = previous.value;
      }
    }
  });
  const latest = sorted[sorted.length - 1]?.year ?? 0;
  return [...points.values()]
    .filter((item) => item.year > latest - span && item.year <= latest)
    .filter((item) => item.payrollCents !== null || item.ratio !== null)
    .sort((a, b) => a.year - b.year);
}

const PAYROLL_TITLE = 'Masse salariale et part dans le total des charges';
const PAYROLL_SERIES = 'Masse salariale';
const RATIO_SERIES = 'Part dans le total des charges';

/** Table equivalent of `payrollTrendOption`. */
export function payrollTrendTable(points: readonly PayrollPoint[], title = PAYROLL_TITLE): ChartTable {
  return {
    caption: title,
    headers: ['Année', PAYROLL_SERIES, RATIO_SERIES],
    rows: points.map((item) => ({
      header: String(item.year),
      cells: [formatInputValue(item.payrollCents, 'euros'), formatInputValue(item.ratio, 'ratio')],
    })),
    footer: null,
  };
}

function payrollDescription(points: readonly PayrollPoint[], title: string): string {
  const values = points
    .map(
      (item) =>
        `${item.year} : ${formatInputValue(item.payrollCents, 'euros')}, soit ${formatInputValue(item.ratio, 'ratio')} des charges`,
    )
    .join(' ; ');
  return `Graphique en barres et courbe : ${title}. ${values}.`;
}

/**
 * Payroll (bars, euros, left axis) and its share of the total expenses (line, %, right axis)
 * over the years given (usually N-2..N). Null when no year has a value.
 */
export function payrollTrendOption(
  points: readonly PayrollPoint[],
  options: { title?: string; showTitle?: boolean } = {},
): EChartsOption | null {
  if (points.length === 0) {
    return null;
  }
  const title = options.title ?? PAYROLL_TITLE;
  const showTitle = options.showTitle ?? true;
  const bars: BarSeriesOption = {
    type: 'bar',
    name: PAYROLL_SERIES,
    yAxisIndex: 0,
    barMaxWidth: 48,
    data: points.map((item) => toChartValue(item.payrollCents, 'euros')),
    itemStyle: { color: seriesColor(0) },
  };
  const line: LineSeriesOption = {
    type: 'line',
    name: RATIO_SERIES,
    yAxisIndex: 1,
    symbol: 'diamond',
    symbolSize: 10,
    lineStyle: { width: 2, color: seriesColor(1) },
    itemStyle: { color: seriesColor(1) },
    connectNulls: false,
    data: points.map((item) => toChartValue(item.ratio, 'ratio')),
  };
  const kinds: ValueKind[] = ['euros', 'ratio'];
  const tooltip = (params: TooltipComponentFormatterCallbackParams): string => {
    const list = Array.isArray(params) ? params : [params];
    const year = String(list[0]?.name ?? '');
    const lines = list.map(
      (item) =>
        `${typeof item.marker === 'string' ? item.marker : ''}${escapeHtml(String(item.seriesName ?? ''))}\u00a0: <strong>${escapeHtml(
          formatChartValue(item.value, kinds[item.seriesIndex ?? 0] ?? 'euros'),
        )}</strong>`,
    );
    return [`<strong>${escapeHtml(year)}</strong>`, ...lines].join('<br/>');
  };
  const valueAxis = (kind: ValueKind, extra: Record<string, unknown>) => ({
    type: 'value' as const,
    axisLabel: { color: CHART_MUTED_TEXT_COLOR, formatter: (value: number) => formatChartValue(value, kind), hideOverlap: true },
    splitLine: { lineStyle: { color: CHART_GRID_COLOR } },
    ...extra,
  });
  return {
    ...baseOption(title, payrollDescription(points, title), showTitle),
    legend: { show: true, top: showTitle ? 30 : 0, left: 0, textStyle: { color: CHART_TEXT_COLOR } },
    grid: { top: showTitle ? 72 : 40, left: 8, right: 8, bottom: 8 },
    tooltip: { trigger: 'axis', formatter: tooltip },
    xAxis: {
      type: 'category',
      data: points.map((item) => String(item.year)),
      axisLine: { lineStyle: { color: CHART_MUTED_TEXT_COLOR } },
      axisLabel: { color: CHART_TEXT_COLOR },
      axisTick: { alignWithLabel: true },
    },
    yAxis: [
      valueAxis('euros', {}),
      // The share is read on a 0–100 % scale: no exaggerated slope.
      valueAxis('ratio', { min: 0, max: 1, splitLine: { show: false } }),
    ],
    series: [bars, line],
  };
}

/** Payroll and payroll ratio over the years given; null when nothing to draw. */
export function payrollTrendChart(years: readonly YearIndicators[], options: { showTitle?: boolean } = {}): IndicatorChart | null {
  const points = payrollTrendPoints(years);
  const option = payrollTrendOption(points, options);
  return option === null ? null : { option, table: payrollTrendTable(points) };
}

// ---------------------------------------------------------------------------------------------
// Duration of the support episodes: average and median, with the counts behind them
// ---------------------------------------------------------------------------------------------

const AVERAGE_SERIES = 'Durée moyenne';
const MEDIAN_SERIES = 'Durée médiane';

function detailValue(indicator: IndicatorValue | null, key: string): number | null {
  const value = indicator?.details?.find((item) => item.key === key)?.value;
  return isNumber(value) ? value : null;
}

/**
 * Average (closed episodes) and median (Kaplan–Meier, open episodes included) duration of the
 * support episodes by year (bars, days); the table adds the number of episodes each figure is
 * computed on. Null when no duration at all.
 */
export function durationChart(years: readonly YearIndicators[], options: { showTitle?: boolean } = {}): IndicatorChart | null {
  const sorted = sortedUniqueYears(years);
  const spec = indicatorYearsSpec({
    title: 'Durée des parcours',
    years: sorted,
    series: [
      { name: AVERAGE_SERIES, code: 'avg_duration_days' },
      { name: MEDIAN_SERIES, code: 'median_duration_days' },
    ],
    showTitle: options.showTitle,
  });
  if (spec === null) {
    return null;
  }
  const count = (value: number | null) => formatInputValue(value, 'count');
  const days = (value: number | null) => formatInputValue(value, 'days');
  const daysOf = (indicator: IndicatorValue | null) =>
    (indicator === null ? null : suppressedText(indicator)) ?? days(isNumber(indicator?.value) ? (indicator?.value ?? null) : null);
  const countOf = (indicator: IndicatorValue | null, key: string) => {
    const item = indicator?.details?.find((candidate) => candidate.key === key);
    return (item === undefined ? null : suppressedText(item)) ?? count(detailValue(indicator, key));
  };
  const table: ChartTable = {
    caption: spec.title,
    headers: [
      'Année',
      'Durée moyenne (parcours terminés)',
      'Parcours terminés',
      'Durée médiane (parcours en cours inclus)',
      'Parcours en cours (censurés)',
    ],
    rows: sorted.map(({ year, indicators }) => {
      const average = findIndicator(indicators, 'avg_duration_days');
      const median = findIndicator(indicators, 'median_duration_days');
      return {
        header: String(year),
        cells: [
          daysOf(average),
          countOf(average, 'closed_episodes'),
          daysOf(median),
          countOf(median, 'censored'),
        ],
      };
    }),
    footer: null,
  };
  return { option: barOption(spec), table };
}

/** Keys of the duration bands in the details of `avg_duration_days` (they start with a digit: `0_90`, `91_182`…). */
const isDurationBand = (item: BreakdownItem): boolean => /^\d/.test(item.key);

/**
 * Distribution of the durations of the episodes closed in the year (`avg_duration_days`, details by
 * band): horizontal bars and the table with the share of each band. Null without a value.
 */
export function durationBandsChart(indicator: IndicatorValue | null, options: { showTitle?: boolean } = {}): IndicatorChart | null {
  if (indicator === null || indicator.code !== 'avg_duration_days') return null;
  const bands = (indicator.details ?? []).filter(isDurationBand);
  if (bands.length === 0) return null;
  return distributionChart(
    { ...indicator, details: bands },
    { title: 'Parcours terminés par durée', categoryLabel: 'Durée du parcours', valueLabel: 'Parcours terminés', source: 'details', showTitle: options.showTitle ?? true },
  );
}

// ---------------------------------------------------------------------------------------------
// Sparkline (comparison table) and comparison chart
// ---------------------------------------------------------------------------------------------

export interface SparklineSpec {
  /** What the line shows, e.g. « Entrées — EMAS » (start of the accessible description). */
  title: string;
  /** Ordered categories (years). */
  categories: readonly string[];
  /** One value per category, in the indicator's unit (cents for money); null = gap. */
  values: readonly (number | null)[];
  unit: IndicatorUnit;
}

/**
 * A tiny line without axes nor legend (a row of the comparison table): same palette, no
 * animation, an accessible description listing every value. Null when the unit is not drawn
 * (`pass_fail`) or fewer than 2 values are known (no trend to show).
 */
export function sparklineOption(spec: SparklineSpec): EChartsOption | null {
  const kind = valueKindOfUnit(spec.unit);
  if (spec.values.length !== spec.categories.length) {
    throw new RangeError(`La tendance « ${spec.title} » a ${spec.values.length} valeurs pour ${spec.categories.length} années.`);
  }
  if (kind === null) {
    return null;
  }
  const values = spec.values.map((value) => indicatorInputValue(value, spec.unit));
  if (values.filter((value) => value !== null).length < 2) {
    return null;
  }
  const description = `Tendance : ${spec.title}. ${spec.categories
    .map((category, index) => `${category} : ${formatInputValue(values[index] ?? null, kind)}`)
    .join(' ; ')}.`;
  return {
    ...baseOption(spec.title, description, false),
    grid: { top: 4, bottom: 4, left: 4, right: 4 },
    tooltip: { show: false },
    legend: { show: false },
    xAxis: { type: 'category', show: false, data: [...spec.categories], boundaryGap: false },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        name: spec.title,
        data: values.map((value) => toChartValue(value, kind)),
        symbol: 'circle',
        symbolSize: 4,
        lineStyle: { width: 2, color: seriesColor(0) },
        itemStyle: { color: seriesColor(0) },
        connectNulls: false,
        silent: true,
      },
    ],
  };
}

/** The value of one indicator for a programme and a year of a comparison, or null. */
export function comparisonValue(
  comparison: Pick<ComparisonResponse, 'cells'>,
  programmeCode: string,
  year: number,
  code: IndicatorCode,
): ComparedIndicator | null {
  const cell = comparison.cells.find((item) => item.programmeCode === programmeCode && item.year === year);
  return cell === undefined ? null : findIndicator(cell.indicators, code);
}

/**
 * The data behind the comparison chart of one indicator: one category per year (ascending), one
 * series per programme. Null when the indicator is not drawn (`pass_fail`) or has no value.
 */
export function comparisonSpec(
  comparison: ComparisonResponse,
  code: IndicatorCode,
  options: { title?: string; showTitle?: boolean } = {},
): CategoryChartSpec | null {
  const years = [...new Set(comparison.years)].sort((a, b) => a - b);
  const found = comparison.cells.flatMap((cell) => cell.indicators.filter((indicator) => indicator.code === code));
  const first = found[0];
  if (first === undefined) {
    return null;
  }
  const kind = valueKindOfUnit(first.unit);
  if (kind === null) {
    return null;
  }
  const series: SeriesSpec[] = comparison.programmes
    .filter((programme) => comparison.cells.some((cell) => cell.programmeCode === programme.code && findIndicator(cell.indicators, code) !== null))
    .map((programme) => {
      const indicators = years.map((year) => comparisonValue(comparison, programme.code, year, code));
      const texts = indicators.map((indicator) => (indicator === null ? null : suppressedText(indicator)));
      return {
        name: programme.name,
        values: indicators.map((indicator) =>
          indicator === null || indicator.suppressed !== undefined ? null : indicatorInputValue(indicator.value, indicator.unit),
        ),
        ...(texts.some((text) => text !== null) ? { texts } : {}),
      };
    });
  if (series.every((item) => item.values.every((value) => value === null) && item.texts === undefined)) {
    return null;
  }
  return {
    title: options.title ?? first.label,
    categoryLabel: 'Année',
    categories: years.map(String),
    series,
    valueKind: kind,
    showTitle: options.showTitle ?? true,
  };
}

/** Lines (one per programme) of an indicator over the years of a comparison, and the table. */
export function comparisonChart(
  comparison: ComparisonResponse,
  code: IndicatorCode,
  options: { title?: string; showTitle?: boolean } = {},
): IndicatorChart | null {
  const spec = comparisonSpec(comparison, code, options);
  if (spec === null) {
    return null;
  }
  return { option: lineOption(spec), table: chartTable(spec) };
}
