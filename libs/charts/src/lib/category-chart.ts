import type {
  BarSeriesOption,
  EChartsOption,
  LineSeriesOption,
  TooltipComponentFormatterCallbackParams,
} from 'echarts';
import {
  CHART_BACKGROUND,
  CHART_FONT_FAMILY,
  CHART_GRID_COLOR,
  CHART_MUTED_TEXT_COLOR,
  CHART_PALETTE,
  CHART_TEXT_COLOR,
} from './palette';
import {
  escapeHtml,
  formatChartValue,
  formatInputValue,
  toChartValue,
  type ValueKind,
} from './values';

/** One series of a category chart. Values are INPUT values: integer cents for `euros`. */
export interface SeriesSpec {
  name: string;
  values: readonly (number | null)[];
  /**
   * Text shown instead of the formatted value in the table and the description (same length as
   * `values`, null = the value): a figure masked by the small-count rule (« < 5 », « masqué ») is
   * a gap in the chart, never 0, and says so in the table.
   */
  texts?: readonly (string | null)[];
  /**
   * The series total for the « Total » row when it is not the sum of the values shown (some are
   * masked: the total is the indicator's own value). Null: no total shown (« — »).
   */
  total?: number | null;
  /** Series with the same stack id are stacked (bar charts). */
  stack?: string;
}

/** The text of the value of `series` at `index`: its `texts` override, or the formatted value. */
export function seriesValueText(series: SeriesSpec, index: number, kind: ValueKind): string {
  return series.texts?.[index] ?? formatInputValue(series.values[index] ?? null, kind);
}

/** True when some value of the series is masked (shown by a text, not a number). */
function hasMaskedValues(series: SeriesSpec): boolean {
  return (series.texts ?? []).some((text) => text !== null && text !== undefined);
}

/**
 * Framework-free description of a chart over categories (account groups, funders, years…).
 * `barOption`/`lineOption` turn it into an ECharts option, `chartTable` into the equivalent
 * table (the accessible alternative shown next to the chart and in the PDFs).
 */
export interface CategoryChartSpec {
  /** French title (also the start of the accessible description and the table caption). */
  title: string;
  /** Header of the category column of the table ("Groupe de comptes", "Financeur"…). */
  categoryLabel: string;
  categories: readonly string[];
  series: readonly SeriesSpec[];
  valueKind: ValueKind;
  /** Accessible description; generated from the data when absent. */
  description?: string;
  /** Put the title inside the chart (default true; the dashboard shows its own heading). */
  showTitle?: boolean;
  /** Bars along the horizontal axis, categories read top to bottom (long labels). */
  horizontal?: boolean;
  /** Adds a "Total" row (sum of each series) to the table. */
  totalRowLabel?: string;
  /** Adds a "Total" column (sum of the series of each category) to the table and tooltips. */
  totalColumnLabel?: string;
}

/** Table equivalent of a chart; every cell is already formatted in fr-FR. */
export interface ChartTable {
  caption: string;
  /** Column headers, the first one being the category header. */
  headers: string[];
  rows: { header: string; cells: string[] }[];
  footer: { header: string; cells: string[] } | null;
}

const CHART_KIND_LABEL = { bar: 'Graphique en barres', line: 'Graphique en courbes', pie: 'Graphique circulaire' } as const;

