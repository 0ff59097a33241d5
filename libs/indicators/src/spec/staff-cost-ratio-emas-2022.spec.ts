import { parseEurosToCents as eur } from '@sdat/format';
import { computePayrollRatio, computeStaffCostRatio, type BudgetInput } from '../index';

/**
 * Source: annexe 3, « EMAS BUDGET 2022 ». Most EMAS staff is made available by Acodège
 * and billed on 621800 « Autres personnels extérieurs » = 74 327 €; group 63/64 = 82 766 €.
 * Other 62 lines: 3 300 + 1 071 + 239 + 743 + 20 + 773 + 8 = 6 154 €.
 * Total des charges = 3 228 + 9 145 + 74 327 + 6 154 + 82 766 + 8 754 + 300 + 4 + 235 = 184 913 €.
 * payroll ratio    = 82 766 / 184 913 ≈ 44,8 %
 * staff cost ratio = (82 766 + 74 327) / 184 913 = 157 093 / 184 913 ≈ 85,0 %
 */
const emas2022: BudgetInput = {
  programmeCode: 'emas',
  year: 2022,
  basis: 'forecast',
  declaredTotals: { expensesCents: eur('184 913'), incomeCents: eur('184 913') },
  lines: [
    { accountCode: null, groupCode: '60', side: 'expenses', label: 'ACHATS NON STOCKES', amountCents: eur('3 228') },
    { accountCode: null, groupCode: '61', side: 'expenses', label: 'SERVICES EXTERIEURS', amountCents: eur('9 145') },
    { accountCode: '621800', groupCode: '62', side: 'expenses', label: 'Autres personnels extérieurs', amountCents: eur('74 327') },
    { accountCode: null, groupCode: '62', side: 'expenses', label: 'Autres services extérieurs (hors 621800)', amountCents: eur('6 154') },
    { accountCode: null, groupCode: '63/64', side: 'expenses', label: 'CHARGES DE PERSONNEL', amountCents: eur('82 766') },
    { accountCode: '655700', groupCode: '65', side: 'expenses', label: 'frais de siège Direction', amountCents: eur('8 754') },
    { accountCode: '658600', groupCode: '65', side: 'expenses', label: 'Fonds de solidarité', amountCents: eur('300') },
    { accountCode: '658800', groupCode: '65', side: 'expenses', label: 'Autres charges diverses de gestion courante', amountCents: eur('4') },
    { accountCode: '681120', groupCode: '68', side: 'expenses', label: 'Amortissements Immobilisations corporelles', amountCents: eur('235') },
    { accountCode: '741000', groupCode: '74', side: 'income', label: "Subventions d'exploitation", amountCents: eur('174 240') },
    { accountCode: null, groupCode: '74', side: 'income', label: 'Subvention de l’Etat - DDETS Primes Médico-social (Ségur)', amountCents: eur('10 673') },
  ],
};

describe('staff cost ratio – EMAS 2022 (BP)', () => {
  it('(82 766 + 74 327) / 184 913', () => {
    const ratio = computeStaffCostRatio(emas2022);
    expect(ratio.exact).toEqual({ numerator: 157093, denominator: 184913 });
    expect(ratio.flags.map((f) => f.code)).toEqual(['group_total_used']);
    expect(ratio.details?.find((d) => d.key === 'external_staff')?.value).toBe(eur('74 327'));
    expect(ratio.provenance.formulaText).toBe(
      '(Masse salariale + personnel extérieur) / total des charges = (82\u00a0766\u00a0€ + 74\u00a0327\u00a0€) / 184\u00a0913\u00a0€ = 85,0\u00a0%',
    );
  });

  it('payroll ratio alone understates staff costs: 82 766 / 184 913', () => {
    const ratio = computePayrollRatio(emas2022);
    expect(ratio.exact).toEqual({ numerator: 82766, denominator: 184913 });
    expect(ratio.value).toBeLessThan(0.45);
  });
});
