import type { BarSeriesOption, LineSeriesOption } from 'echarts';
import { collectNumbers } from '../test/fixtures';
import { barOption, chartTable, lineOption, type CategoryChartSpec } from './category-chart';

const NBSP = '\u00a0';

const occupancy: CategoryChartSpec = {
  title: "Taux d'occupation",
  categoryLabel: 'Année',
  categories: ['2021', '2022', '2023'],
  series: [
    { name: 'ACOR Centre Ville', values: [0.72, null, 0.8] },
    { name: 'EMAS', values: [0.6, 0.65, 0.7] },
  ],
  valueKind: 'ratio',
};

describe('lineOption', () => {
  const option = lineOption(occupancy);
  const series = option.series as LineSeriesOption[];

  it('keeps ratios as they are and leaves gaps for missing values', () => {
    expect(series[0]?.data).toEqual([0.72, null, 0.8]);
    expect(series[0]?.connectNulls).toBe(false);
    expect(series.map((item) => item.symbol)).toEqual(['circle', 'rect']);
  });

  it('formats the axis as French percentages and describes missing values', () => {
    const yAxis = option.yAxis as { axisLabel: { formatter: (value: number) => string } };
    expect(yAxis.axisLabel.formatter(0.72)).toBe(`72,0${NBSP}%`);
    const description = (option.aria as { label: { description: string } }).label.description;
    expect(description).toBe(
      `Graphique en courbes : Taux d'occupation. ACOR Centre Ville — 2021 : 72,0${NBSP}% ; 2022 : — ; 2023 : 80,0${NBSP}%. EMAS — 2021 : 60,0${NBSP}% ; 2022 : 65,0${NBSP}% ; 2023 : 70,0${NBSP}%.`,
    );
  });
});

describe('barOption', () => {
  it('converts euros from cents and formats counts', () => {
    const money = barOption({
      title: 'Masse salariale',
      categoryLabel: 'Année',
      categories: ['2022'],
      series: [{ name: 'Masse salariale', values: [48917401] }],
      valueKind: 'euros',
    });
    expect((money.series as BarSeriesOption[])[0]?.data).toEqual([489174.01]);
    const counts = barOption({
      title: 'Personnes accompagnées',
      categoryLabel: 'Dispositif',
      categories: ['EMAS'],
      series: [{ name: 'Personnes', values: [1234] }],
      valueKind: 'count',
      description: 'Description fournie.',
    });
    const axis = counts.yAxis as { axisLabel: { formatter: (value: number) => string } };
    expect(axis.axisLabel.formatter(1234)).toBe(`1${NBSP}234`);
    expect(counts.aria).toMatchObject({ label: { description: 'Description fournie.' } });
  });

  it('describes an empty chart without NaN', () => {
    const empty = barOption({ title: 'Vide', categoryLabel: 'Année', categories: [], series: [], valueKind: 'euros' });
    expect(empty.aria).toMatchObject({ label: { description: 'Graphique en barres : Vide. Aucune donnée.' } });
    collectNumbers(empty).forEach((value) => expect(Number.isFinite(value)).toBe(true));
  });

  it('rejects inconsistent or invalid data with a French message', () => {
    expect(() =>
      barOption({ ...occupancy, series: [{ name: 'EMAS', values: [0.1] }] }),
    ).toThrow('La série « EMAS » a 1 valeurs pour 3 catégories.');
    expect(() =>
      barOption({ ...occupancy, series: [{ name: 'EMAS', values: [0.1, Number.NaN, 0.2] }] }),
    ).toThrow(/valeur invalide/);
    expect(() =>
      barOption({ ...occupancy, valueKind: 'euros', series: [{ name: 'EMAS', values: [1, 2.5, 3] }] }),
    ).toThrow(/nombre entier de centimes/);
  });
});

describe('chartTable', () => {
  it('formats every cell and adds the requested totals', () => {
    const table = chartTable({
      title: 'ETP',
      categoryLabel: 'Dispositif',
      categories: ['ACOR', 'EMAS'],
      series: [
        { name: '2021', values: [12.5, 3] },
        { name: '2022', values: [13, null] },
      ],
      valueKind: 'fte',
      totalRowLabel: 'Total',
      totalColumnLabel: 'Ensemble',
    });
    expect(table).toEqual({
      caption: 'ETP',
      headers: ['Dispositif', '2021', '2022', 'Ensemble'],
      rows: [
        { header: 'ACOR', cells: ['12,50', '13,00', '25,50'] },
        { header: 'EMAS', cells: ['3,00', '—', '3,00'] },
      ],
      footer: { header: 'Total', cells: ['15,50', '13,00', '28,50'] },
    });
  });
});
