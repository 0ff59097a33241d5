import type { ComparisonResponse, IndicatorValue } from '@sdat/api-types';
import type { BarSeriesOption, EChartsOption } from 'echarts';
import { collectStrings } from '../test/fixtures';
import { acorCentreVille2021, acorCentreVille2022, emas2022 } from '../test/indicator-fixtures';
import { chartTable } from './category-chart';
import { comparisonSpec, distributionChart, durationChart, indicatorYearsChart } from './indicator-charts';
import { findIndicator, indicatorValueText, missingValue, suppressedText, type IndicatorCode, type YearIndicators } from './indicator-values';

/*
 * Figures masked by the small-count rule (@sdat/indicators `applySmallCountSuppression`): the value
 * is null with a `suppressed` marker. They are shown « < 5 » (or « masqué »), never 0, never
 * « Pas de données », and a chart leaves a gap.
 */

const SMALL = { reason: 'small_count', threshold: 5, below: 5 } as const;
const COMPLEMENTARY = { reason: 'complementary', threshold: 5 } as const;
const MASKED_REASON = 'Effectif inférieur à 5 personnes : masqué (règle des petits effectifs).';

function get(year: YearIndicators, code: IndicatorCode): IndicatorValue {
  const found = findIndicator(year.indicators, code);
  if (found === null) {
    throw new Error(`fixture sans ${code}`);
  }
  return structuredClone(found);
}

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) {
    throw new Error('valeur attendue');
  }
  return value;
}

function masked(indicator: IndicatorValue): IndicatorValue {
  return { ...indicator, value: null, exact: undefined, suppressed: SMALL, reason: MASKED_REASON };
}

function description(option: EChartsOption): string {
  return (option.aria as { label: { description: string } }).label.description;
}

describe('masked values (small-count rule)', () => {
  it('are « < 5 » with the reason, not « Pas de données »', () => {
    const entries = masked(get(acorCentreVille2022, 'entries'));
    expect(missingValue(entries)).toEqual({ label: '< 5', reason: MASKED_REASON, text: '< 5', suppressed: true });
    expect(indicatorValueText(entries)).toBe('< 5');
    expect(suppressedText({ suppressed: COMPLEMENTARY })).toBe('masqué');
    expect(suppressedText({})).toBeNull();
  });

  it('keep masked breakdown items in a distribution: a gap in the chart, « < 5 » / « masqué » in the table, the true total', () => {
    const referrers = get(emas2022, 'referrers');
    const items = referrers.breakdown ?? [];
    items[2] = { ...must(items[2]), value: null, suppressed: SMALL };
    items[6] = { ...must(items[6]), value: null, suppressed: COMPLEMENTARY };
    const chart = distributionChart(referrers, { title: 'Prescripteurs', categoryLabel: 'Prescripteur', valueLabel: 'Personnes' });
    expect(chart).not.toBeNull();
    const data = (chart?.option.series as BarSeriesOption[])[0]?.data as (number | null)[];
    expect(data).toEqual([11, 16, null, 11, 13, 10, null]);
    const rows = chart?.table.rows ?? [];
    expect(rows.map((row) => row.header)).toEqual(items.map((item) => item.label));
    expect(rows[2]?.cells).toEqual(['< 5', '—']);
    expect(rows[6]?.cells).toEqual(['masqué', '—']);
    // The total is the indicator's (72), not the sum of the items shown (61); shares are of 72.
    expect(chart?.table.footer?.cells[0]).toBe('72');
    expect(rows[1]?.cells[1]).toBe('22,2\u00a0%');
    expect(description(chart?.option as EChartsOption)).toContain('CCAS de Chenôve : < 5');
    expect(collectStrings(chart?.option).join(' ')).not.toMatch(/NaN|undefined|null/);
  });

  it('show « < 5 » in the table of a chart over years, and a gap in the chart', () => {
    const years = [acorCentreVille2021, acorCentreVille2022].map((year) => ({
      year: year.year,
      indicators: year.indicators.map((indicator) => (year.year === 2022 && indicator.code === 'waiting_list' ? masked(indicator) : indicator)),
    }));
    const chart = indicatorYearsChart({ title: 'Liste d’attente', years, series: [{ name: 'En attente', code: 'waiting_list' }] });
    const data = (chart?.option.series as BarSeriesOption[])[0]?.data as (number | null)[];
    expect(data[1]).toBeNull();
    expect(chart?.table.rows[1]?.cells).toEqual(['< 5']);
  });

  it('show « < 5 » in the duration table', () => {
    const year = {
      year: 2022,
      indicators: acorCentreVille2022.indicators.map((indicator) => (indicator.code === 'avg_duration_days' ? masked(indicator) : indicator)),
    };
    const chart = durationChart([year]);
    expect(chart?.table.rows[0]?.cells[0]).toBe('< 5');
  });

  it('show « < 5 » in the comparison table', () => {
    const comparison: ComparisonResponse = {
      agreement: { code: 'convention-cadre-sdat-2022', title: 'Convention cadre 2022' },
      years: [2022],
      basis: 'actual',
      programmes: [{ code: 'emas', name: 'EMAS' }],
      cells: [{ programmeCode: 'emas', year: 2022, demo: true, indicators: [masked(get(emas2022, 'referrers'))] }],
    };
    const spec = must(comparisonSpec(comparison, 'referrers'));
    expect(chartTable(spec).rows[0]?.cells).toEqual(['< 5']);
  });
});
