import type { IndicatorValue } from '@sdat/api-types';
import { applySmallCountSuppression, computeProgrammeIndicators, type MonthlyFlow } from '@sdat/indicators';
import type { BarSeriesOption, EChartsOption, LineSeriesOption } from 'echarts';
import { durationBandsChart } from './indicator-charts';
import { MONTHLY_FLOWS_TITLE, monthlyCaseloadChart, monthlyWaitingListChart } from './monthly-charts';

const NBSP = '\u00a0';

/** ACOR Dijon Métropole 2022, made-up flows worked by hand: 120 present on 1 January. */
const ENTRIES = [10, 8, 12, 9, 11, 7, 6, 3, 14, 12, 10, 8]; // Σ 110
const EXITS = [7, 9, 10, 8, 9, 11, 8, 6, 10, 9, 7, 6]; // Σ 100
const MONTH_END = [123, 122, 124, 125, 127, 123, 121, 118, 122, 125, 128, 130];

const byMonth: MonthlyFlow[] = MONTH_END.map((presentAtEnd, i) => ({
  month: `2022-${String(i + 1).padStart(2, '0')}`,
  entries: ENTRIES[i] ?? 0,
  exits: EXITS[i] ?? 0,
  presentAtEnd,
}));

const indicators = computeProgrammeIndicators({
  programmeCode: 'acor-dijon-metropole',
  year: 2022,
  basis: 'actual',
  episodes: { programmeCode: 'acor-dijon-metropole', periodStart: '2022-01-01', periodEnd: '2022-12-31', presentAtStart: 120, entries: 110, exits: 100, byMonth },
  waitingList: {
    programmeCode: 'acor-dijon-metropole',
    periodStart: '2022-01-01',
    periodEnd: '2022-12-31',
    atPeriodEnd: 17,
    byMonth: [
      { month: '2022-10', count: 21 },
      { month: '2022-11', count: 2 },
      { month: '2022-12', count: 17 },
    ],
  },
}) as IndicatorValue[];
const find = (values: readonly IndicatorValue[], code: string) => values.find((v) => v.code === code) ?? null;

describe('monthly caseload chart (entries and exits as bars, month-end caseload as a line)', () => {
  it('draws twelve months with short axis labels and gives the same figures as a table, with the year totals', () => {
    const chart = monthlyCaseloadChart(find(indicators, 'monthly_caseload'), { showTitle: false });
    expect(chart).not.toBeNull();
    const option = chart?.option as EChartsOption;
    const series = option.series as (BarSeriesOption | LineSeriesOption)[];
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['bar', 'Entrées'],
      ['bar', 'Sorties'],
      ['line', 'File active en fin de mois'],
    ]);
    expect(series[0]?.data).toEqual(ENTRIES);
    expect(series[1]?.data).toEqual(EXITS);
    expect(series[2]?.data).toEqual(MONTH_END);
    expect((option.xAxis as { data: string[] }).data.slice(0, 3)).toEqual(['janv.', 'févr.', 'mars']);
    expect(chart?.table.caption).toBe(MONTHLY_FLOWS_TITLE);
    expect(chart?.table.headers).toEqual(['Mois', 'Entrées', 'Sorties', 'File active en fin de mois']);
    expect(chart?.table.rows[0]).toEqual({ header: 'Janvier 2022', cells: ['10', '7', '123'] });
    expect(chart?.table.rows[7]).toEqual({ header: 'Août 2022', cells: ['3', '6', '118'] });
    expect(chart?.table.footer).toEqual({ header: 'Total de l’année', cells: ['110', '100', '—'] });
    const description = (option.aria as { label: { description: string } }).label.description;
    expect(description).toContain('Janvier 2022 : 10');
    expect(description).toContain('Décembre 2022 : 130');
  });

  it('shows masked months as « < 5 » / « masqué » gaps, never 0, and keeps the year totals', () => {
    const masked = applySmallCountSuppression(indicators, { threshold: 5 });
    const chart = monthlyCaseloadChart(find(masked, 'monthly_caseload'));
    const august = chart?.table.rows[7];
    expect(august?.cells[0]).toBe('< 5');
    const series = chart?.option.series as BarSeriesOption[];
    expect(series[0]?.data?.[7]).toBeNull();
    // another cell of August's balance (previous month-end + entries = month-end + exits) is masked with it
    const hidden = [chart?.table.rows[6]?.cells[2], august?.cells[1], august?.cells[2]].filter((c) => c === 'masqué' || c === '< 5');
    expect(hidden.length).toBeGreaterThanOrEqual(1);
    expect(chart?.table.footer?.cells.slice(0, 2)).toEqual(['110', '100']);
    expect(JSON.stringify(chart?.table)).not.toContain(`${NBSP}0`);
  });

  it('draws nothing when the indicator has no monthly figure', () => {
    const none = computeProgrammeIndicators({ programmeCode: 'emas', year: 2022, basis: 'actual' }) as IndicatorValue[];
    expect(monthlyCaseloadChart(find(none, 'monthly_caseload'))).toBeNull();
    expect(monthlyCaseloadChart(null)).toBeNull();
  });
});

