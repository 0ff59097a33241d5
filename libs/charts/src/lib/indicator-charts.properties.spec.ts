import type { ComparisonResponse, IndicatorValue } from '@sdat/api-types';
import type { BarSeriesOption, LineSeriesOption } from 'echarts';
import fc from 'fast-check';
import { collectNumbers } from '../test/fixtures';
import {
  comparisonChart,
  distributionChart,
  durationChart,
  indicatorYearsChart,
  payrollTrendChart,
  sparklineOption,
} from './indicator-charts';
import type { IndicatorCode, IndicatorUnit, YearIndicators } from './indicator-values';
import { eurosToCents } from './values';

/** A minimal indicator value as the API returns it; `null` carries the `no_data` flag and a reason. */
function indicator(
  code: IndicatorCode,
  unit: IndicatorUnit,
  year: number,
  value: number | null,
  extra: Partial<IndicatorValue> = {},
): IndicatorValue {
  return {
    code,
    version: 1,
    label: code,
    category: 'results',
    unit,
    programmeCode: 'emas',
    year,
    value,
    flags: value === null ? [{ code: 'no_data', message: 'Données non fournies pour cette période.' }] : [],
    ...(value === null ? { reason: 'Données non fournies pour cette période.' } : {}),
    provenance: { basis: 'actual', period: null, inputs: [], formulaText: '' },
    ...extra,
  };
}

const count = fc.integer({ min: 0, max: 100_000 });
const maybeCount = fc.option(count, { nil: null });
const cents = fc.integer({ min: 0, max: 5_000_000_00 });
const ratio = fc.double({ min: 0, max: 1, noNaN: true });
const years = fc.uniqueArray(fc.integer({ min: 2000, max: 2100 }), { minLength: 1, maxLength: 8 });

function finite(option: unknown): boolean {
  return collectNumbers(option).every(Number.isFinite);
}