function sumValues(values: readonly (number | null)[]): number {
  return values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

function validate(spec: CategoryChartSpec): void {
  spec.series.forEach((series) => {
    if (series.values.length !== spec.categories.length) {
      throw new RangeError(
        `La série « ${series.name} » a ${series.values.length} valeurs pour ${spec.categories.length} catégories.`,
      );
    }
    if (series.texts !== undefined && series.texts.length !== series.values.length) {
      throw new RangeError(`La série « ${series.name} » a ${series.texts.length} textes pour ${series.values.length} valeurs.`);
    }
    series.values.forEach((value) => {
      if (value !== null && !Number.isFinite(value)) {
        throw new RangeError(`La série « ${series.name} » contient une valeur invalide : ${String(value)}.`);
      }
    });
  });
}

/** Generated accessible description: "Graphique en barres : <titre>. <série> — <catégorie> : <valeur> ; …". */
export function describeCategoryChart(spec: CategoryChartSpec, kind: keyof typeof CHART_KIND_LABEL = 'bar'): string {
  if (spec.description !== undefined) {
    return spec.description;
  }
  if (spec.categories.length === 0 || spec.series.length === 0) {
    return `${CHART_KIND_LABEL[kind]} : ${spec.title}. Aucune donnée.`;
  }
  const parts = spec.series.map((series) => {
    const values = spec.categories
      .map((category, index) => `${category} : ${seriesValueText(series, index, spec.valueKind)}`)
      .join(' ; ');
    return spec.series.length > 1 ? `${series.name} — ${values}` : values;
  });
  return `${CHART_KIND_LABEL[kind]} : ${spec.title}. ${parts.join('. ')}.`;
}

/**
 * The total of a series for the « Total » row: its own `total` when given, else the sum of its
 * values — or null (« — ») when values are masked and no total is given (the sum would be wrong).
 */
export function seriesTotal(series: SeriesSpec): number | null {
  if (series.total !== undefined) {
    return series.total;
  }
  return hasMaskedValues(series) ? null : sumValues(series.values);
}

/** The accessible table equivalent of a category chart. */
export function chartTable(spec: CategoryChartSpec): ChartTable {
  validate(spec);
  const withTotalColumn = spec.totalColumnLabel !== undefined;
  const headers = [spec.categoryLabel, ...spec.series.map((series) => series.name)];
  if (withTotalColumn) {
    headers.push(spec.totalColumnLabel ?? 'Total');
  }
  const rows = spec.categories.map((category, index) => {
    const values = spec.series.map((series) => series.values[index] ?? null);
    const cells = spec.series.map((series) => seriesValueText(series, index, spec.valueKind));
    if (withTotalColumn) {
      // A masked value would make the sum of the row a wrong figure.
      const masked = spec.series.some((series) => (series.texts?.[index] ?? null) !== null);
      cells.push(masked ? '—' : formatInputValue(sumValues(values), spec.valueKind));
    }
    return { header: category, cells };
  });
  let footer: ChartTable['footer'] = null;
  if (spec.totalRowLabel !== undefined) {
    const totals = spec.series.map((series) => seriesTotal(series));
    const cells = totals.map((total) => formatInputValue(total, spec.valueKind));
    if (withTotalColumn) {
      cells.push(totals.some((total) => total === null) ? '—' : formatInputValue(sumValues(totals), spec.valueKind));
    }
    footer = { header: spec.totalRowLabel, cells };
  }
  return { caption: spec.title, headers, rows, footer };
}

/** Options shared by every chart: palette, fonts, accessibility, no animation (PDF rendering). */
export function baseOption(title: string, description: string, showTitle: boolean): EChartsOption {
  return {
    color: [...CHART_PALETTE],
    backgroundColor: CHART_BACKGROUND,
    animation: false,
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: CHART_TEXT_COLOR, fontSize: 13 },
    aria: { enabled: true, label: { enabled: true, description } },
    title: showTitle
      ? { text: title, left: 0, top: 0, textStyle: { fontSize: 15, fontWeight: 600, color: CHART_TEXT_COLOR } }
      : { show: false },
  };
}

function axisTooltipFormatter(spec: CategoryChartSpec) {
  return (params: TooltipComponentFormatterCallbackParams): string => {
    const list = Array.isArray(params) ? params : [params];
    const first = list[0];
    const category = first === undefined ? '' : String(first.name ?? '');
    const lines = list.map(
      (item) =>
        `${typeof item.marker === 'string' ? item.marker : ''}${escapeHtml(String(item.seriesName ?? ''))}\u00a0: <strong>${escapeHtml(
          spec.series[item.seriesIndex ?? -1]?.texts?.[item.dataIndex] ?? formatChartValue(item.value, spec.valueKind),
        )}</strong>`,
    );
    if (spec.totalColumnLabel !== undefined && list.length > 1) {
      const total = list.reduce((sum, item) => sum + (typeof item.value === 'number' ? item.value : 0), 0);
      lines.push(`${escapeHtml(spec.totalColumnLabel)}\u00a0: <strong>${escapeHtml(formatChartValue(total, spec.valueKind))}</strong>`);
    }
    return [`<strong>${escapeHtml(category)}</strong>`, ...lines].join('<br/>');
  };
}

