import { parseEurosToCents as eur } from '@sdat/format';
import { computeHeadOfficeRatio, type BudgetInput } from '../index';

/**
 * Source: annexe 3, EMAS BUDGET 2022: 655700 = 8 754 €, TOTAL DES CHARGES = 184 913 €.
 *   charges totales     : 8 754 / 184 913 ≈ 4,73 %
 *   hors frais de siège : 8 754 / 176 159 ≈ 4,97 % → ≤ 5 %, above 4,5 % → warning
 */
const budget: BudgetInput = {
  programmeCode: 'emas',
  year: 2022,
  basis: 'forecast',
  lines: [
    { accountCode: '655700', groupCode: '65', side: 'expenses', label: 'frais de siège Direction', amountCents: eur('8 754') },
    { accountCode: null, groupCode: 'autres', side: 'expenses', label: 'Autres charges', amountCents: eur('176 159') },
  ],
};

describe('head-office ratio – EMAS 2022', () => {
  it('8 754 / 176 159, warning', () => {
    const ratio = computeHeadOfficeRatio(budget);
    expect(ratio.exact).toEqual({ numerator: 8754, denominator: 176159 });
    expect(ratio.status).toBe('warning');
  });

  it('no 655700 line → 0 %, flagged', () => {
    const ratio = computeHeadOfficeRatio({ ...budget, lines: budget.lines.slice(1) });
    expect(ratio.value).toBe(0);
    expect(ratio.status).toBe('ok');
    expect(ratio.flags.map((f) => f.code)).toEqual(['incomplete_data']);
  });
});
