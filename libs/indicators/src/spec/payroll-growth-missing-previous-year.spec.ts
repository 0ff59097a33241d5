import { parseEurosToCents as eur } from '@sdat/format';
import { computePayrollGrowth, type BudgetInput } from '../index';

const bp2022: BudgetInput = {
  programmeCode: 'emas',
  year: 2022,
  basis: 'forecast',
  lines: [{ accountCode: null, groupCode: '63/64', side: 'expenses', label: 'CHARGES DE PERSONNEL', amountCents: eur('82 766') }],
};

describe('payroll growth with a missing or zero N-1', () => {
  it('missing N-1 → value null + no_data', () => {
    const growth = computePayrollGrowth(bp2022, []);
    expect(growth.value).toBeNull();
    expect(growth.flags[0]).toEqual({
      code: 'no_data',
      message: 'Budget 2021 non fourni : évolution de la masse salariale non calculable.',
    });
    expect(growth.reason).toBe('Budget 2021 non fourni : évolution de la masse salariale non calculable.');
  });

  it('a year two years back does not stand in for N-1', () => {
    const growth = computePayrollGrowth(bp2022, [{ ...bp2022, year: 2020 }]);
    expect(growth.value).toBeNull();
    expect(growth.flags[0]?.code).toBe('no_data');
  });

  it('zero payroll in N-1 → not_computable', () => {
    const growth = computePayrollGrowth(bp2022, [{ ...bp2022, year: 2021, lines: [] }]);
    expect(growth.value).toBeNull();
    expect(growth.flags[0]?.code).toBe('not_computable');
    expect(growth.reason).toMatch(/Masse salariale 2021 nulle/);
  });
});
