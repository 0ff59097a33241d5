import type { FundingLineView, FundingView } from '@sdat/api-types';
import type { EChartsOption, PieSeriesOption } from 'echarts';
import {
  barOption,
  baseOption,
  chartTable,
  type CategoryChartSpec,
  type ChartTable,
  type SeriesSpec,
} from './category-chart';
import { earmarkKindLabel } from './labels';
import { CHART_BACKGROUND, CHART_PALETTE, CHART_TEXT_COLOR, seriesColor } from './palette';
import { centsToEuros, escapeHtml, formatChartValue, formatInputValue } from './values';

export interface FundingChartOptions {
  /** `bar` (default): one stacked bar per funder; `pie`: funders inside, parts outside. */
  type?: 'bar' | 'pie';
  /** Put the title inside the chart (default true). */
  showTitle?: boolean;
}

const STACK = 'financement';

/** Label of a funding line: its printed label, else the funder's name. */
export function fundingLineLabel(line: Pick<FundingLineView, 'label' | 'funder'>): string {
  const label = line.label.trim();
  return label === '' ? line.funder.name : label;
}

/**
 * The data behind the funding chart. One category per funding line; the amount is split into
 * one series per earmark kind ("Primes Ségur") and the rest ("Hors part fléchée"), stacked:
 * for each line the parts add up to its amount, so the whole sums to `totalCents`.
 * Values are cents.
 */
export function fundingByFunderSpec(funding: FundingView, options: FundingChartOptions = {}): CategoryChartSpec {
  const kinds: string[] = [];
  const kindLabels = new Map<string, string>();
  funding.lines.forEach((line) =>
    line.earmarks.forEach((earmark) => {
      if (!kindLabels.has(earmark.kind)) {
        kinds.push(earmark.kind);
        kindLabels.set(earmark.kind, earmarkKindLabel(earmark));
      }
    }),
  );
  const earmarked = (line: FundingLineView, kind: string): number =>
    line.earmarks.filter((earmark) => earmark.kind === kind).reduce((sum, earmark) => sum + earmark.amountCents, 0);
  const rest: SeriesSpec = {
    name: kinds.length > 0 ? 'Hors part fléchée' : 'Financement',
    stack: STACK,
    values: funding.lines.map(
      (line) => line.amountCents - line.earmarks.reduce((sum, earmark) => sum + earmark.amountCents, 0),
    ),
  };
  const parts: SeriesSpec[] = kinds.map((kind) => ({
    name: `dont ${kindLabels.get(kind) ?? kind}`,
    stack: STACK,
    values: funding.lines.map((line) => earmarked(line, kind)),
  }));
  return {
    title: `Financements ${funding.year} par financeur`,
    categoryLabel: 'Financeur',
    categories: funding.lines.map(fundingLineLabel),
    series: [rest, ...parts],
    valueKind: 'euros',
    horizontal: true,
    showTitle: options.showTitle ?? true,
    totalRowLabel: 'Total',
    ...(parts.length > 0 ? { totalColumnLabel: 'Total' } : {}),
  };
}

function fundingPieOption(funding: FundingView, spec: CategoryChartSpec, showTitle: boolean): EChartsOption {
  const inner = funding.lines.map((line, index) => ({
    name: spec.categories[index] ?? '',
    value: centsToEuros(line.amountCents),
    itemStyle: { color: seriesColor(index) },
  }));
  const outer = funding.lines.flatMap((line, index) =>
    spec.series.map((series, seriesIndex) => ({
      name: seriesIndex === 0 ? `${spec.categories[index] ?? ''} (${series.name.toLocaleLowerCase('fr-FR')})` : `${spec.categories[index] ?? ''} — ${series.name}`,
      value: centsToEuros(series.values[index] ?? 0),
      // The rest of a funder's amount keeps the funder's colour; each earmark kind has its own.
      itemStyle: { color: seriesIndex === 0 ? seriesColor(index) : seriesColor(CHART_PALETTE.length - seriesIndex) },
    })),
  ).filter((item) => item.value !== 0);
  const tooltipFormatter = (params: unknown): string => {
    const item = params as { name?: string; value?: unknown; percent?: number };
    const share = typeof item.percent === 'number' ? ` (${formatChartValue(item.percent / 100, 'ratio')})` : '';
    return `${escapeHtml(String(item.name ?? ''))}\u00a0: <strong>${escapeHtml(formatChartValue(item.value, 'euros'))}</strong>${share}`;
  };
  const series: PieSeriesOption[] = [
    {
      type: 'pie',
      name: 'Financeurs',
      radius: [0, '45%'],
      center: ['50%', '55%'],
      data: inner,
      label: { show: false },
      itemStyle: { borderColor: CHART_BACKGROUND, borderWidth: 2 },
    },
    {
      type: 'pie',
      name: 'Parts',
      radius: ['52%', '68%'],
      center: ['50%', '55%'],
      data: outer,
      label: {
        color: CHART_TEXT_COLOR,
        formatter: (params: { name?: string; value?: unknown }) => `${String(params.name ?? '')}\n${formatChartValue(params.value, 'euros')}`,
      },
      itemStyle: { borderColor: CHART_BACKGROUND, borderWidth: 2 },
    },
  ];
  const description = `Graphique circulaire : ${spec.title}. ${funding.lines
    .map((line, index) => `${spec.categories[index] ?? ''} : ${formatInputValue(line.amountCents, 'euros')}`)
    .join(' ; ')}. Total : ${formatInputValue(funding.totalCents, 'euros')}.`;
  return {
    ...baseOption(spec.title, description, showTitle),
    tooltip: { trigger: 'item', formatter: tooltipFormatter },
    legend: { show: false },
    series,
  };
}

/**
 * Funding of a programme by funder. Bars (default): one horizontal bar per funding line,
 * the earmarked parts ("dont primes Ségur") stacked after the rest of the amount. Pie: the
 * funders in the inner ring, their parts in the outer ring. Chart values are euros (cents / 100).
 */
export function fundingByFunderOption(funding: FundingView, options: FundingChartOptions = {}): EChartsOption {
  const spec = fundingByFunderSpec(funding, options);
  if (options.type === 'pie') {
    return fundingPieOption(funding, spec, options.showTitle ?? true);
  }
  return barOption(spec);
}

/** Table equivalent of `fundingByFunderOption`. */
export function fundingByFunderTable(funding: FundingView): ChartTable {
  return chartTable(fundingByFunderSpec(funding));
}
