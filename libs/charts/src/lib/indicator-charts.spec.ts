import type { IndicatorValue } from '@sdat/api-types';
import type { BarSeriesOption, EChartsOption, LineSeriesOption } from 'echarts';
import { collectNumbers, collectStrings } from '../test/fixtures';
import { acorCentreVille2020, acorCentreVille2021, acorCentreVille2022, comparison, emas2022 } from '../test/indicator-fixtures';
import {
  capitalise,
  comparisonChart,
  comparisonValue,
  distributionChart,
  durationChart,
  indicatorYearsChart,
  payrollTrendChart,
  payrollTrendPoints,
  sparklineOption,
} from './indicator-charts';
import { findIndicator, type IndicatorCode, type YearIndicators } from './indicator-values';

const NBSP = '\u00a0';
const threeYears = [acorCentreVille2022, acorCentreVille2020, acorCentreVille2021];

function get(year: YearIndicators, code: IndicatorCode): IndicatorValue {
  const found = findIndicator(year.indicators, code);
  if (found === null) {
    throw new Error(`fixture sans ${code}`);
  }
  return found;
}

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) {
    throw new Error('valeur attendue');
  }
  return value;
}

function description(option: EChartsOption): string {
  return (option.aria as { label: { description: string } }).label.description;
}

function expectClean(option: EChartsOption): void {
  expect(collectNumbers(option).every(Number.isFinite)).toBe(true);
  expect(collectStrings(option).join(' ')).not.toMatch(/NaN|undefined|null|Infinity/);
}

function values(year: YearIndicators, code: IndicatorCode): (number | null)[] {
  return [get(year, code).value];
}

describe('distributionChart', () => {
  it('draws the FTE by job title: one bar per breakdown item, values as given', () => {
    const indicator = get(acorCentreVille2022, 'fte_by_job');
    const chart = distributionChart(indicator, { title: 'ETP par qualification', categoryLabel: 'Qualification', valueLabel: 'ETP', showTitle: false });
    expect(chart).not.toBeNull();
    const series = chart?.option.series as BarSeriesOption[];
    expect(series[0]?.data).toEqual(indicator.breakdown?.map((item) => item.value));
    expect((chart?.option.yAxis as { data: string[] }).data).toEqual([
      'Directeur adjoint',
      'Chef de service',
      'Temps administratif',
      'Personnel éducatif',
    ]);
    expect(chart?.table.headers).toEqual(['Qualification', 'ETP', 'Part']);
    expect(chart?.table.rows[3]).toEqual({ header: 'Personnel éducatif', cells: ['8,79', `85,3${NBSP}%`] });
    expect(chart?.table.footer).toEqual({ header: 'Total', cells: ['10,30', `100,0${NBSP}%`] });
    expect(description(must(chart).option)).toContain('Graphique en barres : ETP par qualification. Directeur adjoint : 0,15');
    expectClean(must(chart).option);
  });

  it('draws the hand-overs at exit from the details, counts adding up to the exits', () => {
    const indicator = get(emas2022, 'handover_at_exit');
    const chart = distributionChart(indicator, {
      title: 'Relais à la sortie',
      categoryLabel: 'Relais',
      valueLabel: 'Sorties',
      source: 'details',
    });
    const data = (chart?.option.series as BarSeriesOption[])[0]?.data as number[];
    expect(data).toEqual(indicator.details?.map((item) => item.value));
    expect(data.reduce((sum, value) => sum + value, 0)).toBe(71);
    expect(chart?.table.footer?.cells).toEqual(['71', `100,0${NBSP}%`]);
    expect(chart?.table.rows.find((row) => row.header === 'Soins — CMP')?.cells).toEqual(['26', `36,6${NBSP}%`]);
    expectClean(must(chart).option);
  });

  it('draws the profiles, referrers and referral decisions from their breakdown', () => {
    [get(acorCentreVille2022, 'profile_age'), get(acorCentreVille2022, 'profile_situation'), get(emas2022, 'referrers'), get(emas2022, 'referral_decisions')].forEach(
      (indicator) => {
        const chart = distributionChart(indicator, { title: indicator.label, categoryLabel: 'Catégorie', valueLabel: 'Personnes' });
        const data = (chart?.option.series as BarSeriesOption[])[0]?.data as number[];
        expect(data.reduce((sum, value) => sum + value, 0)).toBe(indicator.value);
        expect(chart?.table.footer?.cells[0]).toBe(String(indicator.value));
      },
    );
  });

  it('has nothing to draw for an indicator without value', () => {
    const indicator = { ...get(acorCentreVille2022, 'fte_by_job'), value: null };
    expect(distributionChart(indicator, { title: 'ETP', categoryLabel: 'Qualification', valueLabel: 'ETP' })).toBeNull();
    expect(distributionChart(get(acorCentreVille2022, 'entries'), { title: 'Entrées', categoryLabel: 'x', valueLabel: 'y' })).toBeNull();
  });
});

