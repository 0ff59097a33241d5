import { parseEurosToCents as eur } from '@sdat/format';
import { computePayrollGrowth, type BudgetInput } from '../index';

/**
 * ACOR Centre Ville: 2022 payroll from the BP (group 63/64 = 489 174 €), with two
 * hypothetical earlier ACTUAL budgets detailed by account: 2020 = 450 000 €, 2021 = 470 000 €.
 *   2020 → 2021 : (470 000 − 450 000) / 450 000 = 20 000 / 450 000 = 2/45 ≈ +4,4 %
 *   2021 → 2022 : (489 174 − 470 000) / 470 000 = 19 174 / 470 000 = 9 587 / 235 000 ≈ +4,1 %
 *   average annual rate = (489 174 / 450 000)^(1/2) − 1 ≈ +4,26 %
 * The 2022 figure is a group total and a forecast while 2020–2021 are detailed actuals:
 * definition break (method) and mixed bases must be flagged.
 */
const detailed = (year: number, salaries: string): BudgetInput => ({
  programmeCode: 'acor-centre-ville',
  year,
  basis: 'actual',
  lines: [{ accountCode: '641100', groupCode: '64', side: 'expenses', label: 'Salaires', amountCents: eur(salaries) }],
});
const bp2022: BudgetInput = {
  programmeCode: 'acor-centre-ville',
  year: 2022,
  basis: 'forecast',
  lines: [{ accountCode: null, groupCode: '63/64', side: 'expenses', label: 'CHARGES DE PERSONNEL', amountCents: eur('489 174') }],
};

describe('payroll growth over N-2, N-1, N', () => {
  it('computes the year-on-year rates and the average annual rate', () => {
    const growth = computePayrollGrowth(bp2022, [detailed(2021, '470 000'), detailed(2020, '450 000')]);
    expect(growth.exact).toEqual({ numerator: 9587, denominator: 235000 });
    expect(growth.value).toBe(9587 / 235000);
    const byKey = new Map(growth.details?.map((d) => [d.key, d]));
    expect(byKey.get('rate_2020_2021')?.exact).toEqual({ numerator: 2, denominator: 45 });
    expect(byKey.get('rate_2021_2022')?.exact).toEqual({ numerator: 9587, denominator: 235000 });
    expect(byKey.get('average_annual_rate')?.value).toBeCloseTo(Math.sqrt(489174 / 450000) - 1, 12);
    expect(growth.provenance.formulaText).toContain('+4,1\u00a0%');
    expect(growth.provenance.formulaText).toContain('+4,3\u00a0%');
    const codes = growth.flags.map((f) => f.code);
    expect(codes).toContain('definition_changed');
    expect(codes).toContain('mixed_bases');
    expect(codes).toContain('group_total_used');
  });

  it('without N-2: N / N-1 only, the average rate is flagged missing', () => {
    const growth = computePayrollGrowth(bp2022, [detailed(2021, '470 000')]);
    expect(growth.exact).toEqual({ numerator: 9587, denominator: 235000 });
    expect(growth.details?.find((d) => d.key === 'average_annual_rate')?.value).toBeNull();
    expect(growth.flags.find((f) => f.code === 'incomplete_data')?.message).toMatch(/2020 non fourni/);
  });
});
