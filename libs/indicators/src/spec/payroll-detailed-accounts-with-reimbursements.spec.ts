import { parseEurosToCents as eur } from '@sdat/format';
import { computePayroll, computePayrollRatio, type BudgetInput } from '../index';

/**
 * A detailed actual budget (compte administratif) where personnel is split by account.
 * Payroll = 631100 5 000 + 633300 2 000 + 641100 300 000 + 645100 120 000
 *         − 641900 8 000 (remboursements sur rémunérations, given positive)
 *         − 645900 3 000 (remboursements de charges sociales, given negative)
 *         = 416 000 €.
 * Not payroll: 635130 (autres impôts locaux, 1 000) and 621000 (personnel extérieur, 4 000).
 * Total expenses = 5 000 + 2 000 + 300 000 + 120 000 − 8 000 − 3 000 + 1 000 + 4 000 + 100 000 = 521 000 €.
 */
const budget: BudgetInput = {
  programmeCode: 'acor-dijon-metropole',
  year: 2023,
  basis: 'actual',
  lines: [
    { accountCode: '631100', groupCode: '63', side: 'expenses', label: 'Taxe sur les salaires', amountCents: eur('5 000') },
    { accountCode: '633300', groupCode: '63', side: 'expenses', label: 'Formation professionnelle continue', amountCents: eur('2 000') },
    { accountCode: '635130', groupCode: '63', side: 'expenses', label: 'Autres impôts locaux', amountCents: eur('1 000') },
    { accountCode: '641100', groupCode: '64', side: 'expenses', label: 'Salaires', amountCents: eur('300 000') },
    { accountCode: '645100', groupCode: '64', side: 'expenses', label: 'Cotisations URSSAF', amountCents: eur('120 000') },
    { accountCode: '641900', groupCode: '64', side: 'expenses', label: 'Remboursements sur rémunérations', amountCents: eur('8 000') },
    { accountCode: '645900', groupCode: '64', side: 'expenses', label: 'Remboursements de charges sociales', amountCents: -eur('3 000') },
    { accountCode: '621000', groupCode: '62', side: 'expenses', label: 'Personnel extérieur', amountCents: eur('4 000') },
    { accountCode: null, groupCode: '60', side: 'expenses', label: 'ACHATS', amountCents: eur('100 000') },
  ],
};

describe('payroll from detailed accounts, net of 64x9 reimbursements', () => {
  it('sums 631/633/64 and subtracts reimbursements whatever their sign', () => {
    const payroll = computePayroll(budget);
    expect(payroll.value).toBe(eur('416 000'));
    expect(payroll.provenance.method).toBe('detailed_accounts');
    expect(payroll.flags).toEqual([]);
    expect(payroll.breakdown?.map((b) => b.key)).toEqual(['631100', '633300', '641100', '645100', '641900', '645900']);
    expect(payroll.breakdown?.reduce((t, b) => t + (b.value ?? 0), 0)).toBe(payroll.value);
    expect(payroll.details).toEqual([
      { key: 'reimbursements', label: 'Remboursements déduits (64x9)', value: eur('11 000'), unit: 'eur' },
    ]);
    expect(payroll.provenance.formulaText).toContain('− 8\u00a0000\u00a0€ (641900)');
    expect(payroll.provenance.formulaText).toContain('− 3\u00a0000\u00a0€ (645900)');
  });

  it('reimbursements also reduce total expenses: 416 000 / 521 000', () => {
    const ratio = computePayrollRatio(budget);
    expect(ratio.exact).toEqual({ numerator: 416, denominator: 521 });
  });
});