describe('indicatorYearsChart', () => {
  it('draws entries, exits and active caseload by ascending year, values as given', () => {
    const chart = indicatorYearsChart({
      title: 'Entrées, sorties et file active',
      years: threeYears,
      series: [
        { name: 'Entrées', code: 'entries' },
        { name: 'Sorties', code: 'exits' },
        { name: 'File active', code: 'active_caseload' },
        { name: 'Présents au 31 décembre', code: 'active_caseload', detail: 'at_end' },
      ],
    });
    const series = chart?.option.series as BarSeriesOption[];
    expect((chart?.option.xAxis as { data: string[] }).data).toEqual(['2020', '2021', '2022']);
    expect(series.map((item) => item.name)).toEqual(['Entrées', 'Sorties', 'File active', 'Présents au 31 décembre']);
    expect(series[0]?.data).toEqual([
      ...values(acorCentreVille2020, 'entries'),
      ...values(acorCentreVille2021, 'entries'),
      ...values(acorCentreVille2022, 'entries'),
    ]);
    expect(series[3]?.data?.[2]).toBe(44);
    expect(chart?.table.headers).toEqual(['Année', 'Entrées', 'Sorties', 'File active', 'Présents au 31 décembre']);
    expect(chart?.table.rows[2]).toEqual({ header: '2022', cells: ['121', '121', '165', '44'] });
    expectClean(must(chart).option);
  });

  it('leaves a gap, never 0, for a year without the value', () => {
    const withoutValue: YearIndicators = {
      year: 2021,
      indicators: acorCentreVille2021.indicators.map((indicator) =>
        indicator.code === 'waiting_list' ? { ...indicator, value: null, flags: [{ code: 'no_data', message: 'Pas de données.' }] } : indicator,
      ),
    };
    const chart = indicatorYearsChart({
      title: "Liste d'attente",
      years: [acorCentreVille2020, withoutValue, acorCentreVille2022],
      series: [{ name: 'Personnes en attente au 31 décembre', code: 'waiting_list' }],
    });
    expect((chart?.option.series as BarSeriesOption[])[0]?.data).toEqual([17, null, 11]);
    expect(chart?.table.rows[1]?.cells).toEqual(['—']);
  });

  it('draws details of the day centre and outreach', () => {
    const chart = indicatorYearsChart({
      title: "Fréquentation de l'accueil de jour",
      years: threeYears,
      series: [
        { name: 'Passages', code: 'attendance' },
        { name: 'Personnes distinctes', code: 'attendance', detail: 'distinct_people' },
      ],
    });
    const series = chart?.option.series as BarSeriesOption[];
    expect(series[0]?.data?.[2]).toBe(22708);
    expect(series[1]?.data?.[2]).toBe(5044);
    expect(description(must(chart).option)).toContain(`Passages — 2020 : 21${NBSP}852`);
  });

  it('refuses to mix units and is null without any value', () => {
    expect(() =>
      indicatorYearsChart({
        title: 'Mélange',
        years: threeYears,
        series: [
          { name: 'Entrées', code: 'entries' },
          { name: 'Masse salariale', code: 'payroll' },
        ],
      }),
    ).toThrow(/unités différentes/);
    expect(indicatorYearsChart({ title: 'Rien', years: threeYears, series: [{ name: 'Refus', code: 'refusals' }] })).toBeNull();
  });
});

describe('payrollTrendChart', () => {
  it('takes each year’s payroll and ratio', () => {
    expect(payrollTrendPoints(threeYears)).toEqual([
      { year: 2020, payrollCents: 41431400, ratio: get(acorCentreVille2020, 'payroll_ratio').value },
      { year: 2021, payrollCents: 43514400, ratio: get(acorCentreVille2021, 'payroll_ratio').value },
      { year: 2022, payrollCents: 49489400, ratio: get(acorCentreVille2022, 'payroll_ratio').value },
    ]);
  });

  it('fills N-1 and N-2 from the details of N when only N is given', () => {
    expect(payrollTrendPoints([acorCentreVille2022])).toEqual([
      { year: 2020, payrollCents: 41431400, ratio: null },
      { year: 2021, payrollCents: 43514400, ratio: 0.7083724708483168 },
      { year: 2022, payrollCents: 49489400, ratio: 0.7206529494852416 },
    ]);
  });

  it('draws payroll bars in euros and the ratio line on a 0–100 % axis', () => {
    const chart = payrollTrendChart(threeYears, { showTitle: false });
    const [bars, line] = chart?.option.series as [BarSeriesOption, LineSeriesOption];
    expect(bars.data).toEqual([414314, 435144, 494894]);
    expect(line.data).toEqual(threeYears.map(() => expect.any(Number)));
    expect(line.yAxisIndex).toBe(1);
    const [euroAxis, ratioAxis] = chart?.option.yAxis as { min?: number; max?: number; axisLabel: { formatter: (value: number) => string } }[];
    expect(euroAxis?.axisLabel.formatter(500000)).toBe(`500${NBSP}000${NBSP}€`);
    expect(ratioAxis?.axisLabel.formatter(0.5)).toBe(`50,0${NBSP}%`);
    expect([ratioAxis?.min, ratioAxis?.max]).toEqual([0, 1]);
    expect(description(must(chart).option)).toContain(`2022 : 494${NBSP}894${NBSP}€, soit 72,1${NBSP}% des charges`);
    expect(chart?.table.rows[2]).toEqual({ header: '2022', cells: [`494${NBSP}894${NBSP}€`, `72,1${NBSP}%`] });
    expectClean(must(chart).option);
  });

  it('keeps N-2..N only', () => {
    const older: YearIndicators = { ...acorCentreVille2020, year: 2019 };
    expect(payrollTrendPoints([older, ...threeYears]).map((point) => point.year)).toEqual([2020, 2021, 2022]);
    expect(payrollTrendPoints([acorCentreVille2022], 2).map((point) => point.year)).toEqual([2021, 2022]);
  });

  it('is null without payroll', () => {
    expect(payrollTrendChart([{ year: 2022, indicators: [] }])).toBeNull();
  });
});

