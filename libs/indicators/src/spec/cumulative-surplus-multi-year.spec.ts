import { parseEurosToCents as eur } from '@sdat/format';
import { computeCumulativeSurplus, type BudgetInput } from '../index';

const year = (y: number, basis: 'forecast' | 'actual', income: string, expenses: string): BudgetInput => ({
  programmeCode: 'emas',
  year: y,
  basis,
  lines: [
    { accountCode: null, groupCode: '74', side: 'income', label: 'Subventions', amountCents: eur(income) },
    { accountCode: null, groupCode: '60', side: 'expenses', label: 'Charges', amountCents: eur(expenses) },
  ],
});

describe('cumulative operating surplus', () => {
  it('sums income − expenses per year, preferring actuals', () => {
    // 2020: 700 000 − 690 000 = +10 000 ; 2021: 710 000 − 715 500 = −5 500 ;
    // 2022 actual: 720 000 − 717 700 = +2 300 (the 2022 forecast is ignored) → +6 800 €
    const value = computeCumulativeSurplus(
      [
        year(2020, 'actual', '700 000', '690 000'),
        year(2021, 'actual', '710 000', '715 500'),
        year(2022, 'forecast', '184 913', '184 913'),
        year(2022, 'actual', '720 000', '717 700'),
      ],
      { programmeCode: 'emas', year: 2022 },
    );
    expect(value.value).toBe(eur('6 800'));
    expect(value.breakdown?.map((b) => [b.key, b.value])).toEqual([
      ['2020', eur('10 000')],
      ['2021', -eur('5 500')],
      ['2022', eur('2 300')],
    ]);
    expect(value.flags).toEqual([]);
    expect(value.provenance.basis).toBe('actual');
    expect(value.provenance.period).toEqual({ start: '2020-01-01', end: '2022-12-31' });
    expect(value.provenance.formulaText).toBe(
      'Σ (produits − charges) = 10\u00a0000\u00a0€ (2020) − 5\u00a0500\u00a0€ (2021) + 2\u00a0300\u00a0€ (2022) = +6\u00a0800\u00a0€',
    );
  });

  it('a forecast-only year (BP 2022 EMAS, balanced at 184 913 €) is flagged; a gap is flagged', () => {
    const value = computeCumulativeSurplus(
      [year(2020, 'actual', '100', '50'), year(2022, 'forecast', '184 913', '184 913')],
      { programmeCode: 'emas', year: 2022 },
    );
    expect(value.value).toBe(eur('50'));
    const codes = value.flags.map((f) => f.code);
    expect(codes).toContain('forecast_basis');
    expect(value.flags.find((f) => f.code === 'incomplete_data')?.message).toBe('Années manquantes dans le cumul : 2021.');
    expect(value.provenance.basis).toBeNull();
  });

  it('no budget → null + no_data; later years are ignored', () => {
    const value = computeCumulativeSurplus([year(2023, 'actual', '1', '0')], { programmeCode: 'emas', year: 2022 });
    expect(value.value).toBeNull();
    expect(value.flags[0]?.code).toBe('no_data');
  });
});
