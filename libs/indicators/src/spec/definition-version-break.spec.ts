import { definitionBreakFlags, yearOverYearRates, type SeriesPoint } from '../index';

describe('multi-year series and definition breaks', () => {
  const series: SeriesPoint[] = [
    { year: 2020, value: 100, version: 1 },
    { year: 2021, value: 110, version: 1 },
    { year: 2022, value: 121, version: 2 },
  ];

  it('computes consecutive year-on-year rates exactly', () => {
    const { rates } = yearOverYearRates(series, 'la masse salariale');
    expect(rates.map((r) => [r.key, r.exact])).toEqual([
      ['rate_2020_2021', { numerator: 1, denominator: 10 }],
      ['rate_2021_2022', { numerator: 1, denominator: 10 }],
    ]);
    expect(rates[0]?.label).toBe('Évolution de 2020 à 2021');
  });

  it('flags a change of catalogue version', () => {
    const { flags } = yearOverYearRates(series, 'la masse salariale');
    expect(flags).toEqual([
      {
        code: 'definition_changed',
        message:
          'Changement de définition de la masse salariale entre 2021 (version 1) et 2022 (version 2) : les années ne sont pas directement comparables.',
      },
    ]);
  });

  it('flags a change of method and mixed bases; ignores missing years', () => {
    const flags = yearOverYearRates(
      [
        { year: 2021, value: 10, version: 1, method: 'detailed_accounts', basis: 'actual' },
        { year: 2022, value: 12, version: 1, method: 'group_total', basis: 'forecast' },
        { year: 2023, value: null, version: 3 },
      ],
      'la masse salariale',
    ).flags.map((f) => f.code);
    expect(flags).toEqual(['definition_changed', 'mixed_bases']);
    expect(definitionBreakFlags([{ year: 2021, value: 1, version: 1 }, { year: 2022, value: null, version: 2 }], 'x')).toEqual([]);
  });

  it('a gap between years yields no rate for the gap', () => {
    const { rates } = yearOverYearRates([{ year: 2019, value: 1, version: 1 }, { year: 2021, value: 2, version: 1 }], 'x');
    expect(rates).toEqual([]);
  });
});