describe('durationChart', () => {
  it('draws the average and median durations, the table gives the episodes counted', () => {
    const chart = durationChart(threeYears, { showTitle: false });
    const [average, median] = chart?.option.series as BarSeriesOption[];
    expect(average?.name).toBe('Durée moyenne');
    expect(median?.name).toBe('Durée médiane');
    expect(average?.data?.[2]).toBe(get(acorCentreVille2022, 'avg_duration_days').value);
    expect(median?.data?.[2]).toBe(121);
    expect(chart?.table.headers).toEqual([
      'Année',
      'Durée moyenne (parcours terminés)',
      'Parcours terminés',
      'Durée médiane (parcours en cours inclus)',
      'Parcours en cours (censurés)',
    ]);
    expect(chart?.table.rows[2]).toEqual({ header: '2022', cells: [`128,4${NBSP}jours`, '121', `121${NBSP}jours`, '44'] });
    expect((chart?.option.yAxis as { axisLabel: { formatter: (value: number) => string } }).axisLabel.formatter(200)).toBe(`200${NBSP}jours`);
    expectClean(must(chart).option);
  });
});

describe('sparklineOption', () => {
  it('draws a small line without axes, described in French', () => {
    const option = sparklineOption({
      title: 'Masse salariale — ACOR Centre Ville',
      categories: ['2020', '2021', '2022'],
      values: [41431400, null, 49489400],
      unit: 'eur',
    });
    const [series] = option?.series as LineSeriesOption[];
    expect(series?.data).toEqual([414314, null, 494894]);
    expect((option?.xAxis as { show: boolean }).show).toBe(false);
    expect(description(must(option))).toBe(
      `Tendance : Masse salariale — ACOR Centre Ville. 2020 : 414${NBSP}314${NBSP}€ ; 2021 : — ; 2022 : 494${NBSP}894${NBSP}€.`,
    );
    expectClean(must(option));
  });

  it('is null for a verdict or with fewer than two values', () => {
    expect(sparklineOption({ title: 'Plafond', categories: ['2021', '2022'], values: [1, 0], unit: 'pass_fail' })).toBeNull();
    expect(sparklineOption({ title: 'Entrées', categories: ['2021', '2022'], values: [null, 3], unit: 'count' })).toBeNull();
    expect(() => sparklineOption({ title: 'Entrées', categories: ['2021'], values: [1, 2], unit: 'count' })).toThrow(/2 valeurs pour 1 années/);
  });
});

describe('comparisonChart', () => {
  it('draws one line per programme over the years, values from the cells', () => {
    const chart = comparisonChart(comparison, 'payroll_ratio', { showTitle: false });
    const series = chart?.option.series as LineSeriesOption[];
    expect(series.map((item) => item.name)).toEqual(['ACOR Centre Ville', 'ACOR Dijon Métropole', 'EMAS']);
    expect((chart?.option.xAxis as { data: string[] }).data).toEqual(['2020', '2021', '2022', '2023']);
    expect(series[2]?.data).toEqual(
      [2020, 2021, 2022, 2023].map((year) => comparisonValue(comparison, 'emas', year, 'payroll_ratio')?.value),
    );
    expect(chart?.table.caption).toBe('Ratio masse salariale / budget global');
    expect(chart?.table.rows[2]?.cells[0]).toBe(`72,1${NBSP}%`);
    expectClean(must(chart).option);
  });

  it('does not draw a verdict, nor an indicator absent from the comparison', () => {
    expect(comparisonChart(comparison, 'head_office_cap')).toBeNull();
    expect(comparisonChart(comparison, 'attendance')).toBeNull();
  });
});

describe('capitalise', () => {
  it('puts the first letter in upper case', () => {
    expect(capitalise('directeur adjoint')).toBe('Directeur adjoint');
    expect(capitalise('')).toBe('');
  });
});
