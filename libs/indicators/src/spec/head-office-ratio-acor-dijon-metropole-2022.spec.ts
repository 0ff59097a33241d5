import { parseEurosToCents as eur } from '@sdat/format';
import { computeHeadOfficeCap, computeHeadOfficeRatio, type BudgetInput } from '../index';

/**
 * Source: annexe 2, ACOR GRAND DIJON BUDGET 2022: 655700 = 37 586 €, TOTAL DES CHARGES = 778 870 €.
 * Expense groups: 13 654 + 58 686 + 31 473 + 575 192 + (37 586 + 50 000 + 68) + 12 211 = 778 870.
 *   charges totales     : 37 586 / 778 870 = 18 793 / 389 435 ≈ 4,83 %  (≤ 5 %)
 *   hors frais de siège : 37 586 / (778 870 − 37 586) = 37 586 / 741 284 = 18 793 / 370 642 ≈ 5,07 %  (> 5 % !)
 * 5 % of 741 284 € = 37 064,20 € → excess 37 586 − 37 064,20 = 521,80 €.
 */
const budget: BudgetInput = {
  programmeCode: 'acor-dijon-metropole',
  year: 2022,
  basis: 'forecast',
  declaredTotals: { expensesCents: eur('778 870') },
  lines: [
    { accountCode: null, groupCode: '60', side: 'expenses', label: 'ACHATS', amountCents: eur('13 654') },
    { accountCode: null, groupCode: '61', side: 'expenses', label: 'SERVICES EXTERIEURS', amountCents: eur('58 686') },
    { accountCode: null, groupCode: '62', side: 'expenses', label: 'AUTRES SERVICES EXTERIEURS', amountCents: eur('31 473') },
    { accountCode: null, groupCode: '63/64', side: 'expenses', label: 'CHARGES DE PERSONNEL', amountCents: eur('575 192') },
    { accountCode: '655700', groupCode: '65', side: 'expenses', label: 'frais de siège Direction', amountCents: eur('37 586') },
    { accountCode: '658600', groupCode: '65', side: 'expenses', label: 'fonds de solidarité', amountCents: eur('50 000') },
    { accountCode: '658800', groupCode: '65', side: 'expenses', label: 'autres charges gestion courante', amountCents: eur('68') },
    { accountCode: '681120', groupCode: '68', side: 'expenses', label: 'dotations aux amortissements', amountCents: eur('12 211') },
  ],
};

describe('head-office ratio – ACOR Dijon Métropole 2022', () => {
  it('exceeds 5 % on expenses excluding the fees → alert, and says it depends on the basis', () => {
    const ratio = computeHeadOfficeRatio(budget);
    expect(ratio.exact).toEqual({ numerator: 18793, denominator: 370642 });
    expect(ratio.value).toBeGreaterThan(0.05);
    expect(ratio.details?.find((d) => d.key === 'including_fees')?.exact).toEqual({ numerator: 18793, denominator: 389435 });
    expect(ratio.status).toBe('alert');
    const sensitive = ratio.flags.find((f) => f.code === 'basis_sensitive');
    expect(sensitive?.message).toBe(
      "Le respect du plafond de 5 % dépend de l'assiette : 4,83\u00a0% des charges totales, 5,07\u00a0% des charges hors frais de siège.",
    );
  });

  it('head_office_cap fails with the figures behind it', () => {
    const cap = computeHeadOfficeCap(budget);
    expect(cap.passed).toBe(false);
    expect(cap.value).toBe(0);
    expect(cap.status).toBe('alert');
    expect(cap.details?.find((d) => d.key === 'cap_amount')?.value).toBe(3706420);
    expect(cap.details?.find((d) => d.key === 'excess')?.value).toBe(52180);
    expect(cap.provenance.formulaText).toMatch(/non conforme \(> 5 %\)$/);
    expect(cap.provenance.inputs.find((i) => i.ref === '655700')?.value).toBe(3758600);
  });
});
