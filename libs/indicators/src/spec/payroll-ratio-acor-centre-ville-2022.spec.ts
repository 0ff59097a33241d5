import { parseEurosToCents as eur } from '@sdat/format';
import { computePayroll, computePayrollRatio, type BudgetInput } from '../index';

/**
 * Source: convention cadre 2022, annexe 1, « ACOR CENTRE VILLE – BP 2022 ».
 * The budget prints personnel expenses only as the group total
 * « 63/64 CHARGES DE PERSONNEL … 489 174 » (no 631/633/64 detail).
 * Only the lines needed are typed; other groups are typed at group level (leaf with no account).
 *
 * Total des charges = 39 772 (60) + 36 654 (61) + 74 353 (62) + 0 (63) + 489 174 (63/64)
 *                   + 32 160 + 500 + 68 (65) + 6 560 (68) = 679 241 € (= TOTAL DES CHARGES printed)
 * Ratio = 489 174 / 679 241 (already irreducible) ≈ 0,720177 → « 72,0 % »
 */
const budget: BudgetInput = {
  programmeCode: 'acor-centre-ville',
  year: 2022,
  basis: 'forecast',
  declaredTotals: { expensesCents: eur('679 241') },
  lines: [
    { accountCode: null, groupCode: '60', side: 'expenses', label: 'ACHATS', amountCents: eur('39 772') },
    { accountCode: null, groupCode: '61', side: 'expenses', label: 'SERVICES EXTERIEURS', amountCents: eur('36 654') },
    { accountCode: null, groupCode: '62', side: 'expenses', label: 'AUTRES SERVICES EXTERIEURS', amountCents: eur('74 353') },
    { accountCode: null, groupCode: '63/64', side: 'expenses', label: 'CHARGES DE PERSONNEL', amountCents: eur('489 174') },
    { accountCode: '655700', groupCode: '65', side: 'expenses', label: 'frais de siège Direction', amountCents: eur('32 160') },
    { accountCode: '658600', groupCode: '65', side: 'expenses', label: 'fonds de solidarité', amountCents: eur('500') },
    { accountCode: '658800', groupCode: '65', side: 'expenses', label: 'autres charges gestion courante', amountCents: eur('68') },
    { accountCode: '681120', groupCode: '68', side: 'expenses', label: 'dotations aux amortissements', amountCents: eur('6 560') },
  ],
};

describe('payroll ratio – ACOR Centre Ville 2022 (BP)', () => {
  it('payroll is the 63/64 group total, flagged as such', () => {
    const payroll = computePayroll(budget);
    expect(payroll.value).toBe(48917400);
    expect(payroll.provenance.method).toBe('group_total');
    expect(payroll.flags.map((f) => f.code)).toContain('group_total_used');
    expect(payroll.flags.find((f) => f.code === 'group_total_used')?.message).toContain('63/64');
    expect(payroll.flags.map((f) => f.code)).not.toContain('inconsistent_input');
  });

  it('ratio = 489 174 / 679 241, exact', () => {
    const ratio = computePayrollRatio(budget);
    expect(ratio.exact).toEqual({ numerator: 489174, denominator: 679241 });
    expect(ratio.value).toBe(489174 / 679241);
    expect(ratio.unit).toBe('ratio');
    expect(ratio.provenance.basis).toBe('forecast');
    expect(ratio.provenance.formulaText).toBe(
      'Masse salariale / total des charges = 489\u00a0174\u00a0€ / 679\u00a0241\u00a0€ = 72,0\u00a0%',
    );
    expect(ratio.flags.map((f) => f.code)).toEqual(['group_total_used', 'incomplete_data']);
  });

  it('evolution in points against a (hypothetical) 2021 actual', () => {
    // 2021: payroll 470 000 / expenses 660 000 = 47/66 ≈ 71,21 %
    // Δ = 489174/679241 − 47/66 = (489174×66 − 47×679241) / (679241×66)
    //   = (32 285 484 − 31 924 327) / 44 829 906 = 361 157 / 44 829 906 ≈ +0,81 pt
    const previous: BudgetInput = {
      programmeCode: 'acor-centre-ville',
      year: 2021,
      basis: 'actual',
      lines: [
        { accountCode: null, groupCode: '63/64', side: 'expenses', label: 'CHARGES DE PERSONNEL', amountCents: eur('470 000') },
        { accountCode: null, groupCode: '60', side: 'expenses', label: 'ACHATS', amountCents: eur('190 000') },
      ],
    };
    const ratio = computePayrollRatio(budget, previous);
    const evolution = ratio.details?.find((d) => d.key === 'evolution_points');
    expect(evolution?.exact).toEqual({ numerator: 361157, denominator: 44829906 });
    expect(evolution?.unit).toBe('points');
    expect(ratio.flags.map((f) => f.code)).toContain('mixed_bases');
    expect(ratio.provenance.formulaText).toContain('+0,8\u00a0pt');
  });

  it('zero total expenses → null, not_computable with a French reason', () => {
    const empty: BudgetInput = { ...budget, lines: [] , declaredTotals: undefined };
    const ratio = computePayrollRatio(empty);
    expect(ratio.value).toBeNull();
    expect(ratio.flags[0]?.code).toBe('not_computable');
    expect(ratio.reason).toMatch(/Total des charges 2022 nul/);
  });
});