function axes(spec: CategoryChartSpec, horizontal: boolean): Pick<EChartsOption, 'xAxis' | 'yAxis'> {
  const categoryAxis = {
    type: 'category' as const,
    data: [...spec.categories],
    inverse: horizontal,
    axisTick: { alignWithLabel: true },
    axisLine: { lineStyle: { color: CHART_MUTED_TEXT_COLOR } },
    axisLabel: {
      color: CHART_TEXT_COLOR,
      width: horizontal ? 190 : 110,
      overflow: 'break' as const,
      interval: 0,
    },
  };
  const valueAxis = {
    type: 'value' as const,
    axisLabel: {
      color: CHART_MUTED_TEXT_COLOR,
      formatter: (value: number) => formatChartValue(value, spec.valueKind),
      hideOverlap: true,
    },
    splitLine: { lineStyle: { color: CHART_GRID_COLOR } },
  };
  return horizontal ? { xAxis: valueAxis, yAxis: categoryAxis } : { xAxis: categoryAxis, yAxis: valueAxis };
}

function layout(spec: CategoryChartSpec, showTitle: boolean): Pick<EChartsOption, 'legend' | 'grid'> {
  const top = (showTitle ? 32 : 0) + (spec.series.length > 1 ? 32 : 8);
  return {
    legend:
      spec.series.length > 1
        ? { show: true, top: showTitle ? 30 : 0, left: 0, textStyle: { color: CHART_TEXT_COLOR } }
        : { show: false },
    grid: { top, left: 8, right: 32, bottom: 8 },
  };
}

/** Bar chart over categories (stacked when series share a `stack` id). */
export function barOption(spec: CategoryChartSpec): EChartsOption {
  validate(spec);
  const showTitle = spec.showTitle ?? true;
  const horizontal = spec.horizontal ?? false;
  const stacked = spec.series.some((series) => series.stack !== undefined);
  const series: BarSeriesOption[] = spec.series.map((item) => ({
    type: 'bar',
    name: item.name,
    data: item.values.map((value) => toChartValue(value, spec.valueKind)),
    ...(item.stack !== undefined ? { stack: item.stack } : {}),
    barMaxWidth: 36,
    itemStyle: { borderColor: CHART_BACKGROUND, borderWidth: stacked ? 1 : 0 },
    emphasis: { focus: 'series' },
  }));
  return {
    ...baseOption(spec.title, describeCategoryChart(spec, 'bar'), showTitle),
    ...layout(spec, showTitle),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltipFormatter(spec) },
    ...axes(spec, horizontal),
    series,
  };
}

const LINE_SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow', 'emptyCircle'];

/** Line chart over ordered categories (years, months…); each series has its own marker shape. */
export function lineOption(spec: CategoryChartSpec): EChartsOption {
  validate(spec);
  const showTitle = spec.showTitle ?? true;
  const series: LineSeriesOption[] = spec.series.map((item, index) => ({
    type: 'line',
    name: item.name,
    data: item.values.map((value) => toChartValue(value, spec.valueKind)),
    symbol: LINE_SYMBOLS[index % LINE_SYMBOLS.length],
    symbolSize: 8,
    lineStyle: { width: 2 },
    connectNulls: false,
  }));
  return {
    ...baseOption(spec.title, describeCategoryChart(spec, 'line'), showTitle),
    ...layout(spec, showTitle),
    tooltip: { trigger: 'axis', formatter: axisTooltipFormatter({ ...spec, totalColumnLabel: undefined }) },
    ...axes({ ...spec }, false),
    series,
  };
}