describe('waiting list at each month end', () => {
  it('is a line over the months given, with the table; a small month is « < 5 » for a funder', () => {
    const chart = monthlyWaitingListChart(find(indicators, 'waiting_list'));
    expect((chart?.option.series as LineSeriesOption[])[0]?.data).toEqual([21, 2, 17]);
    expect(chart?.table.rows.map((r) => [r.header, ...r.cells])).toEqual([
      ['Octobre 2022', '21'],
      ['Novembre 2022', '2'],
      ['Décembre 2022', '17'],
    ]);
    const masked = monthlyWaitingListChart(find(applySmallCountSuppression(indicators, { threshold: 5 }), 'waiting_list'));
    expect(masked?.table.rows.map((r) => r.cells[0])).toEqual(['21', '< 5', '17']);
    expect((masked?.option.series as LineSeriesOption[])[0]?.data).toEqual([21, null, 17]);
  });
});

describe('durations of the closed episodes by band', () => {
  it('draws the bands of avg_duration_days with their share; a masked band is « < 5 »', () => {
    const values = computeProgrammeIndicators({
      programmeCode: 'emas',
      year: 2022,
      basis: 'actual',
      episodes: {
        programmeCode: 'emas',
        periodStart: '2022-01-01',
        periodEnd: '2022-12-31',
        presentAtStart: 30,
        entries: 30,
        exits: 20,
        // 8 closed in 3 to 6 months, 10 in 6 months to 1 year, 2 in over 2 years
        closedDurations: [
          { durationDays: 100, count: 8 },
          { durationDays: 200, count: 10 },
          { durationDays: 800, count: 2 },
        ],
      },
    }) as IndicatorValue[];
    const chart = durationBandsChart(find(values, 'avg_duration_days'));
    expect(chart?.table.headers).toEqual(['Durée du parcours', 'Parcours terminés', 'Part']);
    expect(chart?.table.rows.map((r) => [r.header, ...r.cells])).toEqual([
      ['Moins de 3 mois (0 à 90 jours)', '0', `0,0${NBSP}%`],
      ['3 à 6 mois (91 à 182 jours)', '8', `40,0${NBSP}%`],
      ['6 mois à 1 an (183 à 365 jours)', '10', `50,0${NBSP}%`],
      ['1 à 2 ans (366 à 730 jours)', '0', `0,0${NBSP}%`],
      ['Plus de 2 ans (731 jours et plus)', '2', `10,0${NBSP}%`],
    ]);
    const masked = durationBandsChart(find(applySmallCountSuppression(values, { threshold: 5 }), 'avg_duration_days'));
    expect(masked?.table.rows.map((r) => r.cells[0])).toEqual(['0', 'masqué', '10', '0', '< 5']);
  });
});