describe('indicator chart properties', () => {
  it('distribution: one bar per item, the series equals the items and adds up to the value', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 20 }), count), { minLength: 1, maxLength: 12 }), (items) => {
        const total = items.reduce((sum, [, value]) => sum + value, 0);
        const value = indicator('profile_age', 'count', 2022, total, {
          breakdown: items.map(([label, item], index) => ({ key: `k${index}`, label, value: item, unit: 'count' })),
        });
        const chart = distributionChart(value, { title: 'Âge', categoryLabel: "Tranche d'âge", valueLabel: 'Personnes' });
        const data = (chart?.option.series as BarSeriesOption[])[0]?.data as number[];
        expect(data).toEqual(items.map(([, item]) => item));
        expect(chart?.table.rows).toHaveLength(items.length);
        expect(chart?.table.footer?.cells[0]).toBe(new Intl.NumberFormat('fr-FR').format(total).replace(/\u202f/g, '\u00a0'));
        expect(finite(chart?.option)).toBe(true);
      }),
    );
  });

  it('years: categories ascending, each series equals its inputs (gaps stay null)', () => {
    fc.assert(
      fc.property(years, fc.array(fc.tuple(maybeCount, maybeCount), { minLength: 8, maxLength: 8 }), (list, pairs) => {
        const input: YearIndicators[] = list.map((year, index) => ({
          year,
          indicators: [
            indicator('entries', 'count', year, pairs[index]?.[0] ?? null),
            indicator('exits', 'count', year, pairs[index]?.[1] ?? null),
          ],
        }));
        const chart = indicatorYearsChart({
          title: 'Entrées et sorties',
          years: input,
          series: [
            { name: 'Entrées', code: 'entries' },
            { name: 'Sorties', code: 'exits' },
          ],
        });
        const sorted = [...input].sort((a, b) => a.year - b.year);
        const expected = (position: number) => sorted.map((year) => year.indicators[position]?.value ?? null);
        if ([...expected(0), ...expected(1)].every((value) => value === null)) {
          expect(chart).toBeNull();
          return;
        }
        const series = chart?.option.series as BarSeriesOption[];
        expect((chart?.option.xAxis as { data: string[] }).data).toEqual(sorted.map((year) => String(year.year)));
        expect(series[0]?.data).toEqual(expected(0));
        expect(series[1]?.data).toEqual(expected(1));
        expect(finite(chart?.option)).toBe(true);
      }),
    );
  });

  it('payroll: bars give back the payroll cents, the line the ratios, year by year over N-2..N', () => {
    fc.assert(
      fc.property(years, fc.array(fc.tuple(cents, ratio), { minLength: 8, maxLength: 8 }), (list, values) => {
        const input: YearIndicators[] = list.map((year, index) => ({
          year,
          indicators: [
            indicator('payroll', 'eur', year, values[index]?.[0] ?? 0),
            indicator('payroll_ratio', 'ratio', year, values[index]?.[1] ?? 0),
          ],
        }));
        const chart = payrollTrendChart(input);
        const [bars, line] = chart?.option.series as [BarSeriesOption, LineSeriesOption];
        const latest = Math.max(...list);
        const shown = [...input].sort((a, b) => a.year - b.year).filter((year) => year.year > latest - 3);
        expect((chart?.option.xAxis as { data: string[] }).data).toEqual(shown.map((year) => String(year.year)));
        expect((bars.data as number[]).map(eurosToCents)).toEqual(shown.map((year) => year.indicators[0]?.value));
        expect(line.data).toEqual(shown.map((year) => year.indicators[1]?.value));
        expect(chart?.table.rows).toHaveLength(shown.length);
        expect(finite(chart?.option)).toBe(true);
      }),
    );
  });

  it('duration: average and median series equal their inputs, no NaN', () => {
    fc.assert(
      fc.property(years, fc.array(fc.tuple(fc.option(fc.double({ min: 0, max: 5000, noNaN: true }), { nil: null }), maybeCount), { minLength: 8, maxLength: 8 }), (list, values) => {
        const input: YearIndicators[] = list.map((year, index) => ({
          year,
          indicators: [
            indicator('avg_duration_days', 'days', year, values[index]?.[0] ?? null),
            indicator('median_duration_days', 'days', year, values[index]?.[1] ?? null),
          ],
        }));
        const chart = durationChart(input);
        const sorted = [...input].sort((a, b) => a.year - b.year);
        if (sorted.every((year) => year.indicators.every((item) => item.value === null))) {
          expect(chart).toBeNull();
          return;
        }
        const [average, median] = chart?.option.series as BarSeriesOption[];
        expect(average?.data).toEqual(sorted.map((year) => year.indicators[0]?.value ?? null));
        expect(median?.data).toEqual(sorted.map((year) => year.indicators[1]?.value ?? null));
        expect(finite(chart?.option)).toBe(true);
      }),
    );
  });

  it('sparkline: the line equals the values (euros = cents / 100), or nothing below two values', () => {
    fc.assert(
      fc.property(fc.array(fc.option(cents, { nil: null }), { minLength: 1, maxLength: 10 }), (values) => {
        const option = sparklineOption({
          title: 'Masse salariale',
          categories: values.map((_, index) => String(2000 + index)),
          values,
          unit: 'eur',
        });
        if (values.filter((value) => value !== null).length < 2) {
          expect(option).toBeNull();
          return;
        }
        const data = (option?.series as LineSeriesOption[])[0]?.data as (number | null)[];
        expect(data.map((value) => (value === null ? null : eurosToCents(value)))).toEqual(values);
        expect(finite(option)).toBe(true);
      }),
    );
  });

  it('comparison: one series per programme, each value is the cell’s value', () => {
    const programmes = [
      { code: 'acor-centre-ville', name: 'ACOR Centre Ville' },
      { code: 'acor-dijon-metropole', name: 'ACOR Dijon Métropole' },
      { code: 'emas', name: 'EMAS' },
    ] as const;
    fc.assert(
      fc.property(years, fc.array(fc.option(ratio, { nil: null }), { minLength: 24, maxLength: 24 }), (list, values) => {
        const response: ComparisonResponse = {
          agreement: { code: 'convention-cadre-sdat-2022', title: 'Convention cadre 2022' },
          years: list,
          basis: 'actual',
          programmes: [...programmes],
          cells: programmes.flatMap((programme, p) =>
            list.map((year, y) => ({
              programmeCode: programme.code,
              year,
              demo: true,
              indicators: [indicator('payroll_ratio', 'ratio', year, values[p * 8 + y] ?? null, { programmeCode: programme.code })],
            })),
          ),
        };
        const chart = comparisonChart(response, 'payroll_ratio');
        const sortedYears = [...list].sort((a, b) => a - b);
        const expected = programmes.map((_, p) => sortedYears.map((year) => values[p * 8 + list.indexOf(year)] ?? null));
        if (expected.flat().every((value) => value === null)) {
          expect(chart).toBeNull();
          return;
        }
        const series = chart?.option.series as LineSeriesOption[];
        expect(series.map((item) => item.data)).toEqual(expected);
        expect(chart?.table.rows.map((row) => row.header)).toEqual(sortedYears.map(String));
        expect(finite(chart?.option)).toBe(true);
      }),
    );
  });
});
