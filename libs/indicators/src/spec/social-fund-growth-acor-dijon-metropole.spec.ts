import { parseEurosToCents as eur } from '@sdat/format';
import { computeSocialFundGrowth, type BudgetInput } from '../index';

/**
 * Source: annexe 2, ACOR GRAND DIJON BUDGET 2022: 658600 fonds de solidarité = 50 000 €.
 * Hypothetical 2021 envelope (same basis): 40 000 €.
 *   (50 000 − 40 000) / 40 000 = 1/4 = +25,0 %
 */
const fvs = (year: number, amount: string | null): BudgetInput => ({
  programmeCode: 'acor-dijon-metropole',
  year,
  basis: 'forecast',
  lines:
    amount === null
      ? []
      : [{ accountCode: '658600', groupCode: '65', side: 'expenses', label: 'fonds de solidarité', amountCents: eur(amount) }],
});

describe('social-life fund growth – ACOR Dijon Métropole', () => {
  it('+25 % from 40 000 € to 50 000 €', () => {
    const growth = computeSocialFundGrowth(fvs(2022, '50 000'), [fvs(2021, '40 000')]);
    expect(growth.exact).toEqual({ numerator: 1, denominator: 4 });
    expect(growth.provenance.formulaText).toBe('(50\u00a0000\u00a0€ − 40\u00a0000\u00a0€) / 40\u00a0000\u00a0€ = +25,0\u00a0%');
    expect(growth.flags).toEqual([]);
  });

  it('missing 2021 → no_data', () => {
    const growth = computeSocialFundGrowth(fvs(2022, '50 000'));
    expect(growth.value).toBeNull();
    expect(growth.flags[0]?.code).toBe('no_data');
  });

  it('zero 2021 envelope → not_computable', () => {
    const growth = computeSocialFundGrowth(fvs(2022, '50 000'), [fvs(2021, '0')]);
    expect(growth.value).toBeNull();
    expect(growth.flags[0]?.code).toBe('not_computable');
  });

  it('no 658600 line in 2022 → counted 0 € (−100 %) and flagged', () => {
    const growth = computeSocialFundGrowth(fvs(2022, null), [fvs(2021, '40 000')]);
    expect(growth.exact).toEqual({ numerator: -1, denominator: 1 });
    expect(growth.flags.map((f) => f.code)).toEqual(['incomplete_data']);
  });
});
